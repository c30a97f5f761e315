"""Subscription areas (circle, GeoJSON polygon, country, first-level region) and whether an event lies inside.

An area is plain data (a dict with ``kind``) so it is stored as JSON and sent as is; ``contains`` answers with a
sentence that says why, which becomes part of "why this subscriber got it".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tocsin.errors import ConfigError
from tocsin.geo.distance import distance_km
from tocsin.model import JSON, Event

__all__ = ["circle", "contains", "country", "describe", "point_in_polygon", "polygon", "region"]

Ring = Sequence[Sequence[float]]


def circle(text: str) -> JSON:
    """Parse ``LAT,LON,KM`` into a circle area; raise ``ConfigError`` naming the fault.

    >>> circle("12.64,-8.0,50")
    {'kind': 'circle', 'lat': 12.64, 'lon': -8.0, 'km': 50.0}
    """
    try:
        lat, lon, km = (float(part) for part in text.split(","))
    except ValueError as exc:
        raise ConfigError(f"[E601] circle {text!r} must be LAT,LON,KM (e.g. 12.64,-8.0,50)") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ConfigError(f"[E601] circle {text!r}: latitude must be in [-90, 90], longitude in [-180, 180], "
                          "radius above 0 km")
    return {"kind": "circle", "lat": lat, "lon": lon, "km": km}


def polygon(data: str | JSON) -> JSON:
    """Build a polygon area from GeoJSON text or data (a Polygon, MultiPolygon, Feature or FeatureCollection)."""
    try:
        obj: Any = json.loads(data) if isinstance(data, str) else data
    except json.JSONDecodeError as exc:
        raise ConfigError(f"[E602] the polygon is not valid JSON ({exc.msg}); give a GeoJSON Polygon") from exc
    polygons = _polygons(obj)
    if not polygons:
        raise ConfigError("[E602] the GeoJSON holds no Polygon or MultiPolygon; draw the area as a polygon")
    for rings in polygons:
        if not rings or len(rings[0]) < 4:
            raise ConfigError("[E602] a polygon ring needs at least four positions (the first repeated last)")
    return {"kind": "polygon", "coordinates": polygons}


def _polygons(obj: Any) -> list[list[list[list[float]]]]:
    if not isinstance(obj, dict):
        return []
    kind = obj.get("type")
    if kind == "Polygon":
        return [obj.get("coordinates") or []]
    if kind == "MultiPolygon":
        return list(obj.get("coordinates") or [])
    if kind == "Feature":
        return _polygons(obj.get("geometry"))
    if kind == "FeatureCollection":
        return [p for feature in obj.get("features") or [] for p in _polygons(feature)]
    return []


def country(iso2: str) -> JSON:
    """Build a country area from an ISO 3166 alpha-2 code.

    >>> country("ml")
    {'kind': 'country', 'iso2': 'ML'}
    """
    code = iso2.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise ConfigError(f"[E603] {iso2!r} is not an ISO 3166 alpha-2 country code (e.g. ML)")
    return {"kind": "country", "iso2": code}


def region(text: str) -> JSON:
    """Build a first-level region area from ``ISO2:NAME`` or ``NAME`` (e.g. ``ML:Koulikoro``).

    >>> region("ML:Koulikoro")
    {'kind': 'admin1', 'name': 'Koulikoro', 'iso2': 'ML'}
    """
    iso2, _, name = text.rpartition(":")
    if not name.strip():
        raise ConfigError(f"[E604] region {text!r} must be ISO2:NAME or NAME (e.g. ML:Koulikoro)")
    return {"kind": "admin1", "name": name.strip(), "iso2": country(iso2)["iso2"] if iso2 else None}


def point_in_polygon(lat: float, lon: float, rings: Sequence[Ring]) -> bool:
    """Return whether the point is inside the outer ring and outside every hole (ray casting, GeoJSON order).

    >>> point_in_polygon(0.5, 0.5, [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]])
    True
    """
    return bool(rings) and _in_ring(lon, lat, rings[0]) and not any(_in_ring(lon, lat, hole) for hole in rings[1:])


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, list(ring[1:]) + [ring[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def contains(area: JSON, event: Event) -> tuple[bool, str]:
    """Return whether the event lies in the area, and a sentence that says why (or why not)."""
    kind = area.get("kind")
    place = event.location or "the event"
    if kind == "country":
        inside = (event.iso2 or "").upper() == area["iso2"]
        return inside, f"{place} is {'in' if inside else 'not in'} country {area['iso2']}"
    if kind == "admin1":
        return _in_region(area, event, place)
    if event.latitude is None or event.longitude is None:
        return False, f"{place} has no coordinates"
    if kind == "circle":
        km = distance_km(area["lat"], area["lon"], event.latitude, event.longitude)
        inside = km <= area["km"]
        return inside, (f"{place} is {km:.1f} km from ({area['lat']:g}, {area['lon']:g}), "
                        f"{'inside' if inside else 'outside'} your {area['km']:g} km circle")
    if kind == "polygon":
        inside = any(point_in_polygon(event.latitude, event.longitude, rings) for rings in area["coordinates"])
        return inside, f"{place} ({event.latitude:.4f}, {event.longitude:.4f}) is {'inside' if inside else 'outside'} your polygon"
    return False, f"unknown area kind {kind!r}"


def _in_region(area: JSON, event: Event, place: str) -> tuple[bool, str]:
    same_country = area.get("iso2") is None or (event.iso2 or "").upper() == area["iso2"]
    inside = same_country and (event.admin1 or "").casefold() == str(area["name"]).casefold()
    label = f"{area['iso2']}:{area['name']}" if area.get("iso2") else area["name"]
    return inside, f"{place} is {'in' if inside else 'not in'} region {label}"


def describe(area: JSON) -> str:
    """Return a short human description of an area.

    >>> describe(circle("12.64,-8,50"))
    '50 km around 12.64,-8'
    """
    kind = area.get("kind")
    if kind == "circle":
        return f"{area['km']:g} km around {area['lat']:g},{area['lon']:g}"
    if kind == "polygon":
        return f"polygon ({len(area['coordinates'])} part(s))"
    if kind == "country":
        return f"country {area['iso2']}"
    if kind == "admin1":
        prefix = f"{area['iso2']}:" if area.get("iso2") else ""
        return f"region {prefix}{area['name']}"
    return str(kind)
