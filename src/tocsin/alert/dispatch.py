"""The dispatcher: delivers the outbox (webhooks, e-mail, digests) with leases, retries and idempotency keys.

A delivery is claimed by writing a lease (owner and expiry) in its own transaction, then delivered, then marked
done in another. A dispatcher killed at any point leaves the row pending; once its lease runs out another run
delivers it again under the same id (``webhook-id`` / ``Message-ID``), which the receiver uses to see each alert
at most once as a success. Nothing is lost: a row leaves ``pending`` only as delivered, failed (after the last
attempt, or refused with a 4xx) or disabled (the endpoint answered 410).
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import datetime as dt
import json
import logging
import random
import smtplib
import threading
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import httpx
import sqlalchemy as sa

from tocsin.alert import mail, webhook
from tocsin.alert.cap import to_cap
from tocsin.alert.outbox import iso
from tocsin.alert.record import AlertRecord, cap_time
from tocsin.alert.subscriptions import Subscription, disable_webhook, get_subscription
from tocsin.store.alert_tables import alerts, deliveries

__all__ = ["DispatchConfig", "DispatchStats", "dispatch_once", "run"]

logger = logging.getLogger(__name__)
_EVENT_TYPES = {"Alert": "alert.created", "Update": "alert.updated", "Cancel": "alert.cancelled"}


@dataclasses.dataclass(frozen=True, slots=True)
class DispatchConfig:
    """How to deliver: sender and public URL for the documents, SMTP, lease, retry policy and parallelism."""

    sender: str = "tocsin@localhost"
    base_url: str = "http://localhost:8000"
    smtp: mail.SmtpConfig | None = None
    lease_s: float = 60.0
    backoff_base_s: float = 2.0
    backoff_cap_s: float = 3600.0
    max_attempts: int = 12
    batch: int = 200
    workers: int = 4


@dataclasses.dataclass(slots=True)
class DispatchStats:
    """What one pass did."""

    delivered: int = 0
    retried: int = 0
    failed: int = 0
    disabled: int = 0

    def total(self) -> int:
        """Return how many deliveries this pass settled or rescheduled."""
        return self.delivered + self.retried + self.failed + self.disabled


@dataclasses.dataclass(frozen=True, slots=True)
class _Job:
    key: str
    channel: str
    delivery_ids: tuple[int, ...]
    records: tuple[AlertRecord, ...]
    sub: Subscription
    attempts: int
    digest: bool


def _claim(engine: sa.Engine, config: DispatchConfig, when: dt.datetime, owner: str) -> list[Any]:
    """Lease due deliveries for ``owner`` in one short transaction; return their rows.

    Up to ``batch`` single deliveries, and every due digest row, so that a digest is always sent whole.
    """
    now_s = iso(when)
    channels = ["webhook"] + (["email"] if config.smtp else [])
    lease_free = sa.or_(deliveries.c.lease_until.is_(None), deliveries.c.lease_until <= now_s)
    due = sa.and_(deliveries.c.next_attempt_at <= now_s, deliveries.c.channel.in_(channels), lease_free)
    singles = (sa.select(deliveries.c.id).where(deliveries.c.status == "pending", due)
               .order_by(deliveries.c.next_attempt_at, deliveries.c.id).limit(config.batch))
    digests = sa.select(deliveries.c.id).where(deliveries.c.status == "digest", due)
    with engine.begin() as conn:
        ids = list(conn.execute(singles).scalars()) + list(conn.execute(digests).scalars())
        if not ids:
            return []
        conn.execute(sa.update(deliveries).where(deliveries.c.id.in_(ids), lease_free)
                     .values(lease_owner=owner, lease_until=iso(when + dt.timedelta(seconds=config.lease_s)),
                             attempts=deliveries.c.attempts + 1))
        rows = conn.execute(sa.select(deliveries).where(deliveries.c.lease_owner == owner,
                                                        deliveries.c.id.in_(ids)).order_by(deliveries.c.id))
        return list(rows)


def _jobs(engine: sa.Engine, rows: Sequence[Any]) -> list[_Job]:
    """Group claimed rows into jobs: one per alert and channel, one per digest (subscription, channel, day)."""
    with engine.connect() as conn:
        ids = list({r.alert_id for r in rows})
        records = {r.id: AlertRecord.from_row(r) for r in conn.execute(sa.select(alerts).where(alerts.c.id.in_(ids)))}
        subs = {sid: get_subscription(conn, sid) for sid in {r.subscription_id for r in rows}}
    jobs: list[_Job] = []
    digests: dict[str, list[Any]] = {}
    for row in rows:
        if row.status == "digest":
            digests.setdefault(row.digest_id, []).append(row)
        else:
            jobs.append(_Job(row.alert_id, row.channel, (row.id,), (records[row.alert_id],),
                             subs[row.subscription_id], row.attempts, False))
    for key, group in digests.items():
        first = group[0]
        jobs.append(_Job(key, first.channel, tuple(r.id for r in group), tuple(records[r.alert_id] for r in group),
                         subs[first.subscription_id], max(r.attempts for r in group), True))
    return jobs


def _payload(job: _Job, config: DispatchConfig) -> bytes:
    if job.digest:
        data: dict[str, Any] = {"id": job.key, "alerts": [
            {**r.to_json(), "cap": to_cap(r, sender=config.sender).decode()} for r in job.records]}
        kind, stamp = "alert.digest", job.records[-1].created_at
    else:
        record = job.records[0]
        data = {**record.to_json(), "cap": to_cap(record, sender=config.sender).decode()}
        kind, stamp = _EVENT_TYPES.get(record.msg_type, "alert.created"), record.created_at
    return json.dumps({"type": kind, "timestamp": cap_time(stamp), "data": data},
                      ensure_ascii=False, sort_keys=True).encode("utf-8")


def _attempt(job: _Job, client: httpx.Client, config: DispatchConfig) -> webhook.Outcome:
    """Deliver one job (run in a worker thread; touches no database)."""
    try:
        if job.channel == "webhook":
            if job.sub.webhook_disabled or not job.sub.webhook_url:
                return webhook.Outcome("gone", error="the webhook endpoint is disabled")
            return webhook.deliver(client, job.sub.webhook_url, secret=job.sub.webhook_secret or "",
                                   msg_id=job.key, body=_payload(job, config))
        return _attempt_mail(job, config)
    except Exception as exc:  # noqa: BLE001 - the outbox boundary: any failure is recorded and retried
        logger.warning("delivery %s over %s failed: %s", job.key, job.channel, exc)
        return webhook.Outcome("retry", error=f"{exc.__class__.__name__}: {exc}")


def _attempt_mail(job: _Job, config: DispatchConfig) -> webhook.Outcome:
    smtp = config.smtp
    if smtp is None:
        return webhook.Outcome("retry", error="no SMTP server configured")
    if job.digest:
        msg = mail.build_digest(job.key, job.records, job.sub, mail_from=smtp.mail_from, base_url=config.base_url)
    else:
        msg = mail.build_message(job.records[0], job.sub, mail_from=smtp.mail_from, base_url=config.base_url)
    try:
        mail.send(smtp, msg)
    except smtplib.SMTPRecipientsRefused as exc:
        return webhook.Outcome("failed", error=f"recipient refused: {exc.recipients}")
    except (smtplib.SMTPException, OSError) as exc:
        return webhook.Outcome("retry", error=f"{exc.__class__.__name__}: {exc}")
    return webhook.Outcome("delivered")


def _settle(engine: sa.Engine, job: _Job, outcome: webhook.Outcome, config: DispatchConfig, stats: DispatchStats,
            rng: random.Random, owner: str) -> None:
    """Record one attempt's outcome in its own transaction (only rows this owner still leases)."""
    now = dt.datetime.now(dt.UTC)
    mine = sa.and_(deliveries.c.id.in_(job.delivery_ids), deliveries.c.lease_owner == owner)
    values: dict[str, Any] = {"lease_owner": None, "lease_until": None, "last_error": outcome.error}
    if outcome.status == "delivered":
        values.update(status="delivered", delivered_at=iso(now))
        stats.delivered += 1
    elif outcome.status == "gone":
        values.update(status="disabled")
        stats.disabled += 1
    elif outcome.status == "failed" or job.attempts >= config.max_attempts:
        values.update(status="failed")
        stats.failed += 1
    else:
        wait = webhook.backoff(job.attempts, base_s=config.backoff_base_s, cap_s=config.backoff_cap_s, rng=rng)
        wait = max(wait, outcome.retry_after or 0.0)
        values.update(next_attempt_at=iso(now + dt.timedelta(seconds=wait)))
        stats.retried += 1
    with engine.begin() as conn:
        conn.execute(sa.update(deliveries).where(mine).values(**values))
        if outcome.status == "gone" and job.channel == "webhook" and job.sub.id is not None:
            _disable(conn, job.sub.id, outcome.error or "410 Gone")


def _disable(conn: sa.Connection, subscription_id: int, reason: str) -> None:
    disable_webhook(conn, subscription_id, reason)
    conn.execute(sa.update(deliveries)
                 .where(deliveries.c.subscription_id == subscription_id, deliveries.c.channel == "webhook",
                        deliveries.c.status.in_(["pending", "digest"]), deliveries.c.lease_owner.is_(None))
                 .values(status="disabled", last_error=f"endpoint disabled: {reason}"))


def dispatch_once(engine: sa.Engine, client: httpx.Client, config: DispatchConfig, *,
                  now: dt.datetime | None = None, rng: random.Random | None = None) -> DispatchStats:
    """Deliver every delivery due now (in batches, ``workers`` at a time); return what happened."""
    stats = DispatchStats()
    rng = rng or random.Random()
    owner = uuid.uuid4().hex
    while True:
        rows = _claim(engine, config, now or dt.datetime.now(dt.UTC), owner)
        if not rows:
            return stats
        jobs = _jobs(engine, rows)
        with cf.ThreadPoolExecutor(max_workers=max(1, config.workers)) as pool:
            futures = {pool.submit(_attempt, job, client, config): job for job in jobs}
            for future in cf.as_completed(futures):
                _settle(engine, futures[future], future.result(), config, stats, rng, owner)
        if sum(1 for row in rows if row.status == "pending") < config.batch:
            return stats


def run(engine: sa.Engine, client: httpx.Client, config: DispatchConfig, *, stop: threading.Event,
        interval_s: float = 1.0, on_pass: Callable[[DispatchStats], None] | None = None) -> None:
    """Dispatch until ``stop`` is set, waking every ``interval_s`` seconds."""
    while not stop.is_set():
        stats = dispatch_once(engine, client, config)
        if on_pass and stats.total():
            on_pass(stats)
        stop.wait(interval_s)
