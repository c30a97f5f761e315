"""Schema migrations: an ordered list of named steps, each applied once and recorded in ``schema_migrations``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from tocsin.store import schema

__all__ = ["MIGRATIONS", "applied", "current_version", "migrate"]

Migration = Callable[[sa.Connection], None]


def _v1_initial(conn: sa.Connection) -> None:
    tables = [schema.articles, schema.rejections, schema.events, schema.mentions, schema.event_reports,
              schema.event_versions]
    schema.METADATA.create_all(conn, tables=tables)


def _v2_incidents(conn: sa.Connection) -> None:
    """Blocking keys for incidents and MinHash signatures for articles, filled in for what is stored already."""
    from tocsin.model import Event
    from tocsin.store import incidents

    schema.METADATA.create_all(conn, tables=[schema.event_keys, schema.article_signatures])
    for row in conn.execute(sa.select(schema.events.c.event_id, schema.events.c.data)).all():
        conn.execute(sa.insert(schema.event_keys).values(event_id=row.event_id,
                                                         **incidents.key_values(Event.from_dict(row.data))))
    for row in conn.execute(sa.select(schema.articles.c.id, schema.articles.c.text)).all():
        incidents.save_signature(conn, row.id, row.text)


def _v10_alerts(conn: sa.Connection) -> None:
    from tocsin.store import alert_tables as t

    schema.METADATA.create_all(conn, tables=[t.sources, t.subscriptions, t.alerts, t.deliveries])


def _v20_accounts(conn: sa.Connection) -> None:
    schema.METADATA.create_all(conn, tables=[schema.users, schema.sessions])


def _v21_review(conn: sa.Connection) -> None:
    schema.METADATA.create_all(conn, tables=[schema.event_edits, schema.event_reviews])


def _v22_listing_index(conn: sa.Connection) -> None:
    # Covers the map's filters and order, so listing a year of events never reads the rows' JSON.
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_events_listing ON events (event_date, event_id, "
                         "historical, iso2, event_type, certainty, latitude, longitude)"))


# Append new steps; never edit one that has shipped. Number ranges by owner: 1-9 events and incidents,
# 10-19 alerts and sources, 20-29 accounts and review.
MIGRATIONS: tuple[tuple[int, str, Migration], ...] = (
    (1, "initial schema", _v1_initial),
    (2, "incident blocking keys and article signatures", _v2_incidents),
    (10, "sources, subscriptions, alerts and the delivery outbox", _v10_alerts),
    (20, "accounts and sessions", _v20_accounts),
    (21, "review desk: edits and their overlay", _v21_review),
    (22, "covering index for listing events", _v22_listing_index),
)


def applied(conn: sa.Connection) -> set[int]:
    """Return the numbers of the migrations already applied (empty for a new database)."""
    schema.schema_migrations.create(conn, checkfirst=True)
    return {int(v) for v in conn.execute(sa.select(schema.schema_migrations.c.version)).scalars()}


def current_version(conn: sa.Connection) -> int:
    """Return the highest applied migration, 0 for an empty database."""
    return max(applied(conn), default=0)


def migrate(engine: sa.Engine) -> int:
    """Apply every pending migration, each in its own transaction; return the highest applied number.

    Pending means "not recorded", not "above the maximum", so steps added by parallel branches with
    interleaved numbers are all applied.
    """
    for number, name, step in sorted(MIGRATIONS, key=lambda m: m[0]):
        with engine.begin() as conn:
            if number in applied(conn):
                continue
            step(conn)
            conn.execute(sa.insert(schema.schema_migrations).values(
                version=number, name=name, applied_at=dt.datetime.now(dt.UTC).isoformat()))
    with engine.connect() as conn:
        return current_version(conn)
