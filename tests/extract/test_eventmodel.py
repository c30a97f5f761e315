"""The shipped linear event-type model: features, loading, prediction and explanation."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from tocsin import taxonomy
from tocsin.extract import eventmodel


def test_eventmodel_doctests_pass() -> None:
    assert doctest.testmod(eventmodel).failed == 0


def test_eventmodel_features_fold_numbers() -> None:
    assert "w=<num>" in eventmodel.features("14 killed")


def test_eventmodel_missing_file_gives_none(tmp_path: Path) -> None:
    assert eventmodel.load(tmp_path / "absent.npz") is None


def test_eventmodel_ships_every_class() -> None:
    model = eventmodel.load()
    if model is None:
        pytest.skip("the event model has not been trained (python train/train_events.py)")
    assert set(model.classes) == set(taxonomy.CASE_CODES) | {eventmodel.NONE}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        pytest.param("Shares rallied 3 percent on Tuesday after strong earnings.", "NONE", id="markets"),
        pytest.param("Police fired tear gas at protesters in the capital.", "PROTEST_WITH_INTER", id="tear-gas"),
        pytest.param("A magnitude 6 earthquake struck the province overnight.", "NATURAL_DISASTER", id="quake"),
    ],
)
def test_eventmodel_predicts_clear_cases(text: str, label: str) -> None:
    if eventmodel.load() is None:
        pytest.skip("the event model has not been trained")
    found = eventmodel.predict(text)
    assert found is not None and found[0] == label


def test_eventmodel_explains_with_features() -> None:
    model = eventmodel.load()
    if model is None:
        pytest.skip("the event model has not been trained")
    feats = eventmodel.features("A suicide bomber blew himself up.")
    top = model.explain(feats, "SUIC_BOMB")
    assert top and all(f in feats for f, _ in top)
