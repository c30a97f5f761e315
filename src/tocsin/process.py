"""Runs articles through the pipeline into the store: one transaction per article, rejections recorded.

This is the one path from input to database that the CLI, the server and the feed watcher share.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlalchemy as sa

from tocsin import __version__, alert, store
from tocsin.errors import TocsinError
from tocsin.geo.gazetteer import data_hash
from tocsin.ingest import read_text
from tocsin.model import Analysis, Article, Rejection
from tocsin.nlp import MODEL_PACKAGE, MODEL_VERSION
from tocsin.pipeline import analyze_stream

__all__ = ["MODEL_TAG", "Counts", "reprocess", "store_analysis", "store_stream"]

logger = logging.getLogger(__name__)
# What decides an analysis besides the language model: how it is run (nlp.py), the extraction and geo rules, the
# trained event model and the gazetteer tables (the package's own code and data; the 18 MB places file is named by
# its hash below).
_ANALYSIS_SOURCES = ("nlp.py", "pipeline.py", "taxonomy.py", "extract", "geo")


def _analysis_digest() -> str:
    """Return a short hash of the code and data that analyse an article, so that new rules get a new tag."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _ANALYSIS_SOURCES:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".py", ".npz", ".tsv", ".json") and "__pycache__" not in file.parts:
                digest.update(f"{file.relative_to(root)}:".encode())
                digest.update(file.read_bytes())
    digest.update(data_hash().encode())
    return digest.hexdigest()[:10]


# Which code and model made a stored analysis: a re-run with another tag updates incidents in place, so
# `tocsin reprocess` after an upgrade of the rules (not only of the version number) brings the archive up to date.
MODEL_TAG = f"tocsin-{__version__}+{MODEL_PACKAGE}-{MODEL_VERSION}+{_analysis_digest()}"


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


def reprocess(engine: sa.Engine, *, article_ids: Iterable[str] | None = None, model_tag: str = MODEL_TAG) -> Counts:
    """Run stored articles through the pipeline again; incidents are updated in place, ids kept.

    Only articles analysed under another ``model_tag`` change (so a second run is a no-op); every change is a
    new version row, and alerts for what changed go to the outbox in the same transaction.
    """
    counts = Counts()
    for analysis, _ in analyze_stream(_stored_articles(engine, article_ids)):
        with engine.begin() as conn:
            event_ids = store.save_analysis(conn, analysis, model_version=model_tag)
            alert.on_events_changed(conn, event_ids, analysis.article.id)
        counts.stored += 1
        counts.events += len(event_ids)
        counts.event_ids.extend(event_ids)
    return counts


def _stored_articles(engine: sa.Engine, article_ids: Iterable[str] | None) -> Iterator[tuple[Article, None]]:
    """Yield stored articles as they were read (text, date and its source, dateline), oldest first."""
    with engine.connect() as conn:
        ids = list(article_ids) if article_ids is not None else store.article_ids(conn)
    for article_id in ids:
        with engine.connect() as conn:
            row = store.get_article(conn, article_id)
        if row is None:
            logger.warning("no stored article %s", article_id)
            continue
        inferred = row["published_source"] in ("inferred", "unknown")
        yield read_text(row["text"], source=row["source"] or article_id,
                        published=None if inferred else row["published"],
                        published_source=row["published_source"], title=row["title"], url=row["url"],
                        outlet=row["outlet"]), None
