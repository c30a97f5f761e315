"""Background is not news: events dated well before the report, standing conflicts, trends and memories."""

from __future__ import annotations

import pytest

from conftest import make_article, needs_model
from tocsin import nlp, taxonomy
from tocsin.extract.events import find_events
from tocsin.model import Event


def _events(text: str, *, published: str | None = "2020-08-18") -> list[Event]:
    article = make_article(text, published=published)
    return find_events(nlp.parse(text), article, places=[], times=[], claims=[])


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The country has been torn by civil war since 2009, with rebels fighting the army in the north.",
                     id="war-since-a-year"),
        pytest.param("He was sentenced last year for the murder of a party official by rebels.", id="last-year"),
        pytest.param("Decades of unrest and years of fighting by rebels have left the province poor.",
                     id="years-of-fighting"),
        pytest.param("Residents still speak of the years of clashes between rival militias.", id="years-of-clashes"),
        pytest.param("The coalition has been carrying out air strikes against the group since spring 2013.",
                     id="campaign-since-a-season"),
        pytest.param("Police opened fire on protesters in the capital in 2009, killing three.", id="year-before-report"),
        pytest.param("Speakers recalled the activists who were shot dead by soldiers at the border.", id="recalled"),
        pytest.param("The toll is the worst since a suicide bomber killed 60 worshippers in 2005.", id="since-clause"),
    ],
)
def test_events_background_is_no_event(text: str) -> None:
    assert all(e.event_type != "Violence against civilians" and e.sub_event_type not in (
        "Excessive force against protesters", "Suicide bomb", "Armed clash", "Air/drone strike",
        "Non-state actor overtakes territory") for e in _events(text))


@needs_model
def test_events_dated_in_the_reports_own_year_stay_news() -> None:
    text = "Police opened fire on protesters in the capital in 2009, killing three."
    assert [e.sub_event_type for e in _events(text, published="2009-06-02")] == ["Excessive force against protesters"]


@needs_model
def test_events_without_a_publication_date_the_latest_year_named_dates_the_report() -> None:
    text = "Rebels seized the town in 2012, the report said. Aid workers returned in 2016."
    assert _events(text, published=None) == []
    assert _events("Rebels seized the town in 2012, the report said.", published=None) != []


@needs_model
@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Hundreds of workers marched through the city on Monday to mark the 1976 uprising.",
                     "Peaceful protest", id="old-year-on-another-noun"),
        pytest.param("Gunmen who had been jailed in 2005 shot dead three farmers on Monday.", "Attack",
                     id="old-year-in-another-clause"),
        pytest.param("Teachers have been on strike since January 2020 over unpaid wages.", "Peaceful protest",
                     id="since-a-month-of-the-reports-year"),
    ],
)
def test_events_an_old_date_of_another_clause_leaves_the_news(text: str, sub_type: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == [sub_type]


@needs_model
def test_events_memory_told_with_its_own_recent_day_stays_news() -> None:
    text = "Thousands gathered to mourn the activist, who was shot dead by police on Friday."
    assert [e.sub_event_type for e in _events(text)] == ["Attack"]


def test_events_a_long_shot_in_a_sport_report_is_no_blast() -> None:
    text = ("The striker scored with a long blast from outside the box as the league leaders won 2-1 to top the "
            "championship table this season at the stadium.")
    assert find_events(nlp.blank()(text), make_article(text), places=[], times=[], claims=[]) == []


def test_contentious_air_strikes_with_state_forces_are_the_states() -> None:
    assert not taxonomy.contentious("Air/drone strike", 28, "warplanes struck militants")
    assert taxonomy.contentious("Air/drone strike", 20, "a militant drone hit the airport")
    assert not taxonomy.contentious("Air/drone strike", 20, "air strikes hit rebel positions")


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Men of fighting age fled the town.", id="fighting-age"),
        pytest.param("Battle tanks rolled into the square.", id="battle-tanks"),
        pytest.param("Rebel fighting units moved south.", id="fighting-units"),
    ],
)
def test_events_a_battle_word_that_describes_a_noun_is_no_battle(text: str) -> None:
    assert all(e.event_type != "Battles" for e in _events(text))


@needs_model
def test_events_attacks_named_as_the_use_of_a_thing_are_no_event() -> None:
    assert _events("Detonators, ammunition and explosives used for ATM bombings.") == []


@needs_model
def test_events_the_explosion_told_first_as_an_accident_stays_one() -> None:
    text = ("An explosion tore through a fertiliser plant near the port on Tuesday, killing nine workers. "
            "Investigators are looking into the cause of the explosion.")
    assert [e.sub_event_type for e in _events(text)] == ["Man-made disaster"]
    bomb = "A car bomb exploded near a plant on Tuesday. Investigators are looking into the cause of the explosion."
    assert [e.sub_event_type for e in _events(bomb)][:1] == ["Remote explosive/landmine/IED"]


@needs_model
def test_events_a_denied_claim_is_no_event() -> None:
    text = "The army denied on Monday the rebels' claim that soldiers had attacked a village, killing ten civilians."
    assert _events(text) == []
    assert _events("The ministry denied on Tuesday the militia's claim that police had shelled a market, killing "
                   "four traders.") == []
    assert _events("The rebels' claim that soldiers had attacked a village was widely reported.") != []


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("He was convicted of the murder of a party official by rebels.", id="convicted-of"),
        pytest.param("The widow of a farmer who was shot dead by gunmen near the river faced his killers in court on "
                     "Tuesday.", id="victim-in-court"),
        pytest.param("The widow of a man who was beaten to death by a mob faced his killers in court on Tuesday.",
                     id="mob-victim-in-court"),
        pytest.param("The group has seized large areas of the north and declared a state.", id="large-areas"),
        pytest.param("Militants have seized vast swathes of territory in the east.", id="vast-swathes"),
        pytest.param("Saudi Arabia backs rebel groups fighting to topple the president.", id="fighting-to-topple"),
    ],
)
def test_events_court_cases_campaign_summaries_and_aims_are_no_event(text: str) -> None:
    assert _events(text) == []


@needs_model
@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Rebels seized the town of Kari on Monday.", "Non-state actor overtakes territory", id="town"),
        pytest.param("Police arrested a man for the murder of a councillor.", "Arrests", id="arrest-for-murder"),
        pytest.param("Gunmen who shot dead a farmer near the river on Monday fled into the forest.", "Attack",
                     id="relative-clause-outside-court"),
        pytest.param("Lawyers for the men who were arrested by police on Monday told the court they were innocent.",
                     "Arrests", id="arrest-in-court-story"),
    ],
)
def test_events_incidents_beside_those_stay_news(text: str, sub_type: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == [sub_type]
