"""Alert lifecycle: what an incident's state means for one subscriber (Alert, Update, Cancel or nothing) and why.

Everything here is a pure function of plain data, so the outbox, ``subscribe test`` (a replay of stored history)
and the tests share one decision. An alert is sent for a *state* of an incident (severity, certainty, deaths,
place, official advice, retraction); the same state never reaches the same subscriber twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from tocsin import taxonomy
from tocsin.alert.area import contains
from tocsin.alert.subscriptions import Subscription, parse_quiet_hours
from tocsin.geo.distance import distance_km
from tocsin.model import JSON, Event

__all__ = ["MOVE_KM", "STALE_DAYS", "AlertState", "Decision", "breaks_through", "decide", "headline", "is_retraction", "match",
           "quiet_until", "state_of"]

# A place that moves further than this is a change of area worth an Update.
MOVE_KM = 5.0
# An incident dated longer ago than this (when first seen) is news of the past, not an alert.
STALE_DAYS = 7
_RETRACTED = frozenset({"retracted", "denied", "cancelled"})


@dataclasses.dataclass(frozen=True, slots=True)
class AlertState:
    """What a subscriber is told about an incident: the fields whose change can matter."""

    severity: str
    urgency: str
    certainty: str
    fatalities: int | None
    location: str | None
    latitude: float | None
    longitude: float | None
    advice: tuple[str, ...] = ()
    cancelled: bool = False

    def key(self) -> str:
        """Return a hash of the state (urgency left out: it changes with the clock, not the news)."""
        lat = None if self.latitude is None else round(self.latitude, 2)
        lon = None if self.longitude is None else round(self.longitude, 2)
        parts = [self.severity, self.certainty, self.fatalities, self.location, lat, lon, sorted(self.advice),
                 self.cancelled]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]

    def to_dict(self) -> JSON:
        """Return the state as plain data."""
        return {**dataclasses.asdict(self), "advice": list(self.advice)}

    @classmethod
    def from_dict(cls, data: JSON) -> AlertState:
        """Build a state from ``to_dict`` output."""
        return cls(**{**data, "advice": tuple(data.get("advice") or ())})


@dataclasses.dataclass(frozen=True, slots=True)
class Decision:
    """What to send: CAP message type, what changed since the last alert, and why this subscriber gets it."""

    msg_type: str
    changes: JSON
    why: tuple[str, ...]


def state_of(event: Event, advice: Sequence[str], *, today: str, retracted: bool = False) -> AlertState:
    """Return the alert state of an event as of ``today`` (ISO date); a denied incident is cancelled."""
    severity = taxonomy.cap_severity(event.event_type, event.sub_event_type, event.fatalities)
    certainty = event.certainty or taxonomy.Certainty.UNKNOWN.value
    cancelled = retracted or certainty == taxonomy.Certainty.UNLIKELY.value
    return AlertState(severity=severity.value, urgency=taxonomy.cap_urgency(event.event_date, today).value,
                      certainty=certainty, fatalities=event.fatalities, location=event.location,
                      latitude=event.latitude, longitude=event.longitude, advice=tuple(dict.fromkeys(advice)),
                      cancelled=cancelled)


def is_retraction(changes: JSON | None) -> bool:
    """Return whether a stored version's ``changes`` says the incident was retracted or denied."""
    return bool(changes) and any(bool(changes.get(key)) for key in _RETRACTED)  # type: ignore[union-attr]


def match(sub: Subscription, event: Event, state: AlertState) -> tuple[bool, tuple[str, ...]]:
    """Return whether the event is one this subscriber asked for, and the reasons (the last one failing if not)."""
    inside, why_area = contains(sub.area, event)
    reasons = [why_area]
    if not inside:
        return False, tuple(reasons)
    if sub.types:
        kinds = {event.event_type, event.sub_event_type, taxonomy.family(event.event_type)}
        hit = [t for t in sub.types if t in kinds]
        reasons.append(f"{event.sub_event_type} ({event.event_type}) is {'in' if hit else 'not in'} your types "
                       f"{', '.join(sub.types)}")
        if not hit:
            return False, tuple(reasons)
    minimums = (("severity", state.severity, sub.min_severity, taxonomy.severity_rank),
                ("certainty", state.certainty, sub.min_certainty, taxonomy.certainty_rank))
    for name, value, minimum, rank in minimums:
        if minimum:
            ok = rank(value) >= rank(minimum)
            reasons.append(f"{name} {value} is {'at or above' if ok else 'below'} your minimum {minimum}")
            if not ok:
                return False, tuple(reasons)
    return True, tuple(reasons)


def _changes(prev: AlertState, cur: AlertState) -> JSON:
    """Return the changes from ``prev`` to ``cur`` that matter to a subscriber (empty when none)."""
    found: JSON = {}
    if taxonomy.certainty_rank(cur.certainty) > taxonomy.certainty_rank(prev.certainty):
        found["certainty"] = [prev.certainty, cur.certainty]
    if taxonomy.severity_rank(cur.severity) > taxonomy.severity_rank(prev.severity):
        found["severity"] = [prev.severity, cur.severity]
    if cur.fatalities != prev.fatalities and cur.fatalities is not None:
        found["fatalities"] = [prev.fatalities, cur.fatalities]
    if _moved(prev, cur):
        found["area"] = [prev.location, cur.location]
    new_advice = [a for a in cur.advice if a not in prev.advice]
    if new_advice:
        found["advice"] = new_advice
    return found


def _moved(prev: AlertState, cur: AlertState) -> bool:
    if None in (prev.latitude, prev.longitude, cur.latitude, cur.longitude):
        return (prev.location or "") != (cur.location or "") and cur.location is not None
    return distance_km(prev.latitude, prev.longitude, cur.latitude, cur.longitude) > MOVE_KM  # type: ignore[arg-type]


def decide(sub: Subscription, event: Event, state: AlertState, *, previous: AlertState | None,
           sent_keys: frozenset[str] = frozenset(), first_seen: str | None = None) -> Decision | None:
    """Decide what this subscriber gets for this state of the incident, given the last state they were told.

    ``sent_keys`` are the state keys already sent (never send one twice); ``first_seen`` (ISO date) drops new
    alerts for incidents dated more than ``STALE_DAYS`` before it. Historical events never alert.
    """
    if event.historical or state.key() in sent_keys:
        return None
    matched, why = match(sub, event, state)
    if previous is None:
        if not matched or state.cancelled or _stale(event, first_seen):
            return None
        return Decision("Alert", {"created": True}, why)
    if previous.cancelled:
        return Decision("Update", {"reconfirmed": True}, why) if matched and not state.cancelled else None
    if state.cancelled:
        return Decision("Cancel", {"cancelled": "retracted or denied", "certainty": [previous.certainty,
                                                                                       state.certainty]}, why)
    if not matched:
        return Decision("Cancel", {"cancelled": f"no longer matches: {why[-1]}"}, why)
    changes = _changes(previous, state)
    return Decision("Update", changes, why) if changes else None


def _stale(event: Event, first_seen: str | None) -> bool:
    if not first_seen or not event.event_date or len(event.event_date) < 10:
        return False
    try:
        age = dt.date.fromisoformat(first_seen[:10]) - dt.date.fromisoformat(event.event_date[:10])
    except ValueError:
        return False
    return age.days > STALE_DAYS


def breaks_through(state: AlertState) -> bool:
    """Return whether an alert breaks quiet hours and the daily cap: Immediate *and* Severe or Extreme."""
    return (state.urgency == taxonomy.CapUrgency.IMMEDIATE.value
            and taxonomy.severity_rank(state.severity) >= taxonomy.severity_rank("Severe"))


def quiet_until(sub: Subscription, when: dt.datetime) -> dt.datetime | None:
    """Return when the subscriber's quiet hours end if ``when`` (aware) falls inside them, else ``None``."""
    window = parse_quiet_hours(sub.quiet_hours)
    if window is None:
        return None
    start, end = window
    local = when.astimezone(ZoneInfo(sub.timezone))
    t = local.time()
    inside = (start <= t < end) if start <= end else (t >= start or t < end)
    if not inside:
        return None
    end_day = local.date() if t < end else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(end_day, end, tzinfo=local.tzinfo).astimezone(dt.UTC)


def headline(msg_type: str, event: Event, state: AlertState) -> str:
    """Return a one-line headline: what, where, when, how bad and how sure.

    >>> e = Event("Battles", "Armed clash", location="Kati", country="Mali", event_date="2020-08-18")
    >>> headline("Alert", e, state_of(e, [], today="2020-08-18"))
    'Armed clash in Kati, Mali on 2020-08-18 (Moderate, certainty Unknown)'
    """
    where = ", ".join(p for p in (event.location, event.country) if p) or "unknown place"
    deaths = f", {state.fatalities} dead" if state.fatalities else ""
    prefix = {"Update": "UPDATE: ", "Cancel": "CANCELLED: "}.get(msg_type, "")
    return (f"{prefix}{event.sub_event_type} in {where} on {event.event_date or 'unknown date'}"
            f" ({state.severity}{deaths}, certainty {state.certainty})")
