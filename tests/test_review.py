"""The review desk: validation, the overlay of edits over the machine's coding, history, merge and split."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import make_article
from tocsin import review, store
from tocsin.errors import InputRejected, StoreError
from tocsin.model import Analysis, Event


@pytest.fixture
def setup(tmp_path: Path) -> tuple[sa.Engine, list[str]]:
    engine = store.connect(f"sqlite:///{tmp_path / 'rev.db'}")
    events = (Event("Protests", "Peaceful protest", event_date="2020-08-18", location="Bamako", iso2="ML",
                    latitude=12.64, longitude=-8.0, fatalities=None, certainty="Likely"),
              Event("Riots", "Mob violence", event_date="2020-08-17", location="Kati", iso2="ML",
                    latitude=12.74, longitude=-8.07, fatalities=1, certainty="Possible"))
    with engine.begin() as conn:
        ids = store.save_analysis(conn, Analysis(article=make_article("Protesters marched in Bamako. " * 3),
                                                 events=events))
    return engine, ids


@pytest.mark.parametrize(("changes", "expected"), [
    ({"fatalities": "4"}, {"fatalities": 4, "fatalities_low": 4, "fatalities_high": 4}),
    ({"iso2": "ml"}, {"iso2": "ML"}),
    ({"certainty": "observed"}, {"certainty": "Observed"}),
    ({"event_date": "2020-08-19"}, {"event_date": "2020-08-19"}),
    ({"actor2": ""}, {"actor2": None}),
    ({"sub_event_type": "Excessive force against protesters"},
     {"event_type": "Protests", "sub_event_type": "Excessive force against protesters",
      "disorder_type": "Political violence; Demonstrations"}),
], ids=["deaths", "iso2", "certainty", "date", "clear-actor", "sub-type-sets-disorder"])
def test_review_validate_changes_normalises(changes: dict[str, object], expected: dict[str, object]) -> None:
    assert review.validate_changes(Event("Protests", "Peaceful protest"), changes) == expected


def test_review_edit_overlays_and_keeps_machine_values(setup: tuple[sa.Engine, list[str]]) -> None:
    engine, (bamako, _) = setup
    with engine.begin() as conn:
        review.edit(conn, bamako, {"fatalities": 2}, user="ana", reason="hospital")
        review.confirm(conn, bamako, user="bo")
    with engine.connect() as conn:
        event = review.get_event(conn, bamako)
        machine = review.get_event(conn, bamako, machine=True)
        steps = review.history(conn, bamako)
    assert event is not None and machine is not None
    assert (event.fatalities, machine.fatalities) == (2, None)
    assert event.versions is not None and event.versions["reviewed"] is True
    assert event.versions["review"]["status"] == "confirmed" and event.versions["review"]["by"] == "bo"
    assert [(s["action"], s["by"]) for s in steps] == [("version", "machine"), ("edit", "ana"), ("confirm", "bo")]
    assert steps[1]["changes"]["before"]["fatalities"] is None


def test_review_filters_use_reviewed_values(setup: tuple[sa.Engine, list[str]]) -> None:
    engine, (bamako, kati) = setup
    with engine.begin() as conn:
        review.edit(conn, bamako, {"event_date": "2019-01-01", "latitude": 14.0}, user="ana", reason="wrong")
    with engine.connect() as conn:
        recent, total = review.query_events(conn, review.EventQuery(since="2020-01-01"))
        north, _ = review.query_events(conn, review.EventQuery(bbox=(-9.0, 13.5, -7.0, 14.5)))
    assert ([e.event_id for e in recent], total) == ([kati], 1)
    assert [e.event_id for e in north] == [bamako]


@pytest.mark.parametrize("reviewed", [False, True], ids=["nothing-reviewed", "one-reviewed"])
def test_review_query_page_fields_match_the_stored_data(setup: tuple[sa.Engine, list[str]], reviewed: bool) -> None:
    engine, (bamako, kati) = setup
    if reviewed:
        with engine.begin() as conn:
            review.edit(conn, kati, {"fatalities": 5}, user="ana", reason="update")
    fields = ("location", "geo_precision", "fatalities", "latitude", "historical", "actor1", "event_date")
    with engine.connect() as conn:
        full, total = review.query_page(conn, limit=1)
        slim, slim_total = review.query_page(conn, limit=1, fields=fields)
        rest, _ = review.query_page(conn, limit=5, offset=1, fields=fields)
    assert (total, slim_total) == (2, 2)
    assert [row[0] for row in full + rest] == [bamako, kati]
    assert slim[0][1] == {name: full[0][1].get(name, False if name == "historical" else None) for name in fields}
    assert (rest[0][2] is not None) is reviewed


@pytest.mark.parametrize(("action", "code"), [
    (lambda c, a, b: review.reject(c, a, user="u", reason=" "), "E459"),
    (lambda c, a, b: review.merge(c, a, a, user="u", reason="x"), "E461"),
    (lambda c, a, b: review.split(c, a, ["nope"], {}, user="u", reason="x"), "E462"),
    (lambda c, a, b: review.edit(c, a, {}, user="u", reason="x"), "E460"),
    (lambda c, a, b: review.confirm(c, "ev-none", user="u"), "E456"),
], ids=["no-reason", "merge-self", "split-unknown-report", "empty-edit", "unknown-event"])
def test_review_refuses_bad_actions(setup: tuple[sa.Engine, list[str]], action: object, code: str) -> None:
    engine, (bamako, kati) = setup
    with engine.begin() as conn, pytest.raises((InputRejected, StoreError)) as info:
        action(conn, bamako, kati)  # type: ignore[operator]
    assert info.value.code == code


def test_review_split_of_single_report_event_keeps_both(setup: tuple[sa.Engine, list[str]]) -> None:
    engine, (bamako, _) = setup
    with engine.begin() as conn:
        original = review.get_event(conn, bamako)
        assert original is not None
        new = review.split(conn, bamako, list(original.reports), {"location": "Kati"}, user="ana",
                           reason="two incidents in one report")
    with engine.connect() as conn:
        events, total = review.query_events(conn)
        kept = review.get_event(conn, bamako)
    assert total == 3 and new.location == "Kati" and new.reports == original.reports
    assert kept is not None and kept.reports == original.reports
    assert new.event_id in {e.event_id for e in events}
