"""Gazetteer (built from GeoNames data, shipped with the package) and toponym recognition and resolution.

Contains data from Who's On First (https://whosonfirst.org/docs/licenses/) and GeoNames
(https://www.geonames.org/, CC BY 4.0); see ``data/ATTRIBUTION``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tocsin.geo.gazetteer import ATTRIBUTION, Gazetteer, load
from tocsin.geo.locate import event_location, focus_place, to_place
from tocsin.geo.names import fold
from tocsin.geo.rank import resolve_mentions
from tocsin.geo.recognize import Mention, find_mentions
from tocsin.geo.spelling import likely_misspelling
from tocsin.model import Article, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ATTRIBUTION", "demonym_countries", "find_places", "likely_misspelling", "locate_events", "resolve"]

_WORD = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?\b")


def _dateline(article: Article) -> tuple[int, int] | None:
    if article.dateline_start is None or article.dateline_end is None:
        return None
    return (article.dateline_start, article.dateline_end)


def demonym_countries(text: str, *, gazetteer: Gazetteer | None = None) -> list[str]:
    """Return the ISO2 codes of the countries whose demonyms appear in ``text`` ("Malian" gives "ML").

    >>> demonym_countries("Malian and Turkish troops")
    ['ML', 'TR']
    """
    gaz = gazetteer or load()
    found = []
    for match in _WORD.finditer(text):
        for piece in (match.group(0), match.group(0).split()[0]):
            cc = gaz.demonym(fold(piece))
            if cc:
                found.append(cc)
                break
    return found


def find_places(doc: Doc, article: Article) -> list[Place]:
    """Return the toponyms in the article, resolved against the gazetteer using the whole article as context.

    Reads the document's tokens, entities and sentences and the article's dateline span; returns one ``Place``
    per toponym mention, in text order (unresolved place entities keep ``lat``/``lon`` as None).
    """
    gaz = load()
    mentions = find_mentions(doc, gaz, dateline=_dateline(article))
    mentions = _add_dateline(mentions, article)
    resolved = resolve_mentions(article.text, mentions, gaz, focus=demonym_countries(article.text, gazetteer=gaz))
    return [to_place(r, gaz) for r in resolved]


def _add_dateline(mentions: list[Mention], article: Article) -> list[Mention]:
    span = _dateline(article)
    if span is None or any(m.dateline for m in mentions):
        return mentions
    surface = article.text[span[0] : span[1]]
    if not fold(surface):
        return mentions
    extra = Mention(span[0], span[1], surface, fold(surface), dateline=True)
    return sorted([m for m in mentions if not (m.start < span[1] and span[0] < m.end)] + [extra], key=lambda m: m.start)


def locate_events(events: list[Event], doc: Doc, article: Article, places: list[Place]) -> list[Event]:
    """Return the events with location, coordinates, admin names, country, ISO code and ACLED geo_precision."""
    gaz = load()
    places = [p for p in places if not gaz.demonym(fold(p.text))]  # "Malian troops" says who, not where
    dateline = _dateline(article)
    focus = focus_place(places, dateline)
    return [event_location(event, places, article.text, gaz, focus, dateline) for event in events]


def resolve(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any] | None]:
    """Resolve the given character spans of ``text`` to places, using the whole text as context.

    Returns, for each span, ``{"lat", "lon", "geonameid", "name", "country", "feature_code", "score"}`` or None
    when no gazetteer entry fits (for comparison with published gold-toponym figures).
    """
    gaz = load()
    mentions = [Mention(s, e, text[s:e], fold(text[s:e]), cue=True) for s, e in spans]
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    resolved = resolve_mentions(text, [mentions[k] for k in order], gaz,
                                focus=demonym_countries(text, gazetteer=gaz))
    out: list[dict[str, Any] | None] = [None] * len(spans)
    for k, res in zip(order, resolved, strict=True):
        e = res.entry
        if e is not None:
            out[k] = {"lat": e.lat, "lon": e.lon, "geonameid": e.geonameid, "name": e.name, "country": e.cc,
                      "feature_code": e.fcode, "score": res.score}
    return out
