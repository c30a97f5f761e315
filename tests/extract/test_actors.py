"""Actor names as ACLED writes them, actor types and the article's country."""

from __future__ import annotations

import pytest

from tocsin.extract.actors import actor_name, country_of_text, find_actors
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
    ],
)
def test_actors_acled_names(text: str, expected: str) -> None:
    assert _names(text)[0] == expected


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
