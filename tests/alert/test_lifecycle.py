from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tocsin.alert.lifecycle import breaks_through, decide, match, quiet_until, state_of
from tocsin.alert.subscriptions import Subscription
from tocsin.model import Event

TODAY = "2020-08-18"
CIRCLE = {"kind": "circle", "lat": 12.6392, "lon": -8.0029, "km": 50.0}
KATI = Event("Battles", "Armed clash", event_date=TODAY, location="Kati", latitude=12.7441, longitude=-8.0733,
             country="Mali", iso2="ML", certainty="Possible", event_id="ev-1")
SUB = Subscription(name="bamako", area=CIRCLE, id=1)


def _state(event: Event, advice: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return state_of(event, advice, today=TODAY)


def test_lifecycle_new_incident_in_area_is_an_alert_with_reasons() -> None:
    decision = decide(SUB, KATI, _state(KATI), previous=None)
    assert decision is not None and decision.msg_type == "Alert"
    assert "inside your 50 km circle" in decision.why[0]


def test_lifecycle_same_state_never_alerts_twice() -> None:
    state = _state(KATI)
    assert decide(SUB, KATI, state, previous=state, sent_keys=frozenset({state.key()})) is None
    assert decide(SUB, KATI, state, previous=state) is None


@pytest.mark.parametrize(("fields", "advice", "changed"), [
    ({"certainty": "Likely"}, (), "certainty"),
    ({"fatalities": 4}, (), "fatalities"),
    ({"sub_event_type": "Armed clash", "fatalities": 12}, (), "severity"),
    ({"latitude": 12.9, "longitude": -8.3, "location": "Near Kati"}, (), "area"),
    ({}, ("Embassy: stay at home",), "advice"),
], ids=["certainty-up", "deaths", "severity-up", "area", "advice"])
def test_lifecycle_change_that_matters_is_an_update(fields: dict[str, object], advice: tuple[str, ...],
                                                    changed: str) -> None:
    before = _state(KATI)
    after_event = dataclasses.replace(KATI, **fields)
    decision = decide(SUB, after_event, _state(after_event, advice), previous=before,
                      sent_keys=frozenset({before.key()}))
    assert decision is not None and decision.msg_type == "Update"
    assert changed in decision.changes


def test_lifecycle_certainty_down_is_not_worth_an_update() -> None:
    before_event = dataclasses.replace(KATI, certainty="Likely")
    before = _state(before_event)
    after = dataclasses.replace(KATI, certainty="Possible")
    assert decide(SUB, after, _state(after), previous=before, sent_keys=frozenset({before.key()})) is None


@pytest.mark.parametrize("how", ["denied", "retracted"])
def test_lifecycle_denial_or_retraction_cancels(how: str) -> None:
    before = _state(KATI)
    if how == "denied":
        event = dataclasses.replace(KATI, certainty="Unlikely")
        state = _state(event)
    else:
        event = KATI
        state = state_of(KATI, (), today=TODAY, retracted=True)
    decision = decide(SUB, event, state, previous=before, sent_keys=frozenset({before.key()}))
    assert decision is not None and decision.msg_type == "Cancel"
    assert decide(SUB, event, state, previous=None) is None  # never a first alert for a denied incident


def test_lifecycle_moved_out_of_the_area_cancels() -> None:
    before = _state(KATI)
    moved = dataclasses.replace(KATI, location="Mopti", latitude=14.49, longitude=-4.19)
    decision = decide(SUB, moved, _state(moved), previous=before, sent_keys=frozenset({before.key()}))
    assert decision is not None and decision.msg_type == "Cancel"
    assert "outside" in decision.changes["cancelled"]


@pytest.mark.parametrize(("fields", "first_seen"), [
    ({"historical": True}, TODAY),
    ({"event_date": "2012-03-22"}, TODAY),
], ids=["historical", "stale"])
def test_lifecycle_background_never_alerts(fields: dict[str, object], first_seen: str) -> None:
    event = dataclasses.replace(KATI, **fields)
    assert decide(SUB, event, _state(event), previous=None, first_seen=first_seen) is None


@pytest.mark.parametrize(("sub_fields", "ok", "last_reason"), [
    ({"types": ("violence",)}, True, "in your types"),
    ({"types": ("Protests",)}, False, "not in your types"),
    ({"min_severity": "Moderate"}, True, "at or above"),
    ({"min_severity": "Severe"}, False, "below"),
    ({"min_certainty": "Likely"}, False, "below"),
    ({"min_certainty": "Possible"}, True, "at or above"),
], ids=["family", "other-type", "severity-ok", "severity-low", "certainty-low", "certainty-ok"])
def test_lifecycle_match_filters_and_explains(sub_fields: dict[str, object], ok: bool, last_reason: str) -> None:
    sub = dataclasses.replace(SUB, **sub_fields)
    matched, why = match(sub, KATI, _state(KATI))
    assert matched is ok
    assert last_reason in why[-1]


def test_lifecycle_quiet_hours_wrap_midnight_in_local_time() -> None:
    sub = dataclasses.replace(SUB, quiet_hours="22:00-07:00", timezone="Africa/Bamako")
    night = dt.datetime(2020, 8, 18, 23, 30, tzinfo=dt.UTC)
    assert quiet_until(sub, night) == dt.datetime(2020, 8, 19, 7, 0, tzinfo=dt.UTC)
    assert quiet_until(sub, dt.datetime(2020, 8, 18, 12, 0, tzinfo=dt.UTC)) is None


def test_lifecycle_only_immediate_and_severe_break_through() -> None:
    deadly = dataclasses.replace(KATI, fatalities=3)
    assert breaks_through(_state(deadly))
    assert not breaks_through(_state(KATI))  # Moderate
    old = dataclasses.replace(deadly, event_date="2020-08-10")
    assert not breaks_through(_state(old))  # Severe but Past
