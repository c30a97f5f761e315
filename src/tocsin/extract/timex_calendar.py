"""Calendar arithmetic behind TIMEX3 values: anchoring weekdays, months and seasons, ISO weeks, holidays.

Every function here is pure and works on ``datetime.date``; ``timex_rules`` calls them to turn a recognised
expression into a value relative to the document creation time (DCT, the publication date).
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "HOLIDAYS",
    "SEASON_MONTHS",
    "add_months",
    "anchor_month",
    "anchor_weekday",
    "easter",
    "holiday_date",
    "islamic_date",
    "islamic_feast",
    "iso_week",
    "nth_weekday",
    "period_bounds",
]

ISLAMIC_EPOCH = 227015  # R.D. fixed day of 1 Muharram AH 1 (Reingold & Dershowitz, tabular calendar)
# Islamic feasts as (month, day) of the tabular calendar; observed dates vary by a day or two with the moon.
ISLAMIC_FEASTS = {"ramadan": (9, 1), "eid al-fitr": (10, 1), "eid al-adha": (12, 10)}
SEASON_MONTHS = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}

# Holidays with a rule: (month, day) for fixed dates; (month, weekday, n) for "n-th weekday" (n=-1: last);
# "easter" and an offset in days for the moveable feasts.
HOLIDAYS: dict[str, tuple[object, ...]] = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year": (1, 1),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "independence day": (7, 4),
    "the fourth of july": (7, 4),
    "bastille day": (7, 14),
    "may day": (5, 1),
    "labour day": (5, 1),
    "international women's day": (3, 8),
    "armistice day": (11, 11),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "martin luther king day": (1, 3, 0),
    "presidents' day": (2, 3, 0),
    "memorial day": (5, -1, 0),
    "labor day": (9, 1, 0),
    "columbus day": (10, 2, 0),
    "thanksgiving": (11, 4, 3),
    "thanksgiving day": (11, 4, 3),
    "easter": ("easter", 0),
    "easter sunday": ("easter", 0),
    "easter monday": ("easter", 1),
    "good friday": ("easter", -2),
}


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return ``(year, month)`` moved by ``delta`` months.

    >>> add_months(2020, 1, -1)
    (2019, 12)
    """
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """Return the TIMEX3 week value of ``day``.

    >>> iso_week(dt.date(2020, 8, 11))
    '2020-W33'
    """
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def anchor_weekday(dct: dt.date, weekday: int, direction: str) -> dt.date:
    """Return the date of ``weekday`` (0 = Monday) relative to ``dct``.

    ``direction`` is ``past`` (latest on or before the DCT), ``future`` (next after it), ``last`` (latest strictly
    before), ``this`` (in the DCT's ISO week) or ``nearest`` (within three days, the past preferred).

    >>> anchor_weekday(dt.date(2020, 8, 18), 1, "past").isoformat()
    '2020-08-18'
    >>> anchor_weekday(dt.date(2020, 8, 18), 3, "past").isoformat()
    '2020-08-13'
    >>> anchor_weekday(dt.date(2020, 8, 18), 3, "future").isoformat()
    '2020-08-20'
    """
    back = (dct.weekday() - weekday) % 7
    if direction == "past":
        return dct - dt.timedelta(days=back)
    if direction == "last":
        return dct - dt.timedelta(days=back or 7)
    forward = (weekday - dct.weekday()) % 7
    if direction == "future":
        return dct + dt.timedelta(days=forward or 7)
    if direction == "this":
        return dct + dt.timedelta(days=weekday - dct.weekday())
    return dct - dt.timedelta(days=back) if back <= 3 else dct + dt.timedelta(days=forward)


def anchor_month(dct: dt.date, month: int, direction: str) -> int:
    """Return the year of ``month`` relative to ``dct`` (past: on or before; future: on or after; else nearest).

    >>> anchor_month(dt.date(2020, 8, 18), 6, "past")
    2020
    >>> anchor_month(dt.date(2020, 8, 18), 11, "past")
    2019
    >>> anchor_month(dt.date(2020, 8, 18), 3, "future")
    2021

    A month one or two months ahead is taken as the coming one even in a past-tense clause ("said it would pay on
    Dec. 15" in November): news gives the year for a date ten months back.

    >>> anchor_month(dt.date(2020, 11, 18), 1, "past")
    2021
    """
    ahead = (month - dct.month) % 12
    if direction == "past":
        if 1 <= ahead <= 2:
            return dct.year if month > dct.month else dct.year + 1
        return dct.year if month <= dct.month else dct.year - 1
    if direction == "future":
        return dct.year if month >= dct.month else dct.year + 1
    if direction == "last":
        return dct.year if month < dct.month else dct.year - 1
    if direction == "next":
        return dct.year if month > dct.month else dct.year + 1
    if month - dct.month > 6:
        return dct.year - 1
    if dct.month - month > 6:
        return dct.year + 1
    return dct.year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """Return the ``n``-th (1-based; -1 = last) ``weekday`` of a month.

    >>> nth_weekday(2020, 11, 3, 4).isoformat()
    '2020-11-26'
    """
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nyear, nmonth = add_months(year, month, 1)
    last = dt.date(nyear, nmonth, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Return Western Easter Sunday (anonymous Gregorian algorithm).

    >>> easter(2020).isoformat()
    '2020-04-12'
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return dt.date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def holiday_date(name: str, year: int) -> dt.date | None:
    """Return the date of a named holiday in ``year``, or None when the name is not known.

    >>> holiday_date("Labor Day", 2020).isoformat()
    '2020-09-07'
    """
    rule = HOLIDAYS.get(name.lower())
    if rule is None:
        return None
    if rule[0] == "easter":
        return easter(year) + dt.timedelta(days=int(str(rule[1])))
    if len(rule) == 2:
        return dt.date(year, int(str(rule[0])), int(str(rule[1])))
    month, n, weekday = (int(str(x)) for x in rule)
    return nth_weekday(year, month, weekday, n)


def islamic_date(year: int, month: int, day: int) -> dt.date:
    """Return the Gregorian date of an Islamic (tabular, arithmetic) calendar date.

    >>> islamic_date(1441, 9, 1).isoformat()
    '2020-04-24'
    """
    days = (year - 1) * 354 + (3 + 11 * year) // 30 + 29 * (month - 1) + month // 2 + day
    return dt.date.fromordinal(ISLAMIC_EPOCH - 1 + days)


def islamic_feast(name: str, near: dt.date, direction: str) -> dt.date | None:
    """Return the start of an Islamic feast (``ramadan``, ``eid al-fitr``, ``eid al-adha``) relative to ``near``.

    ``direction`` past: the latest start on or before ``near``; future: the next after it; else the nearest.
    Dates are those of the arithmetic calendar, within a day or two of the observed ones.

    >>> islamic_feast("Ramadan", dt.date(2020, 8, 18), "past").isoformat()
    '2020-04-24'
    """
    rule = ISLAMIC_FEASTS.get(name.lower().replace("-", " ").replace("eid al ", "eid al-"))
    if rule is None:
        return None
    approx_year = int((near.year - 622) * 33 / 32) + 1
    starts = [islamic_date(year, *rule) for year in range(approx_year - 2, approx_year + 3)]
    if direction == "past":
        return max(d for d in starts if d <= near)
    if direction == "future":
        return min(d for d in starts if d > near)
    return min(starts, key=lambda d: abs((d - near).days))


def period_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day covered by a TIMEX3 date value, or None for values without a calendar span.

    >>> [d.isoformat() for d in period_bounds("2020-06")]
    ['2020-06-01', '2020-06-30']
    >>> [d.isoformat() for d in period_bounds("2020-W33")]
    ['2020-08-10', '2020-08-16']
    """
    try:
        return _bounds(value)
    except ValueError:
        return None


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    head = value.split("T", 1)[0]
    parts = head.split("-")
    if not parts[0].isdigit():
        return None
    if len(parts[0]) < 4:
        width = 10 ** (4 - len(parts[0]))
        start_year = int(parts[0]) * width
        return dt.date(start_year, 1, 1), dt.date(start_year + width - 1, 12, 31)
    year = int(parts[0])
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    second = parts[1]
    if second.startswith("W") and second[1:].isdigit():
        start = dt.date.fromisocalendar(year, int(second[1:]), 1)
        if len(parts) > 2 and parts[2] == "WE":
            return start + dt.timedelta(days=5), start + dt.timedelta(days=6)
        return start, start + dt.timedelta(days=6)
    if second.startswith("Q") and second[1:].isdigit():
        first = (int(second[1:]) - 1) * 3 + 1
        return _month_span(year, first, 3)
    if second.startswith("H") and second[1:].isdigit():
        return _month_span(year, 1 if second == "H1" else 7, 6)
    if second in SEASON_MONTHS:
        return _month_span(year, SEASON_MONTHS[second] - 1 if second != "WI" else 1, 3)
    if not second.isdigit():
        return None
    month = int(second)
    if len(parts) == 2:
        return _month_span(year, month, 1)
    day = dt.date(year, month, int(parts[2]))
    return day, day


def _month_span(year: int, month: int, count: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = add_months(year, month, count)
    return dt.date(year, month, 1), dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
