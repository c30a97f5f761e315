"""Subscriptions: who wants which alerts (area, types, minimum severity and certainty, channels, quiet hours, cap).

A ``Subscription`` is a frozen value; its settings are stored as one JSON column so adding a setting needs no
migration. The webhook secret is kept in its own column and never shown by ``list``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets
from typing import Any

import sqlalchemy as sa

from tocsin import taxonomy
from tocsin.errors import ConfigError, TaxonomyError
from tocsin.model import JSON
from tocsin.store import now
from tocsin.store.alert_tables import subscriptions

__all__ = ["Subscription", "add_subscription", "disable_webhook", "get_subscription", "list_subscriptions",
           "normalise_types", "parse_quiet_hours"]

_QUIET = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")


@dataclasses.dataclass(frozen=True, slots=True)
class Subscription:
    """One subscriber's wishes. ``types`` holds event types, sub-types or families; empty means all."""

    name: str
    area: JSON
    types: tuple[str, ...] = ()
    min_severity: str | None = None
    min_certainty: str | None = None
    webhook_url: str | None = None
    email: str | None = None
    quiet_hours: str | None = None
    timezone: str = "UTC"
    daily_cap: int | None = None
    id: int | None = None
    webhook_secret: str | None = dataclasses.field(default=None, repr=False)
    webhook_disabled: bool = False
    unsubscribe_token: str | None = dataclasses.field(default=None, repr=False)

    def settings(self) -> JSON:
        """Return the stored settings (everything but ids, secret and state)."""
        return {"area": self.area, "types": list(self.types), "min_severity": self.min_severity,
                "min_certainty": self.min_certainty, "webhook_url": self.webhook_url, "email": self.email,
                "quiet_hours": self.quiet_hours, "timezone": self.timezone, "daily_cap": self.daily_cap}

    @property
    def channels(self) -> tuple[str, ...]:
        """The push channels this subscription uses (the Atom feed is always there to pull)."""
        found = [("webhook", self.webhook_url and not self.webhook_disabled), ("email", self.email)]
        return tuple(name for name, on in found if on)


def normalise_types(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Return the canonical names of event types, sub-types or families; raise listing the valid ones.

    >>> normalise_types(["battles", "violence", "Peaceful protest"])
    ('Battles', 'violence', 'Peaceful protest')
    """
    families = set(taxonomy.EVENT_FAMILIES.values())
    found: list[str] = []
    for value in values:
        text = value.strip()
        if text.lower() in families:
            found.append(text.lower())
            continue
        for enum_type in (taxonomy.EventType, taxonomy.SubEventType):
            try:
                found.append(taxonomy.parse(enum_type, text).value)  # type: ignore[type-var]
                break
            except TaxonomyError:
                continue
        else:
            raise ConfigError(f"[E605] {text!r} is neither an event type, a sub-type nor a family "
                              f"({', '.join(sorted(families))})")
    return tuple(found)


def parse_quiet_hours(text: str | None) -> tuple[dt.time, dt.time] | None:
    """Parse ``HH:MM-HH:MM`` (may wrap midnight); ``None`` when not given.

    >>> parse_quiet_hours("22:00-07:00")
    (datetime.time(22, 0), datetime.time(7, 0))
    """
    if not text:
        return None
    match = _QUIET.match(text.strip())
    if not match:
        raise ConfigError(f"[E606] quiet hours {text!r} must be HH:MM-HH:MM (e.g. 22:00-07:00)")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    return dt.time(h1, m1), dt.time(h2, m2)


def _check(sub: Subscription) -> None:
    if sub.min_severity:
        taxonomy.parse(taxonomy.CapSeverity, sub.min_severity)
    if sub.min_certainty:
        taxonomy.parse(taxonomy.Certainty, sub.min_certainty)
    parse_quiet_hours(sub.quiet_hours)
    if sub.webhook_url and not sub.webhook_url.startswith(("http://", "https://")):
        raise ConfigError(f"[E607] webhook {sub.webhook_url!r} must be an http:// or https:// URL")
    if sub.webhook_url and not sub.webhook_secret:
        raise ConfigError("[E607] a webhook needs a signing secret (--secret, e.g. whsec_<base64>)")
    if sub.daily_cap is not None and sub.daily_cap < 1:
        raise ConfigError("[E608] the daily cap must be at least 1")
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(sub.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"[E606] unknown time zone {sub.timezone!r} (use an IANA name like Africa/Bamako)") from exc


def add_subscription(conn: sa.Connection, sub: Subscription) -> Subscription:
    """Validate and store a subscription; return it with its id and unsubscribe token."""
    _check(sub)
    exists = conn.execute(sa.select(subscriptions.c.id).where(subscriptions.c.name == sub.name)).first()
    if exists:
        raise ConfigError(f"[E609] a subscription named {sub.name!r} exists already; pick another name")
    token = secrets.token_urlsafe(24)
    result = conn.execute(sa.insert(subscriptions).values(
        name=sub.name, data=sub.settings(), webhook_secret=sub.webhook_secret, unsubscribe_token=token,
        active=True, created_at=now()))
    key = result.inserted_primary_key
    return dataclasses.replace(sub, id=int(key[0]) if key else None, unsubscribe_token=token)


def _from_row(row: Any) -> Subscription:
    data = dict(row.data)
    data["types"] = tuple(data.get("types") or ())
    names = {f.name for f in dataclasses.fields(Subscription)}
    return Subscription(name=row.name, id=row.id, webhook_secret=row.webhook_secret,
                        webhook_disabled=row.webhook_disabled_at is not None,
                        unsubscribe_token=row.unsubscribe_token, **{k: v for k, v in data.items() if k in names})


def list_subscriptions(conn: sa.Connection, *, active_only: bool = True) -> list[Subscription]:
    """Return the subscriptions, oldest first."""
    query = sa.select(subscriptions).order_by(subscriptions.c.id)
    if active_only:
        query = query.where(subscriptions.c.active.is_(True))
    return [_from_row(row) for row in conn.execute(query)]


def get_subscription(conn: sa.Connection, key: int | str) -> Subscription:
    """Return a subscription by id or name; raise ``ConfigError`` when there is none."""
    column = subscriptions.c.id if isinstance(key, int) or str(key).isdigit() else subscriptions.c.name
    value: Any = int(key) if column is subscriptions.c.id else key
    row = conn.execute(sa.select(subscriptions).where(column == value)).first()
    if row is None:
        raise ConfigError(f"[E610] no subscription {key!r}; see `tocsin subscribe list`")
    return _from_row(row)


def disable_webhook(conn: sa.Connection, subscription_id: int, reason: str) -> None:
    """Stop webhook deliveries to a subscription's endpoint (it answered 410 Gone)."""
    conn.execute(sa.update(subscriptions).where(subscriptions.c.id == subscription_id)
                 .values(webhook_disabled_at=now(), webhook_disabled_reason=reason))
