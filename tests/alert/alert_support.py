"""Hand-made events stored through the real store API, for the alert tests (no pipeline, nothing faked)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tocsin import alert, process, store
from tocsin.alert.subscriptions import Subscription, add_subscription
from tocsin.model import Analysis, Article, Claim, Event, TextSpan, article_id
from tocsin.store import schema

TODAY = dt.date.today().isoformat()
KATI = {"location": "Kati", "latitude": 12.7441, "longitude": -8.0733, "country": "Mali", "iso2": "ML",
        "admin1": "Koulikoro", "geo_precision": 1}
BAMAKO_CIRCLE = {"kind": "circle", "lat": 12.6392, "lon": -8.0029, "km": 50.0}
SECRET = "whsec_" + "dGhpcyBpcyBhIHRlc3Qgc2VjcmV0IGtleQ=="


def engine_at(tmp_path: Path) -> sa.Engine:
    return store.connect(f"sqlite:///{tmp_path / 'tocsin.db'}")


def make_event(**fields: Any) -> Event:
    base: dict[str, Any] = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": TODAY,
                            "certainty": "Possible", "fatalities": None, "source": "Reuters", **KATI}
    base.update(fields)
    return Event(**base)


def store_article(engine: sa.Engine, text: str, events: list[Event], *, advice: str | None = None,
                  issuer: str | None = None) -> list[str]:
    """Store one hand-made analysis through ``process.store_analysis`` (the real path, outbox included)."""
    article = Article(id=article_id(text), text=text, published=TODAY, published_source="given", language="en")
    claims: tuple[Claim, ...] = ()
    if advice:
        start = text.index(advice)
        claims = (Claim(content=TextSpan(advice, start, start + len(advice)), source_kind="official",
                        stance="assert", advice=True, issuer=issuer),)
    analysis = Analysis(article=article, events=tuple(events), claims=claims)
    _, event_ids = process.store_analysis(engine, analysis)
    return event_ids


def change_event(engine: sa.Engine, event_id: str, *, changes: dict[str, Any] | None = None,
                 article_text: str | None = None, advice: str | None = None, **fields: Any) -> int:
    """Change a stored incident the way the incident resolver does (new version, same transaction as its alerts).

    With ``article_text`` a new report joins the incident first (with its advice claim, if any).
    """
    with engine.begin() as conn:
        article_ref = None
        if article_text:
            article_ref = _join_report(conn, event_id, article_text, advice)
        row = conn.execute(sa.select(schema.events).where(schema.events.c.event_id == event_id)).one()
        event = dataclasses.replace(Event.from_dict(row.data), **fields)
        version = row.version + 1
        conn.execute(sa.update(schema.events).where(schema.events.c.event_id == event_id).values(
            data=event.to_dict(), certainty=event.certainty, fatalities=event.fatalities,
            latitude=event.latitude, longitude=event.longitude, version=version, updated_at=store.now()))
        conn.execute(sa.insert(schema.event_versions).values(
            event_id=event_id, version=version, article_id=article_ref, changes=changes or dict.fromkeys(fields, True),
            data=event.to_dict(), created_at=store.now()))
        return alert.on_events_changed(conn, [event_id], article_ref)


def _join_report(conn: sa.Connection, event_id: str, text: str, advice: str | None) -> str:
    aid = article_id(text)
    claims = []
    if advice:
        start = text.index(advice)
        claims = [Claim(content=TextSpan(advice, start, start + len(advice)), advice=True,
                        issuer="Embassy").to_dict()]
    conn.execute(sa.insert(schema.articles).values(
        id=aid, text=text, published=TODAY, published_source="given", analysis={"claims": claims},
        ingested_at=store.now()))
    conn.execute(sa.insert(schema.event_reports).values(event_id=event_id, article_id=aid, added_at=store.now()))
    return aid


def subscribe(engine: sa.Engine, name: str = "bamako", **fields: Any) -> Subscription:
    base: dict[str, Any] = {"area": BAMAKO_CIRCLE}
    base.update(fields)
    with engine.begin() as conn:
        return add_subscription(conn, Subscription(name=name, **base))


def alert_rows(engine: sa.Engine) -> list[Any]:
    from tocsin.store.alert_tables import alerts

    with engine.connect() as conn:
        return list(conn.execute(sa.select(alerts).order_by(alerts.c.created_at, alerts.c.id)))


def delivery_rows(engine: sa.Engine) -> list[Any]:
    from tocsin.store.alert_tables import deliveries

    with engine.connect() as conn:
        return list(conn.execute(sa.select(deliveries).order_by(deliveries.c.id)))
