"""Toponym resolution: pick, for each mention, the gazetteer entry that the whole article points to.

Scores are hand-set and principled, not fitted: a prior (population, feature class, main name, how widely the
place is named) plus context from the article (the countries and first-level regions the other toponyms, the
demonyms and the dateline point to, and the countries of the mention's own sentence; nearness to the other
places; "X, Y" and "X in Y" parents; the kind of the other names of a list; distance phrases such as "about 15 km
outside Bamako"). Context is recomputed a few times so that confident readings settle the ambiguous ones. A
reading found only as a spelling variant or a part of the name is kept only where it fits the article.
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import functools
import math
import re
from collections.abc import Sequence

from tocsin.geo.distance import distance_km
from tocsin.geo.gazetteer import AREA_CODES, Entry, Gazetteer
from tocsin.geo.names import adjective_bases, admin_base, expanded, feature_bases, fold, part_bases
from tocsin.geo.recognize import LIST_GAP, Mention
from tocsin.geo.states import REGION_ABBREVIATIONS
from tocsin.nlp import sentence_spans

__all__ = ["Resolved", "resolve_mentions"]

FEATURE_BONUS = {"CONT": 6.0, "PCLI": 6.0, "ADM1": 3.5, "PPLC": 2.5, "PPLA": 1.2, "ADM2": 1.2, "PPLA2": 0.6, "ADM3": 0.2,
                 # the hand-written areas (areas.tsv): well-known names, each standing for one large area
                 "OCN": 6.0, "SEA": 5.0, "RGN": 5.0, "PEN": 5.0, "ISLS": 5.0, "GULF": 4.0, "STRT": 4.0, "LK": 4.0,
                 "LKS": 4.0, "ISL": 4.0}
# A lake or island of the GeoNames dumps (no hand-written area): a pond or islet, which reports name far less often
# than a village of the same name (Mali's Tanda and Kati are lakes too); the article's context can still pick it.
MINOR_AREA_BONUS = -1.0
ROUNDS = 3
# The hand-written areas that are bodies of water: a region named after one (Red Sea State) is meant when said so.
_WATER_CODES = frozenset({"OCN", "SEA", "GULF", "STRT", "LK", "LKS"})
# Areas whose adjective or people's name can stand for them (a town's rarely does: "Parisians" are no place).
ADJECTIVE_CODES = frozenset({"CONT", "PCLI", "ADM1"})  # and the hand-written areas (Entry.area)
# "X, Y", "X in Y" and "X in northern Y": what lies between a place and the larger place that contains it.
_PARENT_GAP = re.compile(
    r"\s*,\s*|\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|"
    r"central\s+)?", re.I)
# What joins the items of a list of places: "Georgia, Oklahoma, Pennsylvania and Ohio".
TOP = 30
COUNTRY_W = 4.0
ADMIN1_W = 3.0
NEAR_W = 3.0
NEAR_KM = 150.0
PARENT_W = 6.0
OFFSET_W = 6.0
SUPPORT_W = 2.0
SIBLING_W = 3.0
LOCAL_W = 2.0
LIST_W = 6.0
TOWN_NAMES_AREA_POP = 10_000
FUZZY_PENALTY = 2.0
SLIP_KM = 300.0
MAIN_BONUS = 1.0
_KM_PER_UNIT = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
                "miles": 1.609, "mile": 1.609, "mi": 1.609}
_DISTANCE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(kms?|kilomet(?:re|er)s?|miles?|mi)\b(?:\s*\([^)]{0,20}\))?\s+"
    r"(?:\w+\s+){0,2}?(?:outside|from|of|away from|off)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_AP = re.compile(r"\s*,\s*(" + "|".join(re.escape(k) for k in sorted(REGION_ABBREVIATIONS, key=len, reverse=True))
                 + r")(?![\w.])")
_NEAR = re.compile(r"\b(?:near|outside|close to|on the outskirts of|outskirts of|near the town of|"
                   r"(?:north|south|east|west)(?:east|west)?(?:ern)? of)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with its chosen entry (None when no candidate), a confidence in [0, 1] and "near" readings."""

    mention: Mention
    entry: Entry | None
    score: float
    near: bool = False
    offset_km: float | None = None
    fuzzy: bool = False


def _prior(entry: Entry, slip: int) -> float:
    """Context-free score: population, feature class, main name, how widely named; ``slip``: variant distance+1."""
    bonus = FEATURE_BONUS.get(entry.fcode, 0.0) if entry.area or entry.fcode not in AREA_CODES else MINOR_AREA_BONUS
    return (0.55 * math.log10(entry.pop + 1) + bonus + (MAIN_BONUS if entry.main else 0.0)
            + 0.25 * math.log1p(entry.nalt) - (FUZZY_PENALTY * slip if slip else 0.0))


def _town_over_area(cands: list[Entry], priors: list[float], area_cue: bool) -> None:
    """A region or district named after its main town: the town is meant unless the text says "region".

    The town lies in the region (for a first-level region) or near its point (districts, whose towns carry no
    district code). Only a town that goes by that main name and is big enough to name a region counts (a hamlet
    called Wales or Delaware, or a suburb with the alternate name Illinois, does not make the region a town). The
    country's capital counts wherever the region lies: news names a capital far more often than a namesake region
    of its country (Washington), and an article about the region says so with its other places. A region named
    like its own country (the province of Taiwan, Panamá province) or like a sea or lake (Red Sea State) likewise
    gives way to the country or the water. A region counts for less than a bigger town of its name anywhere (the
    parish of Charlotte in Saint Vincent is smaller than Charlotte, North Carolina). A region's prior stays below
    its own town's however many more people it has (Niger's Tillabéri region has some 90 times its town's).
    """
    towns = [k for k, e in enumerate(cands) if e.fcode.startswith("PPL") and e.main and
             (e.pop >= TOWN_NAMES_AREA_POP or e.fcode != "PPL")]
    countries = {e.cc for e in cands if e.fcode == "PCLI"}
    water = any(e.fcode in _WATER_CODES and e.area for e in cands)
    for k, e in enumerate(cands):
        if e.fcode not in ("ADM1", "ADM2", "ADM3"):
            continue
        own = [j for j in towns[:10] if cands[j].cc == e.cc and (
            cands[j].fcode == "PPLC" or (e.fcode == "ADM1" and cands[j].admin1 == e.admin1)
            or distance_km(cands[j].lat, cands[j].lon, e.lat, e.lon) < 250)]
        if area_cue:
            priors[k] += 3.0
        elif e.cc in countries or water:  # Taiwan, Panama, the Red Sea: a region named like its own country
            priors[k] -= FEATURE_BONUS[e.fcode] + 1.0  # or like a well-known sea or lake is meant when said so
        elif own or any(0 < e.pop < cands[j].pop for j in towns[:10]):
            priors[k] -= FEATURE_BONUS[e.fcode] + 1.0
            if own:
                priors[k] = min(priors[k], max(priors[j] for j in own) - MAIN_BONUS)


@dataclasses.dataclass
class _Slot:
    """Working state for one mention while the article is resolved."""

    mention: Mention
    cands: list[Entry]
    priors: list[float]
    slipped: dict[int, str]  # candidates found only as a spelling variant or a part of the name: id -> that name
    best: int = 0
    conf: float = 0.0
    extra: list[float] = dataclasses.field(default_factory=list)
    totals: list[float] = dataclasses.field(default_factory=list)
    local: list[float] = dataclasses.field(default_factory=list)
    near: bool = False
    offset_km: float | None = None
    anchor: int | None = None
    parent: int | None = None
    peers: tuple[int, ...] = ()  # the other mentions of the same sentence
    mates: tuple[int, ...] = ()  # the other names of the list it stands in ("Utah, Washington and Wyoming")
    in_list: bool = False  # "X, Y" stands inside a longer list of places joined by commas and "and"
    parent_admin: tuple[str, str] | None = None
    kind_cued: bool = False  # "the city of X", "X region": the text itself says which kind of place is meant


def _fixed(gazetteer: Gazetteer, mention: Mention) -> list[Entry]:
    """The one reading of a demonym ("Malian": Mali) or a region abbreviation ("Ga.": Georgia, US; "NSW")."""
    cc = gazetteer.demonym(mention.key)
    country = gazetteer.country(cc) if cc else None
    if country is not None:
        entry = gazetteer.get(country.id)
        return [entry] if entry else []
    tight = mention.text.replace(" ", "")  # "W. Va." is "W.Va."
    region = REGION_ABBREVIATIONS.get(tight) or REGION_ABBREVIATIONS.get(tight + ".")
    pid = gazetteer.admin1_id(*region) if region else None
    entry = gazetteer.get(pid) if pid is not None else None
    return [entry] if entry else []


# "the city of X", "the town of X": the text says which kind of place it means.
_TOWN_CUE = re.compile(r"\b(?:city|town|village|port|capital) of\s+$", re.IGNORECASE)
# "the capital, Islamabad", "the provincial capital Kandahar", "Gao, the regional capital": a capital is meant.
_CAPITAL_BEFORE = re.compile(r"\bcapital,?\s+$", re.IGNORECASE)
_CAPITAL_AFTER = re.compile(r"^,\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,2}?capital\b", re.IGNORECASE)
_AREA_CUE = re.compile(r"^\s+(?:region|province|state|county|district|governorate|prefecture|department)\b|"
                       r"(?:region|province|state|county|district|governorate|prefecture) of\s+$", re.IGNORECASE)
# "Floyd, Carroll and Pulaski counties", "the provinces of Helmand and Kandahar", "the villages of Kidal and
# Tessalit": a plural kind word after or before a list names the kind of each of its names.
_AREAS = r"(?:regions|provinces|states|counties|districts|governorates|prefectures|parishes)"
_AREAS_AFTER = re.compile(rf"\s+{_AREAS}\b", re.IGNORECASE)
_AREAS_BEFORE = re.compile(rf"\b{_AREAS} of\s+$", re.IGNORECASE)
_TOWNS_BEFORE = re.compile(r"\b(?:cities|towns|villages|communities|ports) of\s+$", re.IGNORECASE)


# A qualifier whose noun is left to the next name of a coordination: "Central and South America".
_QUALIFIERS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                         "upper", "lower"})
_ELIDED = re.compile(r"\s+(?:and|or|&)\s+[A-Z][a-z]+\s+([A-Z][a-z]+)\b")


def _lookup(gazetteer: Gazetteer, mention: Mention) -> tuple[list[Entry], list[float], dict[int, str]]:
    """The candidates of a name with their priors, and those found only as a variant or a part of the name."""
    scored = [(e, _prior(e, 0)) for e in _fixed(gazetteer, mention)]
    if not scored:
        scored = [(e, _prior(e, 0)) for e in gazetteer.lookup(mention.key)]
    longer = expanded(mention.key)
    if not scored and longer:  # "St. Kitts and Nevis", "Platte Co."
        scored = [(e, _prior(e, 0)) for e in gazetteer.lookup(longer)]
    base = admin_base(longer or mention.key)
    if not scored and base:  # "Akita Prefecture": the area called Akita
        scored = [(e, _prior(e, 0)) for e in gazetteer.lookup(base) if e.fcode in ("ADM1", "ADM2", "ADM3")]
    if not scored:  # "Transnistrian", "Iowans": an adjective or people's name stands for its area
        scored = [(e, _prior(e, 0)) for base in adjective_bases(mention.key) for e in gazetteer.lookup(base)
                  if e.fcode in ADJECTIVE_CODES or e.area]
    slipped: dict[int, str] = {}
    if not scored:  # "Greater Mumbai", "Swat Valley": a part of a place, or a feature named after it
        bases = [(part, False) for part in part_bases(mention.key)]
        bases += [(part, True) for part in feature_bases(longer or mention.key)]  # "Sycamore Twp.": Sycamore
        for part, feature in bases:
            found = [e for e in gazetteer.lookup(part, limit=50) if not (feature and e.fcode in ("ADM1", "PCLI"))]
            scored.extend((e, _prior(e, 1)) for e in found)
            slipped.update((e.id, part) for e in found if e.id not in slipped)
    if not scored:
        for variant, dist in gazetteer.variants(mention.key)[:8]:
            found = gazetteer.lookup(variant, limit=50)
            scored.extend((e, _prior(e, dist + 1)) for e in found)
            slipped.update((e.id, variant) for e in found if e.id not in slipped)
    if base is None:  # "Story, Marshall and Hardin": local news names counties without "County"
        # the bare name is not the county's own name: its prior is that of an alternate name (no main bonus)
        scored += [(e, _prior(e, 0) - MAIN_BONUS) for suffix in (" county", " parish") for e in
                   gazetteer.lookup(mention.key + suffix) if e.fcode == "ADM2"]
    scored = sorted(scored, key=lambda ep: -ep[1])[:TOP]
    return [e for e, _ in scored], [p for _, p in scored], slipped


def _candidates(
    gazetteer: Gazetteer, text: str, mention: Mention, cache: dict[str, tuple[list[Entry], list[float], dict[int, str]]],
    *, listed: str = "",
) -> _Slot:
    """The candidates of one mention with priors set by the words around it; ``listed`` is the kind ("area" or
    "town") that a plural word names for the list the mention stands in."""
    if mention.key not in cache:
        cache[mention.key] = _lookup(gazetteer, mention)
    cands, priors, slipped_ids = cache[mention.key]
    priors = list(priors)
    elided = _ELIDED.match(text, mention.end) if mention.key in _QUALIFIERS else None
    whole = gazetteer.lookup(f"{mention.key} {fold(elided.group(1))}") if elided else []
    if whole:  # "Central and South America": Central America
        cands, priors, slipped_ids = whole, [_prior(e, 0) for e in whole], {}
    area = listed == "area" or bool(_AREA_CUE.search(text[mention.end : mention.end + 15]) or
                             _AREA_CUE.search(text[max(0, mention.start - 25) : mention.start]))
    town = not area and (listed == "town" or bool(_TOWN_CUE.search(text[max(0, mention.start - 25) : mention.start])))
    _town_over_area(cands, priors, area)
    if town:  # "the city of Kharkiv": the town, not the region named after it
        for k, e in enumerate(cands):
            if e.fcode.startswith("PPL"):
                priors[k] += 3.0
    if (_CAPITAL_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
            or _CAPITAL_AFTER.match(text[mention.end : mention.end + 40])):
        for k, e in enumerate(cands):  # "the capital, Islamabad", "Gao, the regional capital": a capital
            if e.fcode in ("PPLC", "PPLA"):
                priors[k] += 3.0
    return _Slot(mention, cands, priors, slipped_ids, extra=[0.0] * len(cands), kind_cued=area or town)


def resolve_mentions(
    text: str, mentions: Sequence[Mention], gazetteer: Gazetteer, *, focus: Sequence[str] = ()
) -> list[Resolved]:
    """Resolve every mention using the whole text; ``focus`` lists country codes known otherwise (demonyms)."""
    cache: dict[str, tuple[list[Entry], list[float], dict[int, str]]] = {}
    areas, towns = _kind_lists(text, mentions)
    slots = [_candidates(gazetteer, text, m, cache, listed="area" if k in areas else "town" if k in towns else "")
             for k, m in enumerate(mentions)]
    _initialisms(slots)
    _link(text, slots)
    _sentence_peers(text, slots)
    _list_mates(text, slots)
    _add_support(slots)
    for slot in slots:
        _choose(slot, [0.0] * len(slot.cands))
    for _ in range(ROUNDS):
        _context_round(slots, focus)
    _one_sense(slots)
    unsupported = _unsupported_slips(slots) | _outside_parent(slots)
    return [_result(s, dropped=k in unsupported) for k, s in enumerate(slots)]


def _unsupported_slips(slots: list[_Slot]) -> set[int]:
    """Indices of the mentions read as a spelling variant that the rest of the article speaks against.

    A name missing from the gazetteer is often a village spelt another way (Diabaly for Diabali), but as often a
    place the gazetteer lacks, whose nearest spelling is some far town (a Kenyan village read as one in Ivory
    Coast). The same holds for a part of a name ("North Side" is no town Side in Turkey). A reading found only
    as a variant or a part is kept when the article has no other place to judge it by; else
    only when another place of the article lies in its country and, for a town in a country whose places the
    article locates, in its first-level region or within SLIP_KM of it. A country's name with a slip (Britian)
    is kept when the lengths agree. No reading is better than a wrong one: an alert placed in another country
    misleads.
    """
    readings = [(k, s.mention.key, s.cands[s.best]) for k, s in enumerate(slots) if s.cands]
    out = set()
    for k, key, e in readings:
        if e.id not in slots[k].slipped:
            continue
        found_as = slots[k].slipped[e.id]
        if e.fcode == "PCLI" and found_as not in key:  # a respelt country name
            if abs(len(found_as) - len(key)) > 2:
                out.add(k)
            continue
        others = [o for j, okey, o in readings if okey != key and o.id not in slots[j].slipped]
        if not others:
            continue
        same_country = [o for o in others if o.cc == e.cc]
        if not same_country:
            out.add(k)
            continue
        located = [o for o in same_country if o.fcode != "PCLI"]
        if e.fcode in ("ADM1", "CONT") or not located:
            continue
        if not any(o.admin1 == e.admin1 or distance_km(o.lat, o.lon, e.lat, e.lon) < SLIP_KM for o in located):
            out.add(k)
    return out


def _outside_parent(slots: list[_Slot]) -> set[int]:
    """Indices of the mentions read in another country than the one the text puts them in ("the town of Rubaya
    in North Kivu province" where the gazetteer knows only a Rubaya in Uganda): the place is one the gazetteer
    lacks, and an alert in the wrong country misleads more than none."""
    out = set()
    for k, slot in enumerate(slots):
        if not slot.cands or slot.parent is None or slot.in_list:
            continue
        parent_slot = slots[slot.parent]
        if not parent_slot.cands:
            continue
        parent, e = parent_slot.cands[parent_slot.best], slot.cands[slot.best]
        if parent.fcode in ("PCLI", "ADM1") and e.cc and e.fcode != "PCLI" and e.cc != parent.cc:
            out.add(k)
    return out


_INITIALISM = re.compile(r"(?:[A-Z]\.){2,4}|[A-Z]{2,4}")


def _initialisms(slots: list[_Slot]) -> None:
    """Read an initialism ("L.A.") as the place of the article whose full name it abbreviates (Los Angeles).

    A story names a place in full and then by its initials; the gazetteer knows few initialisms, and those it
    knows are mostly villages that happen to have a two-letter name (La in Burkina Faso).
    """
    full: dict[str, _Slot] = {}
    for slot in slots:
        words = slot.mention.text.split()
        if len(words) >= 2 and slot.cands and all(w[:1].isupper() for w in words):
            full.setdefault("".join(w[0] for w in words), slot)
    if not full:
        return
    for slot in slots:
        if _INITIALISM.fullmatch(slot.mention.text):
            source = full.get(slot.mention.text.replace(".", ""))
            if source is not None and source.mention.key != slot.mention.key:
                slot.cands, slot.priors, slot.slipped = source.cands, list(source.priors), source.slipped
                slot.extra = [0.0] * len(slot.cands)


def _one_sense(slots: list[_Slot]) -> None:
    """Give every mention of a name the reading that all its mentions together favour (one sense per discourse).

    A report names the same Vienna throughout; the evidence sits at one mention ("Vienna, Va.", "30 km from X")
    while context rounds score each mention on its own and leave the others with the big namesake. The scores of
    all mentions of the name are summed, and the evidence found at one mention counts for every mention. A mention
    whose words say the kind of place ("the city of Kharkiv", "the Kharkiv region") keeps its own reading: one
    article may name a town and the region named after it.
    """
    groups: dict[str, list[_Slot]] = collections.defaultdict(list)
    for slot in slots:
        if slot.cands and not slot.kind_cued:
            groups[slot.mention.key].append(slot)
    for group in groups.values():
        if len(group) < 2 or len({s.best for s in group}) == 1:
            continue
        n = len(group)
        sums = [sum(s.totals[k] + (n - 1) * (s.local[k] if s.local else 0.0) for s in group)
                for k in range(len(group[0].cands))]
        order = sorted(range(len(sums)), key=lambda k: -sums[k])
        margin = (sums[order[0]] - sums[order[1]]) / len(group) if len(order) > 1 else 3.0
        for slot in group:
            slot.best, slot.conf = order[0], 1.0 / (1.0 + math.exp(-margin))


def _add_support(slots: list[_Slot]) -> None:
    """Reward readings that lie in a first-level region where other names of the article could also lie.

    Greedy rounds start from each name's most likely reading, so a set of small places that only make sense
    together (Columbus, Platte County and Norfolk, all in Nebraska) loses to each name's big namesake. Counting,
    for each candidate, the other names that have *some* reading in its region finds such a set; names that
    exist in every region (Springfield, Washington) support all alike and so change nothing. Only main names
    count: an alternate name (Mecca for a Medina in Ohio) is too weak a tie.
    """
    where: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for slot in slots:
        for e in slot.cands:
            if e.main and e.admin1 and e.fcode not in ("PCLI", "CONT"):
                where[(e.cc, e.admin1)].add(slot.mention.key)
    keys = {slot.mention.key for slot in slots if slot.cands}
    if len(keys) < 2:
        return
    for slot in slots:
        own = slot.mention.key
        for k, e in enumerate(slot.cands):
            # the article names the town (by its own name, not an alternate one such as Jerusalem for a town in
            # Maryland) and its county or district too; a bare name that is also the town's own ("Medina" for
            # Medina County's Medina) is the town or a namesake, not the county
            if (e.admin2 and e.main and e.fcode.startswith("PPL")
                    and (_county_keys(e.admin2) - {fold(e.name)}) & (keys - {own})):
                slot.extra[k] += PARENT_W / 2
            if e.main and e.admin1 and e.fcode not in ("PCLI", "CONT"):
                n = len(where[(e.cc, e.admin1)] - {own})
                slot.extra[k] += SUPPORT_W * n / (len(keys) - 1)


@functools.lru_cache(maxsize=65536)
def _county_keys(admin2: str) -> frozenset[str]:
    """The folded ways an article names a county: "Cooke County" or "Cooke"."""
    key = fold(admin2)
    bare = re.sub(r" (?:county|parish|district|borough)$", "", key)
    return frozenset({key, bare}) if len(bare) > 2 else frozenset({key})


def _link(text: str, slots: list[_Slot]) -> None:
    """Find "X, Y" / "X in Y" parents, and distance or "near" phrases that tie a mention to an anchor."""
    for i, slot in enumerate(slots):
        m = slot.mention
        if i + 1 < len(slots):
            between = text[m.end : slots[i + 1].mention.start]
            if _PARENT_GAP.fullmatch(between):
                slot.parent = i + 1
                slot.in_list = "," in between and (
                    (i > 0 and bool(LIST_GAP.fullmatch(text[slots[i - 1].mention.end : m.start])))
                    or (i + 2 < len(slots) and bool(LIST_GAP.fullmatch(
                        text[slots[i + 1].mention.end : slots[i + 2].mention.start]))))
        ap = _AP.match(text, m.end)
        if ap:
            slot.parent_admin = REGION_ABBREVIATIONS[ap.group(1)]
        before = text[max(0, m.start - 80) : m.start]
        dist = _DISTANCE.search(before)
        if dist:
            km = float(dist.group(1)) * _KM_PER_UNIT[dist.group(2).lower()]
            slot.near = True
            for j in range(i - 1, -1, -1):
                gap = text[slots[j].mention.end : m.start]
                if len(gap) < 80 and "." not in gap.replace("km.", ""):
                    slots[j].anchor, slots[j].offset_km = i, km
                break
        elif _NEAR.search(before[-40:]):
            slot.near = True


def _choose(slot: _Slot, ctx: list[float]) -> None:
    if not slot.cands:
        slot.conf = 0.0
        return
    totals = [p + c + e for p, c, e in zip(slot.priors, ctx, slot.extra, strict=True)]
    slot.totals = totals
    order = sorted(range(len(totals)), key=lambda k: -totals[k])
    slot.best = order[0]
    margin = totals[order[0]] - totals[order[1]] if len(order) > 1 else 3.0
    slot.conf = 1.0 / (1.0 + math.exp(-margin))


@dataclasses.dataclass
class _Context:
    """What the article's current readings say: weight per country, admin1 and place, readings per name, points."""

    countries: dict[str, float]
    admins: dict[tuple[str, str], float]
    kinds: dict[tuple[str, str], float]
    by_key: dict[str, list[tuple[str, tuple[str, str] | None, tuple[str, str] | None, float, int]]]
    points: dict[int, tuple[str, float, float, float, int]]
    places: dict[int, float] = dataclasses.field(default_factory=lambda: collections.defaultdict(float))

    def add(self, i: int, slot: _Slot, sign: float) -> None:
        """Add (``sign`` 1) or take away (-1) the current reading of slot ``i``."""
        if not slot.cands:
            return
        e = slot.cands[slot.best]
        w = (2.0 if slot.mention.dateline else 1.0) * (0.5 + slot.conf)
        adm = (e.cc, e.admin1) if e.fcode != "PCLI" and e.admin1 else None
        kind = _kind(e)
        self.countries[e.cc] += sign * w
        if adm:
            self.admins[adm] += sign * w
        if kind:
            self.kinds[kind] += sign * w
        self.places[e.id] += sign * w
        readings = self.by_key[slot.mention.key]
        if sign > 0:
            readings.append((e.cc, adm, kind, w, e.id))
            self.points[i] = (slot.mention.key, e.lat, e.lon, w, e.id)
        else:
            readings.remove((e.cc, adm, kind, w, e.id))
            self.points.pop(i, None)


def _context_round(slots: list[_Slot], focus: Sequence[str]) -> None:
    """Rescore every mention in turn; a changed reading updates the context at once (no see-saw between two
    names that each follow the other's previous reading)."""
    ctx = _Context(collections.defaultdict(float, {cc: 1.0 for cc in focus}), collections.defaultdict(float),
                   collections.defaultdict(float), collections.defaultdict(list), {})
    for i, slot in enumerate(slots):
        ctx.add(i, slot, 1.0)
    for i, slot in enumerate(slots):
        ctx.add(i, slot, -1.0)
        _score_slot(i, slots, slot, ctx, list(ctx.points.values()))
        ctx.add(i, slot, 1.0)


def _score_slot(
    i: int,
    slots: list[_Slot],
    slot: _Slot,
    context: _Context,
    points: list[tuple[str, float, float, float, int]],
) -> None:
    """Context score of every candidate of one mention, leaving out the mention's own name.

    Besides country, region, nearness and parents, a "sibling" term: a name read among other first-level
    regions of a country is likely one more of them (Georgia among Alabama and Texas), one read among countries
    likely a country.

    A place is no evidence for itself: when another name of the article is read as this very candidate and this
    name is only an alternate name of it (Mecca and Medina both read as the Medina in Ohio that has Mecca for an
    alternate name), that reading counts for neither its country, its region, its kind nor its nearness;
    otherwise two names pull each other to the same wrong place. A short form of the main name ("Boone" for
    Boone County) keeps the support of the long one.
    """
    if not slot.cands:
        return
    countries, admins, kinds = context.countries, context.admins, context.kinds
    own_c, own_a, own_k, own_p = _own_readings(context, slot.mention.key)
    total_c = sum(countries.values()) - sum(own_c.values())
    total_a = sum(admins.values()) - sum(own_a.values())
    others = [(lat, lon, w, pid) for key, lat, lon, w, pid in points if key != slot.mention.key][:25]
    other_ids = {o[3] for o in others}
    parent, anchor = _parent_and_anchor(slots, slot)
    local_c = _local_countries(i, slots)
    local_total = sum(local_c.values())
    ctx = []
    slot.local = []
    for e in slot.cands:
        # other names read as this very place, when this name is only one of its alternate names
        same = 0.0 if e.main else context.places.get(e.id, 0.0) - own_p[e.id]
        c = COUNTRY_W * (countries[e.cc] - own_c[e.cc] - same) / total_c if total_c > 0 else 0.0
        if local_total > 0:
            c += LOCAL_W * local_c.get(e.cc, 0.0) / local_total
        if e.admin1 and total_a > 0 and e.fcode != "PCLI":
            c += ADMIN1_W * (admins[(e.cc, e.admin1)] - own_a[(e.cc, e.admin1)] - same) / total_a
        if others and e.fcode != "PCLI":
            c += NEAR_W * _nearness(e.lat, e.lon, [o for o in others if o[3] != e.id] if e.id in other_ids else others)
        local = _parent_bonus(e, parent) + _offset_bonus(e, anchor, slot.offset_km)
        if slot.parent_admin is not None and (e.cc, e.admin1) == slot.parent_admin:
            local += PARENT_W
        slot.local.append(local)
        c += local
        kind = _kind(e)
        if kind and total_c > 0:
            c += SIBLING_W * (kinds[kind] - own_k[kind] - same) / total_c
        if kind and slot.mates:
            c += LIST_W * sum(_kind_of(slots[j]) == kind for j in slot.mates) / len(slot.mates)
        ctx.append(c)
    _choose(slot, ctx)


def _own_readings(context: _Context, key: str) -> tuple[
    dict[str, float], dict[tuple[str, str], float], dict[tuple[str, str], float], dict[int, float]
]:
    """The weight that the mentions of name ``key`` themselves put on countries, regions, kinds and places."""
    own_c: dict[str, float] = collections.defaultdict(float)
    own_a: dict[tuple[str, str], float] = collections.defaultdict(float)
    own_k: dict[tuple[str, str], float] = collections.defaultdict(float)
    own_p: dict[int, float] = collections.defaultdict(float)
    for cc, adm, kind, w, pid in context.by_key[key]:
        own_p[pid] += w
        own_c[cc] += w
        if adm:
            own_a[adm] += w
        if kind:
            own_k[kind] += w
    return own_c, own_a, own_k, own_p


def _parent_and_anchor(slots: list[_Slot], slot: _Slot) -> tuple[Entry | None, Entry | None]:
    """The current readings of the mention's parent ("X, Y") and of its distance anchor ("15 km from Y")."""
    parent = slots[slot.parent].cands[slots[slot.parent].best] if slot.parent is not None and slots[slot.parent].cands else None
    if parent is not None and slot.in_list and any(_kind(e) == _kind(parent) for e in slot.cands if _kind(e)):
        parent = None  # "Guinea-Bissau, Niger, Nigeria and Togo": a list of peers, not Niger inside Nigeria
    anchor = slots[slot.anchor].cands[slots[slot.anchor].best] if slot.anchor is not None and slots[slot.anchor].cands else None
    return parent, anchor


def _local_countries(i: int, slots: list[_Slot]) -> dict[str, float]:
    """Countries of the current readings of the other names in the sentence of mention ``i``, by weight.

    International news moves between countries; the names of one sentence mostly lie in one ("In Chile, the
    health ministry in Santiago said"), which the article-wide share of Chile, one country among twenty, does
    not show.
    """
    out: dict[str, float] = collections.defaultdict(float)
    key = slots[i].mention.key
    for j in slots[i].peers:
        other = slots[j]
        if other.cands and other.mention.key != key:
            e = other.cands[other.best]
            if e.cc:
                out[e.cc] += 0.5 + other.conf
    return out


def _lists(text: str, mentions: Sequence[Mention]) -> list[list[int]]:
    """Group the mentions into lists of names joined by commas and "and" (a lone name is a group of one)."""
    groups: list[list[int]] = []
    for k in range(len(mentions)):
        if k and LIST_GAP.fullmatch(text[mentions[k - 1].end : mentions[k].start]):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _kind_lists(text: str, mentions: Sequence[Mention]) -> tuple[set[int], set[int]]:
    """Indices of the mentions of a list that a plural kind word names as areas ("Floyd and Pulaski counties",
    "the provinces of Helmand and Kandahar") and as towns ("the villages of Kidal and Tessalit")."""
    areas: set[int] = set()
    towns: set[int] = set()
    for group in _lists(text, mentions):
        if len(group) < 2:
            continue
        before = text[max(0, mentions[group[0]].start - 30) : mentions[group[0]].start]
        if _AREAS_AFTER.match(text, mentions[group[-1]].end) or _AREAS_BEFORE.search(before):
            areas.update(group)
        elif _TOWNS_BEFORE.search(before):
            towns.update(group)
    return areas, towns


def _list_mates(text: str, slots: list[_Slot]) -> None:
    """Record, for each mention, the other names of the list of names it stands in (joined by commas, "and")."""
    for group in _lists(text, [slot.mention for slot in slots]):
        if len(group) > 2:  # two names with a comma between them are as often a place and its parent
            for k in group:
                slots[k].mates = tuple(j for j in group if j != k)


def _sentence_peers(text: str, slots: list[_Slot]) -> None:
    """Record, for each mention, the other mentions of its sentence ("St. Louis" ends none)."""
    starts = [start for start, _ in sentence_spans(text)]
    sentence = [bisect.bisect_right(starts, slot.mention.start) for slot in slots]
    members: dict[int, list[int]] = collections.defaultdict(list)
    for k, n in enumerate(sentence):
        members[n].append(k)
    for k, slot in enumerate(slots):
        slot.peers = tuple(j for j in members[sentence[k]] if j != k)


def _kind_of(slot: _Slot) -> tuple[str, str] | None:
    """The kind of a mention's current reading (None without one)."""
    return _kind(slot.cands[slot.best]) if slot.cands else None


def _nearness(lat: float, lon: float, others: list[tuple[float, float, float, int]]) -> float:
    """``exp(-d / NEAR_KM)`` for the nearest other place; a flat-earth distance is exact enough at this scale,
    and places over 1,500 km apart (nearness under 0.01 %) are skipped without computing it."""
    best = 1e9
    k = math.cos(math.radians(lat))
    for olat, olon, _, _ in others:
        dlat = abs(lat - olat)
        if dlat > 13.5:
            continue
        dlon = abs(lon - olon)
        dlon = min(dlon, 360.0 - dlon) * k
        best = min(best, dlat * dlat + dlon * dlon)
    return math.exp(-111.2 * math.sqrt(best) / NEAR_KM) if best < 1e9 else 0.0


def _kind(e: Entry) -> tuple[str, str] | None:
    """The set of siblings a reading belongs to: the first-level regions of its country, or the countries."""
    if e.fcode == "ADM1":
        return (e.cc, "ADM1")
    if e.fcode == "PCLI":
        return ("", "PCLI")
    return None


def _parent_bonus(e: Entry, parent: Entry | None) -> float:
    if parent is None or parent.cc != e.cc or e.id == parent.id:
        return 0.0
    if parent.fcode == "PCLI" or (parent.fcode == "ADM1" and parent.admin1 == e.admin1):
        return PARENT_W
    return 0.0


def _offset_bonus(e: Entry, anchor: Entry | None, km: float | None) -> float:
    if anchor is None or km is None:
        return 0.0
    d = distance_km(e.lat, e.lon, anchor.lat, anchor.lon)
    return OFFSET_W * math.exp(-abs(d - km) / (0.3 * km + 10.0))


def _result(slot: _Slot, *, dropped: bool = False) -> Resolved:
    entry = slot.cands[slot.best] if slot.cands and not dropped else None
    return Resolved(slot.mention, entry, round(slot.conf, 3) if entry else 0.0, near=slot.near,
                    offset_km=slot.offset_km, fuzzy=entry is not None and entry.id in slot.slipped)
