"""Fatality rules: one row per ACLED rule, plus the lowest-count combination."""

from __future__ import annotations

import pytest

from conftest import make_article, needs_model
from tocsin import nlp
from tocsin.extract.deaths import Deaths, combine, find_deaths, none_after, parse_count, vague_count
from tocsin.extract.events import find_events

RULES = [
    pytest.param("At least 14 people have been killed in the protests.", 14, id="number-before-killed"),
    pytest.param("Gunmen killed 12 villagers on Sunday.", 12, id="number-after-killed"),
    pytest.param("Fourteen soldiers died in the ambush.", 14, id="number-word"),
    pytest.param("Dozens of people were killed.", 12, id="dozens-is-twelve"),
    pytest.param("A dozen people were killed.", 12, id="a-dozen-is-twelve"),
    pytest.param("Several people were killed in the raid.", 3, id="several-small-scale-is-three"),
    pytest.param("Scores of people died.", 20, id="scores-is-twenty"),
    pytest.param("Five soldiers were wounded and two were killed.", 2, id="injuries-not-counted"),
    pytest.param("Thirty people were injured in the blast.", None, id="only-injuries-is-none"),
    pytest.param("Between 10 and 15 people died.", 10, id="range-counts-low-end"),
    pytest.param("No one was killed in the explosion.", 0, id="no-one-killed-is-zero"),
    pytest.param("The shell hit an empty warehouse; there were no casualties.", 0, id="no-casualties-is-zero"),
    pytest.param("Nobody was reported hurt when the grenade went off.", 0, id="nobody-hurt-is-zero"),
    pytest.param("The raid ended without any loss of life.", 0, id="without-loss-of-life-is-zero"),
    pytest.param("Shots were fired at the convoy but no injuries were reported.", 0, id="no-injuries-is-zero"),
    pytest.param("The attacks killed 30 people over three days.", 10, id="multi-day-total-split"),
    pytest.param("A soldier was killed in the attack.", 1, id="single-person"),
    pytest.param("The death toll rose to 45 on Monday.", 45, id="death-toll"),
    pytest.param("Police shot dead two protesters.", 2, id="shot-dead"),
    pytest.param("The 2012 mutiny led to a coup.", None, id="year-not-a-count"),
    pytest.param("The clashes left 40 people injured.", None, id="left-injured-not-dead"),
    pytest.param("The clashes left 40 people dead.", 40, id="left-dead"),
    pytest.param("The landslide claimed the lives of 14 miners.", 14, id="claimed-lives"),
    pytest.param("The minister claimed two rivals had lied.", None, id="claimed-is-said"),
    pytest.param("A guard was killed and three pupils wounded in the raid.", 1, id="wounded-after-count"),
    pytest.param("Raiders killed two guards and wounded three pupils.", 2, id="killed-and-wounded"),
    pytest.param("Nobody knows how many people died in the fire.", None, id="how-many-asks"),
    pytest.param("At least 9 miners, including two boys, were killed.", 9, id="including-is-a-subset"),
    pytest.param("The death toll from last week's floods in the valley rose to 61.", 61, id="toll-rose-to"),
    pytest.param("Nearly 30 per cent of the dead were children.", None, id="per-cent-not-a-count"),
    pytest.param("A 23-year-old trader was killed in the raid.", None, id="age-not-a-count"),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_deaths_rule_table(text: str, expected: int | None) -> None:
    found = find_deaths(text)
    count = min((d.count for d in found), default=None)
    assert count == expected


def test_deaths_dozens_counts_twelve() -> None:
    assert vague_count("dozens") == 12


def test_deaths_several_large_scale_counts_ten() -> None:
    found = find_deaths("Several people were killed in the air strikes.", large=True)
    assert [d.count for d in found] == [10]


def test_deaths_range_keeps_high_figure() -> None:
    (report,) = find_deaths("Between 10 and 15 people died.")
    assert (report.low, report.high) == (10, 15)


def test_deaths_lowest_report_wins() -> None:
    reports = [Deaths(20, 20, 20, 0, 1, "number"), Deaths(14, 14, 14, 2, 3, "number")]
    assert combine(reports) == (14, 14, 20)


def test_deaths_none_reported_is_none() -> None:
    assert combine([]) == (None, None, None)


def test_deaths_span_matches_text() -> None:
    text = "Officials said at least 14 people were killed."
    (report,) = find_deaths(text)
    assert text[report.start:report.end] == "14"


def test_deaths_offsets_follow_start() -> None:
    text = "Intro sentence. Gunmen killed 3 farmers."
    (report,) = find_deaths(text, 16)
    assert text[report.start:report.end] == "3"


@pytest.mark.parametrize(("word", "value"), [("1,200", 1200), ("twenty-one", 21), ("nine", 9), ("lots", None)],
                         ids=["thousands-separator", "hyphenated", "unit", "unknown"])
def test_deaths_parse_count(word: str, value: int | None) -> None:
    assert parse_count(word) == value


def test_deaths_none_after_reads_the_next_sentence_only() -> None:
    text = "A car bomb exploded outside a bank in Mogadishu. Nobody died. Later, two guards were killed."
    assert [d.count for d in none_after(text, text.index("Nobody"))] == [0]
    assert none_after(text, text.index("Later")) == []


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Militants fired rockets at an army camp in Kunar on Friday. No one was hurt.", 0,
                     id="no-one-hurt-next-sentence"),
        pytest.param("A mortar round landed near the stadium in Aden. There were no casualties.", 0,
                     id="no-casualties-next-sentence"),
        pytest.param("A mortar round landed near the stadium in Aden. Residents fled the area.", None,
                     id="unknown-stays-none"),
    ],
)
def test_deaths_no_casualties_sentence_gives_event_zero(text: str, expected: int | None) -> None:
    (event,) = find_events(nlp.parse(text), make_article(text), places=[], times=[], claims=[])
    assert event.fatalities == expected


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A band of 300 raiders killed 9 herders near Jos.", [9], id="killers-count-is-not-dead"),
        pytest.param("Soldiers shot dead a herder near Jos.", [1], id="singular-victim-is-one"),
        pytest.param("The herder who was killed was buried on Friday.", [1], id="relative-victim-is-one"),
        pytest.param("Raiders killed herders near Jos.", [], id="bare-plural-is-unknown"),
        pytest.param("Soldiers shot a herder in the arm.", [], id="shot-is-not-killed"),
        pytest.param("Nine herders killed near Jos.", [9], id="headline-short-passive"),
        pytest.param("A herder was beaten to death by four men.", [1], id="killers-in-by-phrase"),
        pytest.param("Two rangers and three poachers were killed in the shootout.", [5], id="coordinated-victims-sum"),
        pytest.param("Raiders killed a ranger and two guides.", [3], id="singular-and-plural-victims-sum"),
        pytest.param("The bandits threatened to kill 17 hostages.", [], id="threat-is-no-death"),
        pytest.param("The bandits did not kill the 17 hostages.", [], id="negated-is-no-death"),
        pytest.param("The bandits are believed to have killed 17 hostages.", [17], id="perfect-infinitive-counts"),
        pytest.param("A 23-year-old trader was killed in the raid.", [1], id="age-is-one-victim"),
    ],
)
def test_deaths_read_the_parse(text: str, expected: list[int]) -> None:
    assert [d.count for d in find_deaths(text, doc=nlp.parse(text))] == expected


def test_deaths_figure_in_a_weapon_name_is_not_a_count() -> None:
    text = "Raiders armed with AK-47 rifles killed three herders."
    assert [d.count for d in find_deaths(text)] == [3]


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("An activist died in police custody in Lahore, Pakistan.", "Attack", id="died-in-custody"),
        pytest.param("Police took an activist into custody in Lahore, Pakistan.", "Arrests", id="taken-into-custody"),
    ],
)
def test_deaths_death_in_custody_is_an_attack(text: str, expected: str) -> None:
    (event,) = find_events(nlp.parse(text), make_article(text), places=[], times=[], claims=[])
    assert event.sub_event_type == expected


@needs_model
def test_deaths_death_in_custody_is_the_state_s_doing() -> None:
    text = "A blogger died in custody in Lahore, Pakistan, on Monday."
    (event,) = find_events(nlp.parse(text), make_article(text), places=[], times=[], claims=[])
    assert (event.actor1, event.fatalities) == ("Police Forces of Pakistan", 1)
