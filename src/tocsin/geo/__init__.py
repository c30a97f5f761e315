"""Gazetteer (built from GeoNames data, shipped with the package) and toponym recognition and resolution."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tocsin.model import Article, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_places", "locate_events", "resolve"]


def find_places(doc: Doc, article: Article) -> list[Place]:
    """Return the toponyms in the article, resolved against the gazetteer."""
    return []


def locate_events(events: list[Event], doc: Doc, article: Article, places: list[Place]) -> list[Event]:
    """Return the events with location, coordinates, admin names and ACLED geo_precision."""
    return events


def resolve(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any] | None]:
    """Resolve the given character spans of ``text`` to places, using the whole text as context."""
    return [None for _ in spans]
