"""Schema, migrations and queries: SQLite by default, PostgreSQL by URL (SQLAlchemy Core, no ORM).

Everything one article brings (the article row, its mentions, new or updated events, their reports) is written in
one transaction by ``save_analysis``: an article is stored completely or not at all, and the same article twice
is stored once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tocsin.errors import StoreError
from tocsin.model import Analysis, Event, Rejection
from tocsin.store import incidents, schema
from tocsin.store.incidents import event_history, last_change
from tocsin.store.migrate import migrate

__all__ = [
    "DEFAULT_DB",
    "connect",
    "database_url",
    "article_ids",
    "event_from_row",
    "event_history",
    "get_article",
    "get_event",
    "has_article",
    "last_change",
    "list_rejections",
    "now",
    "query_events",
    "save_analysis",
    "save_rejection",
]

DEFAULT_DB = "tocsin.db"


def now() -> str:
    """Return the current UTC time as an ISO 8601 string (the store's timestamp format)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def database_url(*, url: str | None = None, path: str | os.PathLike[str] | None = None) -> str:
    """Return the database URL: an explicit URL, else a SQLite file at ``path`` (default ``./tocsin.db``)."""
    if url:
        return url
    return f"sqlite:///{Path(path or DEFAULT_DB)}"


def connect(url: str) -> sa.Engine:
    """Open the database at ``url`` and bring its schema up to date."""
    try:
        if url.startswith("sqlite"):
            engine = sa.create_engine(url, connect_args={"timeout": 30})
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
        migrate(engine)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"[E401] cannot open the database {url!r} ({exc.__class__.__name__}: {exc.args[0]}); "
                         "check TOCSIN_DATABASE_URL / TOCSIN_DB") from exc
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def has_article(conn: sa.Connection, article_id: str) -> bool:
    """Return whether the article is stored already."""
    query = sa.select(schema.articles.c.id).where(schema.articles.c.id == article_id)
    return conn.execute(query).first() is not None


def save_analysis(conn: sa.Connection, analysis: Analysis, *, source: str | None = None,
                  model_version: str | None = None) -> list[str]:
    """Store one analysed article; join each of its events to a stored incident or open a new one.

    Return the incident ids, one per event of the analysis, in order; ``last_change(conn, event_id)`` then says
    for each whether it was created or what the article changed. The caller owns the transaction (``with
    engine.begin() as conn``). An article already stored is left alone and its incident ids are returned, so
    ingest is idempotent, unless ``model_version`` differs from the one it was stored with: then the article is
    re-processed and its incidents are updated in place (same ids, a version row for each change).
    """
    article = analysis.article
    stored = conn.execute(_article_version(), {"b_id": article.id}).first()
    stamp = now()
    if stored is not None:
        if model_version is None or stored.model_version == model_version:
            return _event_ids_of(conn, article.id)
        conn.execute(sa.update(schema.articles).where(schema.articles.c.id == article.id).values(
            analysis=analysis.to_record(), model_version=model_version))
        sig = incidents.save_signature(conn, article.id, article.text)
        return incidents.reprocess(conn, analysis, sig, stamp)
    conn.execute(_insert_article(), dict(
        id=article.id, url=article.url, outlet=article.outlet, title=article.title, text=article.text,
        published=article.published, published_source=article.published_source, language=article.language,
        dateline=article.dateline, source=source, analysis=analysis.to_record(), model_version=model_version,
        ingested_at=stamp))
    sig = incidents.save_signature(conn, article.id, article.text, replace=False)
    return incidents.attach(conn, analysis, sig, stamp)


@functools.lru_cache(maxsize=1)
def _article_version() -> sa.Select[tuple[str | None]]:
    """The statement that looks an article up on every store, built once (SQLAlchemy reuses its compiled form)."""
    return sa.select(schema.articles.c.model_version).where(schema.articles.c.id == sa.bindparam("b_id"))


@functools.lru_cache(maxsize=1)
def _insert_article() -> sa.Insert:
    return sa.insert(schema.articles)


def new_event_id(article_id: str, idx: int) -> str:
    """Return the stable id of a new incident first seen as mention ``idx`` of an article."""
    return "ev-" + hashlib.sha256(f"{article_id}:{idx}".encode()).hexdigest()[:16]


def _with_ids(event: Event, event_id: str, reports: tuple[str, ...]) -> Event:
    return dataclasses.replace(event, event_id=event_id, reports=reports)


def _event_ids_of(conn: sa.Connection, article_id: str) -> list[str]:
    query = (sa.select(schema.mentions.c.event_id).where(schema.mentions.c.article_id == article_id)
             .order_by(schema.mentions.c.idx))
    return [row[0] for row in conn.execute(query) if row[0]]


def save_rejection(conn: sa.Connection, rejection: Rejection) -> None:
    """Record an input that was not processed, with its code and reason."""
    conn.execute(sa.insert(schema.rejections).values(
        source=rejection.source, code=rejection.code, message=rejection.message, detail=rejection.detail,
        created_at=now()))


def list_rejections(conn: sa.Connection, *, code: str | None = None) -> list[Rejection]:
    """Return the recorded rejections, oldest first, optionally only those with ``code``."""
    query = sa.select(schema.rejections).order_by(schema.rejections.c.id)
    if code:
        query = query.where(schema.rejections.c.code == code)
    return [Rejection(source=r.source, code=r.code, message=r.message, detail=r.detail)
            for r in conn.execute(query)]


def event_from_row(row: Any, reports: tuple[str, ...]) -> Event:
    """Rebuild an ``Event`` from a stored row and the ids of its reports."""
    event = Event.from_dict(row.data)
    return _with_ids(event, row.event_id, reports)


def query_events(
    conn: sa.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
    include_historical: bool = False,
    limit: int | None = None,
) -> Iterator[Event]:
    """Yield stored events, newest date first, filtered by date range, ISO2 country and event type."""
    ev = schema.events
    query = sa.select(ev)
    if since:
        query = query.where(ev.c.event_date >= since)
    if until:
        query = query.where(ev.c.event_date <= until)
    if country:
        query = query.where(ev.c.iso2 == country.upper())
    if event_type:
        query = query.where(sa.func.lower(ev.c.event_type) == event_type.lower())
    if not include_historical:
        query = query.where(ev.c.historical.is_(False))
    withdrawn = sa.select(schema.event_keys.c.event_id).where(schema.event_keys.c.withdrawn.is_(True))
    query = query.where(ev.c.event_id.not_in(withdrawn))
    query = query.order_by(ev.c.event_date.desc(), ev.c.created_at, ev.c.event_id)
    if limit:
        query = query.limit(limit)
    rows = list(conn.execute(query))
    reports = _reports_of(conn, [r.event_id for r in rows])
    for row in rows:
        yield event_from_row(row, reports.get(row.event_id, ()))


def get_event(conn: sa.Connection, event_id: str) -> Event | None:
    """Return one stored event by its id, or ``None``."""
    row = conn.execute(sa.select(schema.events).where(schema.events.c.event_id == event_id)).first()
    if row is None:
        return None
    return event_from_row(row, _reports_of(conn, [event_id]).get(event_id, ()))


def _reports_of(conn: sa.Connection, event_ids: list[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for chunk_start in range(0, len(event_ids), 500):
        chunk = event_ids[chunk_start:chunk_start + 500]
        query = (sa.select(schema.event_reports.c.event_id, schema.event_reports.c.article_id)
                 .where(schema.event_reports.c.event_id.in_(chunk))
                 .order_by(schema.event_reports.c.added_at, schema.event_reports.c.article_id))
        for event_id, article_id in conn.execute(query):
            found.setdefault(event_id, []).append(article_id)
    return {k: tuple(v) for k, v in found.items()}


def article_ids(conn: sa.Connection) -> list[str]:
    """Return the ids of every stored article, in the order they were stored."""
    query = sa.select(schema.articles.c.id).order_by(schema.articles.c.ingested_at, schema.articles.c.id)
    return [row[0] for row in conn.execute(query)]


def get_article(conn: sa.Connection, article_id: str) -> dict[str, Any] | None:
    """Return a stored article (its fields and its analysis record), or ``None``."""
    row = conn.execute(sa.select(schema.articles).where(schema.articles.c.id == article_id)).first()
    return None if row is None else dict(row._mapping)
