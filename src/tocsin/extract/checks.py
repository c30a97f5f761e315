"""Inconsistencies inside one article: weekday/date mismatches, likely misspelt places, contradicting counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tocsin.model import Article, Event, Flag, Place, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_flags"]


def find_flags(
    doc: Doc, article: Article, *, places: list[Place], times: list[TimeExpr], events: list[Event]
) -> list[Flag]:
    """Return the faults found in the text, each with its spans."""
    return []
