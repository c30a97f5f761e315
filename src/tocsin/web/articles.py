"""``POST /api/articles``: analysts feed one report in by hand; it goes through the same path as ``tocsin ingest``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from tocsin.errors import InputRejected
from tocsin.model import Rejection
from tocsin.web.auth import Analyst, engine_of

__all__ = ["NewArticle", "router"]

router = APIRouter()


class NewArticle(BaseModel):
    """A report to analyse and store: its text, and what is known of its origin."""

    text: str | None = Field(default=None, max_length=2_000_000)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, max_length=40)


@router.post("/api/articles")
def add_article(request: Request, body: NewArticle, user: Analyst, response: Response) -> dict[str, Any]:
    """Analyse a report and store it with its events (201), or say it was stored already (200).

    The server does not fetch URLs (it may run with no network): send the text, and the URL as its origin.
    A report that cannot be read is recorded as a rejection and answered with 422 and the coded reason.
    """
    from tocsin import process
    from tocsin.ingest import read_text

    engine = engine_of(request)
    source = body.url or f"api:{user.name}"
    if not body.text:
        raise InputRejected(f"[E467] {source}: send the article's text; this server does not fetch URLs",
                            source=source)
    try:
        article = read_text(body.text, source=source, published=body.published, title=body.title, url=body.url,
                            outlet=body.outlet)
    except InputRejected as exc:
        process.store_stream(engine, [Rejection(source=source, code=exc.code, message=exc.message)])
        raise
    counts = process.store_stream(engine, [article])
    response.status_code = 201 if counts.stored else 200
    return {"article_id": article.id, "stored": bool(counts.stored), "event_ids": counts.event_ids}
