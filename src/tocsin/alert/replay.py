"""``subscribe test``: replay stored incident history through one subscription and say what it would have sent.

The replay walks every stored version of every incident in order and applies the same ``decide`` as the outbox,
as of each version's time, so a new subscription can be tried on real history before it goes live.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import sqlalchemy as sa

from tocsin.alert.lifecycle import AlertState, decide, headline, is_retraction, state_of
from tocsin.alert.outbox import advice_of
from tocsin.alert.subscriptions import Subscription
from tocsin.model import Event
from tocsin.store import schema

__all__ = ["Replayed", "replay"]


@dataclasses.dataclass(frozen=True, slots=True)
class Replayed:
    """One alert the subscription would have sent."""

    at: str
    event_id: str
    msg_type: str
    headline: str
    why: tuple[str, ...]
    changes: dict[str, object]


def replay(conn: sa.Connection, sub: Subscription, *, since_s: float,
           now: dt.datetime | None = None) -> list[Replayed]:
    """Return the alerts ``sub`` would have sent for the incident versions stored in the last ``since_s`` seconds."""
    when = now or dt.datetime.now(dt.UTC)
    start = (when - dt.timedelta(seconds=since_s)).isoformat(timespec="milliseconds")
    ver = schema.event_versions
    rows = conn.execute(sa.select(ver).where(ver.c.created_at >= start).order_by(ver.c.created_at, ver.c.version))
    told: dict[str, list[AlertState]] = {}
    found: list[Replayed] = []
    advice_cache: dict[str, list[str]] = {}
    for row in rows:
        event = Event.from_dict(row.data)
        if not event.event_id:
            event = dataclasses.replace(event, event_id=row.event_id)
        advice = advice_cache.setdefault(row.event_id, advice_of(conn, row.event_id))
        state = state_of(event, advice, today=row.created_at[:10], retracted=is_retraction(row.changes))
        history = told.setdefault(row.event_id, [])
        decision = decide(sub, event, state, previous=history[-1] if history else None,
                          sent_keys=frozenset(s.key() for s in history), first_seen=row.created_at[:10])
        if decision is None:
            continue
        history.append(state)
        found.append(Replayed(row.created_at, row.event_id, decision.msg_type,
                              headline(decision.msg_type, event, state), decision.why, decision.changes))
    return found
