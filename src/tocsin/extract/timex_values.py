"""TIMEX3 values for recognised temporal expressions: the vocabulary and one normaliser per rule.

``timex_rules`` finds the expressions; each of its rules names a normaliser in ``NORMALISERS`` that turns the
match into a type, a value relative to the document creation time (DCT), a precision and a TimeML ``mod``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from tocsin.extract import timex_calendar as cal

__all__ = ["MONTHS", "NORMALISERS", "WEEKDAYS", "Context", "Hit", "Normaliser", "Tense", "group", "shift_period"]

Tense = Callable[[int, int], str | None]


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a dozen": 12, "a couple of": 2,
    "a couple": 2, "couple of": 2, "a single": 1, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "W",
          "month": "M", "year": "Y", "decade": "Y", "century": "Y", "quarter": "M", "weekend": "WE"}  # fmt: skip
_UNIT_FACTOR = {"decade": 10, "century": 100, "fortnight": 2, "quarter": 3}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_MODS = {"early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END", "mid": "MID",
         "middle": "MID", "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
         "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
         "fewer than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "more than": "MORE_THAN",
         "over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}  # fmt: skip


_QUANT_BEFORE = re.compile(
    r"\b(about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"up\s+to|over|under)\s+$",
    re.I,
)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip
_ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M", "hourly": "PT1H"}  # fmt: skip
_COUNT_NOUNS = re.compile(
    r"\s*(?:-|%|percent|per\s*cent|people|persons|soldiers|troops|civilians|men|women|children|members|"
    r"residents|workers|refugees|families|homes|houses|votes|units|shares|cars|tonnes|tons|km|miles|metres|"
    r"meters|feet|dollars|euros|rupees|francs|\$|kilometres|kilometers|hectares|acres|barrels)\b",
    re.I,
)



@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    """One recognised expression: its span, TIMEX3 type, value, precision and mod."""

    start: int
    end: int
    type: str
    value: str | None
    precision: str | None = None
    mod: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Context:
    """What a normaliser may read: the text, the DCT and the tense of an expression's clause."""

    text: str
    dct: dt.date | None
    tense: Tense

    def direction(self, start: int, end: int) -> str:
        tense = self.tense(start, end)
        return tense if tense in ("past", "future") else "nearest"





# --- value helpers ---------------------------------------------------------------------------------------------
def group(m: re.Match[str], name: str) -> str:
    """Return a named group's text, or "" when the group did not take part (or is not in this rule)."""
    return m.groupdict().get(name) or ""


def _num(word: str | None) -> float | None:
    """Return the number a quantity word stands for, or None when it is vague ("several")."""
    if word is None:
        return 1
    word = re.sub(r"\s+", " ", word.lower()).strip()
    half = word.endswith((" and a half", " 1/2", "½"))
    word = re.sub(r"(?: and a half| 1/2|½)$", "", word)
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        value: float = float(word)
    elif word in _NUMBERS:
        value = _NUMBERS[word]
    elif re.fullmatch(r"\w+[- ]\w+", word) and all(p in _NUMBERS for p in re.split(r"[- ]", word)):
        value = sum(_NUMBERS[p] for p in re.split(r"[- ]", word))
    else:
        return None
    return value + 0.5 if half else value


def _fmt_num(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _duration(count: float | None, unit: str) -> str:
    """Return a TIMEX3 duration: ``P2Y``, ``PT3H``, ``P10Y`` for a decade, ``PXY`` when the count is vague."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    letter = _UNITS[unit]
    prefix = "PT" if letter in ("H", "S") or unit == "minute" else "P"
    if count is None:
        return f"{prefix}X{ {'decade': 'DE', 'century': 'CE'}.get(unit, letter)}"
    count *= _UNIT_FACTOR.get(unit, 1)
    whole, part = int(count), count - int(count)
    smaller = _SMALLER.get("MI" if unit == "minute" else letter)
    if part and smaller and float(part * smaller[1]).is_integer():
        # TimeML writes no fractions: "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S, "half an hour" PT30M
        small_letter, factor = smaller
        time_part = prefix == "PT" or small_letter == "H"
        if not whole:
            return f"{'PT' if time_part else 'P'}{int(part * factor)}{small_letter}"
        head = f"{prefix}{whole}{letter}" + ("T" if time_part and prefix == "P" else "")
        return f"{head}{int(part * factor)}{small_letter}"
    return f"{prefix}{_fmt_num(count)}{letter}"


_SMALLER = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "MI": ("S", 60)}


def shift_period(dct: dt.date, unit: str, count: int) -> tuple[str, str]:
    """Return the value and precision of the period ``count`` units from the DCT at the unit's granularity."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    if unit in ("day", "night"):
        return (dct + dt.timedelta(days=count)).isoformat(), "day"
    if unit in ("week", "fortnight"):
        return cal.iso_week(dct + dt.timedelta(weeks=count * _UNIT_FACTOR.get(unit, 1))), "week"
    if unit == "weekend":
        return cal.iso_week(dct + dt.timedelta(weeks=count)) + "-WE", "week"
    if unit == "month":
        year, month = cal.add_months(dct.year, dct.month, count)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "quarter":
        year, month = cal.add_months(dct.year, dct.month, 3 * count)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "decade":
        return str(dct.year // 10 + count), "decade"
    if unit == "century":
        return str(dct.year // 100 + count), "century"
    if unit in ("hour", "minute", "second"):
        return dct.isoformat(), "day"
    return str(dct.year + count), "year"


def _mod(*words: str | None) -> str | None:
    for word in words:
        if word:
            key = re.sub(r"\s+", " ", word.lower()).strip(" -").removeprefix("the ").removesuffix(" of")
            key = key.removesuffix(" the").removesuffix(" of").removeprefix("just ")
            if key in _MODS:
                return _MODS[key]
    return None


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# --- rule normalisers ------------------------------------------------------------------------------------------
def _iso_date(m: re.Match[str], ctx: Context) -> Hit | None:
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not _valid_day(year, month, day):
        return None
    return Hit(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", "day")


def _slash_date(m: re.Match[str], ctx: Context) -> Hit | None:
    month, day, year = int(m.group("m")), int(m.group("d")), int(m.group("y"))
    year += 1900 if year < 100 and year >= 50 else 2000 if year < 100 else 0
    if not _valid_day(year, month, day):
        return None
    return Hit(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}-{day:02d}", "day")


def _month_day(m: re.Match[str], ctx: Context) -> Hit | None:
    month, day = _month_num(m.group("month")), int(m.group("day"))
    if _COUNT_NOUNS.match(ctx.text, m.end()) and not group(m, "year") and not _is_day_range(ctx.text, m.end(), day):
        return None
    mod = _mod(group(m, "pre")) if "pre" in m.re.groupindex else None
    shared = _SHARED_YEAR.match(ctx.text, m.end())
    if group(m, "year"):
        year: int | None = int(group(m, "year"))
    elif shared:
        year = int(shared.group(1))
    elif group(m, "yrel") and ctx.dct is not None:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[group(m, "yrel").lower()]
    elif ctx.dct is not None and (rel := _REL_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())):
        # "last Oct. 23", "next March 1": the word fixes the direction, whatever the tense
        ahead = (month, day) > (ctx.dct.month, ctx.dct.day)
        year = ctx.dct.year - ahead if rel.group(1).lower() == "last" else ctx.dct.year + (not ahead)
    elif ctx.dct is not None:
        direction = "future" if _EFFECTIVE.search(ctx.text, max(0, m.start() - 40), m.start()) else (
            ctx.direction(m.start(), m.end()))
        year = cal.anchor_month(ctx.dct, month, direction)
        if month == ctx.dct.month and direction == "nearest":
            year = ctx.dct.year
    else:
        year = None
    if not _valid_day(year or 2000, month, day):
        return None
    if group(m, "weekof") and year:  # "the week of March 6": the week that holds the day
        return Hit(m.start(), m.end(), "DATE", cal.iso_week(dt.date(year, month, day)), "week")
    value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    return Hit(m.start(), m.end(), "DATE", value, "day", mod)


_RANGE_END = re.compile(r"\s*[-\u2013]\s*(\d{1,2})\b(?![-\u2013.,]?\d)")


def _is_day_range(text: str, at: int, day: int) -> bool:
    """True for "Jan. 5-7": a hyphen to a later day of the month, not a score or a count ("March 3-2 vote")."""
    match = _RANGE_END.match(text, at)
    return match is not None and day < int(match.group(1)) <= 31


def _second_day(m: re.Match[str], ctx: Context) -> Hit | None:
    if int(m.group("day")) <= int(m.group("first")):
        return None  # "the March 3-2 vote": a score, not two days
    hit = _month_day(m, ctx)
    return None if hit is None else dataclasses.replace(hit, start=m.start("day"))


_REL_BEFORE = re.compile(r"\b(last|next)\s+$", re.I)
# "Oct. 3 and 4, 1995", "Jan. 14-17, 2018": the year written after the second day is the first day's too.
_SHARED_YEAR = re.compile(r"(?:\s+(?:and|or|&|to|through)\s+|\s*[-\u2013]\s*)\d{1,2}(?:st|nd|rd|th)?,?\s+"
                          r"((?:1[89]|20)\d\d)\b")
# "a new office, effective Feb. 1": a change announced for a day ahead ("became effective" is over already).
_EFFECTIVE = re.compile(r"(?<!became\s)(?<!become\s)(?<!was\s)(?<!went\s)\beffective\s+(?:on\s+|as\s+of\s+)?$",
                        re.I)


def _month_year(m: re.Match[str], ctx: Context) -> Hit | None:
    year = _year_of(m)
    if year is None:
        return None
    return Hit(m.start(), m.end(), "DATE", year + f"-{_month_num(m.group('month')):02d}", "month", _mod(group(m, "pre")))


def _month(m: re.Match[str], ctx: Context) -> Hit | None:
    month = _month_num(m.group("month"))
    if month == 5 and not (group(m, "pre") or group(m, "rel")) and re.match(r"\s+(?:be|have|not|also|well|come)\b", ctx.text[m.end():]):
        return None
    if (month == 3 and not (group(m, "pre") or group(m, "rel")) and _NAMED_MARCH.match(ctx.text, m.end())
            and re.search(r"\b(?:the|an?|annual|great)\s+$", ctx.text[max(0, m.start() - 12):m.start()], re.I)):
        return None  # "the annual March for Life", "the March of the Mothers": a named march, not the month
    rel = (group(m, "rel") or "").lower()
    value: str | None = None
    if ctx.dct is not None:
        direction = {"last": "last", "next": "next", "this": "this", "past": "last"}.get(rel)
        direction = direction or _month_lean(m, ctx) or ctx.direction(m.start(), m.end())
        if group(m, "yrel") and not rel:
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[group(m, "yrel").lower()]
        else:
            year = ctx.dct.year if direction == "this" else cal.anchor_month(ctx.dct, month, direction)
        value = f"{year:04d}-{month:02d}"
    elif not rel:
        value = f"XXXX-{month:02d}"
    return Hit(m.start(), m.end(), "DATE", value, "month", _mod(group(m, "pre")))


_NAMED_MARCH = re.compile(r"\s+(?:for|of|on|against|to)\s+(?:the\s+)?[A-Z]")
_DEADLINE = re.compile(r"\b(?:by|until|till|through)\s+(?:(?:the\s+)?(?:end|middle|beginning)\s+of\s+|early\s+|late\s+|mid-?)?$",
                       re.I)


def _month_lean(m: re.Match[str], ctx: Context) -> str | None:
    """Return "future" for a bare month named as a deadline ("pay down the loan by February", "loans through
    January"): a deadline lies ahead of the report even when the verb is in the past."""
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if re.search(r"\b(?:this|last)\s+year\b", before):
        return None  # "sales this year through August": the end of a stretch of the current year
    return "future" if _DEADLINE.search(before) else None


def _year(m: re.Match[str], ctx: Context) -> Hit | None:
    before = ctx.text[max(0, m.start("year") - 12):m.start("year")]
    # "$1,995", "No. 1995", "about 1990 people" are numbers; "in 1994, 1995 and 1997" is a list of years
    if re.search(r"(?:(?:[$€£#]|No\.|number|\bsome|\babout|\bnearly|\bover|\bthan|\bleast)\s*|\d[,.])$", before,
                 re.I) and not group(m, "fy") and not group(m, "pre"):
        return None
    if _COUNT_NOUNS.match(ctx.text, m.end()) and not re.match(r"\s*-\s*\d", ctx.text[m.end():]):
        if not re.match(r"\s*-\s*(?:19|20)?\d\d\b", ctx.text[m.end():]):
            return None
    if re.match(r"[.,]\d", ctx.text[m.end():m.end() + 2]):
        return None  # "closed at 2082.1": a number
    value = m.group("year")
    return Hit(m.start(), m.end(), "DATE", value, "year", _mod(group(m, "pre")))


def _decade(m: re.Match[str], ctx: Context) -> Hit | None:
    if group(m, "cent"):
        digits = group(m, "cent") + group(m, "d")
    else:
        digit = group(m, "d2")
        century = "19" if ctx.dct is None or int(digit) * 10 > ctx.dct.year % 100 else str(ctx.dct.year // 100)
        digits = century + digit
    return Hit(m.start(), m.end(), "DATE", digits, "decade", _mod(group(m, "pre")))


def _century(m: re.Match[str], ctx: Context) -> Hit | None:
    ordinal = m.group("ord").lower()
    words = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "eighteenth": 18}
    number = words.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
    if not number:
        return None
    return Hit(m.start(), m.end(), "DATE", f"{number - 1:02d}", "century", _mod(group(m, "pre")))


def _weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    weekday = WEEKDAYS[m.group("wd").lower()]
    pod = _PART_OF_DAY.get((group(m, "pod") or "").lower())
    if group(m, "plural") or group(m, "plural2"):  # "on Tuesdays", "Tuesday nights": every such day (or its night)
        return Hit(m.start(), m.end(), "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{pod}" if pod else ""), "day")
    rel = (group(m, "rel") or "").lower()
    value: str | None
    if ctx.dct is None:
        value = None if rel else f"XXXX-WXX-{weekday + 1}"
    else:
        direction = {"last": "last", "past": "last", "next": "future", "coming": "future", "this": "this",
                     "the previous": "last", "this past": "last", "the following": "future",
                     "this coming": "future"}.get(re.sub(r"\s+", " ", rel))
        direction = direction or _weekday_lean(m, ctx) or ctx.direction(m.start(), m.end())
        value = cal.anchor_weekday(ctx.dct, weekday, direction).isoformat()
    kind = "TIME" if pod else "DATE"
    if pod and value:
        value += f"T{pod}"
    return Hit(m.start(), m.end(), kind, value, "day", _mod(group(m, "pre")))


_AHEAD = re.compile(r"\b(?:as\s+(?:early|soon|late)\s+as|no\s+later\s+than|ahead\s+of|in\s+time\s+for|"
                    r"scheduled\s+(?:for\s+)?|due\s+(?:on\s+)?|deadline\s+(?:of\s+)?|planned\s+for)\s*$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b(?!\s+(?:been|going|to|due|expected|scheduled|set)\b)")


def _weekday_lean(m: re.Match[str], ctx: Context) -> str | None:
    """Return the direction a bare weekday's own words give, before the clause's tense is asked.

    "as early as Tuesday", "ahead of Friday", "scheduled for Monday" look forward whatever the verb's tense (reported
    speech shifts it: "said ... could leave as soon as Tuesday"); a possessive "Thursday's closing price" names a
    day already seen.
    """
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if _AHEAD.search(before):
        return "future"
    if _POSSESSIVE.match(ctx.text, m.end()) and (ctx.direction(m.start(), m.end()) != "future"
                                                  or not _PLAINLY_AHEAD.search(_clause_window(ctx.text, m))):
        return "past"  # "said they would appeal Wednesday's ruling": "would" is reported, the ruling is out
    return None


_PLAINLY_AHEAD = re.compile(r"\b(?:will|shall|won't|going\s+to|expected|scheduled|set\s+to|due|plans?|planned|"
                            r"upcoming|coming|ahead|before)\b|'ll\b", re.I)
_CLAUSE_END = re.compile(r"[.!?;]\s")


def _clause_window(text: str, m: re.Match[str]) -> str:
    """Return the text around a match up to 100 characters each side, cut at sentence or clause ends."""
    before = text[max(0, m.start() - 100):m.start()]
    after = text[m.end():m.end() + 100]
    cut = list(_CLAUSE_END.finditer(before))
    before = before[cut[-1].end():] if cut else before
    stop = _CLAUSE_END.search(after)
    return before + " " + (after[:stop.start()] if stop else after)


def _deictic(m: re.Match[str], ctx: Context) -> Hit | None:
    word = re.sub(r"\s+", " ", m.group("d").lower())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1, "this morning": 0,
               "this afternoon": 0, "this evening": 0, "the day before yesterday": -2, "the day after tomorrow": 2}
    pod = _PART_OF_DAY.get((group(m, "pod") or "").lower())
    if word in ("tonight", "last night"):
        pod = "NI"
    elif word.startswith("this "):
        pod = _PART_OF_DAY[word.split()[1]]
    value = None if ctx.dct is None else (ctx.dct + dt.timedelta(days=offsets[word])).isoformat()
    if pod and value:
        value += f"T{pod}"
    return Hit(m.start(), m.end(), "TIME" if pod else "DATE", value, "day", _mod(group(m, "pre")))


def _part_of_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """"mid-afternoon" (the DCT's afternoon, MID), "mid-afternoon yesterday", "in the morning": a TIME."""
    pod = _PART_OF_DAY[m.group("pod").lower()]
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(group(m, "d").lower(), 0)
    day = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    return Hit(m.start(), m.end(), "TIME", f"{day}T{pod}", "day", _mod(group(m, "pre")))


def _relative_period(m: re.Match[str], ctx: Context) -> Hit | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if rel in ("the past", "the last", "the next", "the coming", "past"):
        if unit in _SEASONS or unit == "weekend":
            return None
        half = _AND_A_HALF.match(ctx.text, m.end())
        if half:  # "the past year and a half": P1Y6M
            return Hit(m.start(), half.end(), "DURATION", _duration(1.5, unit), None, _mod(group(m, "pre")))
        # "over the past year", "the last week": the stretch of time up to the DCT, not the calendar year before it
        # (TimeBank values it both ways; the stretch is what a reader of the alert takes it to mean).
        return Hit(m.start(), m.end(), "DURATION", _duration(1, unit), None, _mod(group(m, "pre")))
    shift = -1 if rel in ("last", "previous", "the previous", "the preceding", "this past") else (
        1 if rel in ("next", "coming", "the following") else 0)
    mod = _mod(group(m, "pre"))
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", None, None, mod)
    if unit in _SEASONS:
        season = _SEASONS[unit]
        start = cal.SEASON_MONTHS[season] - 1 if season != "WI" else 12
        year = ctx.dct.year
        if shift < 0 and ctx.dct.month < start + 3:
            year -= 1
        elif shift > 0 and ctx.dct.month >= start:
            year += 1
        return Hit(m.start(), m.end(), "DATE", f"{year:04d}-{season}", "season", mod)
    value, precision = shift_period(ctx.dct, unit, shift)
    return Hit(m.start(), m.end(), "DATE", value, precision, mod)


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)


def _anaphoric(m: re.Match[str], ctx: Context) -> Hit | None:
    """"that day", "the following month", "the next morning": valued here against the DCT; ``timex_anchor`` moves
    them onto the date last named before them, their reference time in TimeML."""
    unit = (group(m, "unit") or group(m, "unit2") or group(m, "unit3")).lower()
    words = m[0].lower()
    shift = 1 if ("following" in words or "next" in words) else -1 if ("previous" in words or "preceding" in words) else 0
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", None, None)
    pod = _PART_OF_DAY.get(unit)
    value, precision = shift_period(ctx.dct, "day" if pod else unit, shift)
    if pod:
        return Hit(m.start(), m.end(), "TIME", f"{value}T{pod}", precision)
    return Hit(m.start(), m.end(), "DATE", value, precision)


def _quant_before(ctx: Context, start: int) -> str | None:
    """Return the TimeML mod of a quantifier just before an expression ("about", "more than"): outside its extent."""
    match = _QUANT_BEFORE.search(ctx.text, max(0, start - 24), start)
    if match and match.group(1).lower() in ("over", "under", "some") and ctx.text.startswith(("the ", "The "), start):
        return None  # "over the next two years": the preposition, not "more than"
    return _mod(match.group(1)) if match else None


def _ago(m: re.Match[str], ctx: Context) -> Hit | None:
    count = _num(group(m, "num"))
    mod = _quant_before(ctx, m.start()) or ("APPROX" if count is None else None)
    if count is None or ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", "PAST_REF" if count is None else None, None, mod)
    unit = m.group("unit").lower()
    if unit.rstrip("s") in ("hour", "minute", "second"):
        return Hit(m.start(), m.end(), "DATE", ctx.dct.isoformat(), "day", mod)
    sign = 1 if m.group("dir").lower() in ("later", "from now", "hence") else -1
    if count != int(count):
        return Hit(m.start(), m.end(), "DATE", None, None, mod)
    value, precision = shift_period(ctx.dct, unit, sign * int(count))
    return Hit(m.start(), m.end(), "DATE", value, precision, mod)


def _duration_rule(m: re.Match[str], ctx: Context) -> Hit | None:
    if re.match(r"[-\s]+old\b", ctx.text[m.end():]) or re.match(r"\s*-\s*\w", ctx.text[m.end():]) and "-" in m[0]:
        return None
    unit = m.group("unit").lower()
    if unit.startswith("quarter") and not re.search(r"\d|[a-z]", group(m, "num") or "") :
        return None
    num_text = (group(m, "num") or "").lower()
    if num_text in ("a", "an") and unit.startswith(("quarter", "second")):
        return None
    if unit.startswith("quarter") and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None  # "three-quarters of the vote": a fraction
    count = _num(group(m, "num"))
    if count is not None and 1900 <= count < 2100 and group(m, "num").isdigit():
        return None  # "the 1988 second quarter": a year, not a count
    if group(m, "half") and count is not None:
        count += 0.5
    if group(m, "num") and re.match(r"half\s+an?", num_text):
        count = 0.5
    start = m.start()
    if re.match(r"the\s+", m[0], re.I) and m.start("num") > 0 and ctx.text[m.end("num")] == "-" and (
            m[0][3:m.start("num") - m.start()].strip() == ""):
        start = m.start("num")  # "the 10-year war": the article is the noun's, the duration is "10-year"
    return Hit(start, m.end(), "DURATION", _duration(count, unit), None, _quant_before(ctx, start))


def _vague_duration(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit(m.start(), m.end(), "DURATION", _duration(None, m.group("unit")), None, None)


def _season(m: re.Match[str], ctx: Context) -> Hit | None:
    year = _year_of(m)
    if year is None:
        return None
    return Hit(m.start(), m.end(), "DATE", year + "-" + _SEASONS[m.group("season").lower()], "season", _mod(group(m, "pre")))


_SHARED_SEASON_YEAR = re.compile(r"\s+(?:and|or|to)\s+(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
                                 r"((?:1[89]|20)\d\d)\b", re.I)


def _bare_season(m: re.Match[str], ctx: Context) -> Hit | None:
    """"in the spring", "over the summer": the season of the DCT's year, or the one before (past tense, a season not
    yet begun) or after (future tense, a season already over); winter is dated by the year it ends in."""
    if not m.group("season").islower():
        return None  # "Spring of Life", "Winter Olympics": names
    season = _SEASONS[m.group("season").lower()]
    mod = _mod(group(m, "pre"))
    shared = _SHARED_SEASON_YEAR.match(ctx.text, m.end())
    if shared:  # "the spring and summer of 2007": the year is both seasons'
        return Hit(m.start(), m.end(), "DATE", f"{shared.group(1)}-{season}", "season", mod)
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", f"XXXX-{season}", "season", mod)
    first = cal.SEASON_MONTHS[season] - 1 if season != "WI" else 0  # first month (WI: December of the year before)
    year, direction = ctx.dct.year, ctx.direction(m.start(), m.end())
    if direction == "past" and ctx.dct.month < first:
        year -= 1
    elif direction == "future" and ctx.dct.month > first + 2:
        year += 1
    return Hit(m.start(), m.end(), "DATE", f"{year:04d}-{season}", "season", mod)


def _weekend(m: re.Match[str], ctx: Context) -> Hit | None:
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", None, None)
    direction = ctx.direction(m.start(), m.end())
    saturday = cal.anchor_weekday(ctx.dct, 5, "past" if direction != "future" else "future")
    return Hit(m.start(), m.end(), "DATE", cal.iso_week(saturday) + "-WE", "week")


def _clock(m: re.Match[str], ctx: Context) -> Hit | None:
    hour, minute = int(m.group("h")), int(group(m, "min") or 0)
    ampm = (group(m, "ap") or "").lower().replace(".", "")
    if ampm and not 1 <= hour <= 12 or hour > 24 or minute > 59:
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return Hit(m.start(), m.end(), "TIME", f"{day}T{hour:02d}:{minute:02d}", "minute", _mod(group(m, "quant")))


def _clock_of_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """"4 in the morning" (04:00), "8 in the evening" (20:00): the part of the day says a.m. or p.m."""
    hour, pod = int(m.group("h")), m.group("pod").lower()
    if pod == "morning":
        hour %= 12
    elif pod in ("afternoon", "evening") or (pod == "night" and hour >= 6):
        hour = hour % 12 + 12
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return Hit(m.start(), m.end(), "TIME", f"{day}T{hour:02d}:{int(group(m, 'min') or 0):02d}", "minute")


def _noon(m: re.Match[str], ctx: Context) -> Hit | None:
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    clock = "24:00" if m[0].lower() == "midnight" else "12:00"
    return Hit(m.start(), m.end(), "TIME", f"{day}T{clock}", "minute")


def _ref(m: re.Match[str], ctx: Context) -> Hit | None:
    word = re.sub(r"\s+", " ", m[0].lower())
    if word in ("the past", "recently", "lately", "the recent past", "long ago", "a while ago") or word.startswith("then"):
        value = "PAST_REF"
    elif word in ("the future", "the near future", "the foreseeable future") or word.endswith((" term", " date")):
        value = "FUTURE_REF"
    elif word == "one day":  # "Islam will one day be...": an indefinite future, "some day"
        value = "FUTURE_REF"
    elif word.endswith(("soon", "possible")):
        # "will soon move": ahead of the DCT; "was soon released" is soon after a past time, not a reference to ours
        if ctx.direction(m.start(), m.end()) == "past":
            return None
        value = "FUTURE_REF"
    else:
        value = "PRESENT_REF"
    return Hit(m.start(), m.end(), "DATE", value, None)


def _set(m: re.Match[str], ctx: Context) -> Hit | None:
    if group(m, "month"):  # "each July": the month of every year
        return Hit(m.start(), m.end(), "SET", f"XXXX-{_month_num(group(m, 'month')):02d}", "month")
    word = (group(m, "what") or "").lower()
    if word in WEEKDAYS:
        return Hit(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}", "day")
    if word in _PART_OF_DAY:
        return Hit(m.start(), m.end(), "SET", f"XXXX-XX-XXT{_PART_OF_DAY[word]}", None)
    count = _num(group(m, "num")) if group(m, "num") else 1
    if group(m, "other"):
        count = 2
    return Hit(m.start(), m.end(), "SET", _duration(count, word.rstrip("s")), None)


def _adverb_set(m: re.Match[str], ctx: Context) -> Hit | None:
    if re.match(r" [A-Z]", ctx.text[m.end():m.end() + 2]) and m[0].islower():
        return None  # "the party daily Granma": a newspaper
    value = _ADVERB_SETS.get(m[0].lower())
    return None if value is None else Hit(m.start(), m.end(), "SET", value, None)


def _frequency(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit(m.start(), m.end(), "SET", _duration(1, m.group("unit")), None)


def _long_duration(m: re.Match[str], ctx: Context) -> Hit | None:
    article = group(m, "num").lower() in ("a", "an")  # "a week-long curfew": the article is the noun's
    count: float | None = None if group(m, "plural") else 1  # "decades-long": vague
    if group(m, "num") and not article:
        count = _num(group(m, "num"))
    start = m.start("unit") if article else m.start()
    return Hit(start, m.end(), "DURATION", _duration(count, m.group("unit")), None)


def _decade_word(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit(m.start(), m.end(), "DATE", f"19{_DECADE_WORDS[m.group('word').lower()]}", "decade", _mod(group(m, "pre")))


def _spoken_year_number(spoken: str) -> int | None:
    """Return the year a spelled-out year names ("nineteen ninety-four": 1994, "two thousand and one": 2001)."""
    words = re.sub(r"\s+and\b", "", spoken.lower()).replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(_NUMBERS.get(words[2], 0) if len(words) > 2 else 0)
    rest = _num("-".join(words[1:]))
    return None if rest is None else 1900 + int(rest)


def _year_of(m: re.Match[str]) -> str | None:
    """Return a rule's year as four digits, from its digits or its spelled-out form."""
    if group(m, "year"):
        return m.group("year")
    year = _spoken_year_number(group(m, "spoken"))
    return None if year is None else f"{year:04d}"


def _spoken_year(m: re.Match[str], ctx: Context) -> Hit | None:
    year = _spoken_year_number(group(m, "spoken") or group(m, "spoken2"))
    return None if year is None else Hit(m.start(), m.end(), "DATE", f"{year:04d}", "year")


def _holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    name = re.sub(r"\s+", " ", m.group("name")).replace("\u2019", "'")
    islamic = name.lower().replace("-", " ").startswith(("ramadan", "eid al"))
    if group(m, "year"):
        year: int | None = int(group(m, "year"))
    elif ctx.dct is not None:
        direction = ctx.direction(m.start(), m.end())
        if islamic:
            day = cal.islamic_feast(name, ctx.dct, direction)
            if day is None:
                return None
            value = f"{day:%Y-%m}" if name.lower() == "ramadan" else day.isoformat()
            return Hit(m.start(), m.end(), "DATE", value, "month" if len(value) == 7 else "day", "APPROX")
        year = ctx.dct.year
        day = cal.holiday_date(name, year)
        if day is not None and direction == "past" and day > ctx.dct:
            year -= 1
        elif day is not None and direction == "future" and day < ctx.dct:
            year += 1
    else:
        year = None
    if islamic:
        return Hit(m.start(), m.end(), "DATE", None, None)
    day = cal.holiday_date(name, year or 2000)
    if day is None:
        return None
    value = day.isoformat() if year else f"XXXX-{day:%m-%d}"
    return Hit(m.start(), m.end(), "DATE", value, "day")



Normaliser = Callable[[re.Match[str], Context], "Hit | None"]
NORMALISERS: dict[str, Normaliser] = {
    "iso_date": _iso_date,
    "slash_date": _slash_date,
    "month_day": _month_day,
    "second_day": _second_day,
    "month_year": _month_year,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "weekday": _weekday,
    "deictic": _deictic,
    "part_of_day": _part_of_day,
    "relative_period": _relative_period,
    "anaphoric": _anaphoric,
    "ago": _ago,
    "duration_rule": _duration_rule,
    "vague_duration": _vague_duration,
    "season": _season,
    "bare_season": _bare_season,
    "weekend": _weekend,
    "clock": _clock,
    "noon": _noon,
    "clock_of_day": _clock_of_day,
    "ref": _ref,
    "set": _set,
    "adverb_set": _adverb_set,
    "holiday": _holiday,
    "frequency": _frequency,
    "long_duration": _long_duration,
    "decade_word": _decade_word,
    "spoken_year": _spoken_year,
}
