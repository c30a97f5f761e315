"""Exports: ACLED CSV columns, GeoJSON FeatureCollection, JSON records."""

from __future__ import annotations

import csv
import io
import json

from tocsin.export import ACLED_COLUMNS, to_csv, to_geojson, to_json, to_table
from tocsin.model import Event

EVENT = Event(event_type="Battles", sub_event_type="Armed clash", event_date="2020-08-18", interaction=18,
              location="Kati", latitude=12.74, longitude=-8.07, fatalities=2, event_id="ev-1", reports=("a", "b"))


def test_export_csv_uses_acled_column_names() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([EVENT]))))
    assert list(rows[0])[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert (rows[0]["event_id_cnty"], rows[0]["year"], rows[0]["inter1"], rows[0]["inter2"]) == ("ev-1", "2020", "1", "8")
    assert rows[0]["reports"] == "a;b"


def test_export_geojson_is_feature_collection() -> None:
    data = json.loads(to_geojson([EVENT]))
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"]["coordinates"] == [-8.07, 12.74]
    assert data["features"][0]["id"] == "ev-1"


def test_export_json_keeps_id_and_reports() -> None:
    record = json.loads(to_json([EVENT]))[0]
    assert record["event_id"] == "ev-1" and record["reports"] == ["a", "b"]


def test_export_table_lists_each_event() -> None:
    assert "Kati" in to_table([EVENT]).splitlines()[1]
