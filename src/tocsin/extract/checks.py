"""Inconsistencies inside one article: weekday/date mismatches, likely misspelt places, contradicting counts.

A fault in the news text is data: each becomes a ``Flag`` with the span that is wrong and, in ``related``, the
spans that contradict it. The checks are cheap rules over what the earlier stages found (times, places, events)
and the parse; they never change those results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tocsin import geo
from tocsin.extract import time as time_stage
from tocsin.model import Article, Event, Flag, Place, TextSpan, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "COUNT_MISMATCH",
    "MISSPELT_PLACE",
    "WEEKDAY_DATE_MISMATCH",
    "find_flags",
    "likely_misspelling",
    "weekday_conflicts",
]

WEEKDAY_DATE_MISMATCH = "weekday_date_mismatch"
MISSPELT_PLACE = "misspelt_place"
COUNT_MISMATCH = "count_mismatch"

_PLACE_CONTEXT_NOUNS = frozenset(
    """capital city government president army military north south east west border people borders capital's
    northern southern eastern western central region regions parliament""".split()
)
_PLACE_PREPOSITIONS = frozenset("in of from near to outside across into inside throughout around".split())


def find_flags(
    doc: Doc, article: Article, *, places: list[Place], times: list[TimeExpr], events: list[Event]
) -> list[Flag]:
    """Return the faults found in the text, each with its spans, in text order.

    Reads the times (weekdays against explicit dates), the parse and the resolved places (names one or two
    letters away from a country or a place named elsewhere in the article), and the events (different death
    counts for the same event).
    """
    flags = [
        *weekday_conflicts(times, article),
        *likely_misspelling(doc, places),
        *_count_conflicts(events, article),
    ]
    return sorted(flags, key=lambda f: (f.start, f.kind))


# --- weekday against date -------------------------------------------------------------------------------------


def weekday_conflicts(times: Sequence[TimeExpr], article: Article) -> list[Flag]:
    """Return a flag for each weekday that contradicts the explicit date it is tied to ("Thursday ... Aug. 18").

    The time stage decides which weekday and date belong together (``time.weekday_conflicts``); this turns each
    conflict into a ``Flag`` on the weekday, with both spans in ``related``.

    Examples
    --------
    >>> from tocsin import nlp
    >>> from tocsin.extract import time
    >>> from tocsin.model import Article
    >>> text = "On Thursday morning the embassy said: unrest this morning, Aug. 18, in the city."
    >>> article = Article(id="x", text=text, published="2020-08-18")
    >>> [f.kind for f in weekday_conflicts(time.find_times(nlp.blank()(text), article), article)]
    ['weekday_date_mismatch']
    """
    flags = []
    for weekday, date, message in time_stage.weekday_conflicts(list(times), article):
        day, day_span = TextSpan(weekday.text, weekday.start, weekday.end), TextSpan(date.text, date.start, date.end)
        flags.append(Flag(kind=WEEKDAY_DATE_MISMATCH, message=message + ", so one of the two is wrong",
                          start=day.start, end=day.end, related=(day, day_span)))
    return flags


# --- misspelt places ------------------------------------------------------------------------------------------


def likely_misspelling(doc: Doc, places: Sequence[Place]) -> list[Flag]:
    """Return a flag for each capitalised word in a place's position that is one slip off a place of the article.

    A word is a candidate when it reads like a place ("X's capital", "in X", or tagged as a place) and is not a
    resolved place itself; the gazetteer then decides whether it is one edit from a country, region or place of
    the article (``tocsin.geo.likely_misspelling``).
    """
    resolved = [p for p in places if p.geonameid is not None]
    spans = {(p.start, p.end) for p in resolved}
    flags: list[Flag] = []
    for token in doc:
        if not _candidate(token, spans):
            continue
        found = geo.likely_misspelling(token.text, resolved)
        if found is not None:
            flags.append(_misspelt_flag(token, found[0], places))
    return flags


def _candidate(token: Token, resolved: set[tuple[int, int]]) -> bool:
    text = token.text
    if len(text) < 4 or not text.isalpha() or not text[0].isupper() or text.isupper():
        return False
    if any(s <= token.idx < e for s, e in resolved):
        return False
    return _in_place_position(token)


def _in_place_position(token: Token) -> bool:
    doc = token.doc
    if token.ent_type_ in ("GPE", "LOC"):
        return True
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "’s") and after is not None and after.lower_ in _PLACE_CONTEXT_NOUNS:
        return True
    previous = doc[token.i - 1] if token.i > 0 else None
    return previous is not None and previous.lower_ in _PLACE_PREPOSITIONS and token.pos_ == "PROPN"


def _misspelt_flag(token: Token, name: str, places: Sequence[Place]) -> Flag:
    related = tuple(TextSpan(p.text, p.start, p.end) for p in places if name in (p.name, p.text))
    message = f"{token.text!r} is likely a misspelling of {name!r}"
    return Flag(
        kind=MISSPELT_PLACE,
        message=message,
        start=token.idx,
        end=token.idx + len(token.text),
        related=related[:3],
    )


# --- counts ---------------------------------------------------------------------------------------------------


def _count_conflicts(events: Sequence[Event], article: Article) -> list[Flag]:
    """Flag events of one type, place and date (in this article) that report different death counts."""
    groups: dict[tuple[str, str | None, str | None], list[Event]] = defaultdict(list)
    for event in events:
        if event.fatalities is not None and not event.historical and event.sentence_start is not None:
            groups[(event.event_type, event.location, event.event_date)].append(event)
    flags: list[Flag] = []
    for group in groups.values():
        counts = sorted({e.fatalities for e in group if e.fatalities is not None})
        if len(counts) > 1:
            flags.append(_count_flag(group, counts, article.text))
    return flags


def _count_flag(group: Sequence[Event], counts: list[int], text: str) -> Flag:
    spans = [_fatality_span(event, text) for event in group]
    described = " vs ".join(str(c) for c in counts)
    message = f"death counts disagree for the same event ({described}); the lowest is kept, as ACLED does"
    first = min(spans, key=lambda s: s.start)
    return Flag(kind=COUNT_MISMATCH, message=message, start=first.start, end=first.end, related=tuple(spans))


def _fatality_span(event: Event, text: str) -> TextSpan:
    for evidence in event.evidence:
        if evidence.field == "fatalities":
            return TextSpan(text[evidence.start : evidence.end], evidence.start, evidence.end)
    start, end = event.sentence_start or 0, event.sentence_end or 0
    return TextSpan(text[start:end], start, end)
