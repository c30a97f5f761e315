"""The live loop (``tocsin watch``): poll sources, run new items through the pipeline into the store and the
outbox, deliver the outbox, keep each source's health, back off on failure, stop cleanly and resume.

All state lives in the database (validators, next poll time, failures, health), so a stopped watcher resumes
where it left off; every article is stored in its own transaction, so even a kill loses at most the article in
flight, which the next poll reads again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any

import httpx
import sqlalchemy as sa

from tocsin.errors import ConfigError, TocsinError
from tocsin.ingest import read_bytes
from tocsin.ingest.fetch import check_address, fetch
from tocsin.model import Article, Rejection
from tocsin.process import Counts, store_stream
from tocsin.store import now as store_now
from tocsin.store.alert_tables import sources

__all__ = ["MAX_BACKOFF_S", "PollResult", "Source", "add_source", "list_sources", "parse_every", "poll_due",
           "poll_source", "watch"]

logger = logging.getLogger(__name__)
MAX_BACKOFF_S = 3600.0
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
Processor = Callable[[sa.Engine, Iterable[Article | Rejection]], Counts]


def parse_every(text: str) -> float:
    """Parse a poll interval (``90``, ``30s``, ``5m``, ``1h``, ``200ms``) into seconds.

    >>> parse_every("5m"), parse_every("200ms")
    (300.0, 0.2)
    """
    match = _EVERY.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"[E611] poll interval {text!r} must be a positive number with s, m, h or ms (e.g. 5m)")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """A watched feed or page and its health."""

    id: int
    url: str
    every_s: float
    allow_private: bool
    next_poll_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_success_at: str | None = None
    last_error_at: str | None = None
    last_error: str | None = None
    failures: int = 0
    items_seen: int = 0
    articles_stored: int = 0

    @classmethod
    def from_row(cls, row: Any) -> Source:
        """Build a source from a ``sources`` row."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in row._mapping.items() if k in names})


def add_source(conn: sa.Connection, url: str, *, every_s: float, allow_private: bool = False) -> Source:
    """Register a source to watch (its address is checked now as well as at every fetch)."""
    check_address(url, allow_private=allow_private)
    if conn.execute(sa.select(sources.c.id).where(sources.c.url == url)).first():
        raise ConfigError(f"[E612] {url} is watched already; see `tocsin sources list`")
    stamp = store_now()
    conn.execute(sa.insert(sources).values(url=url, every_s=every_s, allow_private=allow_private, active=True,
                                           next_poll_at=stamp, failures=0, items_seen=0, articles_stored=0,
                                           created_at=stamp))
    return Source.from_row(conn.execute(sa.select(sources).where(sources.c.url == url)).one())


def list_sources(conn: sa.Connection) -> list[Source]:
    """Return the active sources, oldest first."""
    query = sa.select(sources).where(sources.c.active.is_(True)).order_by(sources.c.id)
    return [Source.from_row(row) for row in conn.execute(query)]


@dataclasses.dataclass(frozen=True, slots=True)
class PollResult:
    """One poll: unchanged (304), how many items were read and stored, or the error."""

    source_id: int
    unchanged: bool = False
    items: int = 0
    stored: int = 0
    error: str | None = None


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def poll_source(engine: sa.Engine, client: httpx.Client, source: Source, *, process: Processor = store_stream,
                rng: random.Random | None = None) -> PollResult:
    """Fetch one source (conditionally), store its new items, and record its health and next poll time."""
    try:
        fetched = fetch(client, source.url, etag=source.etag, last_modified=source.last_modified,
                        allow_private=source.allow_private)
        if fetched.unchanged:
            result = PollResult(source.id, unchanged=True)
        else:
            items = list(read_bytes(fetched.content, source=source.url))
            counts = process(engine, items)
            result = PollResult(source.id, items=len(items), stored=counts.stored)
        _record_success(engine, source, result, fetched.etag or source.etag,
                        fetched.last_modified or source.last_modified)
    except TocsinError as exc:
        result = PollResult(source.id, error=exc.message)
        _record_failure(engine, source, exc.message, rng or random.Random())
    return result


def _record_success(engine: sa.Engine, source: Source, result: PollResult, etag: str | None,
                    last_modified: str | None) -> None:
    when = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(sa.update(sources).where(sources.c.id == source.id).values(
            etag=etag, last_modified=last_modified, last_poll_at=_iso(when), last_success_at=_iso(when),
            failures=0, items_seen=sources.c.items_seen + result.items,
            articles_stored=sources.c.articles_stored + result.stored,
            next_poll_at=_iso(when + dt.timedelta(seconds=source.every_s))))


def _record_failure(engine: sa.Engine, source: Source, message: str, rng: random.Random) -> None:
    when = dt.datetime.now(dt.UTC)
    failures = source.failures + 1
    delay = min(MAX_BACKOFF_S, source.every_s * 2 ** failures)
    delay = max(source.every_s, delay / 2 + rng.uniform(0, delay / 2))
    logger.warning("source %s failed (%d in a row): %s; next try in %.1f s", source.url, failures, message, delay)
    with engine.begin() as conn:
        conn.execute(sa.update(sources).where(sources.c.id == source.id).values(
            last_poll_at=_iso(when), last_error_at=_iso(when), last_error=message, failures=failures,
            next_poll_at=_iso(when + dt.timedelta(seconds=delay))))


def poll_due(engine: sa.Engine, client: httpx.Client, *, stop: threading.Event | None = None,
             process: Processor = store_stream) -> list[PollResult]:
    """Poll every source whose time has come; stop between sources when asked."""
    with engine.connect() as conn:
        due = [s for s in list_sources(conn) if s.next_poll_at <= _iso(dt.datetime.now(dt.UTC))]
    results = []
    for source in due:
        if stop is not None and stop.is_set():
            break
        results.append(poll_source(engine, client, source, process=process))
    return results


def _next_due_s(engine: sa.Engine) -> float | None:
    with engine.connect() as conn:
        first = conn.execute(sa.select(sa.func.min(sources.c.next_poll_at)).where(sources.c.active.is_(True))).scalar()
    if first is None:
        return None
    return (dt.datetime.fromisoformat(first) - dt.datetime.now(dt.UTC)).total_seconds()


def watch(engine: sa.Engine, client: httpx.Client, *, stop: threading.Event,
          deliver: Callable[[], object] | None = None, tick_s: float = 1.0, once: bool = False,
          on_poll: Callable[[PollResult], None] | None = None, process: Processor = store_stream) -> None:
    """Poll due sources and deliver the outbox until ``stop`` is set (or after one round with ``once``).

    ``deliver`` runs after every round of polling (the dispatcher's one pass), so a new item reaches
    subscribers within the poll interval plus the processing time.
    """
    while not stop.is_set():
        for result in poll_due(engine, client, stop=stop, process=process):
            if on_poll:
                on_poll(result)
        if deliver is not None and not stop.is_set():
            deliver()
        if once:
            return
        wait = _next_due_s(engine)
        stop.wait(tick_s if wait is None else min(tick_s, max(0.0, wait)))
