"""Incidents in the store: find candidates by area and day, join or open incidents, keep their version history.

An article's events either join an incident already stored or open a new one (``attach``); each incident is
then rebuilt from all its reports (``resolve.build_incident``) and what changed is written as a version row
naming the article that caused it. Incident ids never change; re-processing an article with a newer model
(``reprocess``) moves its reports in place. Analyst edits live in another table and are never touched here.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from tocsin import resolve
from tocsin.model import Analysis, Event
from tocsin.resolve import Report
from tocsin.store import schema
from tocsin.syndication import Signature, signature, syndicated

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


def save_signature(conn: sa.Connection, article_id: str, text: str, *, replace: bool = True) -> Signature:
    """Compute and store the MinHash signature of an article's text; return it.

    ``replace=False`` skips removing an older signature, for an article stored for the first time.
    """
    sig = signature(text)
    if replace:
        conn.execute(_statements().delete_signature, {"article_id": article_id})
    conn.execute(_statements().insert_signature, {"article_id": article_id, "minhash": sig.to_hex(),
                                                  "size": sig.size})
    return sig


@dataclasses.dataclass(frozen=True)
class _Statements:
    """Statements built once: SQLAlchemy then reuses their compiled form instead of rebuilding them per article."""

    delete_signature: sa.Delete
    insert_signature: sa.Insert
    insert_event: sa.Insert
    insert_keys: sa.Insert
    insert_report: sa.Insert
    insert_version: sa.Insert
    insert_mention: sa.Insert
    event_exists: sa.Select[Any]
    event_row: sa.Select[Any]
    reports_of: sa.Select[Any]
    signatures_behind: sa.Select[Any]
    update_event: sa.Update
    update_keys: sa.Update


@functools.lru_cache(maxsize=1)
def _statements() -> _Statements:
    ev, keys, me, ar, sig, rep = (schema.events, schema.event_keys, schema.mentions, schema.articles,
                                  schema.article_signatures, schema.event_reports)
    event_id: sa.BindParameter[str] = sa.bindparam("b_event_id")
    return _Statements(
        delete_signature=sa.delete(sig).where(sig.c.article_id == sa.bindparam("article_id")),
        insert_signature=sa.insert(sig),
        insert_event=sa.insert(ev),
        insert_keys=sa.insert(keys),
        insert_report=sa.insert(rep),
        insert_version=sa.insert(schema.event_versions),
        insert_mention=sa.insert(me),
        event_exists=sa.select(ev.c.event_id).where(ev.c.event_id == event_id),
        event_row=sa.select(ev.c.version, ev.c.data).where(ev.c.event_id == event_id),
        reports_of=(sa.select(me.c.article_id, me.c.data, ar.c.outlet, ar.c.published, sig.c.minhash, sig.c.size)
                    .join(ar, ar.c.id == me.c.article_id).outerjoin(sig, sig.c.article_id == me.c.article_id)
                    .where(me.c.event_id == event_id).order_by(me.c.article_id, me.c.idx)),
        signatures_behind=(sa.select(rep.c.event_id, sig.c.minhash, sig.c.size)
                           .join(sig, sig.c.article_id == rep.c.article_id)
                           .where(rep.c.event_id.in_(sa.bindparam("b_event_ids", expanding=True)))),
        update_event=sa.update(ev).where(ev.c.event_id == event_id),
        update_keys=sa.update(keys).where(keys.c.event_id == event_id),
    )


@functools.lru_cache(maxsize=8)
def _candidate_query(fine: bool, country: bool, admin1: bool) -> sa.Executable | None:
    """The blocking query for one shape of event, built once: one indexed range scan per area, in one statement.

    Branches: nearby grid cells (fine places); incidents known only as a region in the same country, with the
    same admin1 and with none (two branches, so that each is an equality prefix of the country index).
    """
    keys, ev = schema.event_keys, schema.events
    window = [keys.c.family == sa.bindparam("b_family"),
              keys.c.day_lo.between(sa.bindparam("b_day_from"), sa.bindparam("b_day_hi")),
              keys.c.day_hi >= sa.bindparam("b_day_lo"), keys.c.historical.is_(False), keys.c.withdrawn.is_(False)]
    base = sa.select(ev.c.event_id, sa.cast(ev.c.data, sa.Text).label("data")).join(
        keys, keys.c.event_id == ev.c.event_id)
    branches = []
    if fine:
        branches.append(base.where(*window, keys.c.cell.in_(sa.bindparam("b_cells", expanding=True)),
                                   ev.c.latitude.between(sa.bindparam("b_lat_lo"), sa.bindparam("b_lat_hi")),
                                   ev.c.longitude.between(sa.bindparam("b_lon_lo"), sa.bindparam("b_lon_hi"))))
    if country:
        coarse = keys.c.coarse.is_(True) if fine else keys.c.coarse.in_([True, False])
        in_country = [*window, keys.c.iso2 == sa.bindparam("b_iso2"), coarse]
        if admin1:
            branches.append(base.where(*in_country, keys.c.admin1 == sa.bindparam("b_admin1")))
            branches.append(base.where(*in_country, keys.c.admin1.is_(None)))
        else:
            branches.append(base.where(*in_country))
    if not branches:
        return None
    return branches[0] if len(branches) == 1 else sa.union_all(*branches)


@functools.lru_cache(maxsize=4096)
def _decode(event_id: str, data: str) -> Event:
    """Decode a stored incident once: the same incident is a candidate for many reports in a row."""
    return dataclasses.replace(Event.from_dict(json.loads(data)), event_id=event_id)


def candidates(conn: sa.Connection, event: Event) -> list[Event]:
    """Return the stored incidents that ``event`` could belong to, found through the blocking indexes.

    Same type family, a date window that can overlap, and either a grid cell within ``SEARCH_RADIUS_KM`` or (for
    places known only as a region, and for incidents known only so) the same country. Historical and withdrawn
    incidents are never candidates.
    """
    days = resolve.day_range(event)
    if event.historical or days is None:
        return []
    fine = event.latitude is not None and event.longitude is not None and (event.geo_precision or 2) < 3
    admin1 = _admin1(event)
    query = _candidate_query(fine, bool(event.iso2), bool(event.iso2 and admin1))
    if query is None:
        return []
    params: dict[str, Any] = {"b_family": resolve.family_of(event), "b_day_from": days[0] - resolve.MAX_SPAN_DAYS,
                              "b_day_hi": days[1], "b_day_lo": days[0], "b_iso2": event.iso2, "b_admin1": admin1}
    if event.latitude is not None and event.longitude is not None and fine:
        lat, lon = event.latitude, event.longitude
        dlat = resolve.SEARCH_RADIUS_KM / 111.0
        dlon = resolve.SEARCH_RADIUS_KM / max(1.0, 111.32 * math.cos(math.radians(min(89.0, abs(lat)))))
        params.update(b_cells=resolve.nearby_cells(lat, lon), b_lat_lo=lat - dlat, b_lat_hi=lat + dlat,
                      b_lon_lo=lon - dlon, b_lon_hi=lon + dlon)
    found: dict[str, Event] = {}
    for row in conn.execute(query, params):
        if row.event_id not in found:
            found[row.event_id] = _decode(row.event_id, row.data)
    return list(found.values())


def _reports_of(conn: sa.Connection, event_id: str) -> list[Report]:
    """Return every report behind an incident, with each article's outlet, date and signature."""
    return [Report(event=Event.from_dict(row.data), article_id=row.article_id, outlet=row.outlet,
                   published=row.published, denied=bool(row.data.get("denied", False)),
                   signature=Signature.from_hex(row.minhash, row.size) if row.minhash else None)
            for row in conn.execute(_statements().reports_of, {"b_event_id": event_id})]


def _signatures_behind(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[Signature]]:
    found: dict[str, list[Signature]] = {}
    for row in conn.execute(_statements().signatures_behind, {"b_event_ids": event_ids}):
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
            if report.signature and any(syndicated(report.signature, s)
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
        if conn.execute(_statements().event_exists, {"b_event_id": event_id}).first() is None:
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
    """Join each of the article's events to an incident or open one; return the incident ids in order.

    The article has no report links when this runs (it is new, or ``reprocess`` removed them), and two of its
    events never join one incident, so every link written here is new.
    """
    article_id = analysis.article.id
    reports = reports_of_analysis(analysis, sig)
    targets = _assign(conn, reports, prefer)
    event_ids = []
    for idx, (report, target) in enumerate(zip(reports, targets, strict=True)):
        event_id = target or _new_event_id(conn, article_id, idx)
        if target is None:
            _create(conn, report, event_id, stamp)
        conn.execute(_statements().insert_mention, {
            "article_id": article_id, "idx": idx, "event_id": event_id,
            "data": {**report.event.to_dict(), "denied": report.denied}})
        if target is not None:
            _add_report(conn, event_id, article_id, stamp)
            refresh(conn, event_id, article_id=article_id, stamp=stamp)
        event_ids.append(event_id)
    return event_ids


def _create(conn: sa.Connection, report: Report, event_id: str, stamp: str) -> None:
    incident = resolve.build_incident([report], event_id=event_id)
    st = _statements()
    columns = _columns(incident)
    conn.execute(st.insert_event, {"event_id": event_id, **columns, "version": 1, "created_at": stamp,
                                   "updated_at": stamp})
    conn.execute(st.insert_keys, {"event_id": event_id, **key_values(incident)})
    _add_report(conn, event_id, report.article_id, stamp)
    conn.execute(st.insert_version, {
        "event_id": event_id, "version": 1, "article_id": report.article_id, "changes": {"created": True},
        "data": columns["data"], "created_at": stamp})


def _add_report(conn: sa.Connection, event_id: str, article_id: str, stamp: str) -> None:
    conn.execute(_statements().insert_report, {"event_id": event_id, "article_id": article_id, "added_at": stamp})


def refresh(conn: sa.Connection, event_id: str, *, article_id: str | None, stamp: str) -> dict[str, Any]:
    """Rebuild an incident from its reports; when anything changed, update it and write a version row.

    A change in nothing that ``resolve.changes_between`` tracks (a report's sentence re-read, which changes the
    details kept for matching) updates the stored incident without a version row, so no alert goes out for it.

    An incident left without reports (its only article re-processed into something else) is kept, marked
    withdrawn, so that its id and history survive. Return the changes (empty when nothing changed).
    """
    st = _statements()
    row = conn.execute(st.event_row, {"b_event_id": event_id}).one()
    reports = _reports_of(conn, event_id)
    old = dataclasses.replace(Event.from_dict(row.data), event_id=event_id)
    if reports:
        new = resolve.build_incident(reports, event_id=event_id)
    else:
        new = dataclasses.replace(old, reports=(), versions={**(old.versions or {}), "withdrawn": True})
    changes = resolve.changes_between(old, new)
    if not changes:
        if new.to_dict() != old.to_dict():  # only what no alert reads (the details kept for matching): no version
            conn.execute(st.update_event, {"b_event_id": event_id, **_columns(new), "version": row.version,
                                           "updated_at": stamp})
        return changes
    version = row.version + 1
    columns = _columns(new)
    conn.execute(st.update_event, {"b_event_id": event_id, **columns, "version": version,
                                   "updated_at": stamp})
    keys = key_values(new)
    if keys != key_values(old):
        conn.execute(st.update_keys, {"b_event_id": event_id, **keys})
    conn.execute(st.insert_version, {
        "event_id": event_id, "version": version, "article_id": article_id, "changes": changes,
        "data": columns["data"], "created_at": stamp})
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
