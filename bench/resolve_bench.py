"""Time to add one event to a store of a million incidents (issue 7 target: under 10 ms).

Builds a SQLite store with N synthetic incidents (default 1,000,000) clustered around 60 conflict hot spots over
ten years, written straight into ``events`` and ``event_keys`` with executemany (a few minutes), then stores
articles one at a time through ``store.save_analysis``: half open new incidents, half are further reports of
incidents stored in the run. Prints the median and 95th percentile per article. Not part of the test suite.

Run: nice .venv/bin/python bench/resolve_bench.py [--events 1000000] [--db /tmp/resolve_bench.db] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import time
from pathlib import Path

from tocsin import resolve, store, wording
from tocsin.model import Analysis, Article, Event, article_id
from tocsin.store import incidents

SUBS = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Riots", "Violent demonstration")]
# What a report's sentence names beside the kind of event: the target, and a count (see wording.note_details).
TARGETS = ["market", "checkpoint", "mosque", "church", "school", "convoy", "bus station", "army camp", "police post",
           "gold mine", "cattle market", "clinic", "bridge", "fuel depot", "village well", "courthouse"]
START = dt.date(2015, 1, 1)
DAYS = 3650


def synthetic_event(rng: random.Random, hotspots: list[tuple[float, float]]) -> Event:
    spot = rng.randrange(len(hotspots))
    lat0, lon0 = hotspots[spot]
    event_type, sub = rng.choice(SUBS)
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    lat, lon = round(lat0 + rng.gauss(0, 1.0), 4), round(lon0 + rng.gauss(0, 1.0), 4)
    return Event(event_type, sub, event_date=day.isoformat(), time_precision=rng.choice([1, 1, 1, 2, 3]),
                 latitude=lat, longitude=lon, geo_precision=rng.choice([1, 1, 2, 3]),
                 iso2=chr(65 + spot // 26) + chr(65 + spot % 26), admin1=f"R{round(lat)}/{round(lon)}",
                 location="Town", certainty="Possible",
                 actor1="Unidentified Armed Group (X)", fatalities=(deaths := rng.randrange(5)),
                 notes=f"Gunmen struck the {rng.choice(TARGETS)} near Town, killing {deaths} people, "
                       f"{rng.choice(['officials', 'residents', 'witnesses'])} said.")


def _rows(rng: random.Random, hotspots: list[tuple[float, float]], start: int, stop: int,
          stamp: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Rows of ``events`` and ``event_keys`` for synthetic incidents ``start`` to ``stop``, built straight from
    ``synthetic_event`` (the slow part of a bulk load is Python, not SQLite)."""
    events, keys = [], []
    for number in range(start, stop):
        event = synthetic_event(rng, hotspots)
        event_id = f"ev-syn{number:011d}"
        data = json.dumps({"event_type": event.event_type, "sub_event_type": event.sub_event_type,
                           "event_date": event.event_date, "time_precision": event.time_precision,
                           "location": event.location, "latitude": event.latitude, "longitude": event.longitude,
                           "geo_precision": event.geo_precision, "admin1": event.admin1, "iso2": event.iso2,
                           "actor1": event.actor1, "fatalities": event.fatalities, "certainty": event.certainty,
                           "notes": event.notes, "versions": {"details": wording.incident_details([event])}})
        events.append((event_id, event.event_type, event.sub_event_type, event.event_date, event.iso2,
                       event.latitude, event.longitude, event.fatalities, event.certainty, 0, data, 1, stamp, stamp))
        k = incidents.key_values(event)
        keys.append((event_id, k["family"], k["cell"], k["coarse"], k["iso2"], k["admin1"], k["day_lo"],
                     k["day_hi"], 0, 0))
    return events, keys


def build(db: Path, count: int, rng: random.Random, hotspots: list[tuple[float, float]]) -> None:
    """Create the schema through ``store.connect``, then bulk-load ``count`` incidents with executemany in big
    transactions, with the secondary indexes dropped during the load and rebuilt after it (one sort each)."""
    engine = store.connect(store.database_url(path=db))
    engine.dispose()
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-400000", "temp_store=MEMORY",
                   "locking_mode=EXCLUSIVE"):
        conn.execute(f"PRAGMA {pragma}")
    indexes = [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
                                              " AND tbl_name IN ('events', 'event_keys')")]
    for (name,) in list(conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
                                     " AND tbl_name IN ('events', 'event_keys')")):
        conn.execute(f'DROP INDEX "{name}"')
    stamp = store.now()
    batch = 100_000
    started = time.perf_counter()
    for start in range(0, count, batch):
        events, keys = _rows(rng, hotspots, start, min(count, start + batch), stamp)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO events (event_id, event_type, sub_event_type, event_date, iso2, latitude, "
                         "longitude, fatalities, certainty, historical, data, version, created_at, updated_at) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        conn.executemany("INSERT INTO event_keys (event_id, family, cell, coarse, iso2, admin1, day_lo, day_hi, "
                         "historical, withdrawn) VALUES (?,?,?,?,?,?,?,?,?,?)", keys)
        conn.execute("COMMIT")
        print(f"  {min(count, start + batch):>9,} incidents ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.execute("BEGIN")
    for sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    print(f"  indexes rebuilt ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def article(rng: random.Random, number: int, event: Event) -> Analysis:
    text = (f"Report {number}: {event.sub_event_type} near {event.location} on {event.event_date}, "
            f"{rng.choice(['officials', 'residents', 'witnesses'])} said. " + " ".join(
                rng.choice(["gunfire", "army", "village", "market", "road", "police", "dead", "wounded"])
                for _ in range(120)))
    art = Article(id=article_id(text), text=text, outlet=f"Outlet {rng.randrange(40)}",
                  published=event.event_date, published_source="given", language="en")
    return Analysis(article=art, events=(event,))


def measure(db: Path, rounds: int, rng: random.Random, hotspots: list[tuple[float, float]]) -> list[float]:
    engine = store.connect(store.database_url(path=db))
    timings: list[float] = []
    fresh: list[Event] = []
    for number in range(rounds):
        if fresh and number % 2:
            event = rng.choice(fresh)  # another report of an incident stored in this run
        else:
            event = synthetic_event(rng, hotspots)
            fresh.append(event)
        analysis = article(rng, number, event)
        started = time.perf_counter()
        with engine.begin() as conn:
            store.save_analysis(conn, analysis, model_version="bench")
        timings.append(time.perf_counter() - started)
    engine.dispose()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--db", type=Path, default=Path("/tmp/tocsin_resolve_bench.db"))
    parser.add_argument("--keep", action="store_true", help="reuse an existing store and keep it afterwards")
    args = parser.parse_args()
    rng = random.Random(1)
    hotspots = [(rng.uniform(-30, 45), rng.uniform(-20, 120)) for _ in range(60)]
    if not (args.keep and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        print(f"building a store of {args.events:,} incidents in {args.db} ...")
        build(args.db, args.events, rng, hotspots)
        print(f"built in {time.perf_counter() - started:.0f} s")
    with args.db.open("rb") as handle:  # warm the OS page cache, as a long-running server's store would be
        while handle.read(1 << 24):
            pass
    # a fresh seed for the articles, so that a kept store never sees the same article twice (it would be skipped)
    timings = sorted(t * 1000 for t in measure(args.db, args.rounds, random.Random(time.time_ns()), hotspots))
    print(f"store size: {args.events:,} incidents (file read once beforehand, so the OS caches it); "
          f"{args.rounds} articles stored one per transaction")
    print(f"per article (one event, blocking + match + write + version): median {statistics.median(timings):.2f} ms,"
          f" p95 {timings[int(len(timings) * 0.95)]:.2f} ms, max {timings[-1]:.2f} ms (target < 10 ms)")
    print(f"search radius {resolve.SEARCH_RADIUS_KM:.0f} km, one-degree cells, date window +-{resolve.MAX_SPAN_DAYS} d")
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
