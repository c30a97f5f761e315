"""Readers: plain text (with datelines), HTML, JSON Lines, RSS/Atom, and folders of these, into ``Article``s.

Single-article functions raise ``InputRejected``; the path and stream readers record each rejection as a
``Rejection`` and go on, so one bad file never stops a batch and nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tocsin.errors import InputRejected
from tocsin.ingest.dateline import parse_dateline
from tocsin.ingest.validate import MAX_BYTES, check_bytes, check_language, check_text, decode
from tocsin.model import Article, Rejection, article_id

__all__ = [
    "READERS",
    "normalise_date",
    "read_bytes",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_record",
    "read_text",
]

logger = logging.getLogger(__name__)
READERS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
           ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed"}


def normalise_date(value: str | dt.date | dt.datetime | None, *, source: str = "input") -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` (ISO dates and datetimes accepted), ``None`` when absent.

    >>> normalise_date("2020-08-18T09:30:00Z")
    '2020-08-18'
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as exc:
        raise InputRejected(
            f"[E110] {source}: publication date {text!r} is not an ISO date; give it as YYYY-MM-DD", source=source
        ) from exc


def read_text(
    text: str,
    *,
    source: str = "text",
    published: str | None = None,
    published_source: str = "given",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """Build an ``Article`` from plain text: validate it, parse its dateline, keep the given date.

    The text is kept exactly as given, so every offset indexes it.
    """
    check_text(text, source=source)
    language = check_language(text, source=source)
    dateline = parse_dateline(text)
    date = normalise_date(published, source=source)
    return Article(
        id=article_id(text),
        text=text,
        url=url,
        outlet=outlet or (dateline.outlet if dateline else None),
        title=title,
        published=date,
        published_source=published_source if date else "unknown",
        language=language,
        dateline=dateline.place if dateline else None,
        dateline_start=dateline.start if dateline else None,
        dateline_end=dateline.end if dateline else None,
    )


def read_html(html: str, *, source: str, published: str | None = None, url: str | None = None) -> Article:
    """Extract the main text and metadata of an HTML page (scripts, styles and markup are dropped)."""
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on hostile markup
        raise InputRejected(f"[E106] {source}: the HTML could not be parsed ({exc.__class__.__name__}); "
                            "check that the file is a web page", source=source) from exc
    if isinstance(doc, dict):
        doc = SimpleNamespace(**{k: doc.get(k) for k in ("text", "date", "title", "url", "sitename")})
    if doc is None or not (doc.text or "").strip():
        raise InputRejected(f"[E106] {source}: no article text found in the HTML; give the article page, "
                            "not an index or an empty page", source=source)
    meta_date = _safe_date(doc.date)
    return read_text(
        str(doc.text),
        source=source,
        published=published or meta_date,
        published_source="given" if published else "metadata",
        title=doc.title,
        url=url or doc.url,
        outlet=doc.sitename,
    )


def read_record(record: Any, *, source: str, published: str | None = None) -> Article:
    """Build an ``Article`` from one JSON Lines record ``{"id", "text", "published"?, "title"?, "url"?}``."""
    if not isinstance(record, dict):
        raise InputRejected(f"[E107] {source}: a record must be a JSON object with a 'text' field", source=source)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputRejected(f"[E107] {source}: the record has no 'text' string; add the article text",
                            source=source)
    given = record.get("published") or published
    return read_text(text, source=source, published=given,
                     published_source="metadata" if record.get("published") else "given",
                     title=record.get("title"), url=record.get("url"), outlet=record.get("outlet"))


def read_jsonl(lines: Iterable[str], *, source: str,
               published: str | None = None) -> Iterator[tuple[Article | Rejection, Any]]:
    """Read JSON Lines; yield ``(article or rejection, record id)`` per non-blank line, in input order."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        record_id: Any = None
        try:
            record = json.loads(line)
            record_id = record.get("id") if isinstance(record, dict) else None
            yield read_record(record, source=where, published=published), record_id
        except json.JSONDecodeError as exc:
            yield _rejection(InputRejected(f"[E107] {where}: not valid JSON ({exc.msg}); write one JSON object "
                                           "per line", source=where)), record_id
        except InputRejected as exc:
            yield _rejection(exc), record_id


def read_bytes(data: bytes, *, source: str, kind: str | None = None,
               published: str | None = None) -> Iterator[Article | Rejection]:
    """Read one file's bytes as ``kind`` (text, html, jsonl, feed; sniffed when ``None``)."""
    try:
        check_bytes(data, source=source)
        kind = kind or _sniff(data)
        if kind == "feed":
            from tocsin.ingest.feeds import read_feed

            yield from read_feed(data, source=source)
            return
        text = decode(data, source=source, encoding=_declared_charset(data) if kind == "html" else None)
        if kind == "jsonl":
            yield from (item for item, _ in read_jsonl(text.splitlines(), source=source, published=published))
        elif kind == "html":
            yield read_html(text, source=source, published=published)
        else:
            yield read_text(text, source=source, published=published)
    except InputRejected as exc:
        yield _rejection(exc)


def read_path(path: str | Path, *, published: str | None = None) -> Iterator[Article | Rejection]:
    """Read a file or a folder (recursively, sorted) into articles and rejections."""
    path = Path(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child, published=published)
        return
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputRejected(f"[E102] {source}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for one "
                                "article; split it (e.g. JSON Lines)", source=source)
        data = path.read_bytes()
    except OSError as exc:
        yield _rejection(InputRejected(f"[E100] {source}: cannot be read ({exc.strerror}); check the path",
                                       source=source))
        return
    except InputRejected as exc:
        yield _rejection(exc)
        return
    yield from read_bytes(data, source=source, kind=READERS.get(path.suffix.lower()), published=published)


def _rejection(exc: InputRejected) -> Rejection:
    logger.info("rejected %s: %s", exc.source, exc.message)
    return Rejection(source=exc.source or "input", code=exc.code, message=exc.message)


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    if head.startswith((b"<rss", b"<feed")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _declared_charset(data: bytes) -> str | None:
    import re

    match = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None


def _safe_date(value: str | None) -> str | None:
    try:
        return normalise_date(value)
    except InputRejected:
        return None
