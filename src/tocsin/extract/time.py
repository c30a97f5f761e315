"""Temporal expressions to TIMEX3 values; publication-date inference; event dates with ACLED precision.

The tagger itself (recognition and normalisation) is ``timex_rules``; this module is the stage around it: it
anchors the tagger on the publication date, uses the parsed ``Doc`` for sentence boundaries and verb tense, infers
the publication date when none was given, dates each event from its own sentence (else from the article's focus)
and finds weekdays that contradict the dates they are tied to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from tocsin.extract import timex_calendar as cal
from tocsin.extract import timex_rules
from tocsin.extract.timex_rules import MONTHS, WEEKDAYS, Tense
from tocsin.model import Article, Event, Evidence, TimeExpr
from tocsin.nlp import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
_WEEKDAY_NAME = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_DATELINE = re.compile(
    r"\W{0,3}[A-Z][\w.'\u2019 -]{1,40}(?:,\s*[A-Z][\w.'\u2019 -]{1,30})?,\s+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b[^\n]{0,30}?(?:--|\u2014|\u2013)")
_LINK = re.compile(r"^[\s,]*(?:\(|\bthe\s+)?\s*$")
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_BARE_GAP = re.compile(r",?\s*")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.I)
_SEQUENCE_MARKS = frozenset(("where", "after", "before", "since", "until", "till"))
_PLACE_MARKS = _SEQUENCE_MARKS - {"after", "before"}  # the clauses whose time does not bound the event's
# Verbs whose "to"-infinitive names something still ahead ("is to resume trading Tuesday", "expected to vote in May").
_FUTURE_HEADS = frozenset("be expect plan schedule set intend aim hope want go prepare promise vow pledge threaten "
                          "agree due likely ready poised".split())
_TIME_MARKS = frozenset(("once", "when", "whenever", "until", "till"))
_DEFERRALS = frozenset("postpone delay defer adjourn suspend extend reschedule push put".split())
# "has scheduled a news conference Thursday": a plan that stands now names an event ahead ("planned ... Friday", in
# the past tense, may be a plan made on Friday).
_PLANNING = frozenset(("schedule", "plan", "slate"))


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
    spans = timex_rules.sentence_spans(text)
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
        sentences = timex_rules.sentence_spans(text)
    fallback = timex_rules.regex_tense(text, sentences)
    tense = _doc_tense(doc, fallback) if text_of(doc) == text and doc.has_annotation("TAG") else fallback
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


def _doc_tense(doc: Doc, fallback: Tense) -> Tense:
    """Return a tense function that reads the tag of the verb governing an expression, else falls back."""

    def tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return fallback(start, end)
        token = span.root
        if _deferred_to(token):
            return "future"
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                break
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return fallback(start, end)
        return _verb_tense(token) or fallback(start, end)

    return tense


def _verb_tense(token: Token, depth: int = 0) -> str | None:
    """Return "past" or "future" from a verb's own tag and auxiliaries (or its clause's), else None."""
    token = _tensed_verb(token)
    if depth < 3 and token.dep_ == "advcl" and _time_clause(token):
        # "likely to buy the stock as soon as trading opened Monday": a time clause keeps a past or present tense
        # for a time ahead; it follows the clause it times when that one looks forward
        main = token.head
        while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
            main = main.head
        if main.pos_ in ("VERB", "AUX") and _verb_tense(main, depth + 1) == "future":
            return "future"
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo", "would"} or token.lower_ in ("will", "shall"):
        return "future"
    if token.lemma_ in _PLANNING and (words & {"has", "have"} or token.tag_ in ("VBZ", "VBP")):
        return "future"
    if "to" in words and token.dep_ in ("xcomp", "ccomp", "advcl") and token.head.lemma_ in _FUTURE_HEADS:
        # "had been scheduled to expire Friday": a plan in the past perfect is over by the time of writing
        governor = token.head.head if token.head.dep_ == "acomp" else token.head  # "had been due to"
        return "past" if any(c.lower_ == "had" for c in governor.children) else "future"
    if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or words & {"has", "have", "'ve"}:
        return "past"
    if token.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"
    return None


def _time_clause(verb: Token) -> bool:
    """True when an adverbial clause is one of time that can point ahead ("once", "as soon as", "when", "until")."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & _TIME_MARKS) or ("as" in marks and verb.head.lower_ == "soon")


def _deferred_to(date: Token) -> bool:
    """True when the date is what something was put off until ("postponed until Tuesday morning any action ..."):
    a deferral names a day after itself, so one reported in the past still points ahead of the report.
    A deferral in the past perfect ("had been adjourned until Monday") is over by the time of writing.
    """
    head = date.head
    if head.lower_ not in ("until", "till") or head.dep_ != "prep" or head.head.lemma_ not in _DEFERRALS:
        return False
    return not any(c.lower_ == "had" for c in head.head.children)


def _tensed_verb(token: Token) -> Token:
    """Return the verb whose tense a bare participle shares ("killed and 58 injured on Friday": "were killed").

    A past participle with no auxiliary of its own, coordinated with a clause or hanging from a count or a
    coordinated noun ("and more than 1,000 others wounded in the blasts"), is an elided passive of the clause it
    joins; read alone it has no tense. Planning verbs keep their own reading ("a vote scheduled for Friday").
    """
    for _ in range(4):
        if (token.tag_ != "VBN" or token.dep_ not in ("acl", "conj") or token.lemma_ in _PLANNING
                or token.lemma_ in _FUTURE_HEADS or any(c.dep_ in ("aux", "auxpass") for c in token.children)):
            return token
        head = token.head
        if token.dep_ == "acl" and _elided_clause(token):
            head = head.head
        elif token.dep_ == "acl":
            return token  # "journalists detained on Friday": a participle on a plain noun is its own clause
        if head.pos_ not in ("VERB", "AUX") or head.i == token.i:
            return token
        token = head
    return token


def _elided_clause(participle: Token) -> bool:
    """True when a participle the parser hung on a noun is a coordinated clause with its verb left out.

    "Six were killed and 58 injured", "100 have been killed and 1,000 others wounded": the count (or the noun
    coordinated with the verb) is the subject of an elided "were", not a noun the participle describes.
    """
    head = participle.head
    return participle.dep_ == "acl" and (
        head.tag_ == "CD" or (head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX")))


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
    if text_of(doc) == text and doc.has_annotation("DEP"):
        kinds = {id(t): _clause_relation(doc, t, trigger) for t in inside}
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
        return not _when_clause_on(doc, t, trigger), _edges(doc, t, trigger), distance(t)  # type: ignore[arg-type]

    parsed = text_of(doc) == text and doc.has_annotation("DEP")
    return (min(inside, key=closeness) if inside else None, min(sequence, key=distance) if sequence else None,
            min(bounds, key=distance) if bounds else None)


def _edges(doc: Doc, expr: TimeExpr, trigger: Evidence) -> int:
    """The number of parse edges between an expression's head and the trigger's."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or trigger_span is None:
        return 0
    date, event = span.root, trigger_span.root
    common = _common_ancestor(date, event)
    return _depth_below(date, common) + _depth_below(event, common)


def _depth_below(token: Token, ancestor: Token) -> int:
    steps = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def _clause_relation(doc: Doc, expr: TimeExpr, trigger: Evidence | None) -> str:
    """Say whether an expression dates the event's own clause ("own"), an outer clause that holds the event's
    clause ("outer": "said on Monday that ...", "called on Tuesday for a probe into a fire that killed ..."), or a
    clause of its own that leaves the event out ("other": "where a mutiny in 2012 led to a coup").
    """
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return "own"
    if trigger is None:
        return "other" if _boundary_on_path(span.root, None, date_side=True) else "own"
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if trigger_span is None:
        return "own"
    date_token, trigger_token = span.root, trigger_span.root
    if _when_clause_on(doc, expr, trigger) or _premodifies(doc, expr, trigger_token):
        return "own"
    common = _common_ancestor(date_token, trigger_token)
    if _boundary_on_path(date_token, common, date_side=True, trigger=trigger_token):
        # "was shot shortly after he returned home on Friday": the event follows that day closely, so the day bounds
        # it; a place, relative or "since" clause says nothing of the event's time
        if _boundary_on_path(date_token, common, date_side=True, trigger=trigger_token, marks=_PLACE_MARKS):
            return "other"
        return "sequence"
    if common.i == date_token.i and _describes_date(trigger_token, date_token):
        return "own"
    if _boundary_on_path(trigger_token, common, date_side=False):
        if not _boundary_on_path(trigger_token, common, date_side=False, marks=_PLACE_MARKS):
            return "sequence"  # "said on Monday before leaving for Cairo"
        return "outer"
    return "own"


def _premodifies(doc: Doc, expr: TimeExpr, trigger: Token) -> bool:
    """True when the date is written as a modifier of the trigger noun ("the Dec. 21, 1988, bombing", "the 1995
    shooting", which the parser may tag as a verb), whatever the parse made of it: a determiner before, the noun
    straight after.
    """
    text = text_of(doc)
    return ((trigger.pos_ == "NOUN" or trigger.tag_ == "VBG") and trigger.idx >= expr.end and _BARE_GAP.fullmatch(text, expr.end, trigger.idx)
            is not None and _DETERMINER_BEFORE.search(text, max(0, expr.start - 8), expr.start) is not None)


def _when_clause_on(doc: Doc, expr: TimeExpr, trigger: Evidence) -> bool:
    """True when the event lies in a "when" clause written right after the date ("in contrast to Thursday, when
    protesters were arrested, ..."), however the parser attached that clause: it tells what happened that day.

    A clause reported inside it ("Thursday, when officials said soldiers had raided ...") is left out, as in
    ``_describes_date``.
    """
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or trigger_span is None:
        return False
    after = span.end
    while after < len(doc) and doc[after].is_punct and doc[after].text in (",", "\u2014", "--"):
        after += 1
    if after >= len(doc) or doc[after].lower_ != "when" or doc[after].dep_ != "advmod":
        return False
    clause, token = doc[after].head, trigger_span.root
    while token.i != clause.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return not _boundary_on_path(trigger_span.root, clause, date_side=False)


def _describes_date(trigger: Token, date: Token) -> bool:
    """True when the trigger's clause is a relative clause on the date itself ("on Sunday, when soldiers raided").

    Such a clause tells what happened on that day, so the date is the event's own, not an outer clause's bound; a
    clause reported inside it ("on Sunday, when officials said soldiers had raided ...") still only bounds it.
    """
    token = trigger
    while token.head.i != date.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return token.dep_ == "relcl" and not _boundary_on_path(trigger, token, date_side=False)


def _common_ancestor(a: Token, b: Token) -> Token:
    above = {a.i}
    token = a
    while token.head.i != token.i:
        token = token.head
        above.add(token.i)
    token = b
    while token.i not in above and token.head.i != token.i:
        token = token.head
    return token


def _boundary_on_path(token: Token, stop: Token | None, *, date_side: bool, trigger: Token | None = None,
                      marks: frozenset[str] = _SEQUENCE_MARKS) -> bool:
    """True when the way up from ``token`` to ``stop`` (the root when None) leaves a clause of another time.

    On either side: a relative clause ("which fell in 2012") and an adverbial clause of place or sequence ("where
    ...", "after being kidnapped on Christmas Eve"). On the date's side any other clause on a noun too ("the mutiny
    to come in May"), unless that noun is the trigger itself ("a statement released on Friday"). On the event's
    side a reported clause ("said on Monday that ...") and a past participle on a noun ("journalists detained in
    a raid"); a participle of manner ("attacked on Monday, killing five") and a "when" clause keep the same time.
    """
    while token.head.i != token.i and (stop is None or token.i != stop.i):
        dep = token.dep_
        if dep == "relcl":
            return True
        if dep == "advcl" and {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod")} & marks:
            return True
        if dep == "pcomp" and token.head.lower_ in marks:  # "after being kidnapped"
            return True
        if dep == "acl" and date_side and (trigger is None or token.head.i != trigger.i) and not _elided_clause(token):
            return True
        if not date_side and (dep == "ccomp" or (dep == "acl" and token.tag_ in ("VBN", "VBD"))):
            return True
        token = token.head
    return False


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
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or not _told_in_past(span.root):
        return expr
    value = expr.value or ""
    earlier = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return replace(expr, value=earlier) if cal.period_bounds(earlier) else expr


def _told_in_past(token: Token) -> bool:
    """True when a trigger verb is in a past tense ("raided", "was arrested", "had been killed")."""
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "shall", "'ll", "to"}:
        return False
    return token.tag_ == "VBD" or bool(aux & {"was", "were", "had", "has", "have"})


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
    sentences = timex_rules.sentence_spans(text)
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
    match = re.match(r"((?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)),?\s+", expr.text)
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
