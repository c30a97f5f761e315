from __future__ import annotations

import json

import pytest

from tocsin.alert import area
from tocsin.errors import ConfigError
from tocsin.model import Event

KATI = Event("Battles", "Armed clash", location="Kati", latitude=12.7441, longitude=-8.0733, iso2="ML",
             admin1="Koulikoro")
SQUARE = {"type": "Polygon", "coordinates": [[[-8.5, 12.0], [-7.5, 12.0], [-7.5, 13.0], [-8.5, 13.0], [-8.5, 12.0]]]}
HOLE = [[-8.1, 12.7], [-8.0, 12.7], [-8.0, 12.8], [-8.1, 12.8], [-8.1, 12.7]]


@pytest.mark.parametrize(("spec", "inside"), [
    ("12.6392,-8.0029,50", True),
    ("12.6392,-8.0029,10", False),
    ("14.5,-4.2,20", False),
], ids=["bamako-50km", "bamako-10km", "mopti"])
def test_area_circle_contains_by_distance(spec: str, inside: bool) -> None:
    ok, why = area.contains(area.circle(spec), KATI)
    assert ok is inside
    assert "km" in why and ("inside" if inside else "outside") in why


@pytest.mark.parametrize(("geometry", "inside"), [
    (SQUARE, True),
    ({"type": "Polygon", "coordinates": [SQUARE["coordinates"][0], HOLE]}, False),
    ({"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}}, True),
], ids=["polygon", "in-hole", "feature-multipolygon"])
def test_area_polygon_contains_respects_holes(geometry: dict[str, object], inside: bool) -> None:
    assert area.contains(area.polygon(json.dumps(geometry)), KATI)[0] is inside


@pytest.mark.parametrize(("built", "inside"), [
    (area.country("ml"), True),
    (area.country("NE"), False),
    (area.region("ML:koulikoro"), True),
    (area.region("Koulikoro"), True),
    (area.region("ML:Kayes"), False),
], ids=["country", "other-country", "region", "region-any-country", "other-region"])
def test_area_country_and_region(built: dict[str, object], inside: bool) -> None:
    assert area.contains(built, KATI)[0] is inside


def test_area_event_without_coordinates_is_outside_a_circle() -> None:
    ok, why = area.contains(area.circle("12.6,-8,50"), Event("Battles", "Armed clash", location="Kati"))
    assert not ok and "no coordinates" in why


@pytest.mark.parametrize(("build", "value", "code"), [
    (area.circle, "12.6,-8", "E601"),
    (area.circle, "95,0,10", "E601"),
    (area.polygon, "{not json", "E602"),
    (area.polygon, '{"type": "Point", "coordinates": [0, 0]}', "E602"),
    (area.country, "Mali", "E603"),
    (area.region, "ML:", "E604"),
], ids=["circle-two-parts", "circle-lat", "polygon-json", "polygon-point", "country-name", "region-empty"])
def test_area_bad_input_raises_coded_error(build: object, value: str, code: str) -> None:
    with pytest.raises(ConfigError) as info:
        build(value)  # type: ignore[operator]
    assert info.value.code == code
