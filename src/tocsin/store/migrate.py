"""Schema migrations: an ordered list of named steps, each applied once and recorded in ``schema_migrations``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from tocsin.store import schema

__all__ = ["MIGRATIONS", "current_version", "migrate"]

Migration = Callable[[sa.Connection], None]


def _v1_initial(conn: sa.Connection) -> None:
    tables = [schema.articles, schema.rejections, schema.events, schema.mentions, schema.event_reports,
              schema.event_versions]
    schema.METADATA.create_all(conn, tables=tables)


# Append new steps; never edit one that has shipped.
MIGRATIONS: tuple[tuple[int, str, Migration], ...] = ((1, "initial schema", _v1_initial),)


def current_version(conn: sa.Connection) -> int:
    """Return the highest applied migration, 0 for an empty database."""
    schema.schema_migrations.create(conn, checkfirst=True)
    value = conn.execute(sa.select(sa.func.max(schema.schema_migrations.c.version))).scalar()
    return int(value or 0)


def migrate(engine: sa.Engine) -> int:
    """Apply every pending migration in its own transaction; return the resulting version."""
    version = 0
    for number, name, step in MIGRATIONS:
        with engine.begin() as conn:
            version = current_version(conn)
            if number <= version:
                continue
            step(conn)
            conn.execute(sa.insert(schema.schema_migrations).values(
                version=number, name=name, applied_at=dt.datetime.now(dt.UTC).isoformat()))
            version = number
    return version
