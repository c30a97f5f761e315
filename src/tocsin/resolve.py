"""Mentions to events inside one article; events to incidents across articles; updates.

Everything here is a plain function over model objects, so the store only has to fetch candidates and write:

- ``merge_mentions`` joins the mentions of one event inside an article (same type family, place, day, actors);
- ``match_score`` / ``same_incident`` decide whether a new report's event is an incident already known: hard
  gates (type family, the distance both geo precisions allow, overlapping date windows, same country, never a
  historical event, and for reports vague in date or place, details of wording in common: a count, a target, a
  name, the day named) and then a weighted agreement of place, date, sub-type, actors and wording;
- ``build_incident`` folds every report of an incident into one event (most precise place and date, the
  codebook's precedence for the sub-type, the highest reported death toll, corroborated certainty, the
  details of every report's wording), and
  ``changes_between`` says what a new report changed (``{"fatalities": [3, 7]}``);
- ``independent_sources`` counts the sources behind the reports, a story syndicated by twenty outlets as one
  (``syndication``); the details of wording that single an event out are read by ``wording``;
- ``day_range`` / ``cell_of`` / ``nearby_cells`` give the indexed keys the store blocks candidates by.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Sequence

from tocsin.geo.distance import distance_km
from tocsin.model import JSON, Claim, Event
from tocsin.syndication import Signature, syndicated
from tocsin.taxonomy import (
    COUNTRY_NAMES,
    DEMONYMS,
    PRECEDENCE,
    Certainty,
    SourceKind,
    Stance,
    family,
)
from tocsin.wording import SAME_SENTENCE, incident_details, note_details, revises_toll, similarity, weekdays

__all__ = [
    "CELL_DEGREES",
    "COUNTRY_PLACE_SCORE",
    "MATCH_THRESHOLD",
    "MAX_SPAN_DAYS",
    "SEARCH_RADIUS_KM",
    "TRACKED_FIELDS",
    "Report",
    "actor_kind",
    "build_incident",
    "cell_of",
    "changes_between",
    "corroborate",
    "day_range",
    "details_needed",
    "family_of",
    "independent_sources",
    "is_denied",
    "match_score",
    "merge_mentions",
    "nearby_cells",
    "same_incident",
    "shared_details",
]

MATCH_THRESHOLD = 0.6
# How far apart two reports of one place may be, by ACLED geo_precision (1 town, 2 near a town / part of a
# region); precision 3 (a region or country) is compared by admin1 or country instead of distance.
RADIUS_KM = {1: 10.0, 2: 50.0}
SEARCH_RADIUS_KM = 50.0
CELL_DEGREES = 1.0
# The widest date window of one event (time precision 3: a month), used to bound the blocking query.
MAX_SPAN_DAYS = 31
WEIGHTS = {"place": 0.3, "date": 0.3, "subtype": 0.15, "actors": 0.15, "wording": 0.1}
ACTOR_CONFLICT_FACTOR = 0.5
# Place agreement when two reports can be compared only by country (one or both give no region).
COUNTRY_PLACE_SCORE = 0.4
TRACKED_FIELDS = (
    "event_type", "sub_event_type", "event_date", "time_precision", "location", "admin1", "country",
    "geo_precision", "latitude", "longitude", "actor1", "actor2", "fatalities", "fatalities_low",
    "fatalities_high", "certainty",
)
_CERTAINTY_RANK = {Certainty.UNKNOWN: 0, Certainty.UNLIKELY: 1, Certainty.POSSIBLE: 2, Certainty.LIKELY: 3,
                   Certainty.OBSERVED: 4}
_ACTOR_NOISE = frozenset({"of", "the", "and", "forces", "force", "military", "group", "groups", "armed", "men",
                          "unidentified", "unknown", "gunmen", "suspected", "members", "militants", "a",
                          "civilians", "protesters", "rioters", "militia", "communal", "police"})
_WILDCARD_ACTORS = ("unidentified", "unknown", "gunmen")
# The kind of actor an ACLED actor name says by its form (codebook naming rules), for names whose form is
# unambiguous; named groups (rebels, militias, cartels), occupational groups and unidentified perpetrators
# (who may be anyone, the state included) stay unknown.
_ACTOR_KIND_PREFIXES = (
    ("mutiny of ", "armed"), ("military forces of ", "state"), ("police forces of ", "state"),
    ("civilians", "civilians"), ("protesters", "protesters"),
    ("rioters", "rioters"),
)
_PRECEDENCE_RANK = {str(s): i for i, s in enumerate(PRECEDENCE)}
@dataclasses.dataclass(frozen=True, slots=True)
class Report:
    """One article's account of an event: the coded event and what is known of the article behind it."""

    event: Event
    article_id: str
    outlet: str | None = None
    published: str | None = None
    signature: Signature | None = None
    denied: bool = False


def independent_sources(reports: Sequence[Report]) -> int:
    """Return how many independent sources stand behind the reports.

    Reports from one outlet are one source, and so are syndicated copies of one text (near-duplicates), whatever
    outlet ran them.
    """
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, first in enumerate(reports):
        for j in range(i):
            if _same_source(first, reports[j]):
                parent[root(i)] = root(j)
    return len({root(i) for i in range(len(reports))})


def _same_source(first: Report, second: Report) -> bool:
    if first.outlet and second.outlet and _norm(first.outlet) == _norm(second.outlet):
        return True
    if first.signature is None or second.signature is None:
        return False
    return syndicated(first.signature, second.signature)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# --- blocking keys -------------------------------------------------------------------------------------------

def day_range(event: Event) -> tuple[int, int] | None:
    """Return the first and last day (proleptic ordinals) on which the event may have happened.

    A day-precise date is one day; time precision 2 (a week) allows three days either side; precision 3, or a
    date given only as a month, is that calendar month; a year alone is that year.

    >>> lo, hi = day_range(Event("Protests", "Peaceful protest", event_date="2020-06-15", time_precision=3))
    >>> dt.date.fromordinal(lo).isoformat(), dt.date.fromordinal(hi).isoformat()
    ('2020-06-01', '2020-06-30')
    """
    return _days(event.event_date, event.time_precision)


@functools.lru_cache(maxsize=4096)
def _days(date: str | None, precision: int | None) -> tuple[int, int] | None:
    """``day_range`` of a date and precision, kept: every candidate of every report is compared by it."""
    text = (date or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = dt.date.fromisoformat(text)
        elif re.fullmatch(r"\d{4}-\d{2}", text):
            return _month(dt.date.fromisoformat(text + "-01"))
        elif re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1).toordinal(), dt.date(int(text), 12, 31).toordinal()
        else:
            return None
    except ValueError:
        return None
    if precision == 3:
        return _month(day)
    if precision == 2:
        return day.toordinal() - 3, day.toordinal() + 3
    return day.toordinal(), day.toordinal()


def _month(day: dt.date) -> tuple[int, int]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first.toordinal(), following.toordinal() - 1


def cell_of(lat: float, lon: float) -> int:
    """Return the index of the one-degree grid cell that holds a point (the store's area blocking key).

    >>> cell_of(12.74, -8.07) == cell_of(12.01, -8.99)
    True
    """
    row = min(179, max(0, math.floor(lat / CELL_DEGREES) + 90))
    col = math.floor(lon / CELL_DEGREES) % 360
    return row * 360 + col


def nearby_cells(lat: float, lon: float, radius_km: float = SEARCH_RADIUS_KM) -> list[int]:
    """Return every grid cell within ``radius_km`` of a point (3 x 3 cells at 50 km outside the polar regions)."""
    dlat = radius_km / 111.0
    dlon = radius_km / max(1.0, 111.32 * math.cos(math.radians(min(89.0, abs(lat)))))
    rows = range(math.floor((lat - dlat) / CELL_DEGREES), math.floor((lat + dlat) / CELL_DEGREES) + 1)
    cols = range(math.floor((lon - dlon) / CELL_DEGREES), math.floor((lon + dlon) / CELL_DEGREES) + 1)
    cells = {min(179, max(0, r + 90)) * 360 + c % 360 for r in rows for c in cols}
    return sorted(cells)


def family_of(event: Event) -> str:
    """Return the event's type family (``taxonomy.EVENT_FAMILIES``), or the type itself when it has none."""
    return family(event.event_type) or event.event_type


# --- matching ------------------------------------------------------------------------------------------------

def match_score(event: Event, candidate: Event) -> float:
    """Return how well a report's event fits an incident, in [0, 1]; 0 when a hard rule forbids the match.

    Hard rules: same type family, neither historical, places within what both geo precisions allow, date
    windows that overlap, no different countries, a common named actor when the places can be compared only
    by country (two vague reports of one country on one day are as likely two events as one), and as many
    details shared by the wording as the pair's vagueness asks (``details_needed``, ``shared_details``): a
    report that is not the same day at the same locality must say something the incident's reports said too.
    Then a weighted agreement of place closeness, date, sub-type, actors and wording; named actors that share
    nothing halve the score.
    """
    if event.historical or candidate.historical or family_of(event) != family_of(candidate):
        return 0.0
    place = _place_score(event, candidate)
    if place and (_names_town_of(event, candidate) or _names_town_of(candidate, event)):
        place = 1.0  # the town the wording names is the candidate's: as close as the same town
    date = _date_score(event, candidate)
    if place == 0.0 or date == 0.0:
        return 0.0
    actors = _actor_score(event, candidate)
    if place <= COUNTRY_PLACE_SCORE and not (_actor_keys(event) & _actor_keys(candidate)) - _country_words():
        return 0.0  # a country is too wide to tell two events apart without a common actor (not just its name)
    needed = details_needed(event, candidate)
    if needed and shared_details(event, candidate) < needed:
        return 0.0
    score = (WEIGHTS["place"] * place + WEIGHTS["date"] * date
             + WEIGHTS["subtype"] * _subtype_score(event, candidate)
             + WEIGHTS["actors"] * (0.0 if actors is None else actors)
             + WEIGHTS["wording"] * similarity(event.notes, candidate.notes))
    return score * ACTOR_CONFLICT_FACTOR if actors == 0.0 else score


def same_incident(event: Event, candidate: Event, *, threshold: float = MATCH_THRESHOLD) -> bool:
    """Return whether ``event`` reports the incident ``candidate``: its ``match_score`` reaches the threshold."""
    return match_score(event, candidate) >= threshold


def _place_score(event: Event, candidate: Event) -> float:
    if event.iso2 and candidate.iso2 and event.iso2 != candidate.iso2:
        return 0.0
    coarse = _coarse(event) or _coarse(candidate)
    if not coarse and event.geonameid is not None and event.geonameid == candidate.geonameid:
        return 1.0
    if coarse:  # the same region or country is only as close as a region or country, whatever its id
        if event.admin1 and candidate.admin1:
            return 0.6 if _norm(event.admin1) == _norm(candidate.admin1) else 0.0
        return COUNTRY_PLACE_SCORE if (event.iso2 and event.iso2 == candidate.iso2) or (
            event.country and event.country == candidate.country) else 0.0
    distance = _distance(event, candidate)
    if distance is None:
        return 0.0
    allowed = max(RADIUS_KM.get(event.geo_precision or 2, 50.0), RADIUS_KM.get(candidate.geo_precision or 2, 50.0))
    return 0.0 if distance > allowed else 1.0 - 0.5 * distance / allowed


def _distance(event: Event, candidate: Event) -> float | None:
    if event.latitude is None or event.longitude is None or candidate.latitude is None \
            or candidate.longitude is None:
        return None
    return distance_km(event.latitude, event.longitude, candidate.latitude, candidate.longitude)


def _coarse(event: Event) -> bool:
    """A place known only as a region or country (or not at all) is compared by name, not distance."""
    return event.latitude is None or event.longitude is None or (event.geo_precision or 0) >= 3


def _date_score(event: Event, candidate: Event) -> float:
    first, second = day_range(event), day_range(candidate)
    if first is None or second is None:
        return 0.0
    if first[0] > second[1] or second[0] > first[1]:
        return 0.0
    if first == second:
        return 1.0
    apart = abs((first[0] + first[1]) - (second[0] + second[1])) / 2
    return 0.9 - 0.4 * min(1.0, apart / 7)


def _subtype_score(event: Event, candidate: Event) -> float:
    if event.sub_event_type == candidate.sub_event_type:
        return 1.0
    return 0.6 if event.event_type == candidate.event_type else 0.3


def _actor_keys(event: Event, *, primary: bool = False) -> set[str]:
    keys = set()
    names = (event.actor1, event.assoc_actor_1) if primary else (
        event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
    for actor in names:
        if not actor or any(w in actor.lower() for w in _WILDCARD_ACTORS):
            continue
        text = re.sub(r"\([^)]*\)", " ", actor.lower())
        keys |= {w for w in re.findall(r"[\w'-]+", text) if w not in _ACTOR_NOISE and len(w) > 2}
    return keys


def actor_kind(name: str | None) -> str | None:
    """Return the kind of actor an ACLED actor name denotes when its form says so, else ``None``.

    >>> actor_kind("Military Forces of Cameroon"), actor_kind("Civilians (Cameroon)"), actor_kind("Al Shabaab")
    ('state', 'civilians', None)
    """
    text = (name or "").strip().lower()
    return next((kind for prefix, kind in _ACTOR_KIND_PREFIXES if text.startswith(prefix)), None)


def _actor_country(name: str) -> str | None:
    """The country an ACLED actor name is qualified by: "Civilians (Mali)" and "Military Forces of Mali (2020-)"
    both give "mali"."""
    text = re.sub(r"\(\d{4}-\d{0,4}\)", " ", name.lower())
    found = re.search(r"\(([^)]*)\)\s*$", text.strip()) or re.search(r".*\bof ([a-z .'-]+)$", text.strip())
    return " ".join(found.group(1).split()) if found else None


def _countries_conflict(event: Event, candidate: Event) -> bool:
    """Both events name an actor of the same kind, qualified by different countries (Syrian and Ukrainian
    civilians are not one group of victims)."""
    mine = {(actor_kind(a), _actor_country(a)) for a in (event.actor1, event.actor2) if a and actor_kind(a)}
    theirs = {(actor_kind(a), _actor_country(a)) for a in (candidate.actor1, candidate.actor2) if a and actor_kind(a)}
    return any(kind == other_kind and country and other_country and country != other_country
               for kind, country in mine for other_kind, other_country in theirs)


def _kinds_conflict(event: Event, candidate: Event) -> bool:
    """The two events name actors of kinds that cannot be one event, in whichever order they are coded.

    ACLED's interaction code (the pair of actor types) is part of what an event is: an armed group attacking
    civilians and separatists fighting the army in the same town on the same day are two events, even when the
    first report names no group. Only kinds that the names state outright are compared; a report that names
    fewer kinds than the other (an unnamed victim) fits it, so they conflict only when neither side's kinds
    contain the other's.
    """
    mine = {k for k in (actor_kind(event.actor1), actor_kind(event.actor2)) if k}
    theirs = {k for k in (actor_kind(candidate.actor1), actor_kind(candidate.actor2)) if k}
    if mine and theirs and not (mine <= theirs or theirs <= mine):
        return True
    return _countries_conflict(event, candidate)


def _actor_score(event: Event, candidate: Event) -> float | None:
    """Return 1 when named actors overlap, 0 when they conflict, ``None`` when unknown.

    They conflict when their kinds conflict (``_kinds_conflict``), when both name actors that share nothing, or
    when both name a first actor (the one who acted) and neither first actor is among the other side's actors:
    two groups protesting before the same police are two protests.
    """
    if _kinds_conflict(event, candidate):
        return 0.0
    mine, theirs = _actor_keys(event), _actor_keys(candidate)
    if not mine or not theirs:
        return None
    first, other_first = _actor_keys(event, primary=True), _actor_keys(candidate, primary=True)
    if first and other_first and not (first & theirs) and not (other_first & mine):
        return 0.0
    return 1.0 if mine & theirs else 0.0


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Words of country names and demonyms: "Military Forces of Kenya" and "Police Forces of Kenya" share only
    "kenya", which says where, not who."""
    words = {w for name in COUNTRY_NAMES.values() for w in re.findall(r"[\w'-]+", name.lower())}
    return frozenset(words | set(DEMONYMS))


@functools.lru_cache(maxsize=4096)
def _wording(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """An event's details (its own sentence's and those an incident keeps) and the weekdays among them; kept
    once per event, since the store hands the same decoded incident to many reports in a row."""
    kept = (event.versions or {}).get("details")
    details = note_details(event.notes or "")
    if isinstance(kept, list | tuple):
        details |= frozenset(kept)
    return details, weekdays(details, (event.event_date or "")[:4])


def _place_words(event: Event) -> set[str]:
    return {w for name in (event.location, event.admin1, event.admin2, event.country) if name
            for w in re.findall(r"[\w'-]+", name.lower())}


def shared_details(event: Event, candidate: Event) -> float:
    """Return how many distinct details the events' sentences share (counts, targets, names, the day named), or
    -1 when their wording conflicts: both name days and no day is the same, or each names its own town and not
    the other's.

    Place names are left out (the place score has compared them) and so are country names; the words of a
    named actor's name count once together ("Boko Haram" is one fact, not two). A count of three or fewer is
    half a detail (small tolls coincide often). A day named in the wording counts only when the coded dates are
    not one and the same day, which already says as much. One sentence copied or barely edited
    (``SAME_SENTENCE``) counts as two details, all that any pair needs.

    >>> market = Event("Explosions/Remote violence", "Suicide bomb", notes="A bomber killed 19 at a fish market.")
    >>> shared_details(market, dataclasses.replace(market, notes="Nineteen died in a fish market blast."))
    3.0
    """
    (mine, days), (theirs, other_days) = _wording(event), _wording(candidate)
    if days and other_days and not days & other_days and not _same_day(event, candidate):
        return -1.0
    if _other_towns_named(event, candidate, mine, theirs):
        return -1.0
    shared = mine & theirs
    copied = similarity(event.notes, candidate.notes) >= SAME_SENTENCE
    if not shared and not days & other_days and not copied:
        return 0.0
    words = {d for d in shared if d[0] not in "@#"} - _place_words(event) - _place_words(candidate) \
        - _country_words()
    named = words & (_actor_keys(event) | _actor_keys(candidate))
    same_day = bool(days & other_days) and not _same_day(event, candidate)
    counts = sum(1.0 if int(d[1:]) > 3 else 0.5 for d in shared if d[0] == "#")
    found = len(words - named) + min(1, len(named)) + counts + int(same_day)
    if copied:  # one sentence, copied or barely edited: as strong as wording gets, bar a different toll
        found = max(found, 2.0)
    return found - int(_counts_conflict(event, candidate, mine, theirs))


def _other_towns_named(event: Event, candidate: Event, mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Two places at or near towns that are not one locality, and each side's wording names its own town and
    never the other's: "a raid on Mpeketoni" and "a raid on Lamu" are two raids, however close the towns."""
    if _coarse(event) or _coarse(candidate) or _same_site(event, candidate):
        return False
    town, other_town = _town_words(event.location), _town_words(candidate.location)
    if not town or not other_town or town == other_town:
        return False
    return town <= mine and other_town <= theirs and not town <= theirs and not other_town <= mine


def _names_town_of(vague: Event, sharp: Event) -> bool:
    """``vague`` is placed only at a region (the town in its sentence was not resolved) and its wording names
    ``sharp``'s town, in the same region, by a name that is not the region's own."""
    if not _coarse(vague) or _coarse(sharp) or not vague.admin1 or _norm(vague.admin1) != _norm(sharp.admin1 or ""):
        return False
    town = _town_words(sharp.location)
    # a region named after its capital (Aleppo, Kirkuk) says nothing about the town when its name is read
    return bool(town) and town <= _wording(vague)[0] and not town & _place_words(vague)


@functools.lru_cache(maxsize=4096)
def _town_words(location: str | None) -> frozenset[str]:
    return frozenset(d for d in note_details(location or "") if d[0] not in "@#")


def _counts_conflict(event: Event, candidate: Event, mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Both give a death toll, neither toll is among the other side's figures, and neither sentence reads as an
    update of a toll ("has risen to", "bodies recovered"): two different counts are a sign of two events."""
    if not event.fatalities or not candidate.fatalities or event.fatalities == candidate.fatalities:
        return False
    if f"#{event.fatalities}" in theirs or f"#{candidate.fatalities}" in mine:
        return False
    return not (revises_toll(event.notes) or revises_toll(candidate.notes))


def _same_day(event: Event, candidate: Event) -> bool:
    mine, theirs = day_range(event), day_range(candidate)
    return mine is not None and mine == theirs and mine[0] == mine[1]


def details_needed(event: Event, candidate: Event) -> int:
    """Return how many shared details (``shared_details``) a match needs: none when both reports give the same
    day and the same locality (``_same_site``), one when only one of the two agrees that sharply, two when
    neither does.

    A date that is only the week of publication and a place that is only a region fit many events of one kind;
    two such reports are one incident only when their wording says so.
    """
    return int(not _same_day(event, candidate)) + int(not _same_site(event, candidate))


def _same_site(event: Event, candidate: Event) -> bool:
    """Both places are one locality: the same place id, or within a town's radius, neither a mere region; or
    one is coded only as a region while its wording names the other's town (``_names_town_of``)."""
    if _coarse(event) or _coarse(candidate):
        return _names_town_of(event, candidate) or _names_town_of(candidate, event)
    if event.geonameid is not None and event.geonameid == candidate.geonameid:
        return True
    distance = _distance(event, candidate)
    return distance is not None and distance <= RADIUS_KM[1]


# --- within one article --------------------------------------------------------------------------------------

def merge_mentions(mentions: list[Event]) -> list[Event]:
    """Return one event per incident mentioned in an article, the article's main event first.

    Two mentions are one event when they share the type family and the historical flag, their dates and places
    agree (or one is unknown and the sub-types are equal) and their named actors do not conflict. Mentions that
    name two different places stay apart: the extractor has already joined what the text joins, so what is left
    apart here and sits elsewhere ("gunfire had also been heard near the prime minister's office") is another
    event. The merged event keeps the first mention's sentence and evidence and takes the sharper place and date.
    """
    groups: list[list[Event]] = []
    for mention in mentions:
        for group in groups:
            if all(_same_in_article(mention, other) for other in group):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return [functools.reduce(_refine, group[1:], group[0]) for group in groups]


def _same_in_article(first: Event, second: Event) -> bool:
    if first.historical != second.historical or family_of(first) != family_of(second):
        return False
    if _actor_score(first, second) == 0.0:
        return False
    known_place = not _coarse(first) and not _coarse(second)
    known_date = day_range(first) is not None and day_range(second) is not None
    if known_place and _place_score(first, second) == 0.0:
        return False
    if first.iso2 and second.iso2 and first.iso2 != second.iso2:
        return False
    if _distinct_sites(first, second):
        return False
    if known_date and _date_score(first, second) == 0.0:
        return False
    if not (known_place and known_date):
        return first.sub_event_type == second.sub_event_type
    return True


def _distinct_sites(first: Event, second: Event) -> bool:
    """Both mentions are placed at a town or near one, and not at the same one."""
    if first.geonameid is None or second.geonameid is None or first.geonameid == second.geonameid:
        return False
    return (first.geo_precision or 3) < 3 and (second.geo_precision or 3) < 3


def _refine(base: Event, other: Event) -> Event:
    """Return ``base`` completed by ``other``: precedence for the type, the sharper place and date, named actors,
    the widest death range."""
    changes: JSON = {}
    if _PRECEDENCE_RANK.get(other.sub_event_type, 99) < _PRECEDENCE_RANK.get(base.sub_event_type, 99):
        changes.update(event_type=other.event_type, sub_event_type=other.sub_event_type,
                       disorder_type=other.disorder_type, plover=other.plover)
    if (other.latitude is not None and (base.latitude is None
                                        or (other.geo_precision or 4) < (base.geo_precision or 4))):
        changes.update({k: getattr(other, k) for k in (
            "location", "latitude", "longitude", "geo_precision", "geonameid", "admin1", "admin2", "country",
            "iso", "iso2")})
    if other.event_date and (not base.event_date or (other.time_precision or 4) < (base.time_precision or 4)):
        changes.update(event_date=other.event_date, time_precision=other.time_precision)
    if not _actor_keys(base) and _actor_keys(other):
        changes.update({k: getattr(other, k) for k in (
            "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "interaction")})
    changes.update(_deaths(base, other))
    changes["evidence"] = base.evidence + tuple(e for e in other.evidence if e not in base.evidence)
    changes["claims"] = base.claims + tuple(c for c in other.claims if c not in base.claims)
    return dataclasses.replace(base, **changes)


def _deaths(base: Event, other: Event) -> JSON:
    """Death tolls rise as reports come in: keep the highest count, the lowest low and the highest high."""
    counts = [n for n in (base.fatalities, other.fatalities) if n is not None]
    lows = [n for n in (base.fatalities_low, other.fatalities_low) if n is not None]
    highs = [n for n in (base.fatalities_high, other.fatalities_high) if n is not None]
    return {"fatalities": max(counts) if counts else None, "fatalities_low": min(lows) if lows else None,
            "fatalities_high": max(highs) if highs else None}


# --- incidents -----------------------------------------------------------------------------------------------

def is_denied(event: Event, claims: Sequence[Claim]) -> bool:
    """Return whether an official source denies the event in its article (a claim of the event with stance deny)."""
    for index in event.claims:
        if 0 <= index < len(claims):
            claim = claims[index]
            if claim.stance == Stance.DENY and claim.source_kind == SourceKind.OFFICIAL:
                return True
    return False


def corroborate(certainties: Iterable[str | None], sources: int, *, denied: bool) -> tuple[str, bool]:
    """Return the incident's CAP certainty and whether it is contested.

    An official denial makes it Unlikely and contested; two or more independent sources raise anything below
    Likely to Likely; otherwise the surest single report stands (Possible when no report says).

    >>> corroborate(["Possible", "Possible"], 2, denied=False)
    ('Likely', False)
    >>> corroborate(["Likely"], 3, denied=True)
    ('Unlikely', True)
    """
    if denied:
        return str(Certainty.UNLIKELY), True
    ranked = [_CERTAINTY_RANK[Certainty(c)] for c in certainties if c in _CERTAINTY_RANK]
    best = max(ranked, default=_CERTAINTY_RANK[Certainty.POSSIBLE])
    if sources >= 2:
        best = max(best, _CERTAINTY_RANK[Certainty.LIKELY])
    return next(str(c) for c, rank in _CERTAINTY_RANK.items() if rank == best), False


def _ordered(reports: Sequence[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.published or "", r.article_id, r.event.sentence_start or 0))


def build_incident(reports: Sequence[Report], *, event_id: str) -> Event:
    """Fold every report of one incident into its current state; order-independent, so re-running is stable.

    Reports are taken in publication order; the first is the incident's main report. Denials do not change what
    happened where, only the certainty. ``versions`` carries the corroboration figures.
    """
    ordered = _ordered(reports)
    if not ordered:
        raise ValueError("an incident needs at least one report")
    accounts = [r for r in ordered if not r.denied] or ordered
    event = functools.reduce(_refine, (r.event for r in accounts[1:]), accounts[0].event)
    sources = independent_sources(ordered)
    certainty, contested = corroborate([r.event.certainty for r in accounts], sources,
                                       denied=any(r.denied for r in ordered))
    outlets = list(dict.fromkeys(r.outlet for r in ordered if r.outlet))
    versions = dict(event.versions or {})
    versions.update(independent_sources=sources, contested=contested,
                    details=incident_details(r.event for r in accounts))
    return dataclasses.replace(
        event, certainty=certainty, source="; ".join(outlets) or event.source, versions=versions,
        event_id=event_id, reports=tuple(dict.fromkeys(r.article_id for r in ordered)))


def changes_between(old: Event, new: Event) -> JSON:
    """Return what changed from ``old`` to ``new``: ``{field: [old, new]}`` over ``TRACKED_FIELDS``, plus the
    number of reports and independent sources and the contested flag.

    >>> old = Event("Battles", "Armed clash", fatalities=3, certainty="Possible")
    >>> changes_between(old, dataclasses.replace(old, fatalities=7))
    {'fatalities': [3, 7]}
    """
    changes: JSON = {}
    for name in TRACKED_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes[name] = [before, after]
    if len(old.reports) != len(new.reports):
        changes["reports"] = [len(old.reports), len(new.reports)]
    for key in ("independent_sources", "contested", "withdrawn"):
        before, after = (old.versions or {}).get(key), (new.versions or {}).get(key)
        if before != after:
            changes[key] = [before, after]
    return changes
