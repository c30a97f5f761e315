"""Tests for extract/timex_calendar.py: holidays, Islamic feasts, ISO weeks, period bounds (and its doctests)."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from tocsin.extract import timex_calendar as cal


def test_timex_calendar_doctests() -> None:
    result = doctest.testmod(cal)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [("Christmas", 2020, "2020-12-25"), ("Thanksgiving", 2020, "2020-11-26"), ("Memorial Day", 2020, "2020-05-25"),
     ("Labor Day", 2021, "2021-09-06"), ("Easter", 2021, "2021-04-04"), ("Good Friday", 2021, "2021-04-02")],
    ids=["christmas", "thanksgiving", "memorial-day", "labor-day", "easter", "good-friday"],
)
def test_timex_calendar_holiday_date(name: str, year: int, expected: str) -> None:
    assert cal.holiday_date(name, year) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("name", "near", "direction", "expected"),
    [("Ramadan", "2021-08-01", "past", "2021-04"), ("Eid al-Fitr", "2020-08-18", "past", "2020-05"),
     ("Eid al-Adha", "2020-06-01", "future", "2020-07")],
    ids=["ramadan-2021", "eid-al-fitr-2020", "eid-al-adha-2020"],
)
def test_timex_calendar_islamic_feast_month(name: str, near: str, direction: str, expected: str) -> None:
    day = cal.islamic_feast(name, dt.date.fromisoformat(near), direction)
    assert day is not None and day.isoformat()[:7] == expected


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [("2012", "2012-01-01", "2012-12-31"), ("2020-Q3", "2020-07-01", "2020-09-30"),
     ("2020-W33-WE", "2020-08-15", "2020-08-16"), ("199", "1990-01-01", "1999-12-31"),
     ("2020-08-18TMO", "2020-08-18", "2020-08-18")],
    ids=["year", "quarter", "weekend", "decade", "time"],
)
def test_timex_calendar_period_bounds(value: str, first: str, last: str) -> None:
    assert cal.period_bounds(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["PRESENT_REF", "P1Y", "XXXX-08-18", "2020-13"], ids=str)
def test_timex_calendar_period_bounds_none(value: str) -> None:
    assert cal.period_bounds(value) is None
