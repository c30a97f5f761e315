"""The database schema as SQLAlchemy Core tables: one definition that SQLite and PostgreSQL both speak."""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["METADATA", "article_signatures", "articles", "event_edits", "event_keys", "event_reports", "event_reviews",
           "event_versions", "events", "mentions", "rejections", "schema_migrations", "sessions", "users"]

METADATA = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    METADATA,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

articles = sa.Table(
    "articles",
    METADATA,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200)),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.String(10), index=True),
    sa.Column("published_source", sa.String(20), nullable=False),
    sa.Column("language", sa.String(8)),
    sa.Column("dateline", sa.String(100)),
    sa.Column("source", sa.Text),
    sa.Column("analysis", sa.JSON, nullable=False),
    sa.Column("model_version", sa.String(100)),
    sa.Column("ingested_at", sa.String(40), nullable=False),
)

rejections = sa.Table(
    "rejections",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("code", sa.String(8), nullable=False, index=True),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("detail", sa.Text),
    sa.Column("created_at", sa.String(40), nullable=False),
)

events = sa.Table(
    "events",
    METADATA,
    sa.Column("event_id", sa.String(40), primary_key=True),
    sa.Column("event_type", sa.String(60), nullable=False, index=True),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("event_date", sa.String(10), index=True),
    sa.Column("country", sa.String(80), index=True),
    sa.Column("iso2", sa.String(2), index=True),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("fatalities", sa.Integer),
    sa.Column("certainty", sa.String(12)),
    sa.Column("historical", sa.Boolean, nullable=False, default=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False, index=True),
)
sa.Index("ix_events_place_day", events.c.latitude, events.c.longitude, events.c.event_date)

mentions = sa.Table(
    "mentions",
    METADATA,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True),
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

event_reports = sa.Table(
    "event_reports",
    METADATA,
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), primary_key=True),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("added_at", sa.String(40), nullable=False),
)

event_versions = sa.Table(
    "event_versions",
    METADATA,
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.String(32)),
    sa.Column("changes", sa.JSON, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# Blocking keys of every incident (migration 2): candidates for a new report are found by type family, area
# (one-degree cell, or the country for places known only as a region) and day, all from one index range scan.
event_keys = sa.Table(
    "event_keys",
    METADATA,
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.event_id"), primary_key=True),
    sa.Column("family", sa.String(40), nullable=False),
    sa.Column("cell", sa.Integer),
    sa.Column("coarse", sa.Boolean, nullable=False),
    sa.Column("iso2", sa.String(2)),
    sa.Column("admin1", sa.String(120)),
    sa.Column("day_lo", sa.Integer),
    sa.Column("day_hi", sa.Integer),
    sa.Column("historical", sa.Boolean, nullable=False),
    sa.Column("withdrawn", sa.Boolean, nullable=False, default=False),
)
sa.Index("ix_event_keys_cell_day", event_keys.c.family, event_keys.c.cell, event_keys.c.day_lo)
sa.Index("ix_event_keys_country_day", event_keys.c.family, event_keys.c.iso2, event_keys.c.coarse,
         event_keys.c.admin1, event_keys.c.day_lo)

# MinHash signatures of article texts (migration 2), to count syndicated copies of one story as one source.
article_signatures = sa.Table(
    "article_signatures",
    METADATA,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("minhash", sa.Text, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
)

# Accounts and review (migrations 20-29).

users = sa.Table(
    "users",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

sessions = sa.Table(
    "sessions",
    METADATA,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("csrf_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
)

# Every analyst action, never changed once written: who, when, what, why.
event_edits = sa.Table(
    "event_edits",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(40), nullable=False, index=True),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("changes", sa.JSON, nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("user_name", sa.String(100), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# The current result of the edits of one event, overlaid on the machine's row when read. The machine never
# writes here, so re-processing cannot overwrite a review; the filter columns repeat the overridden values.
event_reviews = sa.Table(
    "event_reviews",
    METADATA,
    sa.Column("event_id", sa.String(40), primary_key=True),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("merged_into", sa.String(40)),
    sa.Column("event_type", sa.String(60)),
    sa.Column("event_date", sa.String(10)),
    sa.Column("iso2", sa.String(2)),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("certainty", sa.String(12)),
    sa.Column("fields", sa.JSON, nullable=False),
    sa.Column("reports_added", sa.JSON, nullable=False),
    sa.Column("reports_removed", sa.JSON, nullable=False),
    sa.Column("reviewed_by", sa.String(100), nullable=False),
    sa.Column("reviewed_at", sa.String(40), nullable=False, index=True),
)
