"""Actor names as ACLED writes them, actor types and the article's country."""

from __future__ import annotations

import pytest

from conftest import make_article, needs_model
from tocsin import nlp
from tocsin.extract.actors import Actor, actor_name, country_of_text, find_actors, is_source
from tocsin.extract.events import find_events
from tocsin.extract.roles import AGENT, ELSEWHERE, PATIENT, by_role, label_roles
from tocsin.taxonomy import ActorType


def _names(text: str, country: str | None = "ML") -> list[str]:
    return [a.name for a in find_actors(text, 0, len(text), country=country)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Soldiers fired on the crowd.", "Military Forces of Mali", id="soldiers"),
        pytest.param("A military mutiny was under way.", "Mutiny of Military Forces of Mali", id="mutiny"),
        pytest.param("Protesters marched.", "Protesters (Mali)", id="protesters"),
        pytest.param("Rioters burned cars.", "Rioters (Mali)", id="rioters"),
        pytest.param("Gunmen attacked.", "Unidentified Armed Group (Mali)", id="gunmen"),
        pytest.param("Villagers fled.", "Civilians (Mali)", id="civilians"),
        pytest.param("Police arrested two men.", "Police Forces of Mali", id="police"),
        pytest.param("JNIM claimed the attack.", "JNIM: Group for Support of Islam and Muslims", id="jnim"),
        pytest.param("ISWAP fighters raided a base.", "Islamic State (West Africa)", id="iswap"),
        pytest.param("Al Shabaab fighters stormed the town.", "Al Shabaab", id="shabaab"),
        pytest.param("A branch of al-Qaida said it carried out the raid.", "Al Qaeda", id="qaida-spelling"),
    ],
)
def test_actors_acled_names(text: str, expected: str) -> None:
    assert _names(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("two crpf jawans were injured in the attack.", ["Police Forces of India"], id="crpf-jawans"),
        pytest.param("a police constable was stabbed near the market.", ["Police Forces of India"], id="constable"),
        pytest.param("paramilitary forces were rushed to the town.", ["Military Forces of India"], id="paramilitary"),
        pytest.param("army jawans staged a flag march.", ["Military Forces of India"], id="army-jawans"),
    ],
)
def test_actors_south_asian_forces_in_lower_case(text: str, expected: list[str]) -> None:
    assert _names(text, "IN") == expected


def test_actors_demonym_sets_country() -> None:
    assert _names("Nigerian troops repelled the attack.", "ML")[0] == "Military Forces of Nigeria"


def test_actors_foreign_state_forces_are_external() -> None:
    (actor,) = find_actors("French troops arrived.", 0, 22, country="ML")
    assert actor.actor_type is ActorType.EXTERNAL_OTHER


def test_actors_domestic_state_forces_are_state() -> None:
    (actor,) = find_actors("Malian troops arrived.", 0, 22, country="ML")
    assert actor.actor_type is ActorType.STATE_FORCES


def test_actors_named_group_absorbs_fighters() -> None:
    assert _names("JNIM fighters attacked.") == ["JNIM: Group for Support of Islam and Muslims"]


def test_actors_span_matches_text() -> None:
    text = "Police arrested two men."
    (actor,) = find_actors(text, 0, len(text), country="ML")
    assert text[actor.start:actor.end] == "Police"


def test_actors_without_country_keeps_bare_kind() -> None:
    assert actor_name("military", None) == "Military Forces"


def test_actors_country_from_places_beats_text() -> None:
    assert country_of_text("Troops in Niger and Nigeria.", ["ML", "ML"]) == "ML"


def test_actors_country_from_text_mentions() -> None:
    assert country_of_text("Gunfire in Kati, Mali, where Malian soldiers mutinied.") == "ML"


def test_actors_doctests_pass() -> None:
    import doctest

    from tocsin.extract import actors

    assert doctest.testmod(actors).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A Russian missile strike hit the city centre.", "Military Forces of Russia", id="missile-strike"),
        pytest.param("Israeli air strikes pounded the camp.", "Military Forces of Israel", id="air-strikes"),
        pytest.param("Turkish drones struck a convoy.", "Military Forces of Turkey", id="drones"),
        pytest.param("Russia's artillery shelled the villages.", "Military Forces of Russia", id="possessive"),
    ],
)
def test_actors_state_weapon_names_state_military(text: str, expected: str) -> None:
    (actor,) = find_actors(text, 0, len(text), country="UA")
    assert actor.name == expected
    assert actor.actor_type is ActorType.EXTERNAL_OTHER


def test_actors_bare_weapon_names_no_actor() -> None:
    assert _names("A missile strike hit the city centre.", "UA") == []


def _roles(text: str, trigger: str) -> dict[str, str | None]:
    found = find_actors(text, 0, len(text), country="KE")
    start = text.index(trigger)
    return {text[a.start:a.end]: a.role for a in label_roles(nlp.parse(text), found, [(start, start + len(trigger))])}


@needs_model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        pytest.param("Three traders were shot dead by soldiers near Garissa.", "shot dead",
                     {"traders": PATIENT, "soldiers": AGENT}, id="passive-by"),
        pytest.param("Soldiers shot dead three traders near Garissa.", "shot dead",
                     {"Soldiers": AGENT, "traders": PATIENT}, id="active"),
        pytest.param("A student was killed in police firing in Kisumu.", "killed",
                     {"student": PATIENT, "police": AGENT}, id="force-noun"),
        pytest.param("Two farmers were killed when gunmen opened fire on a bus.", "killed",
                     {"farmers": PATIENT, "gunmen": AGENT}, id="when-clause"),
        pytest.param("Police opened fire on the marchers, killing four.", "killing",
                     {"Police": AGENT, "marchers": PATIENT}, id="shared-subject"),
        pytest.param("Bandits killed a police constable on the highway.", "killed",
                     {"Bandits": AGENT, "police constable": PATIENT}, id="police-victim"),
        pytest.param("A trader was stabbed to death in Nakuru even as police fired tear gas in Eldoret.", "stabbed",
                     {"police": ELSEWHERE}, id="even-as-is-beside"),
        pytest.param("Militants threw a grenade at the gate.", "grenade", {"Militants": AGENT}, id="weapon-object"),
        pytest.param("Two traders were killed at the hands of soldiers.", "killed",
                     {"traders": PATIENT, "soldiers": AGENT}, id="at-the-hands-of"),
        pytest.param("A trader was stabbed to death despite police patrols.", "stabbed",
                     {"police": ELSEWHERE}, id="bystander"),
        pytest.param("Police imposed a curfew on the town after gunmen killed two traders.", "killed",
                     {"Police": ELSEWHERE, "gunmen": AGENT, "traders": PATIENT}, id="after-clause-is-apart"),
        pytest.param("A villager was killed and two were injured when soldiers fired on the market.", "killed",
                     {"villager": PATIENT, "soldiers": AGENT}, id="when-clause-of-conjunct"),
        pytest.param("officials said that as many as 300 people had been killed in the unrest including 40 in police "
                     "firing till may 4.", "firing", {"people": ELSEWHERE, "police": AGENT}, id="force-word-after-actor"),
    ],
)
def test_actors_roles_from_parse(text: str, trigger: str, expected: dict[str, str | None]) -> None:
    assert _roles(text, trigger) == expected


def test_actors_roles_without_parse_stay_unknown() -> None:
    text = "Soldiers shot dead three traders."
    found = find_actors(text, 0, len(text), country="KE")
    assert [a.role for a in label_roles(None, found, [(9, 18)])] == [None, None]


def test_actors_by_role_puts_the_doer_first() -> None:
    victim = Actor("Police Forces of Kenya", ActorType.STATE_FORCES, "police", 0, 6, "KE", PATIENT)
    doer = Actor("Unidentified Armed Group (Kenya)", ActorType.POLITICAL_MILITIAS, "armed", 20, 26, "KE", AGENT)
    assert [a.name for a in by_role([victim, doer])] == [doer.name, victim.name]


def _coded(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    events = find_events(nlp.parse(text), make_article(text), places=[], times=[], claims=[])
    return [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in events]


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Soldiers opened fire on demonstrators in Harare, Zimbabwe, on Monday. Six people were killed, "
                     "a rights group said.", id="toll-in-next-sentence"),
        pytest.param("Six demonstrators were killed when soldiers opened fire on a march in Harare, Zimbabwe.", id="when-clause"),
        pytest.param("Soldiers shot dead six demonstrators in Harare, Zimbabwe, on Monday.", id="shot-dead"),
    ],
)
def test_actors_state_killing_protesters_is_one_excessive_force_event(text: str) -> None:
    assert _coded(text) == [
        ("Excessive force against protesters", "Protesters (Zimbabwe)", "Military Forces of Zimbabwe", 6)
    ]


@needs_model
def test_actors_passive_killing_by_police_gives_police_actor1() -> None:
    text = "Two men were shot dead by police in Mombasa, Kenya, on Sunday."
    ((_, actor1, actor2, deaths),) = _coded(text)
    assert (actor1, actor2, deaths) == ("Police Forces of Kenya", "Civilians (Kenya)", 2)


@needs_model
def test_actors_gunmen_killing_police_keep_gunmen_actor1() -> None:
    text = "Gunmen killed two policemen at a checkpoint in Mandera, Kenya."
    ((_, actor1, _, _),) = _coded(text)
    assert actor1 == "Unidentified Armed Group (Kenya)"


@needs_model
def test_actors_missile_strike_event_names_foreign_military() -> None:
    text = "A Russian missile strike hit an apartment block in Kharkiv, Ukraine, killing three people."
    events = find_events(nlp.parse(text), make_article(text), places=[], times=[], claims=[])
    assert events[0].actor1 == "Military Forces of Russia"


@needs_model
def test_actors_headline_short_passive_makes_victims() -> None:
    assert _roles("Three soldiers killed in an ambush near Garissa.", "killed") == {"soldiers": PATIENT}


@needs_model
def test_actors_police_doing_something_else_are_not_the_killers() -> None:
    text = "Police recovered the body of a trader who was killed in Mombasa, Kenya."
    ((_, actor1, _, _),) = _coded(text)
    assert actor1 == "Unidentified Armed Group (Kenya)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Rebel forces entered the town.", [], id="rebel-forces"),
        pytest.param("He blamed divisive forces for the unrest.", [], id="divisive-forces"),
        pytest.param("The forces entered the town.", ["Military Forces of Mali"], id="the-forces"),
        pytest.param("Security forces entered the town.", ["Military Forces of Mali"], id="security-forces"),
    ],
)
def test_actors_bare_forces_need_a_state_modifier(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@needs_model
def test_actors_killing_verb_beside_the_trigger_names_the_killers() -> None:
    text = "Militants hurled a grenade at a checkpoint in Garissa, Kenya, and soldiers killed one of them."
    found = find_actors(text, 0, len(text), country="KE")
    at = text.index("grenade")
    roles = label_roles(nlp.parse(text), found, [(at, at + 7)], killing=True)
    assert [(a.kind, a.role) for a in roles] == [("armed", AGENT), ("military", AGENT)]


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Five policemen were killed in a gun battle near Garissa, Kenya.",
                     ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya"), id="one-side-hit"),
        pytest.param("Five policemen died in a gun battle with militants near Garissa, Kenya.",
                     ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya"), id="sides-by-word-order-swapped"),
    ],
)
def test_actors_battle_side_that_was_hit_is_actor2(text: str, expected: tuple[str, str]) -> None:
    ((_, actor1, actor2, _),) = _coded(text)
    assert (actor1, actor2) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param("The army said it killed 20 insurgents.", False, id="own-act"),
        pytest.param("Police said they shot dead two robbers.", False, id="own-act-plural"),
        pytest.param("Police said gunmen shot dead two traders.", True, id="reporting-others"),
    ],
)
def test_actors_forces_reporting_their_own_act_are_not_only_a_source(text: str, source: bool) -> None:
    actor = find_actors(text, 0, len(text), country="NG")[0]
    assert is_source(text, actor) is source


@needs_model
def test_actors_forces_reporting_their_own_act_are_actor1() -> None:
    text = "The army said it killed 20 insurgents in raids in Borno, Nigeria."
    ((_, actor1, _, deaths),) = _coded(text)
    assert (actor1, deaths) == ("Military Forces of Nigeria", 20)


def test_actors_person_with_demonym_is_civilian_of_that_country() -> None:
    assert _names("Troops shot dead a Yemeni man at the border.", "SA") == ["Military Forces of Saudi Arabia",
                                                                           "Civilians (Yemen)"]


@needs_model
def test_actors_victim_not_attacker_is_actor2() -> None:
    text = "In Garissa, Kenya, a Somali man stabbed two Kenyan traders."
    events = find_events(nlp.parse(text), make_article(text), places=[], times=[], claims=[])
    assert events[0].actor2 == "Civilians (Kenya)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Russia launched drones at the port.", ["Military Forces of Russia"], id="country-attacks"),
        pytest.param("Turkey shelled the border villages.", ["Military Forces of Turkey"], id="country-shelled"),
        pytest.param("Sudan struck a deal with the rebels.", ["Unidentified Armed Group (Mali)"], id="struck-a-deal"),
        pytest.param("Gunmen in Niger attacked a convoy.", ["Unidentified Armed Group (Mali)"], id="country-as-place"),
    ],
)
def test_actors_country_that_attacks_is_its_military(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_actors_regional_bodies_have_their_acled_names() -> None:
    assert _names("The African Union and ECOWAS condemned the coup.") == [
        "AU: African Union", "ECOWAS: Economic Community of West African States"]
    assert _names("African Union troops patrolled the town.", country="SO") != ["AU: African Union"]
