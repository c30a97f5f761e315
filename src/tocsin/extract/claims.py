"""Who said what: attributions, source kinds, stance, official advice, and the certainty of each event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tocsin.model import Article, Claim, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["assess_certainty", "find_claims"]


def find_claims(doc: Doc, article: Article) -> list[Claim]:
    """Return the attributions in the article: source, cue, content, stance and advice."""
    return []


def assess_certainty(events: list[Event], claims: list[Claim], article: Article) -> list[Event]:
    """Return the events with ``certainty`` (CAP words) and the indices of their supporting ``claims``."""
    return events
