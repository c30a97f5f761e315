"""Incidents in the store: find candidates by area and day, join or open incidents, keep their version history.

An article's events either join an incident already stored or open a new one (``attach``); each incident is
then rebuilt from all its reports (``resolve.build_incident``) and what changed is written as a version row
naming the article that caused it. Incident ids never change; re-processing an article with a newer model
(``reprocess``) moves its reports in place. Analyst edits live in another table and are never touched here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from tocsin import resolve
from tocsin.model import Analysis, Event
from tocsin.resolve import Report, Signature
from tocsin.store import schema

__all__ = [
    "PREFERENCE_BONUS",
    "SYNDICATION_BONUS",
    "attach",
    "candidates",
    "event_history",
    "key_values",
    "last_change",
    "reprocess",
    "save_signature",
]

# A report whose article is a copy of one already behind an incident is very likely about that incident.
SYNDICATION_BONUS = 0.3
# When an article is re-processed, the incidents it fed before are preferred over equally good ones.
PREFERENCE_BONUS = 0.1


def key_values(event: Event) -> dict[str, Any]:
    """Return the blocking keys of an incident: type family, grid cell or country, date window, flags."""
    days = resolve.day_range(event)
    fine = event.latitude is not None and event.longitude is not None and (event.geo_precision or 2) < 3
    return {
        "family": resolve.family_of(event),
        "cell": resolve.cell_of(event.latitude, event.longitude) if fine else None,  # type: ignore[arg-type]
        "coarse": not fine,
        "iso2": event.iso2,
        "admin1": _admin1(event),
        "day_lo": days[0] if days else None,
        "day_hi": days[1] if days else None,
        "historical": bool(event.historical),
        "withdrawn": bool((event.versions or {}).get("withdrawn", False)),
    }


def _admin1(event: Event) -> str | None:
    return " ".join(event.admin1.lower().split()) if event.admin1 else None


def save_signature(conn: sa.Connection, article_id: str, text: str) -> Signature:
    """Compute and store the MinHash signature of an article's text; return it."""
    sig = resolve.signature(text)
    conn.execute(sa.delete(schema.article_signatures).where(schema.article_signatures.c.article_id == article_id))
    conn.execute(sa.insert(schema.article_signatures),
                 {"article_id": article_id, "minhash": sig.to_hex(), "size": sig.size})
    return sig


def candidates(conn: sa.Connection, event: Event) -> list[Event]:
    """Return the stored incidents that ``event`` could belong to, found through the blocking indexes.

    Same type family, a date window that can overlap, and either a grid cell within ``SEARCH_RADIUS_KM`` or (for
    places known only as a region, and for incidents known only so) the same country. Historical and withdrawn
    incidents are never candidates.
    """
    days = resolve.day_range(event)
    if event.historical or days is None:
        return []
    keys, ev = schema.event_keys, schema.events
    window = [keys.c.family == resolve.family_of(event),
              keys.c.day_lo.between(days[0] - resolve.MAX_SPAN_DAYS, days[1]), keys.c.day_hi >= days[0]]
    areas: list[sa.ColumnElement[bool]] = []
    fine = event.latitude is not None and event.longitude is not None and (event.geo_precision or 2) < 3
    if fine:
        lat, lon = event.latitude, event.longitude
        dlat = resolve.SEARCH_RADIUS_KM / 111.0
        dlon = resolve.SEARCH_RADIUS_KM / max(1.0, 111.32 * math.cos(math.radians(min(89.0, abs(lat)))))  # type: ignore[arg-type]
        areas.append(sa.and_(keys.c.cell.in_(resolve.nearby_cells(lat, lon)),  # type: ignore[arg-type]
                             ev.c.latitude.between(lat - dlat, lat + dlat),  # type: ignore[operator]
                             ev.c.longitude.between(lon - dlon, lon + dlon)))  # type: ignore[operator]
    if event.iso2:
        # places known only as a region: same country, and the same admin1 when both name one
        admin1 = _admin1(event)
        regional = sa.or_(keys.c.admin1 == admin1, keys.c.admin1.is_(None)) if admin1 else sa.true()
        areas.append(sa.and_(keys.c.iso2 == event.iso2, keys.c.coarse.in_([True] if fine else [True, False]),
                             regional))
    found: dict[str, Event] = {}
    for area in areas:  # one indexed range scan per area (an OR would defeat the indexes)
        query = (sa.select(ev.c.event_id, ev.c.data).join(keys, keys.c.event_id == ev.c.event_id)
                 .where(*window, area, keys.c.historical.is_(False), keys.c.withdrawn.is_(False)))
        for row in conn.execute(query):
            found.setdefault(row.event_id, dataclasses.replace(Event.from_dict(row.data), event_id=row.event_id))
    return list(found.values())


def _reports_of(conn: sa.Connection, event_id: str) -> list[Report]:
    """Return every report behind an incident, with each article's outlet, date and signature."""
    me, ar, sig = schema.mentions, schema.articles, schema.article_signatures
    query = (sa.select(me.c.article_id, me.c.data, ar.c.outlet, ar.c.published, sig.c.minhash, sig.c.size)
             .join(ar, ar.c.id == me.c.article_id).outerjoin(sig, sig.c.article_id == me.c.article_id)
             .where(me.c.event_id == event_id).order_by(me.c.article_id, me.c.idx))
    return [Report(event=Event.from_dict(row.data), article_id=row.article_id, outlet=row.outlet,
                   published=row.published, denied=bool(row.data.get("denied", False)),
                   signature=Signature.from_hex(row.minhash, row.size) if row.minhash else None)
            for row in conn.execute(query)]


def _signatures_behind(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[Signature]]:
    rep, sig = schema.event_reports, schema.article_signatures
    query = (sa.select(rep.c.event_id, sig.c.minhash, sig.c.size)
             .join(sig, sig.c.article_id == rep.c.article_id).where(rep.c.event_id.in_(event_ids)))
    found: dict[str, list[Signature]] = {}
    for row in conn.execute(query):
        found.setdefault(row.event_id, []).append(Signature.from_hex(row.minhash, row.size))
    return found


def _assign(conn: sa.Connection, reports: Sequence[Report], prefer: frozenset[str]) -> list[str | None]:
    """Return, per report, the incident it joins (``None`` opens a new one); two events of one article never
    join the same incident, and the best-scoring pairs are taken first."""
    scored: list[tuple[float, int, str]] = []
    for index, report in enumerate(reports):
        found = candidates(conn, report.event)
        copies = _signatures_behind(conn, [c.event_id for c in found if c.event_id]) if found else {}
        for candidate in found:
            score = resolve.match_score(report.event, candidate)
            if score == 0.0 or candidate.event_id is None:
                continue
            if report.signature and any(resolve.syndicated(report.signature, s)
                                        for s in copies.get(candidate.event_id, ())):
                score += SYNDICATION_BONUS
            if candidate.event_id in prefer:
                score += PREFERENCE_BONUS
            if score >= resolve.MATCH_THRESHOLD:
                scored.append((score, index, candidate.event_id))
    chosen: list[str | None] = [None] * len(reports)
    taken: set[str] = set()
    for _score, index, event_id in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if chosen[index] is None and event_id not in taken:
            chosen[index] = event_id
            taken.add(event_id)
    return chosen


def _new_event_id(conn: sa.Connection, article_id: str, idx: int) -> str:
    """Return a fresh incident id derived from the article and the mention's index (salted if already taken)."""
    salt = 0
    while True:
        seed = f"{article_id}:{idx}" + (f":{salt}" if salt else "")
        event_id = "ev-" + hashlib.sha256(seed.encode()).hexdigest()[:16]
        found = conn.execute(sa.select(schema.events.c.event_id).where(schema.events.c.event_id == event_id))
        if found.first() is None:
            return event_id
        salt += 1


def reports_of_analysis(analysis: Analysis, sig: Signature | None) -> list[Report]:
    """Return the analysis's events as reports of its article (a denial noted when an official denies)."""
    article = analysis.article
    return [Report(event=event, article_id=article.id, outlet=article.outlet, published=article.published,
                   signature=sig, denied=resolve.is_denied(event, analysis.claims))
            for event in analysis.events]


def attach(conn: sa.Connection, analysis: Analysis, sig: Signature | None, stamp: str, *,
           prefer: frozenset[str] = frozenset()) -> list[str]:
    """Join each of the article's events to an incident or open one; return the incident ids in order."""
    article_id = analysis.article.id
    reports = reports_of_analysis(analysis, sig)
    targets = _assign(conn, reports, prefer)
    event_ids = []
    for idx, (report, target) in enumerate(zip(reports, targets, strict=True)):
        event_id = target or _new_event_id(conn, article_id, idx)
        if target is None:
            _create(conn, report, event_id, stamp)
        conn.execute(sa.insert(schema.mentions), {
            "article_id": article_id, "idx": idx, "event_id": event_id,
            "data": {**report.event.to_dict(), "denied": report.denied}})
        if target is not None:
            _add_report(conn, event_id, article_id, stamp)
            refresh(conn, event_id, article_id=article_id, stamp=stamp)
        event_ids.append(event_id)
    return event_ids


def _create(conn: sa.Connection, report: Report, event_id: str, stamp: str) -> None:
    incident = resolve.build_incident([report], event_id=event_id)
    conn.execute(sa.insert(schema.events), {"event_id": event_id, **_columns(incident), "version": 1,
                                            "created_at": stamp, "updated_at": stamp})
    conn.execute(sa.insert(schema.event_keys), {"event_id": event_id, **key_values(incident)})
    _add_report(conn, event_id, report.article_id, stamp)
    conn.execute(sa.insert(schema.event_versions), {
        "event_id": event_id, "version": 1, "article_id": report.article_id, "changes": {"created": True},
        "data": incident.to_dict(), "created_at": stamp})


def _add_report(conn: sa.Connection, event_id: str, article_id: str, stamp: str) -> None:
    rep = schema.event_reports
    exists = conn.execute(sa.select(rep.c.event_id).where(rep.c.event_id == event_id,
                                                          rep.c.article_id == article_id)).first()
    if exists is None:
        conn.execute(sa.insert(rep), {"event_id": event_id, "article_id": article_id, "added_at": stamp})


def refresh(conn: sa.Connection, event_id: str, *, article_id: str | None, stamp: str) -> dict[str, Any]:
    """Rebuild an incident from its reports; when anything changed, update it and write a version row.

    An incident left without reports (its only article re-processed into something else) is kept, marked
    withdrawn, so that its id and history survive. Return the changes (empty when nothing changed).
    """
    row = conn.execute(sa.select(schema.events).where(schema.events.c.event_id == event_id)).one()
    reports = _reports_of(conn, event_id)
    old = dataclasses.replace(Event.from_dict(row.data), event_id=event_id)
    if reports:
        new = resolve.build_incident(reports, event_id=event_id)
    else:
        new = dataclasses.replace(old, reports=(), versions={**(old.versions or {}), "withdrawn": True})
    changes = resolve.changes_between(old, new)
    if not changes:
        return changes
    version = row.version + 1
    conn.execute(sa.update(schema.events).where(schema.events.c.event_id == event_id).values(
        **_columns(new), version=version, updated_at=stamp))
    conn.execute(sa.update(schema.event_keys).where(schema.event_keys.c.event_id == event_id)
                 .values(**key_values(new)))
    conn.execute(sa.insert(schema.event_versions), {
        "event_id": event_id, "version": version, "article_id": article_id, "changes": changes,
        "data": new.to_dict(), "created_at": stamp})
    return changes


def _columns(event: Event) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.event_date,
        "country": event.country,
        "iso2": event.iso2,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "fatalities": event.fatalities,
        "certainty": event.certainty,
        "historical": bool(event.historical),
        "data": event.to_dict(),
    }


def reprocess(conn: sa.Connection, analysis: Analysis, sig: Signature | None, stamp: str) -> list[str]:
    """Replace an article's reports with a new analysis of it, updating incidents in place.

    The article's old mentions and report links are removed, its new events are matched again (preferring the
    incidents it fed before), and every incident it fed before or feeds now is rebuilt and versioned.
    """
    article_id = analysis.article.id
    me, rep = schema.mentions, schema.event_reports
    before = [r[0] for r in conn.execute(sa.select(me.c.event_id).where(me.c.article_id == article_id))
              if r[0]]
    conn.execute(sa.delete(me).where(me.c.article_id == article_id))
    conn.execute(sa.delete(rep).where(rep.c.article_id == article_id))
    event_ids = attach(conn, analysis, sig, stamp, prefer=frozenset(before))
    for event_id in dict.fromkeys(before):
        if event_id not in event_ids:
            refresh(conn, event_id, article_id=article_id, stamp=stamp)
    return event_ids


def _version_record(row: Any) -> dict[str, Any]:
    return {"event_id": row.event_id, "version": row.version, "article_id": row.article_id,
            "changes": row.changes, "created": bool(row.changes.get("created", False)),
            "created_at": row.created_at}


def last_change(conn: sa.Connection, event_id: str) -> dict[str, Any] | None:
    """Return the latest version of an incident: ``{event_id, version, article_id, changes, created, created_at}``.

    ``created`` is true for a new incident; otherwise ``changes`` maps each changed field to ``[old, new]``
    (``reports``, ``independent_sources``, ``contested`` and ``withdrawn`` included). ``None`` for an unknown id.
    """
    ver = schema.event_versions
    row = conn.execute(sa.select(ver).where(ver.c.event_id == event_id).order_by(ver.c.version.desc())
                       .limit(1)).first()
    return None if row is None else _version_record(row)


def event_history(conn: sa.Connection, event_id: str) -> list[dict[str, Any]]:
    """Return every version of an incident, oldest first, each with the article that caused it and what changed."""
    ver = schema.event_versions
    rows = conn.execute(sa.select(ver).where(ver.c.event_id == event_id).order_by(ver.c.version))
    return [_version_record(row) for row in rows]
