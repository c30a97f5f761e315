"""Alerts over HTTP: the alerts sent (JSON and CAP 1.2), each subscription's Atom feed, subscriptions CRUD.

The alert logic lives in ``tocsin.alert``; these routes only read and write through it. Secrets (webhook
signing secrets, unsubscribe tokens) never leave the server.
"""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from tocsin.alert import area
from tocsin.alert.atom import to_atom
from tocsin.alert.cap import to_cap
from tocsin.alert.outbox import list_alerts
from tocsin.alert.record import AlertRecord
from tocsin.alert.subscriptions import (
    Subscription,
    add_subscription,
    get_subscription,
    list_subscriptions,
    normalise_types,
)
from tocsin.errors import InputRejected
from tocsin.store import alert_tables, now
from tocsin.web.auth import Analyst, Viewer, engine_of, settings_of

__all__ = ["NewSubscription", "router", "subscription_json"]

router = APIRouter()


def subscription_json(sub: Subscription) -> dict[str, Any]:
    """Return a subscription as the API shows it: its settings and channels, never its secrets."""
    return {"id": sub.id, "name": sub.name, **sub.settings(), "channels": list(sub.channels),
            "webhook_disabled": sub.webhook_disabled, "area_text": area.describe(sub.area)}


class NewSubscription(BaseModel):
    """A subscription: a name, exactly one area, and what to send where."""

    name: str = Field(min_length=1, max_length=200)
    circle: str | None = Field(default=None, description="LAT,LON,KM")
    country: str | None = Field(default=None, description="ISO 3166 alpha-2")
    region: str | None = Field(default=None, description="ISO2:NAME (admin1)")
    polygon: dict[str, Any] | None = Field(default=None, description="a GeoJSON Polygon")
    types: list[str] = Field(default_factory=list)
    min_severity: str | None = None
    min_certainty: str | None = None
    webhook_url: str | None = Field(default=None, max_length=2000)
    webhook_secret: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    quiet_hours: str | None = None
    timezone: str = "UTC"
    daily_cap: int | None = None


def _area(body: NewSubscription) -> Any:
    given = [(body.circle, area.circle), (body.country, area.country), (body.region, area.region),
             (body.polygon, area.polygon)]
    chosen = [(value, build) for value, build in given if value]
    if len(chosen) != 1:
        raise InputRejected("[E469] give exactly one area: circle, country, region or polygon", source="area")
    value, build = chosen[0]
    return build(value)  # type: ignore[operator,arg-type]


@router.get("/api/subscriptions")
def subscriptions_list(request: Request, _user: Analyst) -> list[dict[str, Any]]:
    """Every active subscription."""
    with engine_of(request).connect() as conn:
        return [subscription_json(s) for s in list_subscriptions(conn)]


@router.post("/api/subscriptions", status_code=201)
def subscriptions_add(request: Request, body: NewSubscription, _user: Analyst) -> dict[str, Any]:
    """Add a subscription; answers with it (without secrets)."""
    sub = Subscription(name=body.name, area=_area(body), types=normalise_types(body.types),
                       min_severity=body.min_severity, min_certainty=body.min_certainty,
                       webhook_url=body.webhook_url, webhook_secret=body.webhook_secret, email=body.email,
                       quiet_hours=body.quiet_hours, timezone=body.timezone, daily_cap=body.daily_cap)
    with engine_of(request).begin() as conn:
        return subscription_json(add_subscription(conn, sub))


@router.get("/api/subscriptions/{key}")
def subscriptions_show(request: Request, key: str, _user: Analyst) -> dict[str, Any]:
    """One subscription by id or name."""
    with engine_of(request).connect() as conn:
        return subscription_json(get_subscription(conn, key))


@router.delete("/api/subscriptions/{key}")
def subscriptions_remove(request: Request, key: str, _user: Analyst) -> dict[str, Any]:
    """Stop a subscription (it is kept, inactive, with the alerts it was sent)."""
    table = alert_tables.subscriptions
    with engine_of(request).begin() as conn:
        sub = get_subscription(conn, key)
        conn.execute(sa.update(table).where(table.c.id == sub.id).values(active=False))
    return {**subscription_json(sub), "active": False}


@router.get("/api/alerts")
def alerts_list(request: Request, _user: Viewer, subscription: str | None = None,
                limit: Annotated[int, Query(ge=1, le=5000)] = 200) -> list[dict[str, Any]]:
    """The alerts sent, newest first, each with its delivery states."""
    with engine_of(request).connect() as conn:
        sub_id = get_subscription(conn, subscription).id if subscription else None
        found = list_alerts(conn, subscription_id=sub_id, limit=limit)
    keys = ("channel", "status", "attempts", "last_error", "delivered_at")
    return [{**record.to_json(), "deliveries": [{k: d.get(k) for k in keys} for d in sent]}
            for record, sent in found]


@router.get("/api/alerts/{alert_id}.cap")
def alert_cap(request: Request, alert_id: str, _user: Viewer) -> Response:
    """One alert as a CAP 1.2 document."""
    table = alert_tables.alerts
    with engine_of(request).connect() as conn:
        row = conn.execute(sa.select(table).where(table.c.id == alert_id)).first()
    if row is None:
        raise HTTPException(404, detail={"code": "E475", "message": f"[E475] no alert {alert_id!r}"})
    body = to_cap(AlertRecord.from_row(row), sender=settings_of(request).sender)
    return Response(body, media_type="application/cap+xml; charset=utf-8")


@router.get("/feeds/{subscription}.atom")
def feed(request: Request, subscription: str, _user: Viewer) -> Response:
    """A subscription's alerts as an Atom feed, each entry carrying its CAP document."""
    settings = settings_of(request)
    with engine_of(request).connect() as conn:
        sub = get_subscription(conn, subscription)
        records = [record for record, _ in list_alerts(conn, subscription_id=sub.id, limit=200)]
    body = to_atom(sub, records, sender=settings.sender, base_url=settings.public_url, updated=now())
    return Response(body, media_type="application/atom+xml; charset=utf-8")
