"""The JSON API: events (GeoJSON, filters, paging), one event's full story, the review desk, articles, exports."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from tocsin import export, review, taxonomy
from tocsin.errors import InputRejected
from tocsin.review import EventQuery
from tocsin.store import get_article, schema
from tocsin.web.auth import Analyst, Viewer, engine_of
from tocsin.web.detail import FEATURE_FIELDS, event_detail, feature

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "router"]

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
_EXPORT_LIMIT = 1_000_000

router = APIRouter()


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InputRejected(f"[E464] {name}={value!r} is not a date; give YYYY-MM-DD", source=name) from exc


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise InputRejected(f"[E465] bbox={value!r} must be four numbers: west,south,east,north",
                            source="bbox") from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise InputRejected(f"[E465] bbox={value!r} is outside the globe or south > north", source="bbox")
    return west, south, east, north


def event_query(
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    since: Annotated[str | None, Query(description="first day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="last day (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(max_length=2, description="ISO 3166 alpha-2 code")] = None,
    type: Annotated[str | None, Query(max_length=60, description="ACLED event type")] = None,  # noqa: A002
    certainty: Annotated[str | None, Query(max_length=12, description="CAP certainty word")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the event's fields")] = None,
    historical: bool = False,
    status: Annotated[str, Query(description="active, rejected, reviewed, unreviewed or all")] = "active",
) -> EventQuery:
    """Turn the query string into the review desk's event filter (shared by listing and exports)."""
    return EventQuery(since=_date(since, "since"), until=_date(until, "until"), country=country or None,
                      event_type=type or None, certainty=certainty or None, text=(q or "").strip() or None,
                      bbox=_bbox(bbox), include_historical=historical, status=status)


Filters = Annotated[EventQuery, Depends(event_query)]


@router.get("/api/events", response_class=Response,
            responses={200: {"content": {"application/geo+json": {}},
                             "description": "FeatureCollection with total, limit, offset and next_offset"}})
def list_events(request: Request, _user: Viewer, flt: Filters,
                limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
                offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    """Events as a GeoJSON FeatureCollection, newest first, with reviewed values; ``total`` counts all matches."""
    with engine_of(request).connect() as conn:
        page, total = review.query_page(conn, flt, limit=limit, offset=offset, fields=FEATURE_FIELDS)
    next_offset = offset + len(page) if offset + len(page) < total else None
    body = {"type": "FeatureCollection", "features": [feature(*row) for row in page], "total": total,
            "limit": limit, "offset": offset, "next_offset": next_offset}
    # Serialised here: FastAPI's generic encoder walks every value and would triple the time for a big page.
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/geo+json")


@router.get("/api/events/{event_id}")
def show_event(request: Request, event_id: str, _user: Viewer) -> dict[str, Any]:
    """One event: its fields (reviewed and as the machine coded them), evidence, claims, reports, history."""
    with engine_of(request).connect() as conn:
        detail = event_detail(conn, event_id)
    if detail is None:
        raise HTTPException(404, detail={"code": "E456", "message": f"[E456] no event {event_id!r}"})
    return detail


@router.get("/api/articles/{article_id}")
def show_article(request: Request, article_id: str, _user: Viewer) -> dict[str, Any]:
    """One stored article: its text, origin and the analysis record made from it."""
    with engine_of(request).connect() as conn:
        article = get_article(conn, article_id)
    if article is None:
        raise HTTPException(404, detail={"code": "E466", "message": f"[E466] no article {article_id!r}"})
    return article


@router.get("/api/status")
def status(request: Request, _user: Viewer) -> dict[str, Any]:
    """A cheap fingerprint of the data, polled by the dashboard to learn when to reload."""
    ev, rv = schema.events, schema.event_reviews
    with engine_of(request).connect() as conn:
        count, changed = conn.execute(sa.select(sa.func.count(), sa.func.max(ev.c.updated_at))).one()
        reviewed = conn.execute(sa.select(sa.func.max(rv.c.reviewed_at))).scalar()
    return {"events": count, "changed": max(filter(None, (changed, reviewed)), default=None)}


@router.get("/api/meta")
def meta(_user: Viewer) -> dict[str, Any]:
    """The vocabularies the dashboard's filters and review forms offer."""
    return {
        "event_types": {t.value: [s.value for s in subs] for t, subs in taxonomy.SUB_EVENT_TYPES.items()},
        "certainty": [c.value for c in taxonomy.Certainty],
        "editable": list(review.EDITABLE),
    }


@router.get("/api/export.csv")
def export_csv(request: Request, _user: Viewer, flt: Filters) -> Response:
    """Every matching event as CSV with ACLED's columns, carrying reviewed values and a ``reviewed`` flag."""
    with engine_of(request).connect() as conn:
        events, _ = review.query_events(conn, flt, limit=_EXPORT_LIMIT)
    return Response(export.to_csv(events), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="tocsin-events.csv"'})


@router.get("/api/export.geojson")
def export_geojson(request: Request, _user: Viewer, flt: Filters) -> Response:
    """Every matching event as a GeoJSON FeatureCollection with all fields and reviewed values."""
    with engine_of(request).connect() as conn:
        events, _ = review.query_events(conn, flt, limit=_EXPORT_LIMIT)
    return Response(export.to_geojson(events), media_type="application/geo+json",
                    headers={"content-disposition": 'attachment; filename="tocsin-events.geojson"'})


# The review desk


class Reason(BaseModel):
    """Why: kept with the action."""

    reason: str | None = Field(default=None, max_length=2000)


class Edit(Reason):
    """Changed fields (see ``GET /api/meta`` for which) and why."""

    changes: dict[str, Any]


class Merge(Reason):
    """The event this one is the same incident as."""

    into: str = Field(min_length=1, max_length=40)


class Split(Reason):
    """The reports that tell of a second incident, and how that incident differs."""

    reports: list[str] = Field(min_length=1)
    changes: dict[str, Any] = Field(default_factory=dict)


def _reviewed(request: Request, event_id: str) -> dict[str, Any]:
    with engine_of(request).connect() as conn:
        detail = event_detail(conn, event_id)
    return detail or {}


@router.patch("/api/events/{event_id}")
def edit_event(request: Request, event_id: str, body: Edit, user: Analyst) -> dict[str, Any]:
    """Change an event's type, place, date, deaths or actors; the machine's values are kept underneath."""
    with engine_of(request).begin() as conn:
        review.edit(conn, event_id, body.changes, user=user.name, reason=body.reason)
    return _reviewed(request, event_id)


@router.post("/api/events/{event_id}/confirm")
def confirm_event(request: Request, event_id: str, body: Reason, user: Analyst) -> dict[str, Any]:
    """Mark the event as checked and right."""
    with engine_of(request).begin() as conn:
        review.confirm(conn, event_id, user=user.name, reason=body.reason)
    return _reviewed(request, event_id)


@router.post("/api/events/{event_id}/reject")
def reject_event(request: Request, event_id: str, body: Reason, user: Analyst) -> dict[str, Any]:
    """Mark the event as wrong: it leaves the map and the exports (and stays in the history)."""
    with engine_of(request).begin() as conn:
        review.reject(conn, event_id, user=user.name, reason=body.reason)
    return _reviewed(request, event_id)


@router.post("/api/events/{event_id}/merge")
def merge_event(request: Request, event_id: str, body: Merge, user: Analyst) -> dict[str, Any]:
    """Merge this event into another one (the same incident); answers with the merged event."""
    with engine_of(request).begin() as conn:
        review.merge(conn, event_id, body.into, user=user.name, reason=body.reason)
    return _reviewed(request, body.into)


@router.post("/api/events/{event_id}/split", status_code=201)
def split_event(request: Request, event_id: str, body: Split, user: Analyst) -> dict[str, Any]:
    """Split a second incident out of this event; answers with the new event."""
    with engine_of(request).begin() as conn:
        new = review.split(conn, event_id, body.reports, body.changes, user=user.name, reason=body.reason)
    return _reviewed(request, str(new.event_id))
