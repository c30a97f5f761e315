"""The full story of one event for the event panel: fields, evidence spans, claims, every report, history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from tocsin import review
from tocsin.export import event_record
from tocsin.model import Event
from tocsin.store import schema
from tocsin.taxonomy import ReviewStatus

__all__ = ["FEATURE_FIELDS", "LIST_FIELDS", "event_detail", "feature"]

# What the map and list need of each event; the panel fetches the rest.
LIST_FIELDS = ("event_type", "sub_event_type", "event_date", "location", "country", "iso2", "admin1",
               "geo_precision", "fatalities", "certainty", "actor1", "actor2", "historical")
# Every stored field ``feature`` reads: the listing asks the database for these alone.
FEATURE_FIELDS = (*LIST_FIELDS, "latitude", "longitude")
_ARTICLE_FIELDS = ("id", "title", "outlet", "url", "published", "published_source", "text")


def feature(event_id: str, data: Mapping[str, Any], state: review.Review | None,
            reports: tuple[str, ...]) -> dict[str, Any]:
    """Return the GeoJSON Feature the map draws for one event (null geometry when it has no place).

    Built from the stored data and the review directly, without ``Event`` objects: the map asks for thousands.
    """
    values = {**data, **(state.fields if state else {})}
    if state is not None:
        reports = tuple(r for r in reports if r not in state.reports_removed)
        reports += tuple(r for r in state.reports_added if r not in reports and r not in state.reports_removed)
    props: dict[str, Any] = {name: values.get(name) for name in LIST_FIELDS}
    status = None if state is None else state.status
    props.update(event_id=event_id, reports=len(reports), review_status=None if status is None else status.value,
                 reviewed=status in (ReviewStatus.CONFIRMED, ReviewStatus.EDITED))
    lat, lon = values.get("latitude"), values.get("longitude")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": event_id, "geometry": geometry, "properties": props}


def _related_ids(conn: sa.Connection, event_id: str) -> set[str]:
    """The ids whose machine mentions tell this event: itself, events merged into it, the event it split from."""
    rv, ed = schema.event_reviews, schema.event_edits
    ids = {event_id}
    ids.update(conn.execute(sa.select(rv.c.event_id).where(rv.c.merged_into == event_id)).scalars())
    for changes in conn.execute(sa.select(ed.c.changes).where(ed.c.event_id == event_id,
                                                               ed.c.action == "split")).scalars():
        if isinstance(changes, dict) and changes.get("from"):
            ids.add(str(changes["from"]))
    return ids


def _mentions(conn: sa.Connection, article_ids: Iterable[str], event_ids: set[str]) -> dict[str, list[Any]]:
    mn = schema.mentions
    found: dict[str, list[Any]] = {}
    query = (sa.select(mn.c.article_id, mn.c.data).where(mn.c.article_id.in_(list(article_ids)),
                                                         mn.c.event_id.in_(list(event_ids)))
             .order_by(mn.c.article_id, mn.c.idx))
    for article_id, data in conn.execute(query):
        found.setdefault(article_id, []).append(data)
    return found


def _report(row: Any, mentions: list[Any], fallback: Event | None) -> dict[str, Any]:
    """One article behind the event, with the evidence spans and claims its mentions point at."""
    claims_all = list((row.analysis or {}).get("claims") or [])
    evidence: list[dict[str, Any]] = []
    claim_ids: list[int] = []
    for mention in mentions:
        evidence += [dict(e) for e in mention.get("evidence") or ()]
        claim_ids += [int(i) for i in mention.get("claims") or () if int(i) not in claim_ids]
    if not mentions and fallback is not None:
        evidence = [e.to_dict() for e in fallback.evidence]
        claim_ids = list(fallback.claims)
    text = row.text or ""
    evidence = [dict(e, text=text[e["start"]:e["end"]]) for e in evidence
                if 0 <= int(e.get("start", -1)) < int(e.get("end", -1)) <= len(text)]
    claims = [dict(claims_all[i], index=i) for i in claim_ids if 0 <= i < len(claims_all)]
    record = {name: getattr(row, name) for name in _ARTICLE_FIELDS}
    return {**record, "evidence": evidence, "claims": claims, "flags": (row.analysis or {}).get("flags") or []}


def event_detail(conn: sa.Connection, event_id: str) -> dict[str, Any] | None:
    """Return everything the event panel shows about one event, or ``None`` when there is no such event."""
    machine = review.get_event(conn, event_id, machine=True)
    if machine is None:
        return None
    state = review.get_review(conn, event_id)
    event = machine if state is None else state.apply(machine)
    mentions = _mentions(conn, event.reports, _related_ids(conn, event_id))
    art = schema.articles
    rows = {r.id: r for r in conn.execute(sa.select(art).where(art.c.id.in_(list(event.reports))))}
    reports = [_report(rows[a], mentions.get(a, []), machine if i == 0 else None)
               for i, a in enumerate(event.reports) if a in rows]
    return {
        "event": event_record(event),
        "machine": event_record(machine),
        "review": None if state is None else {
            "status": state.status.value, "by": state.reviewed_by, "at": state.reviewed_at,
            "fields": sorted(state.fields), "merged_into": state.merged_into},
        "evidence": [e for r in reports for e in ({**x, "article_id": r["id"]} for x in r["evidence"])],
        "claims": [c for r in reports for c in ({**x, "article_id": r["id"]} for x in r["claims"])],
        "reports": reports,
        "history": review.history(conn, event_id),
    }
