"""Places as the pipeline sees them: resolved mentions to ``Place`` objects, and events to their locations.

ACLED's ``geo_precision``: 1 the town itself, 2 near a town or part of a region (a district), 3 only a region or
the country. An event takes the place its own sentence names; when its sentence names none, it takes the
article's focus (the dateline, else the most-mentioned place) one precision level coarser.
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Sequence

from tocsin.geo.gazetteer import AREA_CODES, Gazetteer
from tocsin.geo.rank import Resolved
from tocsin.model import Event, Evidence, Place
from tocsin.taxonomy import COUNTRY_NAMES

__all__ = ["REGION_CODES", "event_location", "focus_place", "precision_of", "to_place"]

REGION_CODES = frozenset({"PCLI", "ADM1", "CONT"}) | AREA_CODES
DISTRICT_CODES = frozenset({"ADM2", "ADM3"})
TOWN_CUES = ("in ", "at ", "near ", "outside ", "of ")


def precision_of(fcode: str | None, *, near: bool = False, minor: bool = False) -> int:
    """Return ACLED's geo_precision for a place of feature code ``fcode`` (``near``: an area near it; ``minor``: a
    lake or island of the GeoNames dumps, which shares its code with the large hand-written areas but is a small
    area of its own, as a district is).

    >>> precision_of("PPL"), precision_of("PPL", near=True), precision_of("ADM2"), precision_of("PCLI")
    (1, 2, 2, 3)
    >>> precision_of("LK"), precision_of("LK", minor=True)
    (3, 2)
    """
    if fcode in REGION_CODES and not minor:
        return 3
    if fcode in DISTRICT_CODES or near or minor:
        return 2
    return 1


def to_place(res: Resolved, gazetteer: Gazetteer) -> Place:
    """Return the ``Place`` for a resolved mention (only the span when it could not be resolved)."""
    m, e = res.mention, res.entry
    if e is None:
        return Place(m.text, m.start, m.end, score=0.0)
    admin1 = gazetteer.admin1_name(e.cc, e.admin1) if e.admin1 and e.fcode != "PCLI" else None
    admin2 = e.admin2 or (e.name if e.fcode == "ADM2" else None)
    return Place(
        m.text, m.start, m.end, geonameid=e.geonameid, name=e.name, country=e.cc or None, admin1=admin1,
        admin2=admin2 or None, lat=e.lat, lon=e.lon, feature_code=e.fcode,
        precision=precision_of(e.fcode, near=res.near, minor=e.fcode in AREA_CODES and not e.area), score=res.score,
        population=e.pop or None,
    )


def focus_place(places: Sequence[Place], dateline: tuple[int, int] | None) -> Place | None:
    """Return the article's focus: the dateline place, else the most-mentioned town, else the top country."""
    resolved = [p for p in places if p.lat is not None]
    if dateline is not None:
        for p in resolved:
            if dateline[0] <= p.start and p.end <= dateline[1]:
                return p
    if not resolved:
        return None
    counts = collections.Counter(p.geonameid or p.name for p in resolved)
    towns = [p for p in resolved if p.feature_code not in REGION_CODES]
    pool = towns or resolved
    return max(pool, key=lambda p: (counts[p.geonameid or p.name], -p.start))


def _sentence_place(
    event: Event, places: Sequence[Place], text: str, dateline: tuple[int, int] | None = None
) -> Place | None:
    """The most specific place of the event's sentences, preferring one after "in", "at", "near".

    The dateline says where the report was filed, not where the event happened, so it is no candidate here.
    """
    sentences = event.sentence_spans
    inside = [
        p for p in places
        if p.lat is not None and any(s <= p.start < e for s, e in sentences)
        and not (dateline is not None and dateline[0] <= p.start < dateline[1])
    ]
    if not inside:
        return None

    def rank(p: Place) -> tuple[int, int, int]:
        cue = text[max(0, p.start - 8) : p.start].lower().endswith(TOWN_CUES)
        return (p.precision or 3, 0 if cue else 1, p.start)

    return min(inside, key=rank)


def event_location(
    event: Event, places: Sequence[Place], text: str, gazetteer: Gazetteer, focus: Place | None,
    dateline: tuple[int, int] | None = None,
) -> Event:
    """Return the event with its location fields and a "location" evidence entry filled.

    A sentence that names only a country ("a source ... in Mali said gunfire had also been heard near the prime
    minister's office") places the event near the article's focus town when that town is in the same country.
    """
    place = _sentence_place(event, places, text, dateline)
    precision = place.precision if place is not None else None
    country_only = place is not None and place.feature_code in REGION_CODES and place.feature_code == "PCLI"
    if focus is not None and (place is None or (country_only and focus.country == place.country
                                                 and focus.feature_code not in REGION_CODES)):
        place = focus
        precision = min(3, (focus.precision or 3) + 1)
    if place is None:
        return event
    country = gazetteer.country(place.country) if place.country else None
    return dataclasses.replace(
        event,
        country=COUNTRY_NAMES.get(place.country or "", country.name) if country else event.country,
        iso=country.isonum if country else event.iso,
        admin1=place.admin1,
        admin2=place.admin2,
        location=place.name if place.feature_code != "PCLI" else (country.name if country else place.name),
        iso2=place.country,
        latitude=place.lat,
        longitude=place.lon,
        geonameid=place.geonameid,
        geo_precision=precision,
        evidence=(*event.evidence, Evidence("location", place.start, place.end)),
    )
