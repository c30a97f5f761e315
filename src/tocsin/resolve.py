"""Mentions to events inside one article; events to incidents across articles; updates."""

from __future__ import annotations

from tocsin.model import Event

__all__ = ["merge_mentions"]


def merge_mentions(mentions: list[Event]) -> list[Event]:
    """Return one event per incident mentioned in an article, the article's main event first."""
    return mentions
