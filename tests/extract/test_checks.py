"""Tests for extract/checks.py: weekday/date mismatches, misspelt places and contradicting death counts."""

from __future__ import annotations

import pytest

from conftest import make_article, needs_model
from tocsin.extract.checks import edit_distance, find_flags, likely_misspelling, weekday_conflicts
from tocsin.model import Event, Evidence, Place, TimeExpr

FRENCH = (
    "In a message to its citizens on Thursday morning, the French Embassy in Bamako said: "
    "\u201cBecause of serious unrest this morning, Aug. 18, in the city of Bamako, stay at home.\u201d"
)


def _time(text: str, part: str, value: str) -> TimeExpr:
    start = text.index(part)
    return TimeExpr(text=part, start=start, end=start + len(part), type="DATE", value=value)


@pytest.mark.parametrize(
    ("published", "flagged"),
    [("2020-08-18", True), ("2015-08-18", True), ("2016-08-18", False), ("2022-08-18", False)],
    ids=["2020-tuesday", "2015-tuesday", "2016-thursday", "2022-thursday"],
)
def test_checks_weekday_against_date_from_text(published: str, flagged: bool) -> None:
    flags = weekday_conflicts([], make_article(FRENCH, published=published))
    assert bool(flags) is flagged
    for flag in flags:
        assert flag.kind == "weekday_date_mismatch"
        assert FRENCH[flag.start : flag.end] == "Thursday"
        assert [s.text for s in flag.related] == ["Thursday", "Aug. 18"]


def test_checks_weekday_against_date_from_times() -> None:
    times = [
        _time(FRENCH, "Thursday morning", "2020-08-13TMO"),
        _time(FRENCH, "Aug. 18", "2020-08-18"),
    ]
    (flag,) = weekday_conflicts(times, make_article(FRENCH))
    assert flag.related[1].text == "Aug. 18"
    assert "Tuesday" in flag.message


def test_checks_weekday_far_from_date_is_not_paired() -> None:
    text = "Gunfire was heard on Thursday. " + "Later events followed. " * 20 + "On Aug. 18 talks resumed."
    assert weekday_conflicts([], make_article(text)) == []


def test_checks_weekday_without_year_is_not_checked() -> None:
    assert weekday_conflicts([], make_article(FRENCH, published=None)) == []


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("mail", "mali", 1), ("bamako", "bamako", 0), ("niger", "nigeria", 2), ("kait", "kati", 1), ("", "ab", 2)],
    ids=["swap", "same", "two-more", "swap-end", "empty"],
)
def test_checks_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance


def _mali_places(text: str) -> list[Place]:
    start = text.rindex("Mali")
    return [Place(text="Mali", start=start, end=start + 4, geonameid=2453866, name="Mali", country="ML")]


@needs_model
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Gunfire was heard outside Mail's capital Bamako. Troops in Mali mutinied.", True),
        ("Protesters marched in Mail on Sunday. Troops in Mali mutinied.", True),
        ("Malik said troops in Mali mutinied.", False),
        ("He sent a Mail to the embassy. Troops in Mali mutinied.", False),
    ],
    ids=["possessive-capital", "after-in", "person-name", "common-word"],
)
def test_checks_misspelt_place(text: str, flagged: bool) -> None:
    from tocsin import nlp

    flags = likely_misspelling(nlp.parse(text), _mali_places(text))
    assert bool(flags) is flagged
    for flag in flags:
        assert flag.kind == "misspelt_place"
        assert text[flag.start : flag.end] == "Mail"
        assert "Mali" in flag.message


def _event(text: str, part: str, fatalities: int, *, historical: bool = False) -> Event:
    start = text.index(part)
    return Event(
        event_type="Protests",
        sub_event_type="Protest with intervention",
        location="Bamako",
        event_date="2020-08-18",
        fatalities=fatalities,
        historical=historical,
        sentence_start=start,
        sentence_end=start + len(part),
        evidence=(Evidence("fatalities", start, start + len(part)),),
    )


@pytest.mark.parametrize(
    ("second", "historical", "flagged"),
    [(11, False, True), (14, False, False), (11, True, False)],
    ids=["different", "same", "historical"],
)
def test_checks_count_mismatch(second: int, historical: bool, flagged: bool) -> None:
    text = "14 people were killed. Police said 11 people died."
    events = [_event(text, "14 people were killed", 14), _event(text, "11 people died", second, historical=historical)]
    from tocsin import nlp

    flags = find_flags(nlp.blank()(text), make_article(text), places=[], times=[], events=events)
    counts = [f for f in flags if f.kind == "count_mismatch"]
    assert bool(counts) is flagged
    for flag in counts:
        assert len(flag.related) == 2


@needs_model
def test_checks_seed_flags_weekday_and_misspelling(seed_text: str) -> None:
    from tocsin import nlp

    article = make_article(seed_text)
    flags = find_flags(nlp.parse(seed_text), article, places=_mali_places(seed_text), times=[], events=[])
    found = {(f.kind, seed_text[f.start : f.end]) for f in flags}
    assert found == {("misspelt_place", "Mail"), ("weekday_date_mismatch", "Thursday")}
