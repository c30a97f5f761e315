"""Event detection and ACLED typing at the level of events, with actors, fatalities and evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tocsin.model import Article, Claim, Event, Place, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_events"]


def find_events(
    doc: Doc, article: Article, *, places: list[Place], times: list[TimeExpr], claims: list[Claim]
) -> list[Event]:
    """Return the event mentions in the article, typed, with actors, fatalities and evidence spans."""
    return []
