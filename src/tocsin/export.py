"""Event exports: JSON, CSV with ACLED's column names, GeoJSON FeatureCollection, and a terminal table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from tocsin.model import JSON, Event

__all__ = ["ACLED_COLUMNS", "FORMATS", "event_record", "render", "to_csv", "to_geojson", "to_json", "to_table"]

# ACLED's export columns in their order, then tocsin's own.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "iso", "country",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities",
)
TOCSIN_COLUMNS = ("fatalities_low", "fatalities_high", "certainty", "historical", "geonameid", "iso2", "reports",
                  "reviewed")
FORMATS = ("table", "json", "csv", "geojson")


def event_record(event: Event) -> JSON:
    """Return the public JSON record of a stored event: the ``analyze`` event fields plus id and reports."""
    record = event.to_dict()
    for private in ("sentence_start", "sentence_end"):
        record.pop(private, None)
    return record


def to_json(events: Iterable[Event]) -> str:
    """Return the events as a JSON array."""
    return json.dumps([event_record(e) for e in events], ensure_ascii=False, indent=1)


def _acled_row(event: Event) -> dict[str, Any]:
    record = event.to_dict()
    interaction = event.interaction
    inter1, inter2 = (divmod(interaction, 10) if interaction is not None else (None, None))
    row = {column: record.get(column) for column in ACLED_COLUMNS + TOCSIN_COLUMNS}
    row.update(
        event_id_cnty=event.event_id,
        year=event.event_date[:4] if event.event_date else None,
        inter1=inter1,
        inter2=inter2 or None,
        reports=";".join(event.reports),
        reviewed=bool((event.versions or {}).get("reviewed", False)),
    )
    return row


def to_csv(events: Iterable[Event]) -> str:
    """Return the events as CSV with ACLED's column names first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ACLED_COLUMNS + TOCSIN_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow({k: ("" if v is None else v) for k, v in _acled_row(event).items()})
    return buffer.getvalue()


def to_geojson(events: Iterable[Event]) -> str:
    """Return the events as a GeoJSON FeatureCollection (events without coordinates have a null geometry)."""
    features = []
    for event in events:
        feature = event.__geo_interface__
        feature["id"] = event.event_id
        for private in ("sentence_start", "sentence_end"):
            feature["properties"].pop(private, None)
        features.append(feature)
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def to_table(events: Iterable[Event]) -> str:
    """Return a fixed-width table for the terminal: date, type, place, deaths, certainty, actors."""
    lines = [f"{'date':<10}  {'type / sub-type':<48}  {'location':<24}  {'prec':>4}  {'dead':>4}  "
             f"{'certainty':<9}  actors"]
    for event in events:
        kind = f"{event.event_type} / {event.sub_event_type}"
        place = (event.location or "?") + (f", {event.iso2}" if event.iso2 else "")
        dead = "" if event.fatalities is None else str(event.fatalities)
        actors = " vs ".join(a for a in (event.actor1, event.actor2) if a)
        mark = " (historical)" if event.historical else ""
        lines.append(f"{event.event_date or '?':<10}  {kind[:48]:<48}  {place[:24]:<24}  "
                     f"{event.geo_precision or '':>4}  {dead:>4}  {event.certainty or '':<9}  {actors}{mark}")
    return "\n".join(lines)


def render(events: Iterable[Event], fmt: str) -> str:
    """Render events in one of ``FORMATS``."""
    renderers = {"table": to_table, "json": to_json, "csv": to_csv, "geojson": to_geojson}
    return renderers[fmt](list(events))
