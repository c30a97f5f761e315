"""Second pass of the TIMEX3 tagger: re-anchor expressions whose reference is another expression, not the DCT.

TimeML anchors a relative expression on its reference time. The first pass values everything against the
document creation time; this pass moves the few kinds that news anchors elsewhere: "a year earlier" after a
quarter ("the third quarter ... a year earlier": the same quarter a year before) and clock times, which take the
day they are written with ("10 p.m. Wednesday") or the day last named before them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from tocsin.extract import timex_calendar as cal
from tocsin.extract.timex_values import WEEKDAYS, Hit

__all__ = ["ANAPHORA_REACH", "CLOCK_REACH", "REFERENCE_REACH", "anchor_anaphora", "anchor_clock_times",
           "anchor_on_reference"]

REFERENCE_REACH = 400  # characters within which a quarter named before is the reference of "a year earlier"
CLOCK_REACH = 500  # characters within which a day named before is the day of a bare clock time
ANAPHORA_REACH = 1500  # characters within which a date named before is the reference of "that day", "the next morning"
_RELATIVE_YEAR_RULES = frozenset(("ago", "year_ago"))
_CLOCK_RULES = frozenset(("clock", "noon", "clock_of_day", "part_of_day"))
_OWN_DAY = re.compile(r"(?:yesterday|today|tomorrow)$", re.I)  # "mid-afternoon yesterday" names its day
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?=T|$)")
_JOINED = re.compile(r"^,?\s*(?:on\s+)?$")

Named = list[tuple[str, Hit]]


def anchor_on_reference(items: Named, dct: dt.date | None) -> Named:
    """Re-anchor "a year ago/earlier" on the quarter just named ("the third quarter ... a year earlier": 1988-Q3).

    In reports of results the reference of "a year earlier" is the period being compared, not the publication
    date. Other expressions keep their DCT-based value.
    """
    result: Named = []
    reference: Hit | None = None
    for name, hit in items:
        value = hit.value or ""
        if name == "quarter" and re.fullmatch(r"\d{4}-Q\d", value):
            reference = hit
        elif (name in ("latest_period", "year_period") and reference is not None
              and hit.start - reference.end <= REFERENCE_REACH):
            # "the latest period", "the 1988 quarter" after "the third quarter": that quarter (of 1988)
            ref_value = reference.value or ""
            year = value[:4] if name == "year_period" else ref_value[:4]
            hit = dataclasses.replace(hit, value=year + ref_value[4:], precision="quarter")
        elif (name in _RELATIVE_YEAR_RULES and reference is not None and dct is not None
              and hit.start - reference.end <= REFERENCE_REACH and re.fullmatch(r"\d{4}(?:-Q\d)?", value)):
            years_back = dct.year - int(value[:4]) if len(value) == 4 else 1
            ref_value = reference.value or ""
            hit = dataclasses.replace(hit, value=f"{int(ref_value[:4]) - years_back:04d}{ref_value[4:]}",
                                      precision="quarter")
        result.append((name, hit))
    return result


def anchor_clock_times(items: Named, text: str) -> Named:
    """Give each clock time its day: the day written right after it ("5 p.m. EST, Nov. 6", one TIMEX3), else the
    last day named before it (within ``CLOCK_REACH`` characters), else the DCT it already has."""
    result: Named = []
    last_day: Hit | None = None
    skip = -1
    for index, (name, hit) in enumerate(items):
        if index == skip:
            continue
        if name in _CLOCK_RULES and hit.value and "T" in hit.value and not _OWN_DAY.search(text, hit.start, hit.end):
            clock = hit.value[hit.value.index("T"):]
            following = items[index + 1][1] if index + 1 < len(items) else None
            if (following is not None and _day_of(following)
                    and _JOINED.match(text[hit.end:following.start])):
                hit = Hit(hit.start, following.end, "TIME", _day_of(following) + clock, "minute", hit.mod)
                skip = index + 1
            elif last_day is not None and hit.start - last_day.end <= CLOCK_REACH:
                hit = dataclasses.replace(hit, value=_day_of(last_day) + clock)
        elif _day_of(hit):
            last_day = hit
        result.append((name, hit))
    return result


_NEEDS = {"year": re.compile(r"\d{4}"), "month": re.compile(r"\d{4}-\d\d"), "week": re.compile(r"\d{4}-\d\d-\d\d"),
          "day": re.compile(r"\d{4}-\d\d-\d\d")}  # fmt: skip
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEQUEL = re.compile(r"\b(?:later|earlier)$", re.I)
_RELATIVE_WEEKDAY = re.compile(rf"the\s+(previous|following)\s+({'|'.join(WEEKDAYS)})", re.I)


def anchor_anaphora(items: Named, text: str, dct: dt.date | None = None) -> Named:
    """Value "that day", "later that year", "the following month", "the next morning", "the previous Friday" and
    "two days later" from the date last named before them (within ``ANAPHORA_REACH``), their reference time in
    TimeML, instead of the DCT ("two days ago" stays on the DCT: "ago" counts from the time of writing).

    The reference is the last DATE or TIME whose value is precise enough for the unit (a year for "that year", a
    day for "the next morning"); with none, the DCT-based value stays.
    """
    result: Named = []
    for name, hit in items:
        relative = _RELATIVE_WEEKDAY.match(text, hit.start, hit.end) if name == "weekday" else None
        if relative is not None:  # "the previous Friday": the Friday before the day last named
            reference = _reference(result, hit, _NEEDS["day"])
            if reference is not None:
                day = dt.date.fromisoformat(reference[:10])
                direction = "future" if relative.group(1).lower() == "following" else "last"
                moved = cal.anchor_weekday(day, WEEKDAYS[relative.group(2).lower()], direction).isoformat()
                hit = dataclasses.replace(hit, value=moved + (hit.value or "")[10:])
        elif name == "anaphoric":
            words = text[hit.start:hit.end].lower().split()
            unit = words[-1]
            reference = _reference(result, hit, _NEEDS["day" if unit in _PARTS else unit])
            if reference is not None:
                shift = 1 if {"following", "next"} & set(words) else -1 if {"previous", "preceding"} & set(words) else 0
                hit = dataclasses.replace(hit, value=_moved(reference, unit, shift))
        elif name == "ago" and dct is not None and hit.value and _SEQUEL.search(text, hit.start, hit.end):
            hit = _sequel(result, hit, dct)
        result.append((name, hit))
    return result


def _reference(before: Named, hit: Hit, need: re.Pattern[str]) -> str | None:
    """The value of the last DATE or TIME before ``hit`` (within reach) that ``need`` accepts, else None."""
    for _, earlier in reversed(before):
        if hit.start - earlier.end > ANAPHORA_REACH:
            return None
        if earlier.type in ("DATE", "TIME") and earlier.value and need.match(earlier.value):
            return earlier.value
    return None


def _sequel(before: Named, hit: Hit, dct: dt.date) -> Hit:
    """Move "two days later", "a week earlier", "three months later" (valued from the DCT) onto the reference."""
    value = hit.value or ""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        reference = _reference(before, hit, _NEEDS["day"])
        if reference is not None:
            offset = dt.date.fromisoformat(value) - dct
            return dataclasses.replace(hit, value=(dt.date.fromisoformat(reference[:10]) + offset).isoformat())
    elif week := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        reference = _reference(before, hit, _NEEDS["day"])
        if reference is not None:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            weeks = (monday - (dct - dt.timedelta(days=dct.weekday()))).days // 7
            return dataclasses.replace(hit, value=cal.iso_week(dt.date.fromisoformat(reference[:10])
                                                                + dt.timedelta(weeks=weeks)))
    elif re.fullmatch(r"\d{4}-\d\d", value):
        reference = _reference(before, hit, _NEEDS["month"])
        if reference is not None:
            months = (int(value[:4]) * 12 + int(value[5:7])) - (dct.year * 12 + dct.month)
            year, month = cal.add_months(int(reference[:4]), int(reference[5:7]), months)
            return dataclasses.replace(hit, value=f"{year:04d}-{month:02d}")
    return hit


def _moved(value: str, unit: str, shift: int) -> str:
    """The period ``shift`` units from a reference value, at the unit's granularity."""
    if unit == "year":
        return f"{int(value[:4]) + shift:04d}"
    if unit == "month":
        year, month = cal.add_months(int(value[:4]), int(value[5:7]), shift)
        return f"{year:04d}-{month:02d}"
    day = dt.date.fromisoformat(value[:10])
    if unit == "week":
        return cal.iso_week(day + dt.timedelta(weeks=shift))
    moved = (day + dt.timedelta(days=shift)).isoformat()
    return f"{moved}T{_PARTS[unit]}" if unit in _PARTS else moved


def _day_of(hit: Hit) -> str:
    """The ``YYYY-MM-DD`` a day-level DATE or TIME stands for, else ""."""
    match = _DAY_VALUE.match(hit.value or "")
    return match.group(0) if match and hit.type in ("DATE", "TIME") else ""
