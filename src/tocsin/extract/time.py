"""Temporal expressions to TIMEX3 values; publication-date inference; event dates with ACLED precision.

The tagger itself (recognition and normalisation) is ``timex_rules``; this module is the stage around it: it
anchors the tagger on the publication date, uses the parsed ``Doc`` (through ``clauses``) for verb tense, infers
the publication date when none was given, dates each event from its own sentence (else from the article's focus)
and finds weekdays that contradict the dates they are tied to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tocsin.extract import clauses, timex_rules
from tocsin.extract import timex_calendar as cal
from tocsin.extract.timex_rules import MONTHS, WEEKDAYS
from tocsin.model import Article, Event, Evidence, TimeExpr
from tocsin.nlp import sentence_spans, span_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "CANDIDATE_YEARS",
    "DATELINE_DAYS",
    "NEWS_WINDOW_DAYS",
    "WEEK_AHEAD_DAYS",
    "date_events",
    "dateline_day",
    "event_precision",
    "find_times",
    "infer_published",
    "parse_date",
    "weekday_conflicts",
]

CANDIDATE_YEARS = 12  # how far back a yearless date may reach when the publication date is inferred
NEWS_WINDOW_DAYS = 31  # an event whose period ended this long before publication is background, not news
DATELINE_DAYS = 3  # a dateline day this close to the publication stamp is the story's own day
WEEK_AHEAD_DAYS = 7  # a yearless date this far after publication cannot date an incident told in the past tense
_PRECISION = {"day": 1, "minute": 1, "week": 2, "month": 3, "quarter": 3, "season": 3, "year": 3, "decade": 3,
              "century": 3}  # fmt: skip
_ONGOING = re.compile(r"\b(?:since|from|throughout|until|through)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_EXPLICIT_DATE = re.compile(r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|[A-Z][a-z]{2,8}\.?\s+\d|\d\s+(?:of\s+)?[A-Z]")
_DEICTIC = re.compile(r"^(?:today|tonight|this\s+(?:morning|afternoon|evening))$", re.I)
_WEEKDAY_NAME = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
_DATELINE = re.compile(
    r"\W{0,3}[A-Z][\w.'\u2019 -]{1,40}(?:,\s*[A-Z][\w.'\u2019 -]{1,30})?,\s+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b[^\n]{0,30}?(?:--|\u2014|\u2013)")
_LINK = re.compile(r"^[\s,]*(?:\(|\bthe\s+)?\s*$")
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)


def parse_date(value: str | None) -> dt.date | None:
    """Return the date of a ``YYYY-MM-DD`` string (or the day of a TIMEX3 time value), else None.

    >>> parse_date("2020-08-18TMO")
    datetime.date(2020, 8, 18)
    >>> parse_date("2020-06") is None
    True
    """
    if not value or not re.match(r"\d{4}-\d\d-\d\d", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# --- publication date ------------------------------------------------------------------------------------------
def infer_published(article: Article, *, today: dt.date | None = None) -> Article:
    """Return ``article`` with its publication date inferred from the text when it was not given.

    A given date is kept as it is. Otherwise, in this order: a full date in the dateline or lead; a yearless date
    paired with a weekday ("Tuesday, Aug. 18", or the lead's weekday with a date tied to "today"/"this morning" or
    the first yearless date) gives every year of the last ``CANDIDATE_YEARS`` in which that date fell on that
    weekday; a lone yearless date gives its latest occurrence; a full date anywhere gives the latest one. Dates
    after ``today`` (by default the system date) are never candidates. The chosen date is the most recent
    candidate, marked ``inferred`` with all candidates and the reason kept; with no evidence the date stays None,
    source ``unknown`` (never silently today's date).
    """
    if article.published:
        return article
    today = today or dt.date.today()
    text = article.text
    times = timex_rules.tag(text, None)
    lead_end = _lead_end(text)
    full = [(t, d) for t in times if t.type == "DATE" and (d := parse_date(t.value)) and d <= today]
    lead_full = [(t, d) for t, d in full if t.start < lead_end]
    if lead_full:
        chosen_time, chosen = lead_full[0]
        source = "dateline" if article.dateline_end is not None and chosen_time.start <= article.dateline_end + 3 else "inferred"
        return replace(article, published=chosen.isoformat(), published_source=source,
                       published_candidates=(chosen.isoformat(),),
                       published_reason=f"the full date {chosen_time.text!r} opens the article")
    found = _weekday_candidates(text, times, today, lead_end)
    if found is not None:
        candidates, reason = found
        if candidates:
            return _inferred(article, candidates, reason)
        return replace(article, published=None, published_source="unknown", published_candidates=(),
                       published_reason=reason)
    yearless = [t for t in times if t.value and re.fullmatch(r"XXXX-\d\d-\d\d", t.value)]
    if yearless:
        month, day = int(yearless[0].value[5:7]), int(yearless[0].value[8:10])  # type: ignore[index]
        years = [y for y in range(today.year, today.year - CANDIDATE_YEARS - 1, -1) if _fits(y, month, day, today)]
        candidates = [dt.date(y, month, day) for y in years[:2]]
        reason = f"{yearless[0].text!r} has no year and no weekday to pin it; took its latest occurrence"
        return _inferred(article, candidates, reason)
    if full:
        latest = max(d for _, d in full)
        return _inferred(article, [latest], f"the latest full date in the text ({latest.isoformat()}) as a lower bound")
    return replace(article, published=None, published_source="unknown", published_candidates=(),
                   published_reason="no date, dateline date or weekday with a date in the text")


def _inferred(article: Article, candidates: list[dt.date], reason: str) -> Article:
    ordered = sorted(set(candidates))
    chosen = ordered[-1]
    if len(ordered) > 1:
        reason += f"; chose the most recent of {len(ordered)} candidates"
    return replace(article, published=chosen.isoformat(), published_source="inferred",
                   published_candidates=tuple(d.isoformat() for d in ordered), published_reason=reason)


def _lead_end(text: str) -> int:
    spans = sentence_spans(text)
    return spans[0][1] if spans else len(text)


def _fits(year: int, month: int, day: int, today: dt.date) -> bool:
    try:
        return dt.date(year, month, day) <= today
    except ValueError:
        return False


def _weekday_candidates(text: str, times: list[TimeExpr], today: dt.date,
                        lead_end: int) -> tuple[list[dt.date], str] | None:
    """Pair a weekday with a yearless date and return the fitting dates and the reason, or None without a pair."""
    weekdays = [t for t in times if t.value and t.value.startswith("XXXX-WXX-") and t.type in ("DATE", "TIME")]
    dates = [t for t in times if t.value and re.fullmatch(r"XXXX-\d\d-\d\d", t.value)]
    joined = next((_split_weekday_date(t) for t in dates if _WEEKDAY_NAME.match(t.text)), None)
    if not joined and (not weekdays or not dates):
        return None
    pair = joined or _adjacent_pair(text, weekdays, dates)
    how = "written together"
    if pair is None:
        lead = [w for w in weekdays if w.start < lead_end] or weekdays[:1]
        tied = [d for d in dates if _tied_to_deictic(text, d, times)]
        pair = (lead[0], (tied or dates)[0])
        how = "the lead's weekday with the date tied to 'today'" if tied else "the lead's weekday with the first date"
    weekday_expr, date_expr = pair
    weekday = WEEKDAYS[_WEEKDAY_NAME.search(weekday_expr.text).group(1).lower()]  # type: ignore[union-attr]
    month, day = int(date_expr.value[5:7]), int(date_expr.value[8:10])  # type: ignore[index]
    years = [y for y in range(today.year - CANDIDATE_YEARS, today.year + 1)
             if _fits(y, month, day, today) and dt.date(y, month, day).weekday() == weekday]
    name = date_expr.text
    if not years:
        return [], f"{name!r} fell on no {weekday_expr.text.split()[0]} in the last {CANDIDATE_YEARS} years"
    listed = ", ".join(str(y) for y in years)
    reason = f"{name!r} is a {weekday_expr.text.split()[0]} in {listed} ({how})"
    return [dt.date(y, month, day) for y in years], reason


def _adjacent_pair(text: str, weekdays: list[TimeExpr], dates: list[TimeExpr]) -> tuple[TimeExpr, TimeExpr] | None:
    for weekday in weekdays:
        for date in dates:
            left, right = (weekday, date) if weekday.end <= date.start else (date, weekday)
            if right.start - left.end <= 4 and _LINK.match(text[left.end:right.start]):
                return weekday, date
    return None


def _tied_to_deictic(text: str, date: TimeExpr, times: list[TimeExpr]) -> bool:
    for other in times:
        if other is not date and _DEICTIC.match(other.text):
            left, right = (other, date) if other.end <= date.start else (date, other)
            if right.start - left.end <= 4 and _LINK.match(text[left.end:right.start]):
                return True
    return False


# --- finding times ---------------------------------------------------------------------------------------------
def find_times(doc: Doc, article: Article) -> list[TimeExpr]:
    """Return the temporal expressions in the article, normalised against its publication date.

    Reads ``article.text`` and ``article.published`` (values that need an anchor stay underspecified, e.g.
    ``XXXX-08-18``, or None when it is missing) and, from ``doc``, the sentences and the tense of the verb that
    governs each expression. A day written in the dateline ("KABUL, Oct. 2 (Xinhua) --") is the story's own
    creation time and anchors "yesterday" and "on Monday" instead of a publication stamp a day or two later.
    """
    text = article.text
    dct = dateline_day(text, parse_date(article.published))
    if text_of(doc) == text and doc.has_annotation("SENT_START"):
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        sentences = sentence_spans(text)
    fallback = timex_rules.regex_tense(text, sentences)
    tense = clauses.doc_tense(doc, fallback) if text_of(doc) == text and doc.has_annotation("TAG") else fallback
    return timex_rules.tag(text, dct, tense=tense, sentences=sentences)


def dateline_day(text: str, published: dt.date | None) -> dt.date | None:
    """Return the day a wire dateline states ("CAIRO, Nov 25 --"), when within ``DATELINE_DAYS`` of publication;
    else the publication date.

    >>> dateline_day("KABUL, Oct. 2 (Xinhua) -- Police said ...", dt.date(2021, 10, 3))
    datetime.date(2021, 10, 2)
    >>> dateline_day("KABUL, Oct. 2 (Xinhua) -- Police said ...", dt.date(2021, 12, 3))
    datetime.date(2021, 12, 3)
    """
    match = _DATELINE.match(text, 0, 160)
    if match is None or published is None:
        return published
    month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
    for year in (published.year, published.year - 1, published.year + 1):
        if _fits(year, month, day, dt.date.max) and abs((dt.date(year, month, day) - published).days) <= DATELINE_DAYS:
            return dt.date(year, month, day)
    return published


# --- event dates -------------------------------------------------------------------------------------------------
def event_precision(expr: TimeExpr) -> int | None:
    """Return ACLED's ``time_precision`` for a time expression (1 day, 2 week, 3 month or coarser), else None.

    >>> event_precision(TimeExpr("June", 0, 4, "DATE", "2020-06", "month"))
    3
    """
    if expr.value is None or cal.period_bounds(expr.value) is None:
        return None
    return _PRECISION.get(expr.precision or "", 3)


def date_events(events: list[Event], doc: Doc, article: Article, times: list[TimeExpr]) -> list[Event]:
    """Return the events with ``event_date``, ``time_precision``, ``historical`` and date evidence set.

    Each event takes the date expression of its own clause (the one nearest its ``event_type`` evidence, leaving
    out those inside a relative or sequence clause that does not hold the event, and those of an outer clause:
    "police said on Monday that ..."), else the date of a clause it follows or precedes in its sentence ("shot
    shortly after he returned home on Friday"; precision 2 at least), else the date of an earlier event of the
    same type in the sentence before,
    else the date of the outer clause as a bound (precision 2 at least: on or shortly before it), else the last day
    named in the sentence before, within the paragraph (precision 2 at least: the story goes on from that day),
    else the article's focus: a day named in the lead, else the publication date (precision 2). A yearless date
    more than ``WEEK_AHEAD_DAYS`` after publication that dates a past-tense trigger is taken from the year before.
    The date is the first day of the expression's period; "since June" is an ongoing period and never historical;
    a period that ended more than ``NEWS_WINDOW_DAYS`` before publication is ``historical`` (background, not news).
    """
    dct = parse_date(article.published)
    focus = _focus(times, article.text, dct)
    dated: list[Event] = []
    own: list[Event] = []  # events dated by their own sentence: the only ones a neighbour may inherit from
    for event in events:
        chosen, sequence, bound = _event_time(event, doc, article.text, times)
        if chosen is not None:
            chosen = _before_report(chosen, event, doc, article.text, dct)
            dated.append(_dated_by(event, chosen, article.text, dct))
            own.append(dated[-1])
            continue
        if sequence is not None:  # tied to a day of its own sentence by "after"/"before": nearer than a neighbour's
            bounded = _dated_by(event, sequence, article.text, dct)
            dated.append(replace(bounded, time_precision=max(bounded.time_precision or 2, 2)))
            continue
        inherited = next((e for e in reversed(own) if e.event_type == event.event_type and _near(e, event)), None)
        if inherited is not None:
            evidence = tuple(ev for ev in inherited.evidence if ev.field == "event_date")
            dated.append(replace(event, event_date=inherited.event_date, time_precision=inherited.time_precision,
                                 historical=inherited.historical, evidence=event.evidence + evidence))
        elif bound is not None:
            bounded = _dated_by(event, bound, article.text, dct)
            dated.append(replace(bounded, time_precision=max(bounded.time_precision or 2, 2)))
        elif (before := _paragraph_day(event, article.text, times)) is not None:
            # the narrative goes on from the day just named; a guess from context, so at most week precision
            carried = _dated_by(event, before, article.text, dct)
            dated.append(replace(carried, time_precision=max(carried.time_precision or 2, 2)))
        elif focus is not None:
            day, precision, expr = focus
            evidence = (Evidence("event_date", expr.start, expr.end),) if expr else ()
            dated.append(replace(event, event_date=day.isoformat(), time_precision=precision,
                                 evidence=event.evidence + evidence))
        else:
            dated.append(event)
    return dated


def _focus(times: list[TimeExpr], text: str, dct: dt.date | None) -> tuple[dt.date, int, TimeExpr | None] | None:
    lead_end = _lead_end(text)
    for expr in times:
        if expr.start >= lead_end:
            break
        day = parse_date(expr.value)
        if day is not None and expr.type in ("DATE", "TIME") and (dct is None or 0 <= (dct - day).days <= 7):
            return day, 1, expr
    return (dct, 2, None) if dct is not None else None


def _paragraph_day(event: Event, text: str, times: list[TimeExpr]) -> TimeExpr | None:
    """The last day named in the sentence before the event's, when both sentences are in one paragraph."""
    if event.sentence_start is None:
        return None
    start = event.sentence_start
    paragraph = text.rfind("\n\n", 0, start)
    previous = [t for t in times if paragraph < t.start and t.end <= start and t.type in ("DATE", "TIME")
                and parse_date(t.value) is not None]
    if not previous:
        return None
    last = previous[-1]
    between = text[last.end:start]
    return last if len(re.findall(r"[.!?][\"'\u201d\u2019)]*\s", between)) <= 1 else None


def _near(earlier: Event, event: Event) -> bool:
    if earlier.sentence_start is None or event.sentence_start is None or earlier.sentence_end is None:
        return False
    return event.sentence_start - earlier.sentence_end <= 2


def _event_time(event: Event, doc: Doc, text: str,
                times: list[TimeExpr]) -> tuple[TimeExpr | None, TimeExpr | None, TimeExpr | None]:
    """Return ``(own, sequence, bound)``: the date expressions of the event's own clause, of a clause tied to it by
    "after" or "before", and of an outer clause (each the nearest, or None).

    ``own`` is the day-or-coarser expression nearest the trigger that shares its clause. ``sequence`` dates a clause
    that the event follows or precedes ("shot shortly after he returned home on Friday", "said on Monday before
    leaving"): the event lies close to that day. ``bound`` dates an outer clause only ("police said on Monday that
    ..."): the event happened on or before it, so it bounds the event's date without giving it.
    """
    if event.sentence_start is None or event.sentence_end is None:
        return None, None, None
    inside = [t for t in times if event.sentence_start <= t.start and t.end <= event.sentence_end
              and t.type in ("DATE", "TIME") and event_precision(t) is not None]
    if not inside:
        return None, None, None
    trigger = next((e for e in event.evidence if e.field in ("event_type", "sub_event_type", "trigger")
                    and event.sentence_start <= e.start < event.sentence_end), None)
    bounds: list[TimeExpr] = []
    sequence: list[TimeExpr] = []
    parsed = text_of(doc) == text and doc.has_annotation("DEP")
    if parsed:
        kinds = {id(t): clauses.clause_relation(doc, t, trigger) for t in inside}
        for t in inside:  # "by Feb. 27 eight people had been killed": a deadline bounds the event, it is not its day
            if kinds[id(t)] == "own" and _BY.search(text, max(0, t.start - 8), t.start):
                kinds[id(t)] = "outer"
        bounds = [t for t in inside if kinds[id(t)] == "outer"]
        sequence = [t for t in inside if kinds[id(t)] == "sequence"]
        inside = [t for t in inside if kinds[id(t)] == "own"]
    if trigger is None:
        return (inside[0] if inside else None), (sequence[0] if sequence else None), (bounds[0] if bounds else None)

    def distance(t: TimeExpr) -> int:
        return min(abs(t.start - trigger.end), abs(trigger.start - t.end))  # type: ignore[union-attr]

    def closeness(t: TimeExpr) -> tuple[bool, int, int]:
        # a date that a "when" clause holding the event describes is its day; else the date hung on the trigger's
        # own verb beats a nearer one of the clause above ("planned a march on Saturday and were planning to drive
        # to the airport on Monday"): parse edges first, characters second
        if not parsed:
            return False, 0, distance(t)
        return not clauses.when_clause_on(doc, t, trigger), clauses.edges(doc, t, trigger), distance(t)  # type: ignore[arg-type]

    return (min(inside, key=closeness) if inside else None, min(sequence, key=distance) if sequence else None,
            min(bounds, key=distance) if bounds else None)


def _before_report(expr: TimeExpr, event: Event, doc: Doc, text: str, dct: dt.date | None) -> TimeExpr:
    """Move a yearless date back a year when it falls well after publication but dates a past-tense trigger.

    The tagger takes a month one or two ahead of the DCT as the coming one even in a past clause (right for "said
    it would pay on Dec. 15"), but an incident told in the past tense ("was raided on June 8") cannot postdate its
    report: it is last year's June 8.
    """
    bounds = cal.period_bounds(expr.value or "")
    if (dct is None or bounds is None or bounds[0] <= dct + dt.timedelta(days=WEEK_AHEAD_DAYS)
            or re.search(r"\d{4}", expr.text) or not re.match(r"\d{4}-\d\d", expr.value or "")):
        return expr
    trigger = next((e for e in event.evidence if e.field in ("event_type", "sub_event_type", "trigger")), None)
    if trigger is None or text_of(doc) != text or not doc.has_annotation("TAG"):
        return expr
    span = span_of(doc, trigger.start, trigger.end)
    if span is None or not clauses.told_in_past(span.root):
        return expr
    value = expr.value or ""
    earlier = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return replace(expr, value=earlier) if cal.period_bounds(earlier) else expr


def _dated_by(event: Event, expr: TimeExpr, text: str, dct: dt.date | None) -> Event:
    bounds = cal.period_bounds(expr.value or "")
    if bounds is None:
        return event
    first, last = bounds
    ongoing = bool(_ONGOING.search(text[max(0, expr.start - 20):expr.start]))
    historical = (dct is not None and not ongoing and (dct - last).days > NEWS_WINDOW_DAYS)
    precision = event_precision(expr)
    evidence = event.evidence + (Evidence("event_date", expr.start, expr.end),)
    return replace(event, event_date=first.isoformat(), time_precision=precision, historical=historical,
                   evidence=evidence)


# --- checks ------------------------------------------------------------------------------------------------------
def weekday_conflicts(times: list[TimeExpr], article: Article) -> list[tuple[TimeExpr, TimeExpr, str]]:
    """Return ``(weekday, date, message)`` for each weekday that contradicts the explicit date it is tied to.

    A weekday and a date are tied when they are written together ("Thursday, Aug. 18") or when, in one sentence,
    the date stands beside "today"/"this morning" (the speaker's day) and the weekday dates the speech ("on
    Thursday morning ... 'this morning, Aug. 18'"). The date's weekday comes from its own year, else from the
    publication year; a date with no year at all is not checked.
    """
    text = article.text
    dct = parse_date(article.published)
    sentences = sentence_spans(text)
    found: list[tuple[TimeExpr, TimeExpr, str]] = []
    for date_expr in times:
        day = _explicit_day(date_expr, dct)
        if day is None:
            continue
        inner = _split_weekday_date(date_expr)
        if inner is not None:
            weekday_part, date_part = inner
            if WEEKDAYS[weekday_part.text.lower()] != day.weekday():
                found.append((weekday_part, date_part, _conflict_message(weekday_part, date_part, day)))
            continue
        sentence = next(((s, e) for s, e in sentences if s <= date_expr.start < e), (0, len(text)))
        tied = _tied_to_deictic(text, date_expr, times)
        for weekday_expr in times:
            name = _WEEKDAY_NAME.search(weekday_expr.text)
            if name is None or weekday_expr.type == "SET" or _explicit_day(weekday_expr, dct) is not None:
                continue
            if not sentence[0] <= weekday_expr.start < sentence[1]:
                continue
            left, right = sorted((weekday_expr, date_expr), key=lambda t: t.start)
            adjacent = right.start - left.end <= 4 and bool(_LINK.match(text[left.end:right.start]))
            if not (adjacent or tied) or WEEKDAYS[name.group(1).lower()] == day.weekday():
                continue
            found.append((weekday_expr, date_expr, _conflict_message(weekday_expr, date_expr, day)))
    return found


def _conflict_message(weekday: TimeExpr, date: TimeExpr, day: dt.date) -> str:
    return f"{weekday.text!r} does not fit {date.text!r}: {day:%d %B %Y} was a {day:%A}"


def _split_weekday_date(expr: TimeExpr) -> tuple[TimeExpr, TimeExpr] | None:
    """Split "Tuesday, Aug. 18" (one TIMEX3) into its weekday and date parts, each with its own offsets."""
    match = re.match(rf"((?i:{'|'.join(WEEKDAYS)})),?\s+", expr.text)
    if match is None or not _EXPLICIT_DATE.search(expr.text[match.end():]):
        return None
    name = match.group(1)
    weekday = TimeExpr(name, expr.start, expr.start + len(name), "DATE", None, "day")
    rest = expr.text[match.end():]
    date = TimeExpr(rest, expr.start + match.end(), expr.end, expr.type, expr.value, expr.precision, expr.mod)
    return weekday, date


def _explicit_day(expr: TimeExpr, dct: dt.date | None) -> dt.date | None:
    if expr.type != "DATE" or not expr.value or not _EXPLICIT_DATE.search(expr.text):
        return None
    if expr.value.startswith("XXXX-") and dct is not None and re.fullmatch(r"XXXX-\d\d-\d\d", expr.value):
        return parse_date(f"{dct.year}{expr.value[4:]}")
    return parse_date(expr.value)
