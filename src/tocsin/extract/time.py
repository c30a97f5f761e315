"""Temporal expressions to TIMEX3 values; publication-date inference; event dates with ACLED precision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tocsin.model import Article, Event, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["date_events", "find_times", "infer_published"]


def infer_published(article: Article) -> Article:
    """Return ``article`` with its publication date inferred from the text when it was not given."""
    return article


def find_times(doc: Doc, article: Article) -> list[TimeExpr]:
    """Return the temporal expressions in the article, normalised against its publication date."""
    return []


def date_events(events: list[Event], doc: Doc, article: Article, times: list[TimeExpr]) -> list[Event]:
    """Return the events with ``event_date``, ``time_precision`` and ``historical`` set."""
    return events
