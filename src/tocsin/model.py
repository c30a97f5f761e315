"""The data types that flow through tocsin: articles, places, times, claims, events, flags, rejections.

Every type is a frozen, slotted dataclass (a value object: hashable, changed only through
``dataclasses.replace``). Annotations carry half-open character offsets ``[start, end)`` into the
owning ``Article.text``. Unknown is ``None``. Every type round-trips through plain data with
``to_dict`` / ``from_dict``; ``Place`` and ``Event`` speak ``__geo_interface__``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

__all__ = [
    "Analysis",
    "Article",
    "Claim",
    "Event",
    "Evidence",
    "Flag",
    "JSON",
    "Place",
    "Rejection",
    "TextSpan",
    "TimeExpr",
    "article_id",
    "normalise_text",
]

JSON = dict[str, Any]
_T = TypeVar("_T", bound="_Plain")


def normalise_text(text: str) -> str:
    """Return ``text`` in the form that identifies an article: NFC, unified quotes and dashes, single spaces.

    >>> normalise_text("Gunfire  was heard\\r\\n ") == normalise_text("Gunfire was heard")
    True
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2018\u2019\u201b\u2032]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def article_id(text: str) -> str:
    """Return the article id: the first 16 hex digits of SHA-256 over the normalised text.

    >>> article_id("a  b") == article_id("a b")
    True
    """
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class _Plain:
    """Mixin: ``to_dict`` / ``from_dict`` for flat dataclasses, with nested types named in ``_NESTED``."""

    __slots__ = ()
    _NESTED: ClassVar[Mapping[str, type]] = {}
    _TUPLES: ClassVar[Mapping[str, type]] = {}

    def to_dict(self) -> JSON:
        """Return the object as plain JSON-ready data (nested objects as dicts, tuples as lists)."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[_T], data: Mapping[str, Any]) -> _T:
        """Build the object from ``to_dict`` output; unknown keys are ignored, missing ones take defaults."""
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            if key in cls._NESTED and value is not None:
                value = cls._NESTED[key].from_dict(value)  # type: ignore[attr-defined]
            elif key in cls._TUPLES:
                item_type = cls._TUPLES[key]
                value = tuple(
                    item_type.from_dict(v) if hasattr(item_type, "from_dict") else v  # type: ignore[attr-defined]
                    for v in (value or ())
                )
            elif isinstance(value, list):
                value = tuple(value)
            kwargs[key] = value
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, _Plain):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclasses.dataclass(frozen=True, slots=True)
class TextSpan(_Plain):
    """A piece of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True)
class Article(_Plain):
    """One news report as read: its text and what is known of its origin.

    ``published_source`` says how the date was known: given, metadata, dateline, inferred or unknown.
    ``published_candidates`` keeps every date that fitted when it was inferred.
    """

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_source: str = "unknown"
    published_candidates: tuple[str, ...] = ()
    published_reason: str | None = None
    language: str | None = None
    dateline: str | None = None
    dateline_start: int | None = None
    dateline_end: int | None = None

    def __repr__(self) -> str:
        title = (self.title or self.text[:40]).replace("\n", " ")
        return f"<Article {self.id} {title[:40]!r}>"


@dataclasses.dataclass(frozen=True, slots=True)
class Place(_Plain):
    """A toponym in the text and, when resolved, the gazetteer entry it names.

    ``precision`` is ACLED's geo_precision (1 town, 2 near a town or part of a region, 3 region or country);
    ``score`` is the resolver's confidence in [0, 1].
    """

    text: str
    start: int
    end: int
    geonameid: int | None = None
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    precision: int | None = None
    score: float | None = None
    population: int | None = None

    @property
    def __geo_interface__(self) -> JSON:
        return _point_feature(self.lat, self.lon, {"name": self.name, "geonameid": self.geonameid})


@dataclasses.dataclass(frozen=True, slots=True)
class TimeExpr(_Plain):
    """A temporal expression with its TIMEX3 type (DATE, TIME, DURATION, SET) and value (``2020-08-18``)."""

    text: str
    start: int
    end: int
    type: str
    value: str | None
    precision: str | None = None
    mod: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Claim(_Plain):
    """Who said what: source, cue and content spans, the source's kind and stance, and advice when it is advice."""

    content: TextSpan
    source: TextSpan | None = None
    source_kind: str | None = None
    cue: TextSpan | None = None
    stance: str = "assert"
    advice: bool = False
    issuer: str | None = None
    area: str | None = None

    _NESTED: ClassVar[Mapping[str, type]] = {"content": TextSpan, "source": TextSpan, "cue": TextSpan}


@dataclasses.dataclass(frozen=True, slots=True)
class Evidence(_Plain):
    """The span of text behind one field of an event."""

    field: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True)
class Flag(_Plain):
    """A fault found in the text (weekday/date mismatch, misspelt place, contradicting counts), with its spans."""

    kind: str
    message: str
    start: int
    end: int
    related: tuple[TextSpan, ...] = ()

    _TUPLES: ClassVar[Mapping[str, type]] = {"related": TextSpan}


@dataclasses.dataclass(frozen=True, slots=True)
class Event(_Plain):
    """One coded event: ACLED's fields, a PLOVER second coding, certainty and the evidence behind each field."""

    event_type: str
    sub_event_type: str
    disorder_type: str | None = None
    event_date: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    interaction: int | None = None
    country: str | None = None
    iso: int | None = None
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    certainty: str | None = None
    historical: bool = False
    evidence: tuple[Evidence, ...] = ()
    plover: JSON | None = None
    claims: tuple[int, ...] = ()
    sentence_start: int | None = None
    sentence_end: int | None = None
    versions: JSON | None = None
    event_id: str | None = None
    reports: tuple[str, ...] = ()

    _TUPLES: ClassVar[Mapping[str, type]] = {"evidence": Evidence, "claims": int, "reports": str}

    def __hash__(self) -> int:
        return hash((self.event_type, self.sub_event_type, self.event_date, self.location, self.sentence_start))

    @property
    def sentence_spans(self) -> tuple[tuple[int, int], ...]:
        """The event's own sentence and those of the mentions merged into it (its "sentence" evidence), in order."""
        spans = {(e.start, e.end) for e in self.evidence if e.field == "sentence"}
        if self.sentence_start is not None and self.sentence_end is not None:
            spans.add((self.sentence_start, self.sentence_end))
        return tuple(sorted(spans))

    @property
    def __geo_interface__(self) -> JSON:
        props = {k: v for k, v in self.to_dict().items() if k not in ("latitude", "longitude")}
        return _point_feature(self.latitude, self.longitude, props)


@dataclasses.dataclass(frozen=True, slots=True)
class Rejection(_Plain):
    """An input that was not processed: where it came from, the error code and the reason."""

    source: str
    code: str
    message: str
    detail: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Analysis(_Plain):
    """Everything read from one article: the public ``analyze`` contract."""

    article: Article
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    flags: tuple[Flag, ...] = ()

    _NESTED: ClassVar[Mapping[str, type]] = {"article": Article}
    _TUPLES: ClassVar[Mapping[str, type]] = {
        "places": Place,
        "times": TimeExpr,
        "claims": Claim,
        "events": Event,
        "flags": Flag,
    }

    def to_record(self) -> JSON:
        """Return the flat ``tocsin analyze`` output record (the public contract; extend, never rename)."""
        article = self.article
        return {
            "id": article.id,
            "published": article.published,
            "published_source": article.published_source,
            "published_candidates": list(article.published_candidates),
            "published_reason": article.published_reason,
            "dateline": article.dateline,
            "title": article.title,
            "url": article.url,
            "language": article.language,
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
            "flags": [f.to_dict() for f in self.flags],
        }


def _point_feature(lat: float | None, lon: float | None, properties: JSON) -> JSON:
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "geometry": geometry, "properties": properties}
