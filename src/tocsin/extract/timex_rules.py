"""The TIMEX3 tagger: compiled-regex rules that find temporal expressions in running text and normalise them.

Rule set ``timex.rules.v2``. Each rule is a compiled pattern and a normaliser; every rule runs over the text, the
candidates are resolved longest-first, and the values are computed against the document creation time (DCT, the
publication date) with the tense of the sentence deciding the direction of a bare weekday or month. Extents follow
the TimeML/TIMEX3 conventions used in TimeBank: determiners and modifiers ("the past decade", "early June",
"about two years ago") are inside, prepositions and signals ("on", "since", "in") are outside.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from tocsin.extract import timex_calendar as cal
from tocsin.extract import timex_periods, timex_values
from tocsin.extract.timex_anchor import anchor_anaphora, anchor_clock_times, anchor_on_reference
from tocsin.extract.timex_values import MONTHS, WEEKDAYS, Context, Hit, Tense
from tocsin.model import TimeExpr
from tocsin.nlp import sentence_spans

__all__ = ["MONTHS", "REACH", "RULES", "RULES_VERSION", "TRIGGERS", "WEEKDAYS", "Tense", "regex_tense", "tag"]

RULES_VERSION = "timex.rules.v2"

# --- vocabulary as regex fragments -------------------------------------------------------------------------------
_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
_MONTH_BARE = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR}|(?:{_MONTH_BARE})(?=\s+\d))"
_WEEKDAY = rf"(?P<wd>(?i:{'|'.join(WEEKDAYS)}))"
_NUM_WORD = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
             r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
             r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred")  # fmt: skip
_FUZZY = r"a\s+few|few|several|many|some|a\s+number\s+of|dozens\s+of|hundreds\s+of|a\s+couple\s+of|couple\s+of"
_NUM = (rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2|½)?|(?:{_NUM_WORD})(?:\s+and\s+a\s+half)?|{_FUZZY}|a\s+dozen|a\s+couple(?:\s+of)?|"
        r"half\s+an?|a\s+single|an?)")  # fmt: skip
_UNIT = r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie)|quarter)"
_PREMOD = (r"(?P<pre>(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?|(?:early|late|mid)(?:\s+|-)|"
           r"(?!x)x)")  # fmt: skip
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d])"
_END = r"(?![\w])"
# A year as broadcast transcripts spell it ("nineteen ninety-four").
_SPOKEN_YEAR = (r"(?P<spoken>(?i:nineteen[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen)))")
# --- the rule table --------------------------------------------------------------------------------------------
def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_HOLIDAY_NAMES = "|".join(
    re.escape(name).replace("'", "['\u2019]").replace(r"\ ", r"\s+")
    for name in sorted(cal.HOLIDAYS, key=len, reverse=True)
    if name not in ("new year", "may day", "labour day")
)
# "Tuesday, Aug. 18" is one expression (TimeML), valued by its date; checks compare the two parts.
_WEEKDAY_PREFIX = rf"(?P<wdp>(?:{'|'.join(map(str.capitalize, WEEKDAYS))})),?\s+"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_PARTS = r"(?P<pod>(?i:morning|afternoon|evening|night))"
_YEAR_REL = r"\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+year\b(?![-'’])"  # "June last year"

# Each rule: a compiled pattern and the name of its normaliser (general ones in ``timex_values``, reporting periods
# in ``timex_periods``).
NORMALISERS = {**timex_values.NORMALISERS, **timex_periods.NORMALISERS}
RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_c(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "iso_date"),
    (_c(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)?\d\d)\b"), "slash_date"),
    (_c(rf"(?<![\w.])(?:{_WEEKDAY_PREFIX}|(?P<weekof>the\s+week\s+of\s+))?(?:{_PREMOD})?{_MONTH}\s+{_DAY}{_END}"
        rf"(?:,?\s+{_YEAR}|{_YEAR_REL})?"), "month_day"),
    (_c(rf"\b(?:{_WEEKDAY_PREFIX})?(?:{_PREMOD})?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}{_END}"
        rf"(?:,?\s+{_YEAR}|{_YEAR_REL})?"), "month_day"),
    # "April 24 and 25": the second day is a date of the same month (the first is ``month_day``'s).
    (_c(rf"(?<![\w.]){_MONTH}\s+(?P<first>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
        rf"(?:\s+(?:and|or|&|to|through)\s+|\s*[-\u2013]\s*){_DAY}{_END}(?:,?\s+{_YEAR})?"), "second_day"),
    (_c(rf"\b(?:{_PREMOD})?{_MONTH}(?:,?\s+(?:of\s+)?)(?:{_YEAR}|{_SPOKEN_YEAR}\b)"), "month_year"),
    # "February this year" is one expression: the post-modifier fixes the month's year.
    (_c(rf"\b(?:{_PREMOD})?(?:(?P<rel>(?i:last|next|this|past))\s+)?{_MONTH}(?!\w)(?!\s+\d)"
        rf"(?:{_YEAR_REL})?"), "month"),
    (_c(rf"\b(?:{_PREMOD})?(?:(?P<fy>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|FY))\s*)?{_YEAR}"), "year"),
    (_c(r"(?<!\w)(?P<pre>(?:the\s+)?(?:early|mid|late)(?:\s+|-))?(?:the\s+)?(?:(?P<cent>1[89]|20)(?P<d>\d)0|'(?P<d2>\d)0)s\b",
        re.I), "decade"),
    (_c(r"\b(?P<pre>(?:early|mid|late)[- ])?(?:the\s+)?(?P<ord>\d{2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first|"
        r"eighteenth)[-\s]century\b", re.I), "century"),
    (_c(rf"\b(?:(?P<pre>early|late)\s+|(?P<rel>(?i:last|next|this|past|coming|the\s+previous|the\s+following|this\s+coming|this\s+past))\s+)?{_WEEKDAY}(?P<plural>s)?\b"
        rf"(?:\s+{_PARTS}(?P<plural2>s)?\b)?"), "weekday"),
    (_c(rf"\b(?:(?P<pre>early|late)\s+)?(?P<d>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|"
        rf"afternoon|evening)|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b(?:\s+{_PARTS}\b)?", re.I), "deictic"),
    # A part of the day on its own is the DCT's ("by mid-afternoon", "buy orders came in the morning"), or the day
    # a following deictic names ("mid-afternoon yesterday").
    (_c(r"(?:\b(?P<pre>mid)-?\s?|(?<=\bin\s)the\s+)(?P<pod>morning|afternoon|evening)\b(?!\s+(?:of|hours|news|"
        r"session|paper|show|edition|prayers?|rush|star)\b)(?:\s+(?P<d>yesterday|today|tomorrow)\b)?", re.I),
     "part_of_day"),
    (_c(r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)|"
        r"the\s+(?:following|previous|preceding)\s+(?P<unit2>day|morning|afternoon|evening|night|week|month|year)|"
        r"the\s+next\s+(?P<unit3>day|morning|afternoon|evening|night))\b", re.I), "anaphoric"),
    # "the year ended March 31": twelve months counted back from a date, a duration (not the calendar year).
    (_c(r"\bthe\s+(?:(?:fiscal|financial|full|calendar)\s+)?(?P<unit>year|12\s+months|twelve\s+months)"
        r"(?=,?\s+(?:end(?:ed|ing)\b|to\s+(?:the\s+end\s+of\s+)?(?-i:[A-Z][a-z]{2})))", re.I), "year_ended"),
    (_c(rf"\b(?:{_PREMOD})?(?P<rel>this\s+past|this|last|next|past|coming|current|previous|the\s+(?:past|last|next|coming|"
        r"current|previous|preceding|following|full|fiscal|calendar)|(?<=of\s)the)\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|"
        r"summer|spring|fall|autumn|winter)\b", re.I), "relative_period"),
    (_c(rf"\b{_NUM}\s+{_UNIT}s?\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b", re.I), "ago"),
    (_c(r"\b(?:a\s+(?:long\s+)?while\s+ago|long\s+ago|the\s+(?:recent\s+)?past(?!\s+(?:\d|few|several|two|three|"
        r"four|five|six|seven|eight|nine|ten|decade|year|month|week|day|quarter|century|weekend))|recently|lately|the\s+"
        r"(?:near\s+|foreseeable\s+)?future|now|currently|nowadays|presently|at\s+present|these\s+days|the\s+(?:near|"
        r"short|long)\s+term|an?\s+(?:later|future)\s+date|as\s+soon\s+as\s+possible|"
        r"(?:(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bcould\s)|(?<=\bmight\s)|(?<=\bmay\s))one\s+day"
        r"(?!\s+(?:later|earlier|after|before|ago|of|a|per)\b)|"
        r"(?<!\bas\s)soon(?!\s+(?:after|afterwards?|thereafter|before|as|enough)\b))\b", re.I), "ref"),
    # "current" before its noun ("the current talks", "its current owner") is a temporal adjective, "then current"
    # its past; the economic "current account", the nouns ("the current carried it") and "currents" are not.
    (_c(r"\b(?:then[-\s]+)?[Cc]urrent(?=\s+(?!accounts?\b|assets?\b|liabilit|(?:and|or|of|in|on|at|by|to|for|from|"
        r"with|as|into|is|was|that|which)\b)[a-z])"), "ref"),
    (_c(rf"\b(?:the\s+(?:(?:past|last|next|first|final|coming|previous|preceding|following|latest)\s+)?"
        rf"(?=[\dotfsenhc]))?{_NUM}(?:\s+|-)(?:(?:more|additional|extra|further)\s+)?{_UNIT}s?"
        r"(?P<half>\s+and\s+a\s+half)?\b", re.I), "duration_rule"),
    (_c(r"\b(?:(?:the\s+)?(?:past|last|coming|next)\s+(?:few\s+|several\s+)?|recent\s+)(?P<unit>hours|days|weeks|"
        r"months|years|decades|centuries)\b", re.I), "vague_duration"),
    (_c(r"\bthe\s+(?:(?:few|several|coming)\s+)?(?P<unit>hours|days|weeks|months|years)\s+ahead\b", re.I),
     "vague_duration"),
    (_c(r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\bin\s))(?P<unit>hours|days|weeks|"
        r"months|years|decades|centuries)\b(?!\s+(?:ago|earlier|later|of\s+age))", re.I), "vague_duration"),
    (_c(r"\b(?:the\s+(?:(?P<year2>(?:19|20)\d\d)\s+)?(?:fiscal\s+)?(?!\w+-(?:quarter|half))|(?P<yrel>this|last|next)\s+"
        r"year['\u2019]s\s+(?:fiscal\s+)?)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|"
        r"past)(?:[-\s](?:fiscal|calendar))?[-\s](?P<unit>quarter|half)\b(?:\s+(?:of\s+)?(?:fiscal\s+|calendar\s+|"
        r"the\s+year\s+)?(?P<year>(?:19|20)\d\d)\b)?", re.I), "quarter"),
    (_c(r"\bthe\s+(?:latest\s+|recent\s+)?(?P<unit>quarter)\b(?!-)(?!\s+(?:of\s+(?:a|an|the|its|their|all)\b|"
        r"century|mile|point|percent|per\s+cent))", re.I), "quarter"),
    # Results reports: "the latest period", "the 1988 quarter" are the quarter being reported (``timex_anchor``
    # moves them onto the quarter named just before).
    (_c(r"\bthe\s+latest\s+period\b(?!-)", re.I), "latest_period"),
    (_c(r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?P<unit>quarter|period)\b(?!-)", re.I), "year_period"),
    (_c(r"(?<=\bfor\s)the\s+(?:full\s+)?(?P<unit>year|week|month|day)\b(?!-)(?!,?\s+(?:end(?:ed|ing)|to)\b)", re.I),
     "for_the_unit"),
    (_c(r"\b(?:the\s+)?year(?:[-\s]|['\u2019]s\s+)end\b", re.I), "year_end"),
    (_c(rf"\b(?:{_PREMOD})?(?:the\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))(?:\s+of)?\s+"
        rf"(?:{_YEAR}|{_SPOKEN_YEAR}\b)"), "season"),
    # A season after a temporal preposition is the season nearest the DCT in the clause's tense ("began in the
    # spring", "over the summer"); "fall" only with its article, lower case only ("Spring of Life" is a name).
    (_c(rf"(?:(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bover\s)|(?<=\binto\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|"
        rf"(?<=\buntil\s)|(?<=\bby\s)|(?<=\bsince\s)|(?<=\bfrom\s))(?:the\s+)?|(?<=\bof\s)the\s+)"
        rf"(?:{_PREMOD})?(?P<season>summer|spring|autumn|winter|(?<=the\s)fall|(?<=the\searly\s)fall|"
        r"(?<=the\slate\s)fall)\b(?!\s+of\b|-|\s+(?:season|months|term|semester|session|offensive|games|olympics|"
        r"collection|break|training|festival|fashions?)\b)", re.I), "bare_season"),
    (_c(r"\b(?:the|this\s+past)\s+weekend\b", re.I), "weekend"),
    (_c(r"\b(?P<h>[01]?\d|2[0-4])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
        r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|PT|BST|CET|CEST)\b)?"), "clock"),
    (_c(r"\b(?:(?P<quant>about|around|shortly\s+(?:before|after))\s+)?(?P<h>[01]\d|2[0-3]):?(?P<min>[0-5]\d)\s*"
        r"(?:GMT|UTC|hours|hrs|local\s+time)\b"), "clock"),
    (_c(r"\b(?:noon|midnight|midday)\b", re.I), "noon"),
    (_c(r"\b(?P<h>1[0-2]|[1-9])(?:[:.](?P<min>[0-5]\d))?(?:\s+o['\u2019]clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|"
        r"evening|night)\b", re.I),
     "clock_of_day"),
    (_c(rf"\b(?:every|each)\s+(?:(?P<other>other)\s+|{_NUM}\s+)?(?P<what>(?i:{'|'.join(WEEKDAYS)}|"
        r"morning|afternoon|evening|night|day|week|month|year|decade|hour|minute|"
        rf"quarter)s?|(?P<month>{_MONTH_FULL}))\b", re.I), "set"),
    (_c(r"\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)\b", re.I), "adverb_set"),
    # "twice a week", "three times a year": a SET (TimeML), not the duration "a week".
    (_c(r"\b(?:once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+times)\s+(?:a|an|per|"
        r"each|every)\s+(?P<unit>hour|day|week|month|year|decade|quarter)\b", re.I), "frequency"),
    # "a week-long curfew", "decades-long feud": the duration is the whole adjective.
    (_c(rf"\b(?:{_NUM}[-\s]+)?{_UNIT}(?P<plural>s)?-long\b", re.I), "long_duration"),
    # "Q3 2019", "H1 2020": a quarter or half written as a business code.
    (_c(rf"\b(?P<code>[QH])(?P<index>[1-4])\s*(?:of\s+)?(?:FY\s*)?{_YEAR}"), "coded_quarter"),
    (_c(rf"\b(?P<name>{_HOLIDAY_NAMES}|Ramadan|Eid[-\s]al[-\s](?:Fitr|Adha))(?!\w)(?:\s+{_YEAR})?", re.I), "holiday"),
    (_c(r"\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<unit>quarter|period))?\b", re.I), "year_ago"),
    # The same comparison written out: "last year's quarter", "the corresponding period last year", "the quarter a
    # year ago" (one expression each, like "the year-ago quarter").
    (_c(r"\b(?:last\s+year['’]s\s+(?P<unit>quarter|period)|the\s+(?:(?:corresponding|comparable|same)\s+)?"
        r"(?P<unit2>quarter|period)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)))\b(?!['’-])", re.I),
     "year_ago"),
    # "the first two quarters of 1990": its first half.
    (_c(rf"\b(?:the\s+)?(?P<ord>first|last)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?{_YEAR}", re.I), "two_quarters"),
    (_c(r"\b(?:the\s+)?(?P<pre>early\s+|mid-?|late\s+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties)\b", re.I), "decade_word"),
    (_c(rf"\b(?:the\s+year\s+)?(?:{_SPOKEN_YEAR}|(?<=the\syear\s)(?P<spoken2>two\s+thousand(?:\s+and)?(?:[- ](?:one|two|three|"
        r"four|five|six|seven|eight|nine|ten))?))\b", re.I), "spoken_year"),
)


# --- tense and sentences ---------------------------------------------------------------------------------------
_FUTURE_WORDS = frozenset("will won't wo shall would 'll next upcoming coming tomorrow planned scheduled".split())
_FUTURE_BEFORE_TO = frozenset("going plan plans planning expected due set".split())
_PAST_WORDS = frozenset(
    "was were had did said told ago last yesterday earlier went came took began fell rose saw made met left held "
    "killed shot hit won lost sent led gave got found broke ran fought fled struck stood spoke wrote burnt seized "
    "overran rang blew brought bought caught chose drove flew forgot froze grew heard hid knew laid lay meant paid "
    "put quit rode sank sold shook shut slew sought spent stole swept threw tore understood withdrew woke thought "
    "felt kept".split()
)
_TENSE_WORD = re.compile(r"[A-Za-z']+")


def _cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return ``(start, end, past|future)`` for the tense cue words of one sentence."""
    cues: list[tuple[int, int, str]] = []
    words = [(m.start(), m.end(), m.group().lower()) for m in _TENSE_WORD.finditer(text, start, end)]
    for i, (w_start, w_end, word) in enumerate(words):
        following = words[i + 1][2] if i + 1 < len(words) else ""
        if word == "next" and following == "to":
            continue  # "next to the embassy": a place, not a time ahead
        if word in _FUTURE_WORDS or word.endswith("'ll") or (word in _FUTURE_BEFORE_TO and following == "to"):
            cues.append((w_start, w_end, "future"))
        elif word in _PAST_WORDS or (len(word) > 4 and word.endswith("ed")):
            cues.append((w_start, w_end, "past"))
    return cues


def regex_tense(text: str, sentences: list[tuple[int, int]]) -> Tense:
    """Return a tense function for ``text``: the nearest tense cue in the expression's sentence decides.

    >>> tense = regex_tense("He will meet them on Friday.", [(0, 28)])
    >>> tense(21, 27)
    'future'
    """
    starts = [s for s, _ in sentences]
    cache: dict[int, list[tuple[int, int, str]]] = {}

    def tense(start: int, end: int) -> str | None:
        index = max(0, bisect.bisect_right(starts, start) - 1)
        if index not in cache:
            s_start, s_end = sentences[index] if sentences else (0, len(text))
            cache[index] = _cues(text, s_start, s_end)
        best: tuple[int, str] | None = None
        for c_start, c_end, kind in cache[index]:
            if start <= c_start < end:
                continue
            distance = start - c_end if c_end <= start else c_start - end + 8
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else None

    return tense


# --- triggers: where the rules are worth running -----------------------------------------------------------------
# Running every rule over the whole text costs a regex pass per rule. Instead, literal substrings (found with fast
# literal searches) mark windows, and each rule runs only inside the windows of its triggers. The rule patterns
# still decide every match, so a trigger that fires on noise ("mar" in "market") only costs a little time.
_UNIT_RULES = ("relative_period", "ago", "duration_rule", "vague_duration", "set", "adverb_set")
TRIGGERS: tuple[tuple[tuple[str, ...], bool, tuple[str, ...]], ...] = (
    (("19", "20", "18"), False, ("iso_date", "year")),
    (("/",), False, ("slash_date",)),
    (("0s",), False, ("decade",)),
    (("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), True,
     ("month_day", "month_year", "month", "holiday", "second_day")),
    (("day",), False, ("weekday", "deictic", "duration_rule", "vague_duration", "ago", "set", "holiday", "noon",
                       "ref", "anaphoric")),
    (("month", "decade", "hour", "minute", "second", "fortnight"), False, (*_UNIT_RULES, "anaphoric")),
    (("week",), False, (*_UNIT_RULES, "weekend", "anaphoric")),
    (("year",), False, (*_UNIT_RULES, "holiday", "year_ago", "for_the_unit", "year_end", "anaphoric", "year_ended")),
    (("centur",), False, (*_UNIT_RULES, "century")),
    (("quarter", "half"), False, (*_UNIT_RULES, "quarter", "year_period", "year_ago", "two_quarters")),
    (("period",), False, ("latest_period", "year_period", "year_ago")),
    (("week", "month", "day"), False, ("for_the_unit",)),
    (("night", "morning", "afternoon", "evening"), False, ("deictic", "weekday", "set", "adverb_set", "noon",
                                                          "anaphoric", "part_of_day")),
    (("tomorrow",), False, ("deictic",)),
    (("now", "current", "present", "recent", "late", "past", "future", "ago", "term", "date", "soon"), False, ("ref",)),
    (("noon",), False, ("noon",)),
    (("in the morning", "in the afternoon", "in the evening", "in the night"), False, ("clock_of_day",)),
    (("spring", "summer", "fall", "autumn", "winter"), False, ("relative_period", "season", "bare_season")),
    (("nineteen",), False, ("month_year", "season")),
    (("a.m", "p.m", "gmt", "utc", "hrs", "local time"), False, ("clock",)),
    (("every", "each"), False, ("set",)),
    (("once", "twice", "thrice", "times"), False, ("frequency",)),
    (("-long",), False, ("long_duration",)),
    (("Q1", "Q2", "Q3", "Q4", "H1", "H2"), True, ("coded_quarter",)),
    (("dai", "annual"), False, ("adverb_set",)),
    (("christmas", "easter", "thanksgiving", "halloween", "ramadan", "eid", "valentine"), False, ("holiday",)),
    (("ties",), False, ("decade_word",)),
    (("nineteen", "thousand"), False, ("spoken_year",)),
    (("recent",), False, ("vague_duration",)),
)
_CLOCK_TRIGGER = re.compile(r"\d\s?[aApP]\.?[mM]\b")
_WORD_START = re.compile(r"(?<![\w'])[\w']")
_LEFT = 60  # how far before its trigger a rule's match may start ("more than twenty-four hours")
# How many words before its trigger's word a rule's match may start ("the beginning of the 18th of August": 6).
REACH = {"iso_date": 0, "slash_date": 0, "month_day": 6, "second_day": 1, "month_year": 4, "month": 5, "year": 6,
         "decade": 3, "century": 4, "weekday": 2, "deictic": 3, "part_of_day": 2, "relative_period": 5, "ago": 6,
         "duration_rule": 8, "vague_duration": 3, "quarter": 3, "season": 4, "bare_season": 3, "weekend": 2,
         "clock": 2, "noon": 0, "ref": 3, "set": 3, "adverb_set": 0, "frequency": 3, "long_duration": 4,
         "coded_quarter": 0, "holiday": 3, "year_ago": 5, "two_quarters": 3, "decade_word": 2, "spoken_year": 3,
         "for_the_unit": 2, "latest_period": 2, "year_period": 2, "year_end": 1, "year_ended": 3, "anaphoric": 4,
         "clock_of_day": 2}  # fmt: skip


def _rule_indices(names: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(i for i, (_, name) in enumerate(RULES) if name in names)


_TRIGGER_TABLE = tuple((words, case, _rule_indices(names)) for words, case, names in TRIGGERS)
_CLOCK_RULES = _rule_indices(("clock",))
_RULE_REACH = tuple(REACH[name] + 1 for _, name in RULES)


def _trigger_positions(text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
    """Yield ``(position, rule indices)`` for every trigger in ``text`` (literal searches, a clock regex)."""
    lower = text.lower()
    for words, case_sensitive, rules in _TRIGGER_TABLE:
        haystack = text if case_sensitive else lower
        for word in words:
            at = haystack.find(word)
            while at != -1:
                yield at, rules
                at = haystack.find(word, at + 1)
    for match in _CLOCK_TRIGGER.finditer(text):
        yield match.start(), _CLOCK_RULES


# --- the tagger --------------------------------------------------------------------------------------------------
def _candidates(ctx: Context) -> Iterator[tuple[int, Hit]]:
    """Yield ``(rule index, hit)`` for every rule that matches at a word start up to ``_LEFT`` before a trigger."""
    text = ctx.text
    tried: set[tuple[int, int]] = set()
    for at, rules in _trigger_positions(text):
        starts = [m.start() for m in _WORD_START.finditer(text, max(0, at - _LEFT), at + 1)]
        for order in rules:
            pattern, name = RULES[order]
            for start in starts[-_RULE_REACH[order]:]:
                if (order, start) in tried:
                    continue
                tried.add((order, start))
                match = pattern.match(text, start)
                if match is None:
                    continue
                hit = NORMALISERS[name](match, ctx)
                if hit is not None and hit.end > hit.start:
                    yield order, hit


_LOWER_CASE_RULES = frozenset(("deictic", "relative_period", "noon", "ref", "part_of_day"))
_TITLE_WORD = re.compile(r"[A-Z][\w'’]*$")


def _in_a_title(text: str, name: str, hit: Hit) -> bool:
    """True for time words capitalised inside a sentence as part of a name: ABC's "This Week", "VOA Today",
    "High Noon". Names are not temporal expressions (TIMEX2/TIMEX3: non-markable proper names)."""
    if name not in _LOWER_CASE_RULES or not text[hit.start].isupper():
        return False
    before = text[max(0, hit.start - 40):hit.start].rstrip(" \t\"'`“‘(")
    gap = text[len(before) + max(0, hit.start - 40):hit.start]
    if not before or before[-1] in ".!?:\n" or "  " in gap or "\n" in gap:
        return False  # a sentence, a quotation or a paragraph starts here
    words = text[hit.start:hit.end].split()
    if len(words) > 1:
        return all(word[0].isupper() for word in words)
    previous = before.split()[-1].lstrip("\"'`“‘(")
    return bool(_TITLE_WORD.match(previous))


def tag(text: str, dct: dt.date | None, *, tense: Tense | None = None,
        sentences: list[tuple[int, int]] | None = None) -> list[TimeExpr]:
    """Return the temporal expressions in ``text`` with TIMEX3 values relative to ``dct`` (None: only absolute).

    ``tense(start, end)`` returns ``past``, ``future``, ``present`` or None for an expression's clause; by default
    a cue-word rule over ``sentences`` (by default ``sentence_spans(text)``) decides.

    >>> [(t.text, t.value) for t in tag("Gunfire was heard on Tuesday.", dt.date(2020, 8, 20))]
    [('Tuesday', '2020-08-18')]
    >>> [(t.text, t.type, t.value) for t in tag("protests since June", dt.date(2020, 8, 18))]
    [('June', 'DATE', '2020-06')]
    """
    if tense is None:
        tense = regex_tense(text, sentences if sentences is not None else sentence_spans(text))
    ctx = Context(text, dct, tense)
    hits = sorted(_candidates(ctx), key=lambda item: (item[1].start - item[1].end, item[0], item[1].start))
    chosen: list[tuple[int, Hit]] = []
    occupied = bytearray(len(text) + 1)
    for order, hit in hits:
        if any(occupied[hit.start:hit.end]):
            continue
        occupied[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
        chosen.append((order, hit))
    chosen.sort(key=lambda item: item[1].start)
    named = [(RULES[order][1], hit) for order, hit in chosen if not _in_a_title(text, RULES[order][1], hit)]
    taken = [hit for _, hit in anchor_clock_times(anchor_anaphora(anchor_on_reference(named, dct), text, dct), text)]
    return [TimeExpr(text=text[h.start:h.end], start=h.start, end=h.end, type=h.type, value=h.value,
                     precision=h.precision, mod=h.mod) for h in taken]
