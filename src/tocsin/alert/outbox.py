"""The outbox: alerts and their deliveries written in the same transaction as the event change behind them.

``on_events_changed`` runs inside the transaction that stores an article (``process.store_analysis``), so an
incident is never stored without its alerts nor alerted without being stored. The dispatcher (``dispatch.py``)
only reads this outbox and marks deliveries done.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from tocsin import store
from tocsin.alert.lifecycle import (
    AlertState,
    Decision,
    breaks_through,
    decide,
    headline,
    is_retraction,
    quiet_until,
    state_of,
)
from tocsin.alert.record import AlertRecord
from tocsin.alert.subscriptions import Subscription, list_subscriptions
from tocsin.errors import StoreError
from tocsin.model import Event
from tocsin.store import schema
from tocsin.store.alert_tables import alerts, deliveries

__all__ = ["advice_of", "alert_id", "iso", "list_alerts", "on_events_changed", "write_alert"]

logger = logging.getLogger(__name__)


def iso(when: dt.datetime) -> str:
    """Return an aware datetime in the store's timestamp format (UTC, milliseconds)."""
    return when.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def alert_id(subscription_id: int, event_id: str, state_key: str) -> str:
    """Return the alert's identifier: stable for (subscriber, incident, state), so it is also the idempotency key.

    >>> alert_id(1, "ev-1", "abc")
    'tocsin-1-272439fad1dd804f339957be'
    """
    digest = hashlib.sha256(f"{subscription_id}|{event_id}|{state_key}".encode()).hexdigest()[:24]
    return f"tocsin-{subscription_id}-{digest}"


def advice_of(conn: sa.Connection, event_id: str) -> list[str]:
    """Return the official advice (claims marked ``advice``) in the articles that report an incident."""
    query = (sa.select(schema.articles.c.analysis)
             .join(schema.event_reports, schema.event_reports.c.article_id == schema.articles.c.id)
             .where(schema.event_reports.c.event_id == event_id)
             .order_by(schema.event_reports.c.added_at, schema.articles.c.id))
    found: list[str] = []
    for (analysis,) in conn.execute(query):
        for claim in (analysis or {}).get("claims") or []:
            if claim.get("advice"):
                found.append(_advice_text(claim))
    return list(dict.fromkeys(found))


def _advice_text(claim: dict[str, Any]) -> str:
    text = str((claim.get("content") or {}).get("text") or "").strip()
    issuer = claim.get("issuer") or ((claim.get("source") or {}).get("text"))
    return f"{issuer}: {text}" if issuer else text


def _retracted(conn: sa.Connection, event_id: str) -> bool:
    ver = schema.event_versions
    row = conn.execute(sa.select(ver.c.changes).where(ver.c.event_id == event_id)
                       .order_by(ver.c.version.desc()).limit(1)).first()
    return row is not None and is_retraction(row[0])


def on_events_changed(conn: sa.Connection, event_ids: Iterable[str], article_id: str | None, *,
                      now: dt.datetime | None = None) -> int:
    """Write the alerts that these created or changed incidents cause, for every subscriber; return how many.

    Call it inside the transaction that stored the change. Historical events, unchanged states and states
    already sent to a subscriber write nothing.
    """
    when = now or dt.datetime.now(dt.UTC)
    subs = list_subscriptions(conn)
    if not subs:
        return 0
    written = 0
    for event_id in dict.fromkeys(event_ids):
        event = store.get_event(conn, event_id)
        if event is None or event.historical:
            continue
        state = state_of(event, advice_of(conn, event_id), today=when.date().isoformat(),
                         retracted=_retracted(conn, event_id))
        for sub in subs:
            written += _consider(conn, sub, event, state, article_id, when)
    return written


def _consider(conn: sa.Connection, sub: Subscription, event: Event, state: AlertState, article_id: str | None,
              when: dt.datetime) -> int:
    history = list(conn.execute(sa.select(alerts.c.id, alerts.c.state, alerts.c.state_hash, alerts.c.created_at)
                                .where(alerts.c.subscription_id == sub.id, alerts.c.event_id == event.event_id)
                                .order_by(alerts.c.created_at, alerts.c.id)))
    previous = AlertState.from_dict(history[-1].state) if history else None
    decision = decide(sub, event, state, previous=previous, sent_keys=frozenset(h.state_hash for h in history),
                      first_seen=when.date().isoformat())
    if decision is None:
        return 0
    refs = tuple((h.id, h.created_at) for h in history)
    write_alert(conn, sub, event, state, decision, references=refs, article_id=article_id, when=when)
    return 1


def write_alert(conn: sa.Connection, sub: Subscription, event: Event, state: AlertState, decision: Decision, *,
                references: tuple[tuple[str, str], ...], article_id: str | None, when: dt.datetime) -> AlertRecord:
    """Insert one alert and a pending delivery per push channel; quiet hours defer it, the daily cap digests it."""
    if sub.id is None or event.event_id is None:
        raise StoreError("[E410] an alert needs a stored subscription and a stored event (both with ids)")
    record = AlertRecord(
        id=alert_id(sub.id, event.event_id, state.key()), subscription_id=sub.id, event_id=event.event_id,
        msg_type=decision.msg_type, state=state, event=event, why=decision.why, changes=decision.changes,
        headline=headline(decision.msg_type, event, state), created_at=iso(when), references=references,
        article_id=article_id)
    held, due = _schedule(conn, sub, state, when)
    conn.execute(sa.insert(alerts).values(
        id=record.id, subscription_id=sub.id, event_id=record.event_id, article_id=article_id,
        msg_type=record.msg_type, references=[list(r) for r in references], state_hash=state.key(),
        state=state.to_dict(), changes=record.changes, why=list(record.why), event=event.to_dict(),
        severity=state.severity, urgency=state.urgency, certainty=state.certainty, headline=record.headline,
        held=held, created_at=record.created_at))
    for channel in sub.channels:
        target = sub.webhook_url if channel == "webhook" else sub.email
        digest_id = f"digest-{sub.id}-{channel}-{due.date().isoformat()}" if held == "digest" else None
        conn.execute(sa.insert(deliveries).values(
            alert_id=record.id, subscription_id=sub.id, channel=channel, target=target or "",
            status="digest" if held == "digest" else "pending", attempts=0, next_attempt_at=iso(due),
            digest_id=digest_id))
    logger.info("alert %s (%s) for subscription %s: %s", record.id, record.msg_type, sub.name, record.headline)
    return record


def _schedule(conn: sa.Connection, sub: Subscription, state: AlertState,
              when: dt.datetime) -> tuple[str | None, dt.datetime]:
    """Return (why held, when due): now; after quiet hours; or in the next day's digest once the cap is hit."""
    if breaks_through(state):
        return None, when
    if sub.daily_cap is not None and _sent_today(conn, sub, when) >= sub.daily_cap:
        return "digest", _next_local_midnight(sub, when)
    quiet_end = quiet_until(sub, when)
    if quiet_end is not None:
        return "quiet", quiet_end
    return None, when


def _local_midnight(sub: Subscription, when: dt.datetime, days: int = 0) -> dt.datetime:
    local = when.astimezone(ZoneInfo(sub.timezone))
    day = local.date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=local.tzinfo).astimezone(dt.UTC)


def _next_local_midnight(sub: Subscription, when: dt.datetime) -> dt.datetime:
    return _local_midnight(sub, when, days=1)


def _sent_today(conn: sa.Connection, sub: Subscription, when: dt.datetime) -> int:
    start = iso(_local_midnight(sub, when))
    query = (sa.select(sa.func.count()).select_from(alerts)
             .where(alerts.c.subscription_id == sub.id, alerts.c.created_at >= start,
                    sa.or_(alerts.c.held.is_(None), alerts.c.held != "digest")))
    return int(conn.execute(query).scalar_one())


def list_alerts(conn: sa.Connection, *, subscription_id: int | None = None,
                limit: int | None = None) -> list[tuple[AlertRecord, list[dict[str, Any]]]]:
    """Return alerts newest first, each with its deliveries (channel, status, attempts, last error)."""
    query = sa.select(alerts).order_by(alerts.c.created_at.desc(), alerts.c.id)
    if subscription_id is not None:
        query = query.where(alerts.c.subscription_id == subscription_id)
    if limit:
        query = query.limit(limit)
    records = [AlertRecord.from_row(row) for row in conn.execute(query)]
    states: dict[str, list[dict[str, Any]]] = {}
    ids = [r.id for r in records]
    for start in range(0, len(ids), 500):
        rows = conn.execute(sa.select(deliveries).where(deliveries.c.alert_id.in_(ids[start:start + 500]))
                            .order_by(deliveries.c.id))
        for row in rows:
            states.setdefault(row.alert_id, []).append(dict(row._mapping))
    return [(r, states.get(r.id, [])) for r in records]
