"""Taxonomy: the 25 ACLED sub-types, hierarchy, validation errors that list the choices."""

from __future__ import annotations

import pytest

from tocsin import taxonomy as tx
from tocsin.errors import TaxonomyError


def test_taxonomy_has_25_acled_sub_types_and_5_hazards() -> None:
    acled = [s for t, subs in tx.SUB_EVENT_TYPES.items() if t not in tx.HAZARD_TYPES for s in subs]
    assert len(acled) == 25 and len(set(acled)) == 25
    assert len(tx.SUB_EVENT_TYPES) == 11 and len(tx.HAZARD_TYPES) == 5


def test_taxonomy_precedence_orders_every_sub_type() -> None:
    assert set(tx.PRECEDENCE) == set(tx.SubEventType) and len(tx.PRECEDENCE) == 30


def test_taxonomy_case_codes_cover_all_30_classes() -> None:
    assert set(tx.CASE_CODES.values()) == set(tx.SubEventType)


def test_taxonomy_wrong_sub_type_names_valid_choices() -> None:
    with pytest.raises(TaxonomyError, match=r"\[E303\].*'Peaceful protest'"):
        tx.validate("Protests", "Armed clash")


def test_taxonomy_unknown_value_lists_choices() -> None:
    with pytest.raises(TaxonomyError, match=r"\[E301\].*'Battles'"):
        tx.parse(tx.EventType, "Skirmish")


@pytest.mark.parametrize(
    ("subs", "winner"),
    [
        (["Shelling/artillery/missile attack", "Armed clash"], "Armed clash"),
        (["Attack", "Suicide bomb"], "Suicide bomb"),
        (["Peaceful protest", "Excessive force against protesters"], "Excessive force against protesters"),
        (["Arrests", "Looting/property destruction"], "Looting/property destruction"),
    ],
    ids=["battle-over-shelling", "bomb-over-attack", "force-over-protest", "looting-over-arrest"],
)
def test_taxonomy_precedence_picks_codebook_winner(subs: list[str], winner: str) -> None:
    assert tx.precedence(subs).value == winner


@pytest.mark.parametrize(
    ("a", "b", "code"), [(1, 6, 16), (6, 1, 16), (7, None, 70), (2, 2, 22), (None, None, None)],
    ids=["state-protesters", "order-free", "sole-civilians", "rebels-rebels", "unknown"],
)
def test_taxonomy_interaction_codes(a: int | None, b: int | None, code: int | None) -> None:
    assert tx.interaction(a, b) == code


def test_taxonomy_disorder_types() -> None:
    assert tx.disorder_type("Armed clash") is tx.DisorderType.POLITICAL_VIOLENCE
    assert tx.disorder_type("Peaceful protest") is tx.DisorderType.DEMONSTRATIONS
    assert tx.disorder_type("Violent demonstration") is tx.DisorderType.DEMONSTRATIONS
    assert tx.disorder_type("Mob violence") is tx.DisorderType.POLITICAL_VIOLENCE
    assert tx.disorder_type("Arrests") is tx.DisorderType.STRATEGIC_DEVELOPMENTS
    assert tx.disorder_type("Natural disaster") is None


def test_taxonomy_every_sub_type_has_plover_coding() -> None:
    for sub in tx.SubEventType:
        assert tx.plover(sub)["event"]


def test_country_names_follow_acled_spelling_and_cover_every_country_of_the_gazetteer() -> None:
    from tocsin.geo.gazetteer import load

    gazetteer_codes = {country.cc for country in load().countries()}
    assert gazetteer_codes <= set(tx.COUNTRY_NAMES)
    assert tx.COUNTRY_NAMES["CD"] == "Democratic Republic of Congo"
    assert tx.COUNTRY_NAMES["DE"] == "Germany"


def test_shared_demonyms_go_to_the_most_populous_country() -> None:
    assert tx.DEMONYMS["congolese"] == "CD"
    assert tx.DEMONYMS["burkinabé"] == "BF"
    assert tx.DEMONYMS["sudanese"] == "SD" and tx.DEMONYMS["south sudanese"] == "SS"


@pytest.mark.parametrize(
    ("sub_type", "interaction", "words", "expected"),
    [
        ("Peaceful protest", 60, "", True),  # a demonstration or a strike
        ("Mob violence", 57, "", True),  # a riot or a group clash
        ("Armed clash", 12, "", True),  # rebels against the state
        ("Attack", 37, "suspected separatists", True),  # attackers the report puts in an armed movement
        ("Attack", 37, "two unknown gunmen", False),  # unidentified gunmen: as likely crime
        ("Attack", 37, "Two men shot dead the branch secretary of the party.", True),  # a targeted killing
        ("Attack", 17, "Police shot an activist during the raid.", False),  # the state acting alone
        ("Attack", 17, "", False),  # the state acting alone
        ("Air/drone strike", 18, "", False),
        ("Remote explosive/landmine/IED", 37, "", True),  # a militant's method
        ("Remote explosive/landmine/IED", None, "", True),
        ("Grenade", 17, "", False),  # the state's grenade
        ("Arrests", 10, "", False),
        ("Organized crime", None, "", False),
        ("Suicide bomb", 17, "", True),  # police named beside a suicide bombing did not carry it out
        ("Attack", 37, "Detectives suspect far-right extremism behind the stabbing.", True),
        ("Attack", 37, "Islamist gunmen raided the hotel.", True),
        ("Attack", 37, "Gunmen shot dead an indigenous leader at her home.", True),  # a targeted killing
        ("Attribution of responsibility", 20, "", True),  # rebels claimed the attack
        ("Attribution of responsibility", 37, "Militants claimed the raid on the village.", True),
        ("Attribution of responsibility", 10, "", False),  # the state blamed someone: nothing says who attacked
        ("Attribution of responsibility", 37, "The family blamed a neighbour for the fire.", False),
    ],
)
def test_taxonomy_contentious_collective_action(sub_type: str, interaction: int | None, words: str, expected: bool) -> None:
    assert tx.contentious(sub_type, interaction, words) is expected
