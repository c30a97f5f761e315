"""Tests for extract/checks.py: weekday/date mismatches, misspelt places and contradicting death counts."""

from __future__ import annotations

import pytest

from conftest import make_article, needs_model
from tocsin import nlp
from tocsin.extract import time
from tocsin.extract.checks import find_flags, likely_misspelling, weekday_conflicts
from tocsin.model import Event, Evidence, Place

FRENCH = (
    "In a message to its citizens on Thursday morning, the French Embassy in Bamako said: "
    "\u201cBecause of serious unrest this morning, Aug. 18, in the city of Bamako, stay at home.\u201d"
)


def _weekday_flags(text: str, published: str | None = "2020-08-18") -> list:  # type: ignore[type-arg]
    article = make_article(text, published=published)
    return weekday_conflicts(time.find_times(nlp.blank()(text), article), article)


@pytest.mark.parametrize(
    ("published", "flagged"),
    [("2020-08-18", True), ("2015-08-18", True), ("2016-08-18", False), ("2022-08-18", False)],
    ids=["2020-tuesday", "2015-tuesday", "2016-thursday", "2022-thursday"],
)
def test_checks_weekday_against_date(published: str, flagged: bool) -> None:
    flags = _weekday_flags(FRENCH, published)
    assert bool(flags) is flagged
    for flag in flags:
        assert flag.kind == "weekday_date_mismatch"
        assert FRENCH[flag.start : flag.end].startswith("Thursday")
        assert [s.text for s in flag.related][1] == "Aug. 18"
        assert "Tuesday" in flag.message


def test_checks_weekday_far_from_date_is_not_paired() -> None:
    text = "Gunfire was heard on Thursday. " + "Later events followed. " * 20 + "On Aug. 18 talks resumed."
    assert _weekday_flags(text) == []


def test_checks_weekday_without_year_is_not_checked() -> None:
    assert _weekday_flags(FRENCH, published=None) == []


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
    doc = nlp.parse(seed_text)
    times = time.find_times(doc, article)
    flags = find_flags(doc, article, places=_mali_places(seed_text), times=times, events=[])
    found = {(f.kind, seed_text[f.start : f.end]) for f in flags}
    assert found == {("misspelt_place", "Mail"), ("weekday_date_mismatch", "Thursday morning")}
