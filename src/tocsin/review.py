"""The review desk: analysts confirm, edit, reject, merge and split events; edits are overlaid when read.

Every action is written to ``event_edits`` (who, when, what, why) and folded into one ``event_reviews`` row per
event. The machine's rows in ``events`` are never changed here and the machine never writes ``event_reviews``,
so re-processing an article cannot undo a review: reads lay the review over whatever the machine holds now.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from tocsin import taxonomy
from tocsin.errors import InputRejected, StoreError
from tocsin.model import Event
from tocsin.store import now, schema
from tocsin.taxonomy import Certainty, ReviewAction, ReviewStatus

__all__ = [
    "EDITABLE",
    "EventQuery",
    "Review",
    "confirm",
    "edit",
    "get_event",
    "get_review",
    "history",
    "merge",
    "query_events",
    "query_page",
    "reject",
    "split",
    "validate_changes",
]

# The fields an analyst may change, and the kind of value each takes.
EDITABLE: dict[str, str] = {
    "event_type": "type", "sub_event_type": "type", "event_date": "date", "time_precision": "precision",
    "actor1": "text", "assoc_actor_1": "text", "actor2": "text", "assoc_actor_2": "text",
    "country": "text", "iso2": "iso2", "admin1": "text", "admin2": "text", "location": "text",
    "latitude": "lat", "longitude": "lon", "geo_precision": "precision", "fatalities": "count",
    "fatalities_low": "count", "fatalities_high": "count", "certainty": "certainty", "notes": "text",
}
_NOT_NULL = ("event_type", "sub_event_type", "event_date", "iso2", "latitude", "longitude", "certainty")
_FILTER_COLUMNS = ("event_type", "event_date", "iso2", "latitude", "longitude", "certainty")
_MAX_TEXT = 500


@dataclasses.dataclass(frozen=True, slots=True)
class Review:
    """The folded result of every edit to one event: its status and the values that override the machine's."""

    event_id: str
    status: ReviewStatus
    fields: Mapping[str, Any]
    reports_added: tuple[str, ...] = ()
    reports_removed: tuple[str, ...] = ()
    merged_into: str | None = None
    reviewed_by: str = ""
    reviewed_at: str = ""

    def apply(self, event: Event) -> Event:
        """Return ``event`` with this review laid over it (reviewed values, reports, a ``reviewed`` mark)."""
        reports = [r for r in event.reports if r not in self.reports_removed]
        reports += [r for r in self.reports_added if r not in reports and r not in self.reports_removed]
        versions = dict(event.versions or {})
        versions["reviewed"] = self.status in (ReviewStatus.CONFIRMED, ReviewStatus.EDITED)
        versions["review"] = {"status": self.status.value, "by": self.reviewed_by, "at": self.reviewed_at,
                              "fields": sorted(self.fields), "merged_into": self.merged_into}
        return dataclasses.replace(event, **dict(self.fields), reports=tuple(reports), versions=versions)


@dataclasses.dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for listing reviewed events; every field is optional.

    ``bbox`` is (min lon, min lat, max lon, max lat); ``status`` is ``active`` (the default: not rejected or
    merged), ``rejected``, ``reviewed``, ``unreviewed`` or ``all``.
    """

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None
    certainty: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    include_historical: bool = False
    status: str = "active"


# Reading


def _review_from_row(row: Any) -> Review:
    return Review(event_id=row.event_id, status=ReviewStatus(row.status), fields=dict(row.fields or {}),
                  reports_added=tuple(row.reports_added or ()), reports_removed=tuple(row.reports_removed or ()),
                  merged_into=row.merged_into, reviewed_by=row.reviewed_by, reviewed_at=row.reviewed_at)


def get_review(conn: sa.Connection, event_id: str) -> Review | None:
    """Return the review of one event, or ``None`` when nobody has reviewed it."""
    rv = schema.event_reviews
    row = conn.execute(sa.select(rv).where(rv.c.event_id == event_id)).first()
    return None if row is None else _review_from_row(row)


def _machine_event(conn: sa.Connection, event_id: str) -> Event | None:
    row = conn.execute(sa.select(schema.events.c.event_id, schema.events.c.data)
                       .where(schema.events.c.event_id == event_id)).first()
    if row is None:
        return None
    return _event(row.event_id, row.data, _reports_of(conn, [event_id]).get(event_id, ()))


def _event(event_id: str, data: Mapping[str, Any], reports: tuple[str, ...]) -> Event:
    return dataclasses.replace(Event.from_dict(data), event_id=event_id, reports=reports)


def get_event(conn: sa.Connection, event_id: str, *, machine: bool = False) -> Event | None:
    """Return one event with its review laid over it (or as the machine coded it), ``None`` if unknown."""
    event = _machine_event(conn, event_id)
    if event is None or machine:
        return event
    review = get_review(conn, event_id)
    return event if review is None else review.apply(event)


def _reports_of(conn: sa.Connection, event_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    er = schema.event_reports
    found: dict[str, list[str]] = {}
    for start in range(0, len(event_ids), 500):
        query = (sa.select(er.c.event_id, er.c.article_id).where(er.c.event_id.in_(event_ids[start:start + 500]))
                 .order_by(er.c.added_at, er.c.article_id))
        for event_id, article_id in conn.execute(query):
            found.setdefault(event_id, []).append(article_id)
    return {k: tuple(v) for k, v in found.items()}


def _machine(name: str) -> Any:
    return schema.events.c[name]


def _effective(name: str) -> Any:
    return sa.func.coalesce(schema.event_reviews.c[name], schema.events.c[name])


def _conditions(flt: EventQuery, col: Any, *, reviewed: bool) -> list[Any]:
    """The filter as SQL over columns given by ``col`` (the machine's, or reviewed-over-machine)."""
    ev, rv = schema.events, schema.event_reviews
    where: list[Any] = []
    if flt.since:
        where.append(col("event_date") >= flt.since)
    if flt.until:
        where.append(col("event_date") <= flt.until)
    if flt.country:
        where.append(col("iso2") == flt.country.upper())
    if flt.event_type:
        where.append(sa.func.lower(col("event_type")) == flt.event_type.lower())
    if flt.certainty:
        where.append(sa.func.lower(col("certainty")) == flt.certainty.lower())
    if flt.text:
        pattern = "%" + flt.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        texts = [sa.cast(ev.c.data, sa.Text).ilike(pattern, escape="\\")]
        if reviewed:
            texts.append(sa.cast(rv.c.fields, sa.Text).ilike(pattern, escape="\\"))
        where.append(sa.or_(*texts))
    if flt.bbox:
        where.extend(_bbox_conditions(flt.bbox, col))
    if not flt.include_historical:
        where.append(ev.c.historical.is_(False))
    return where


def _bbox_conditions(bbox: tuple[float, float, float, float], col: Any) -> list[Any]:
    west, south, east, north = bbox
    lat, lon = col("latitude"), col("longitude")
    lon_test = lon.between(west, east) if west <= east else sa.or_(lon >= west, lon <= east)
    return [lat.between(south, north), lon_test]


_STATUSES: dict[str, tuple[bool, tuple[str, ...]]] = {
    # status filter: (include unreviewed events?, review statuses included)
    "active": (True, (ReviewStatus.CONFIRMED.value, ReviewStatus.EDITED.value)),
    "rejected": (False, (ReviewStatus.REJECTED.value,)),
    "reviewed": (False, (ReviewStatus.CONFIRMED.value, ReviewStatus.EDITED.value)),
    "unreviewed": (True, ()),
    "all": (True, (ReviewStatus.CONFIRMED.value, ReviewStatus.EDITED.value, ReviewStatus.REJECTED.value)),
}


def _parts(flt: EventQuery, *, reviews: bool = True) -> list[tuple[Any, Any]]:
    """The matching events as (query of id and sort date, sort date column) parts.

    ``reviews=False`` says that no event has been reviewed yet: the machine's part then skips the per-row check
    against the reviews and the overlay part is left out.

    Unreviewed events come straight from the machine's columns, so the covering index ``ix_events_listing``
    (event date, id, filter columns) answers both the filter and the order; reviewed events (few) go through
    the overlay. Kept apart, the large part never evaluates COALESCE and a page stops reading at its end.
    """
    if flt.status not in _STATUSES:
        raise InputRejected(f"[E458] status {flt.status!r} is not one of: {', '.join(_STATUSES)}", source="status")
    unreviewed, statuses = _STATUSES[flt.status]
    ev, rv = schema.events, schema.event_reviews
    parts = []
    if unreviewed:
        not_reviewed = [ev.c.event_id.notin_(sa.select(rv.c.event_id))] if reviews else []
        parts.append((sa.select(ev.c.event_id, ev.c.event_date.label("sort_date"))
                      .where(*not_reviewed, *_conditions(flt, _machine, reviewed=False)), ev.c.event_date))
    if statuses and reviews:
        sort = _effective("event_date")
        parts.append((sa.select(ev.c.event_id, sort.label("sort_date"))
                      .select_from(rv.join(ev, ev.c.event_id == rv.c.event_id))
                      .where(rv.c.status.in_(statuses), *_conditions(flt, _effective, reviewed=True)), sort))
    return parts


def _page_rows(conn: sa.Connection, flt: EventQuery, limit: int | None, offset: int,
               columns: Sequence[Any] = ()) -> tuple[list[tuple[Any, ...]], int]:
    """Return one page of (id, sort date, *columns), newest first (undated last, ties by id, descending), and the
    total.

    The columns come with the ordered, limited query itself (one row lookup per event of the page): no second
    query with hundreds of bound ids, nothing read for rows that fall off the page.
    """
    total = 0
    rows: list[Any] = []
    reviews = conn.execute(sa.select(schema.event_reviews.c.event_id).limit(1)).first() is not None
    for query, sort in _parts(flt, reviews=reviews):
        total += conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
        ordered = query.add_columns(*columns).order_by(sort.desc(), schema.events.c.event_id.desc())
        if limit is not None:
            ordered = ordered.limit(limit + offset)
        rows.extend(conn.execute(ordered).tuples())
    rows.sort(key=lambda row: (row[1] is not None, row[1] or "", row[0]), reverse=True)
    end = None if limit is None else offset + limit
    return rows[offset:end], total


# Event fields stored as JSON numbers (the rest that are not columns of their own are strings).
_INTEGER_FIELDS = frozenset({"time_precision", "geo_precision", "fatalities_low", "fatalities_high", "geonameid",
                             "interaction", "iso"})


def _field_column(name: str) -> Any:
    """The SQL expression of one event field: its own column when it has one, else read out of the JSON data."""
    ev = schema.events
    if name in ev.c and name not in ("data", "version", "created_at", "updated_at"):
        return ev.c[name]
    value = ev.c.data[name]
    return value.as_integer() if name in _INTEGER_FIELDS else value.as_string()


def query_page(conn: sa.Connection, flt: EventQuery = EventQuery(), *, limit: int | None = None,
               offset: int = 0, fields: Sequence[str] | None = None,
               ) -> tuple[list[tuple[str, dict[str, Any], Review | None, tuple[str, ...]]], int]:
    """Return one page of matching events as (id, machine data, review, reports), newest first, and the total.

    This is the fast path for the map: no ``Event`` objects are built. With ``fields``, the data holds only those
    fields, read by the database (no JSON decoded here); the map asks for a few fields of hundreds of events.
    """
    if fields is None:
        rows, total = _page_rows(conn, flt, limit, offset, [sa.cast(schema.events.c.data, sa.Text)])
        data = [_decode(row[2]) for row in rows]
    else:
        names = list(dict.fromkeys(fields))
        rows, total = _page_rows(conn, flt, limit, offset, [_field_column(name) for name in names])
        data = [dict(zip(names, row[2:], strict=True)) for row in rows]
    ids = [row[0] for row in rows]
    reviews: dict[str, Review] = {}
    rv = schema.event_reviews
    anything_reviewed = bool(ids) and conn.execute(sa.select(rv.c.event_id).limit(1)).first() is not None
    for start in range(0, len(ids) if anything_reviewed else 0, 500):
        reviews.update((r.event_id, _review_from_row(r))
                       for r in conn.execute(sa.select(rv).where(rv.c.event_id.in_(ids[start:start + 500]))))
    reports = _reports_of(conn, ids)
    return [(i, d, reviews.get(i), reports.get(i, ())) for i, d in zip(ids, data, strict=True)], int(total)


def _decode(data: Any) -> dict[str, Any]:
    """The stored JSON of an event as a dict (some drivers hand JSON over decoded already)."""
    return json.loads(data) if isinstance(data, str | bytes) else dict(data)


def query_events(conn: sa.Connection, flt: EventQuery = EventQuery(), *, limit: int | None = None,
                 offset: int = 0) -> tuple[list[Event], int]:
    """Return one page of reviewed events matching ``flt`` (newest first) and how many match in all."""
    page, total = query_page(conn, flt, limit=limit, offset=offset)
    events = []
    for event_id, data, state, reports in page:
        event = _event(event_id, data, reports)
        events.append(event if state is None else state.apply(event))
    return events, total


def history(conn: sa.Connection, event_id: str) -> list[dict[str, Any]]:
    """Return what happened to an event, oldest first: the machine's versions and every analyst action."""
    ver, ed = schema.event_versions, schema.event_edits
    items = [{"at": r.created_at, "by": "machine", "action": "version", "version": r.version,
              "article_id": r.article_id, "changes": r.changes, "reason": None}
             for r in conn.execute(sa.select(ver).where(ver.c.event_id == event_id))]
    items += [{"at": r.created_at, "by": r.user_name, "action": r.action, "changes": r.changes, "reason": r.reason}
              for r in conn.execute(sa.select(ed).where(ed.c.event_id == event_id).order_by(ed.c.id))]
    return sorted(items, key=lambda item: str(item["at"]))


# Validating


def validate_changes(event: Event, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check an analyst's changes against the vocabularies and ranges; return them normalised.

    Raises ``InputRejected`` (E45x) or ``TaxonomyError`` (E3xx) naming the field and what it takes.

    >>> ev = Event("Protests", "Peaceful protest")
    >>> validate_changes(ev, {"fatalities": "3", "sub_event_type": "Mob violence", "event_type": "Riots"})
    {'fatalities': 3, 'sub_event_type': 'Mob violence', 'event_type': 'Riots', 'fatalities_low': 3, \
'fatalities_high': 3, 'disorder_type': 'Political violence'}
    """
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise InputRejected(f"[E453] field {name!r} cannot be edited; editable: {', '.join(EDITABLE)}",
                                source=name)
        if value is None or value == "":
            if name in _NOT_NULL:
                raise InputRejected(f"[E454] field {name!r} cannot be cleared; give a value", source=name)
            clean[name] = None
            continue
        clean[name] = _check_value(name, EDITABLE[name], value)
    if "fatalities" in clean:
        clean.setdefault("fatalities_low", clean["fatalities"])
        clean.setdefault("fatalities_high", clean["fatalities"])
    if "event_type" in clean or "sub_event_type" in clean:
        etype, sub = taxonomy.validate(clean.get("event_type", event.event_type),
                                       clean.get("sub_event_type", event.sub_event_type))
        clean["event_type"], clean["sub_event_type"] = etype.value, sub.value
        disorder = taxonomy.disorder_type(sub)
        clean["disorder_type"] = None if disorder is None else disorder.value
    return clean


def _check_value(name: str, kind: str, value: Any) -> Any:
    try:
        return _CHECKS[kind](value)
    except (TypeError, ValueError) as exc:
        raise InputRejected(f"[E455] field {name!r}: {value!r} is not {_EXPECTED[kind]}", source=name) from exc


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise ValueError(value)
    return value.strip()


def _bounded(low: float, high: float, cast: type[int] | type[float]) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(value)
        number = cast(value)
        if not low <= number <= high:
            raise ValueError(value)
        return number
    return check


def _iso2(value: Any) -> str:
    if not (isinstance(value, str) and len(value) == 2 and value.isalpha()):
        raise ValueError(value)
    return value.upper()


_CHECKS: dict[str, Any] = {
    "type": _text, "text": _text, "iso2": _iso2,
    "date": lambda v: dt.date.fromisoformat(str(v)).isoformat(),
    "precision": _bounded(1, 3, int), "count": _bounded(0, 10_000_000, int),
    "lat": _bounded(-90, 90, float), "lon": _bounded(-180, 180, float),
    "certainty": lambda v: taxonomy.parse(Certainty, v).value,
}
_EXPECTED = {
    "type": "an ACLED type name", "text": f"text of at most {_MAX_TEXT} characters", "iso2": "an ISO 3166 code",
    "date": "a date (YYYY-MM-DD)", "precision": "1, 2 or 3", "count": "a whole number of at least 0",
    "lat": "a latitude (-90 to 90)", "lon": "a longitude (-180 to 180)", "certainty": "a CAP certainty word",
}


# Writing


def _require(conn: sa.Connection, event_id: str) -> tuple[Event, Review | None]:
    event = _machine_event(conn, event_id)
    if event is None:
        raise StoreError(f"[E456] no event {event_id!r}; list events with GET /api/events")
    review = get_review(conn, event_id)
    if review is not None and review.status is ReviewStatus.MERGED:
        raise StoreError(f"[E457] event {event_id!r} was merged into {review.merged_into!r}; review that one")
    return event, review


def _need_reason(reason: str | None, action: ReviewAction) -> str:
    if not reason or not reason.strip():
        raise InputRejected(f"[E459] say why: a {action.value} needs a reason", source="reason")
    return reason.strip()[:2000]


def _log(conn: sa.Connection, event_id: str, action: ReviewAction, changes: Mapping[str, Any],
         reason: str | None, user: str, stamp: str) -> None:
    conn.execute(sa.insert(schema.event_edits).values(event_id=event_id, action=action.value,
                                                      changes=dict(changes), reason=reason, user_name=user,
                                                      created_at=stamp))


def _save(conn: sa.Connection, review: Review) -> None:
    rv = schema.event_reviews
    fields = dict(review.fields)
    values = {
        "status": review.status.value, "merged_into": review.merged_into, "fields": fields,
        "reports_added": list(review.reports_added), "reports_removed": list(review.reports_removed),
        "reviewed_by": review.reviewed_by, "reviewed_at": review.reviewed_at,
        **{name: fields.get(name) for name in _FILTER_COLUMNS},
    }
    done = conn.execute(sa.update(rv).where(rv.c.event_id == review.event_id).values(**values))
    if not done.rowcount:
        conn.execute(sa.insert(rv).values(event_id=review.event_id, **values))


def _next(review: Review | None, event_id: str, user: str, stamp: str, **changes: Any) -> Review:
    base = review or Review(event_id=event_id, status=ReviewStatus.CONFIRMED, fields={})
    return dataclasses.replace(base, reviewed_by=user, reviewed_at=stamp, **changes)


def confirm(conn: sa.Connection, event_id: str, *, user: str, reason: str | None = None) -> Event:
    """Mark an event as checked and right (keeping earlier edits); return the reviewed event."""
    event, review = _require(conn, event_id)
    stamp = now()
    _log(conn, event_id, ReviewAction.CONFIRM, {}, reason, user, stamp)
    new = _next(review, event_id, user, stamp, status=ReviewStatus.CONFIRMED)
    _save(conn, new)
    return new.apply(event)


def edit(conn: sa.Connection, event_id: str, changes: Mapping[str, Any], *, user: str,
         reason: str | None) -> Event:
    """Change fields of an event; the machine's values stay underneath. Return the reviewed event."""
    why = _need_reason(reason, ReviewAction.EDIT)
    event, review = _require(conn, event_id)
    current = event if review is None else review.apply(event)
    clean = validate_changes(current, changes)
    if not clean:
        raise InputRejected("[E460] an edit needs at least one changed field", source="changes")
    stamp = now()
    before = {name: getattr(current, name) for name in clean}
    _log(conn, event_id, ReviewAction.EDIT, {"before": before, "after": clean}, why, user, stamp)
    fields = {**(review.fields if review else {}), **clean}
    status = ReviewStatus.EDITED if (review is None or review.status is not ReviewStatus.REJECTED) else review.status
    new = _next(review, event_id, user, stamp, status=status, fields=fields)
    _save(conn, new)
    return new.apply(event)


def reject(conn: sa.Connection, event_id: str, *, user: str, reason: str | None) -> Event:
    """Mark an event as wrong (not an event, or not this one): it leaves lists, maps and exports."""
    why = _need_reason(reason, ReviewAction.REJECT)
    event, review = _require(conn, event_id)
    stamp = now()
    _log(conn, event_id, ReviewAction.REJECT, {}, why, user, stamp)
    new = _next(review, event_id, user, stamp, status=ReviewStatus.REJECTED)
    _save(conn, new)
    return new.apply(event)


def merge(conn: sa.Connection, event_id: str, into: str, *, user: str, reason: str | None) -> Event:
    """Merge event ``event_id`` into event ``into`` (same incident): its reports join ``into``; return it."""
    why = _need_reason(reason, ReviewAction.MERGE)
    if event_id == into:
        raise InputRejected(f"[E461] cannot merge event {event_id!r} into itself", source=into)
    source, source_review = _require(conn, event_id)
    target, target_review = _require(conn, into)
    moved = (source if source_review is None else source_review.apply(source)).reports
    stamp = now()
    _log(conn, event_id, ReviewAction.MERGE, {"into": into}, why, user, stamp)
    _log(conn, into, ReviewAction.MERGE, {"from": event_id, "reports": list(moved)}, why, user, stamp)
    _save(conn, _next(source_review, event_id, user, stamp, status=ReviewStatus.MERGED, merged_into=into))
    base = target_review or Review(event_id=into, status=ReviewStatus.EDITED, fields={})
    added = base.reports_added + tuple(r for r in moved if r not in base.reports_added)
    new = _next(base, into, user, stamp, reports_added=added,
                reports_removed=tuple(r for r in base.reports_removed if r not in moved))
    _save(conn, new)
    return new.apply(target)


def split(conn: sa.Connection, event_id: str, reports: Sequence[str], changes: Mapping[str, Any], *, user: str,
          reason: str | None) -> Event:
    """Split a second incident out of an event: a new event takes ``reports`` and ``changes``; return it.

    The reports leave the original event unless they are all it has (one article telling of two incidents),
    in which case both keep them.
    """
    why = _need_reason(reason, ReviewAction.SPLIT)
    event, review = _require(conn, event_id)
    current = event if review is None else review.apply(event)
    moved = tuple(dict.fromkeys(reports))
    if not moved or any(r not in current.reports for r in moved):
        raise InputRejected(f"[E462] a split takes some of the event's reports ({', '.join(current.reports)})",
                            source="reports")
    clean = validate_changes(current, changes)
    stamp = now()
    new_id = "ev-" + hashlib.sha256(f"split:{event_id}:{','.join(moved)}:{stamp}".encode()).hexdigest()[:16]
    _copy_machine_row(conn, event_id, new_id, moved, stamp)
    _log(conn, event_id, ReviewAction.SPLIT, {"new_event": new_id, "reports": list(moved)}, why, user, stamp)
    _log(conn, new_id, ReviewAction.SPLIT, {"from": event_id, "after": clean}, why, user, stamp)
    if len(moved) < len(current.reports):
        removed = (review.reports_removed if review else ()) + moved
        _save(conn, _next(review, event_id, user, stamp, status=review.status if review else ReviewStatus.EDITED,
                          reports_removed=removed))
    fields = {**(review.fields if review else {}), **clean}
    new = Review(event_id=new_id, status=ReviewStatus.EDITED, fields=fields, reviewed_by=user, reviewed_at=stamp)
    _save(conn, new)
    split_event = _machine_event(conn, new_id)
    if split_event is None:  # pragma: no cover - written just above in the same transaction
        raise StoreError(f"[E463] the split event {new_id!r} was not stored")
    return new.apply(split_event)


def _copy_machine_row(conn: sa.Connection, event_id: str, new_id: str, reports: Sequence[str], stamp: str) -> None:
    """Store the new event as a copy of the original's machine row, with the moved reports."""
    ev = schema.events
    row = dict(conn.execute(sa.select(ev).where(ev.c.event_id == event_id)).one()._mapping)
    data = {**row["data"], "event_id": new_id, "reports": list(reports)}
    row.update(event_id=new_id, data=data, created_at=stamp, updated_at=stamp)
    if "version" in row:
        row["version"] = 1
    conn.execute(sa.insert(ev).values(**row))
    for article_id in reports:
        conn.execute(sa.insert(schema.event_reports).values(event_id=new_id, article_id=article_id, added_at=stamp))
