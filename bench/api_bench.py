"""API and dashboard speed: ``/api/events`` for a one-year window over 100,000 events, and first paint.

Targets (issue 8): under 100 ms for the API call, dashboard first paint under 2 s with no network.
The events are written straight into a temporary SQLite store (the pipeline is not under test here) and
spread over five years and West Africa; the API is called in-process through httpx's ASGI transport, so the
figure is the server's own time (routing, query, GeoJSON) without a network hop. Run: python bench/api_bench.py
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))

from tocsin import accounts, store  # noqa: E402
from tocsin.model import Event  # noqa: E402
from tocsin.settings import Settings  # noqa: E402
from tocsin.store import schema  # noqa: E402
from tocsin.taxonomy import SUB_EVENT_TYPES, EventType  # noqa: E402
from tocsin.web import create_app  # noqa: E402

TYPES = [(t.value, s.value) for t in list(EventType)[:6] for s in SUB_EVENT_TYPES[t]]


def fill(engine: sa.Engine, count: int, seed: int = 7) -> None:
    """Write ``count`` synthetic events, 2019-2023, in one transaction."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        etype, sub = rng.choice(TYPES)
        day = f"{rng.randint(2019, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lat, lon = round(rng.uniform(4, 20), 4), round(rng.uniform(-17, 15), 4)
        event = Event(etype, sub, event_date=day, time_precision=1, country="Mali", iso2="ML", location=f"Town {i}",
                      latitude=lat, longitude=lon, geo_precision=rng.choice((1, 2, 3)),
                      fatalities=rng.choice((None, 0, 1, 3, 12)), certainty="Likely", actor1="Protesters (Mali)",
                      notes="Synthetic event for the API benchmark.", event_id=f"ev-bench{i:08d}")
        rows.append({"event_id": event.event_id, "event_type": etype, "sub_event_type": sub, "event_date": day,
                     "country": "Mali", "iso2": "ML", "latitude": lat, "longitude": lon,
                     "fatalities": event.fatalities, "certainty": "Likely", "historical": False,
                     "data": event.to_dict(), "version": 1, "created_at": store.now(), "updated_at": store.now()})
    with engine.begin() as conn:
        conn.execute(sa.insert(schema.events), rows)


def time_api(app: object, token: str, url: str, runs: int) -> list[float]:
    async def go() -> list[float]:
        times = []
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            headers = {"Authorization": f"Bearer {token}"}
            for _ in range(runs + 1):
                start = time.perf_counter()
                response = await client.get(url, headers=headers)
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
        return times[1:]  # the first call warms caches
    return asyncio.run(go())


def bench_api(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = store.connect(url)
        start = time.perf_counter()
        fill(engine, count)
        print(f"stored {count:,} events in {time.perf_counter() - start:.1f} s")
        with engine.begin() as conn:
            token = accounts.add_user(conn, "bench", "viewer")
        app = create_app(Settings(database_url=url), engine=engine)
        for label, query in [("one year, default page (500)", "since=2022-01-01&until=2022-12-31"),
                             ("one year, page of 1000", "since=2022-01-01&until=2022-12-31&limit=1000"),
                             ("one year, page of 200", "since=2022-01-01&until=2022-12-31&limit=200"),
                             ("one year + bbox", "since=2022-01-01&until=2022-12-31&bbox=-9,11,-6,14"),
                             ("one year + text query", "since=2022-01-01&until=2022-12-31&q=Town%20123")]:
            times = time_api(app, token, f"/api/events?{query}", runs)
            print(f"/api/events {label:<30} median {statistics.median(times):6.1f} ms   "
                  f"p95 {sorted(times)[int(0.95 * (len(times) - 1))]:6.1f} ms   (target < 100 ms)")
        engine.dispose()


def bench_first_paint() -> None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("first paint: skipped (no /usr/bin/chromium)")
        return
    import sample
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'paint.db'}"
        engine = store.connect(url)
        sample.fill(engine, sample.seed_analysis(), sample.hostile_analysis())
        engine.dispose()
        with sample.running_server(url, public=True) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium), args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            start = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-loaded=true]")
            page.wait_for_selector("#land path")
            ready = (time.perf_counter() - start) * 1000
            paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
            browser.close()
    print(f"dashboard first contentful paint {paint:.0f} ms; events and borders drawn after {ready:.0f} ms "
          "(target < 2000 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    bench_api(args.events, args.runs)
    if not args.no_browser:
        bench_first_paint()


if __name__ == "__main__":
    main()
