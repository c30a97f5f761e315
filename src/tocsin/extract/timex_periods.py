"""TIMEX3 values for the reporting periods of business and results news: quarters, halves and fiscal years.

Results stories date by the period reported ("the fourth quarter", "the year ended March 31", "the latest period",
"the quarter a year ago", "Q3 2019"); these normalisers sit beside the general ones of ``timex_values`` and are
looked up by the same rule names (``timex_rules`` joins both tables). ``timex_anchor`` later moves "the 1988
quarter" and "a year earlier" onto the quarter named just before, when there is one.
"""

from __future__ import annotations

import re

from tocsin.extract.timex_values import Context, Hit, Normaliser, group, shift_period

__all__ = ["NORMALISERS"]


def _quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    ordinal = group(m, "ord").lower()
    half = m.group("unit").lower() == "half"
    if ordinal == "last" and group(m, "year"):
        ordinal = "final"
    index = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(ordinal)
    letter, size = ("H", 6) if half else ("Q", 3)
    if index is None:
        if ordinal in ("final", "fourth"):
            index = 2 if half else 4
        elif ctx.dct is None:
            return Hit(m.start(), m.end(), "DATE", None, None)
        else:
            current = (ctx.dct.month - 1) // size + 1
            past = ctx.direction(m.start(), m.end()) == "past"
            shift = 0 if ordinal == "current" or (not ordinal and not past) else -1
            year, index = ctx.dct.year, current + shift
            if index < 1:
                year, index = year - 1, (12 // size)
            return Hit(m.start(), m.end(), "DATE", f"{year:04d}-{letter}{index}", "quarter")
    if half and index > 2:
        return None
    if group(m, "year") or group(m, "year2"):
        year_text: str | None = group(m, "year") or group(m, "year2")
    elif group(m, "yrel") and ctx.dct is not None:  # "last year's fourth quarter": the year is relative to the DCT
        year_text = f"{ctx.dct.year + {'this': 0, 'last': -1, 'next': 1}[group(m, 'yrel').lower()]:04d}"
    elif ctx.dct is None:
        year_text = None
    else:
        current = (ctx.dct.month - 1) // size + 1
        direction = ctx.direction(m.start(), m.end())
        year = ctx.dct.year
        if direction == "past" and index > current:
            year -= 1
        year_text = f"{year:04d}"
    value = f"{year_text}-{letter}{index}" if year_text else f"XXXX-{letter}{index}"
    return Hit(m.start(), m.end(), "DATE", value, "quarter")


def _for_the_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """"Sales rose 5% for the year": the reporting period as a whole, the current year (week, month, day) as a DATE,
    like "this year"; "the year ended March 31" is the duration rule ``year_ended``."""
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", None, None)
    value, precision = shift_period(ctx.dct, m.group("unit"), 0)
    return Hit(m.start(), m.end(), "DATE", value, precision)


def _latest_period(m: re.Match[str], ctx: Context) -> Hit | None:
    """"the latest period" of a results report: the last quarter ended before the DCT."""
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", None, None)
    year, index = ctx.dct.year, (ctx.dct.month - 1) // 3
    if index == 0:
        year, index = year - 1, 4
    return Hit(m.start(), m.end(), "DATE", f"{year:04d}-Q{index}", "quarter")


def _year_period(m: re.Match[str], ctx: Context) -> Hit | None:
    """"the 1988 quarter": the reported quarter (the one ended last before the DCT) of 1988; "the 1988 period" is
    the year. ``timex_anchor`` moves both onto the quarter named just before, when there is one."""
    year = m.group("year")
    if m.group("unit").lower() == "period" or ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", year, "year")
    return Hit(m.start(), m.end(), "DATE", f"{year}-Q{(ctx.dct.month - 1) // 3 or 4}", "quarter")


def _year_ended(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit(m.start(), m.end(), "DURATION", "P1Y", None)


def _year_end(m: re.Match[str], ctx: Context) -> Hit | None:
    value = None if ctx.dct is None else f"{ctx.dct.year:04d}"
    return Hit(m.start(), m.end(), "DATE", value, "year", "END")


def _year_ago(m: re.Match[str], ctx: Context) -> Hit | None:
    if ctx.dct is None:
        return Hit(m.start(), m.end(), "DATE", None, None)
    if group(m, "unit") or group(m, "unit2"):
        current = (ctx.dct.month - 1) // 3 + 1
        year, index = (ctx.dct.year - 1, current - 1) if current > 1 else (ctx.dct.year - 2, 4)
        return Hit(m.start(), m.end(), "DATE", f"{year:04d}-Q{index}", "quarter")
    return Hit(m.start(), m.end(), "DATE", f"{ctx.dct.year - 1:04d}", "year")


def _coded_quarter(m: re.Match[str], ctx: Context) -> Hit | None:
    code, index = m.group("code"), int(m.group("index"))
    if code == "H" and index > 2:
        return None
    return Hit(m.start(), m.end(), "DATE", f"{m.group('year')}-{code}{index}", "quarter")


def _two_quarters(m: re.Match[str], ctx: Context) -> Hit | None:
    half = 1 if m.group("ord").lower() == "first" else 2
    return Hit(m.start(), m.end(), "DATE", f"{m.group('year')}-H{half}", "quarter")


NORMALISERS: dict[str, Normaliser] = {
    "quarter": _quarter,
    "for_the_unit": _for_the_unit,
    "latest_period": _latest_period,
    "year_period": _year_period,
    "year_ended": _year_ended,
    "year_end": _year_end,
    "year_ago": _year_ago,
    "coded_quarter": _coded_quarter,
    "two_quarters": _two_quarters,
}
