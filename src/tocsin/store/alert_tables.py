"""The tables of the live loop: watched sources, subscriptions, the alerts sent and their outbox deliveries.

They share ``schema.METADATA`` with the core tables and are created by migration 10 (``migrate.py``).
"""

from __future__ import annotations

import sqlalchemy as sa

from tocsin.store.schema import METADATA

__all__ = ["alerts", "deliveries", "sources", "subscriptions"]

sources = sa.Table(
    "sources",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("every_s", sa.Float, nullable=False),
    sa.Column("allow_private", sa.Boolean, nullable=False, default=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("next_poll_at", sa.String(40), nullable=False),
    sa.Column("last_poll_at", sa.String(40)),
    sa.Column("last_success_at", sa.String(40)),
    sa.Column("last_error_at", sa.String(40)),
    sa.Column("last_error", sa.Text),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("items_seen", sa.Integer, nullable=False, default=0),
    sa.Column("articles_stored", sa.Integer, nullable=False, default=0),
    sa.Column("created_at", sa.String(40), nullable=False),
)

subscriptions = sa.Table(
    "subscriptions",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("webhook_secret", sa.Text),
    sa.Column("webhook_disabled_at", sa.String(40)),
    sa.Column("webhook_disabled_reason", sa.Text),
    sa.Column("unsubscribe_token", sa.String(64), nullable=False, unique=True),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", sa.String(40), nullable=False),
)

alerts = sa.Table(
    "alerts",
    METADATA,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("subscription_id", sa.Integer, sa.ForeignKey("subscriptions.id"), nullable=False, index=True),
    sa.Column("event_id", sa.String(40), nullable=False, index=True),
    sa.Column("article_id", sa.String(32)),
    sa.Column("msg_type", sa.String(8), nullable=False),
    sa.Column("references", sa.JSON, nullable=False),
    sa.Column("state_hash", sa.String(64), nullable=False),
    sa.Column("state", sa.JSON, nullable=False),
    sa.Column("changes", sa.JSON, nullable=False),
    sa.Column("why", sa.JSON, nullable=False),
    sa.Column("event", sa.JSON, nullable=False),
    sa.Column("severity", sa.String(10), nullable=False),
    sa.Column("urgency", sa.String(10), nullable=False),
    sa.Column("certainty", sa.String(10), nullable=False),
    sa.Column("headline", sa.Text, nullable=False),
    sa.Column("held", sa.String(10)),
    sa.Column("created_at", sa.String(40), nullable=False, index=True),
    sa.UniqueConstraint("subscription_id", "event_id", "state_hash", name="uq_alert_state"),
)

deliveries = sa.Table(
    "deliveries",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_id", sa.String(64), sa.ForeignKey("alerts.id"), nullable=False, index=True),
    sa.Column("subscription_id", sa.Integer, sa.ForeignKey("subscriptions.id"), nullable=False),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", sa.String(40), nullable=False, index=True),
    sa.Column("lease_until", sa.String(40)),
    sa.Column("lease_owner", sa.String(40)),
    sa.Column("last_error", sa.Text),
    sa.Column("delivered_at", sa.String(40)),
    sa.Column("digest_id", sa.String(80)),
    sa.UniqueConstraint("alert_id", "channel", name="uq_delivery_channel"),
)
