"""Runs articles through the pipeline into the store: one transaction per article, rejections recorded.

This is the one path from input to database that the CLI, the server and the feed watcher share.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator

import sqlalchemy as sa

from tocsin import alert, store
from tocsin.errors import TocsinError
from tocsin.model import Analysis, Article, Rejection
from tocsin.nlp import MODEL_PACKAGE, MODEL_VERSION
from tocsin.pipeline import analyze_stream

__all__ = ["MODEL_TAG", "Counts", "store_analysis", "store_stream"]

logger = logging.getLogger(__name__)
MODEL_TAG = f"{MODEL_PACKAGE}-{MODEL_VERSION}"


@dataclasses.dataclass(slots=True)
class Counts:
    """What a run did: articles stored, already present, events touched, inputs rejected."""

    stored: int = 0
    duplicates: int = 0
    events: int = 0
    rejected: int = 0
    event_ids: list[str] = dataclasses.field(default_factory=list)


def store_analysis(engine: sa.Engine, analysis: Analysis) -> tuple[bool, list[str]]:
    """Store one analysis in its own transaction; return (newly stored?, event ids).

    Whatever must happen atomically with the events (alerts into the outbox) happens in this transaction.
    """
    with engine.begin() as conn:
        if store.has_article(conn, analysis.article.id):
            return False, store.save_analysis(conn, analysis)
        event_ids = store.save_analysis(conn, analysis, model_version=MODEL_TAG)
        alert.on_events_changed(conn, event_ids, analysis.article.id)
        return True, event_ids


def _record(engine: sa.Engine, rejection: Rejection, counts: Counts,
            on_rejection: Callable[[Rejection], None] | None) -> None:
    with engine.begin() as conn:
        store.save_rejection(conn, rejection)
    counts.rejected += 1
    if on_rejection:
        on_rejection(rejection)


def store_stream(engine: sa.Engine, items: Iterable[Article | Rejection], *,
                 on_rejection: Callable[[Rejection], None] | None = None) -> Counts:
    """Analyse and store every article; record every rejection. Articles already stored are not analysed again.

    The input is consumed lazily, so an archive of any size streams through in the pipeline's batches.
    """
    counts = Counts()
    for analysis, _ in analyze_stream(_fresh_articles(engine, items, counts, on_rejection)):
        try:
            stored, event_ids = store_analysis(engine, analysis)
        except TocsinError as exc:  # a store or stage error on one article must not stop the run
            rejection = Rejection(source=analysis.article.url or analysis.article.id, code=exc.code,
                                  message=exc.message)
            _record(engine, rejection, counts, on_rejection)
            continue
        counts.stored += int(stored)
        counts.duplicates += int(not stored)
        counts.events += len(event_ids)
        counts.event_ids.extend(event_ids)
    return counts


def _fresh_articles(engine: sa.Engine, items: Iterable[Article | Rejection], counts: Counts,
                    on_rejection: Callable[[Rejection], None] | None) -> Iterator[tuple[Article, None]]:
    """Yield the articles not stored yet (nor seen earlier in this run); record rejections on the way."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Rejection):
            _record(engine, item, counts, on_rejection)
            continue
        with engine.connect() as conn:
            duplicate = item.id in seen or store.has_article(conn, item.id)
        if duplicate:
            counts.duplicates += 1
            continue
        seen.add(item.id)
        yield item, None
