"""The offline gazetteer: shipped GeoNames/WOF data, indexed once into SQLite in a cache folder, then queried.

The package ships compact text files (``data/places.tsv.xz``, ``countries.tsv``, ``admin1.tsv``, ``areas.tsv``,
built by ``scripts/build_gazetteer.py``). On first use they are indexed into a SQLite file named after their content hash
(``make setup`` does this ahead of time); every later process opens that file read-only and memory-mapped, so the
gazetteer is ready in milliseconds and costs little memory. A changed data file gives a new hash, hence a rebuild.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import logging
import lzma
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from tocsin.errors import GeoError
from tocsin.geo.names import fold, skeleton, variant_distance

__all__ = ["AREA_CODES", "ATTRIBUTION", "DATA_DIR", "Country", "Entry", "Gazetteer", "cache_dir", "load"]

DATA_DIR = Path(__file__).with_name("data")
ATTRIBUTION = (
    "Contains data from Who's On First (https://whosonfirst.org/docs/licenses/) and GeoNames "
    "(https://www.geonames.org/, CC BY 4.0)."
)
SCHEMA_VERSION = "7"  # 7: fold writes Ø, Ł, Æ, ß and the like as ASCII letters
DATA_FILES = ("places.tsv.xz", "countries.tsv", "admin1.tsv", "areas.tsv")
# Country codes that English news writes as names.
CODES_AS_NAMES = frozenset({"US", "USA"})
# Feature codes of the hand-written areas in areas.tsv (GeoNames codes: world regions, seas, islands, ...).
AREA_CODES = frozenset({"RGN", "OCN", "SEA", "GULF", "STRT", "LK", "LKS", "ISL", "ISLS", "PEN"})
# Ids of the areas in areas.tsv that have no GeoNames id (below the build's synthetic region and county ids).
AREA_IDS = -9_900_000_000
MAX_CANDIDATES = 250
MMAP_BYTES = 1 << 30
logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, fcode TEXT, cc TEXT, admin1 TEXT, admin2 TEXT,
                    lat REAL, lon REAL, pop INTEGER, nalt INTEGER);
CREATE TABLE name (key TEXT, id INTEGER, main INTEGER, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE skel (skel TEXT, key TEXT, PRIMARY KEY (skel, key)) WITHOUT ROWID;
CREATE TABLE country (cc TEXT PRIMARY KEY, iso3 TEXT, isonum INTEGER, id INTEGER, name TEXT, lat REAL, lon REAL,
                      pop INTEGER, continent TEXT, capital TEXT);
CREATE TABLE demonym (key TEXT PRIMARY KEY, cc TEXT) WITHOUT ROWID;
CREATE TABLE admin1 (cc TEXT, code TEXT, id INTEGER, name TEXT, PRIMARY KEY (cc, code)) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``main`` says whether the looked-up key was its main name (not an alternate)."""

    id: int
    name: str
    fcode: str
    cc: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    pop: int
    nalt: int
    main: bool = True

    @property
    def area(self) -> bool:
        """Whether this is one of the hand-written areas of areas.tsv (world regions, seas, big lakes and islands):
        a well-known name standing for one large area. The lakes and islands of the GeoNames dumps share their
        feature codes (LK, ISL) but are mostly ponds and islets, named like the villages by them."""
        return self.id <= AREA_IDS

    @property
    def geonameid(self) -> int | None:
        """The GeoNames id, or None for places known only to Who's On First or derived by the build."""
        return self.id if 0 < self.id < 1_000_000_000 else None


@dataclasses.dataclass(frozen=True, slots=True)
class Country:
    """A country: ISO codes, GeoNames id, centre point, population and continent."""

    cc: str
    iso3: str
    isonum: int
    id: int
    name: str
    lat: float
    lon: float
    pop: int
    continent: str
    capital: str


def cache_dir() -> Path:
    """Return the folder for the gazetteer index: ``$TOCSIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/tocsin``.

    The environment is read here, at the edge of the geo package, because the index is a per-machine artefact.
    """
    explicit = os.environ.get("TOCSIN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tocsin"


def data_hash(data_dir: Path = DATA_DIR) -> str:
    """Return a short hash of the shipped data files and the index schema (names the index file)."""
    stamps = []
    for name in DATA_FILES:
        path = data_dir / name
        if not path.exists():
            raise GeoError(f"[E201] gazetteer data file {path} is missing; run scripts/build_gazetteer.py")
        info = path.stat()
        stamps.append((name, info.st_size, info.st_mtime_ns))
    return _hash_files(data_dir, tuple(stamps))


@functools.lru_cache(maxsize=8)
def _hash_files(data_dir: Path, stamps: tuple[tuple[str, int, int], ...]) -> str:
    # Keyed by size and modification time: the 18 MB places file is read once per process (the run tag and the
    # index name both need its hash), yet a rebuilt file gets a new hash.
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for name, _, _ in stamps:
        digest.update(f"{name}:".encode())
        with (data_dir / name).open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]


def index_path(data_dir: Path = DATA_DIR, folder: Path | None = None) -> Path:
    """Return where the SQLite index of ``data_dir`` lives (it may not exist yet)."""
    return (folder or cache_dir()) / f"gazetteer-{data_hash(data_dir)}.sqlite"


def build_index(data_dir: Path, target: Path) -> Path:
    """Index the shipped files into a fresh SQLite file at ``target`` (written aside, then moved into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with contextlib.closing(con):
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            _load_countries(con, data_dir)
            _load_places(con, data_dir)
            _load_admin1(con, data_dir)
            _one_capital(con)
            _load_areas(con, data_dir)
            _load_skeletons(con)
            con.execute("INSERT INTO meta VALUES ('data_hash', ?)", (target.stem.split("-")[-1],))
            con.commit()
            con.execute("VACUUM")
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    os.chmod(target, 0o644)
    logger.info("gazetteer index built at %s", target)
    return target


def _tsv(path: Path) -> Iterator[list[str]]:
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _names(pid: int, name: str, alts: Iterable[str]) -> Iterator[tuple[str, int, int]]:
    main = fold(name)
    if main:
        yield main, pid, 1
    for alt in alts:
        key = fold(alt)
        if key and key != main:
            yield key, pid, 0


def _load_places(con: sqlite3.Connection, data_dir: Path) -> None:
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, int, int]] = []
    for f in _tsv(data_dir / "places.tsv.xz"):
        pid = int(f[0])
        places.append((pid, f[1], f[3], f[4], f[5], f[6], float(f[7]), float(f[8]), int(f[9]), int(f[10])))
        names.extend(_names(pid, f[1], f[2].split("|") if f[2] else ()))
        if len(places) >= 50_000:
            _flush(con, places, names)
    _flush(con, places, names)


def _flush(con: sqlite3.Connection, places: list[tuple[object, ...]], names: list[tuple[str, int, int]]) -> None:
    con.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", names)
    places.clear()
    names.clear()


def _load_countries(con: sqlite3.Connection, data_dir: Path) -> None:
    # Smallest first, so that a demonym shared by several countries ("American") ends with the most populous.
    for f in sorted(_tsv(data_dir / "countries.tsv"), key=lambda f: int(f[7])):
        cc, pid, lat, lon, pop = f[0], int(f[3]), float(f[5]), float(f[6]), int(f[7])
        con.execute("INSERT INTO country VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (cc, f[1], int(f[2]), pid, f[4], lat, lon, pop, f[8], f[9]))
        con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (pid, f[4], "PCLI", cc, "", "", lat, lon, pop, 99))
        # ISO codes are no names in running text ("L.A." is not Laos, "IN" not India), except the United States'.
        alts = [a for a in (f[10].split("|") if f[10] else []) if a not in (cc, f[1]) or a in CODES_AS_NAMES]
        con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)", list(_names(pid, f[4], alts)))
        for demonym in f[11].split("|") if f[11] else []:
            for form in (demonym, demonym + "s"):
                con.execute("INSERT OR REPLACE INTO demonym VALUES (?,?)", (fold(form), cc))


def _load_admin1(con: sqlite3.Connection, data_dir: Path) -> None:
    rows = [(f[0], f[1], int(f[2]), f[3]) for f in _tsv(data_dir / "admin1.tsv")]
    con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", rows)


def _one_capital(con: sqlite3.Connection) -> None:
    """Keep one capital (PPLC) per country, its most populous: data built before the build script's fix marked
    every town named like the capital as one (Washington in Utah, Illinois and Georgia)."""
    con.execute("UPDATE place SET fcode='PPL' WHERE fcode='PPLC' AND id NOT IN "
                "(SELECT id FROM (SELECT id, MAX(pop) FROM place WHERE fcode='PPLC' GROUP BY cc))")


def _load_areas(con: sqlite3.Connection, data_dir: Path) -> None:
    """Read areas.tsv over the other files: centre-of-area points of first-level regions, and the areas GeoNames
    cities lack (world regions, seas, islands, disputed regions)."""
    for n, f in enumerate(_tsv(data_dir / "areas.tsv")):
        kind, key, name, alts, fcode, cc, lat, lon = f[0], f[1], f[2], f[3], f[4], f[5], float(f[6]), float(f[7])
        if kind == "admin1":
            region_cc, code = key.split(".", 1)
            con.execute("UPDATE place SET lat=?, lon=? WHERE id=(SELECT id FROM admin1 WHERE cc=? AND code=?)",
                        (lat, lon, region_cc, code))
        else:
            pid = int(key) if key else AREA_IDS - n
            con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (pid, name, fcode, cc, "", "", lat, lon, 0, 99))
            con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?)",
                            list(_names(pid, name, alts.split("|") if alts else ())))


def _load_skeletons(con: sqlite3.Connection) -> None:
    keys = [row[0] for row in con.execute("SELECT DISTINCT key FROM name")]
    con.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", ((skeleton(k), k) for k in keys if len(k) >= 4))


class Gazetteer:
    """Read-only queries over the gazetteer index: names, fuzzy variants, countries, demonyms, admin names."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise GeoError(f"[E202] gazetteer index {path} does not exist; call tocsin.geo.gazetteer.load()")
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self._countries = {row[0]: Country(*row) for row in self._con.execute("SELECT * FROM country")}
        self._admin1 = {(r[0], r[1]): (r[2], r[3]) for r in self._con.execute("SELECT * FROM admin1")}

    def close(self) -> None:
        """Close the database connection."""
        self._con.close()

    def has(self, key: str) -> bool:
        """Return True when some place has the folded name ``key``."""
        return self._con.execute("SELECT 1 FROM name WHERE key=? LIMIT 1", (key,)).fetchone() is not None

    def lookup(self, key: str, *, limit: int = MAX_CANDIDATES) -> list[Entry]:
        """Return the places whose main or alternate folded name is ``key``, most populous first."""
        rows = self._con.execute(
            "SELECT p.*, n.main FROM name n JOIN place p ON p.id = n.id WHERE n.key=? ORDER BY p.pop DESC LIMIT ?",
            (key, limit),
        ).fetchall()
        return [_entry(row) for row in rows]

    def variants(self, key: str, *, max_distance: int = 1) -> list[tuple[str, int]]:
        """Return ``(name, distance)`` for other folded names that spell ``key`` differently, closest first.

        Candidates share the consonant skeleton; ``distance`` is the edit distance after levelling common
        transcription differences (0 for Diabaly / Diabali).
        """
        if len(key) < 4:
            return []
        rows = self._con.execute("SELECT key FROM skel WHERE skel=?", (skeleton(key),)).fetchall()
        found = [(k, variant_distance(k, key)) for (k,) in rows if k != key]
        return sorted((kd for kd in found if kd[1] <= max_distance), key=lambda kd: kd[1])

    def get(self, pid: int) -> Entry | None:
        """Return the place with id ``pid``."""
        row = self._con.execute("SELECT *, 1 FROM place WHERE id=?", (pid,)).fetchone()
        return _entry(row) if row else None

    def country(self, cc: str) -> Country | None:
        """Return the country with ISO 3166-1 alpha-2 code ``cc``."""
        return self._countries.get(cc)

    def countries(self) -> list[Country]:
        """Return every country."""
        return list(self._countries.values())

    def demonym(self, key: str) -> str | None:
        """Return the ISO2 code of the country whose demonym folds to ``key`` ("malian" gives "ML")."""
        row = self._con.execute("SELECT cc FROM demonym WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else None

    def admin1_name(self, cc: str, code: str) -> str | None:
        """Return the name of first-level region ``code`` of country ``cc``."""
        found = self._admin1.get((cc, code))
        return found[1] if found else None

    def admin1_id(self, cc: str, code: str) -> int | None:
        """Return the place id of first-level region ``code`` of country ``cc``."""
        found = self._admin1.get((cc, code))
        return found[0] if found else None


def _entry(row: tuple[object, ...]) -> Entry:
    pid, name, fcode, cc, admin1, admin2, lat, lon, pop, nalt, main = row
    return Entry(int(str(pid)), str(name), str(fcode), str(cc), str(admin1 or ""), str(admin2 or ""),
                 float(str(lat)), float(str(lon)), int(str(pop or 0)), int(str(nalt or 0)), bool(main))


def ensure_index(data_dir: Path = DATA_DIR, folder: Path | None = None) -> Path:
    """Return the index for ``data_dir``, building it first when it is missing."""
    path = index_path(data_dir, folder)
    if not path.exists():
        logger.warning("building the gazetteer index at %s (once per machine; about a minute)", path)
        build_index(data_dir, path)
    return path


@functools.lru_cache(maxsize=4)
def load(data_dir: Path = DATA_DIR, folder: Path | None = None) -> Gazetteer:
    """Return the gazetteer, opened once per process (and indexed first when this machine has no index yet)."""
    return Gazetteer(ensure_index(data_dir, folder))

