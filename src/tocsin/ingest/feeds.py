"""RSS and Atom feeds: each entry becomes an article (its content or summary, with link, title and date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tocsin.errors import InputRejected
from tocsin.model import Article, Rejection

__all__ = ["entry_text", "read_feed"]


def read_feed(data: bytes, *, source: str) -> Iterator[Article | Rejection]:
    """Parse a feed; yield an article per entry, or one rejection when the feed itself is malformed."""
    import feedparser

    from tocsin.ingest import read_text

    parsed = feedparser.parse(data)
    if parsed.bozo and not any(entry_text(entry) for entry in parsed.entries):
        reason = getattr(parsed.bozo_exception, "getMessage", lambda: str(parsed.bozo_exception))()
        yield Rejection(source=source, code="E108",
                        message=f"[E108] {source}: malformed feed ({reason}); check that it is RSS or Atom XML")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{entry.get('id') or entry.get('link') or number}"
        try:
            yield read_text(
                entry_text(entry),
                source=where,
                published=_entry_date(entry),
                published_source="metadata",
                title=entry.get("title"),
                url=entry.get("link"),
                outlet=outlet,
            )
        except InputRejected as exc:
            yield Rejection(source=where, code=exc.code, message=exc.message)


def entry_text(entry: dict[str, object]) -> str:
    """Return an entry's text: the longest of its contents and summary, with markup removed."""
    import lxml.html

    candidates: list[str] = []
    for content in entry.get("content") or []:  # type: ignore[attr-defined]
        candidates.append(str(content.get("value", "")))
    candidates.append(str(entry.get("summary") or entry.get("description") or ""))
    best = max(candidates, key=len)
    if "<" not in best:
        return best.strip()
    try:
        return str(lxml.html.fromstring(f"<div>{best}</div>").text_content()).strip()
    except (ValueError, lxml.etree.ParserError):
        return ""


def _entry_date(entry: dict[str, object]) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(*value[:3]).isoformat()  # type: ignore[index]
    return None
