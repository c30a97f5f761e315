"""Hand-made data for the web tests: the Bamako seed with events coded by hand, and a hostile article.

The events are built here, not by the pipeline, so the web tests check the web layer whatever the
extraction stages find; offsets are computed from the text, so they always slice the right words.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import sqlalchemy as sa

from tocsin import accounts, store
from tocsin.model import Analysis, Article, Claim, Event, Evidence, TextSpan, article_id

ROOT = Path(__file__).resolve().parents[2]
SEED_PATH = ROOT / "data" / "seed" / "bamako-reuters-2020-08-18.txt"
KATI = (12.7441, -8.0726)
BAMAKO = (12.6392, -8.0029)
HOSTILE_TEXT = (
    "GAO (Reuters) - Gunmen attacked a market in Gao on Monday, killing 3 people, local officials said. "
    "<script>window.__pwned = 1; document.title = 'pwned'</script> "
    "<img src=x onerror=\"window.__pwned = 2\"> <b onmouseover=\"window.__pwned = 3\">bold</b> "
    "Residents said the attackers fled on motorbikes towards the border."
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _evidence(text: str, field: str, needle: str, nth: int = 0) -> Evidence:
    start, end = _span(text, needle, nth)
    return Evidence(field, start, end)


def seed_analysis() -> Analysis:
    """The seed article with two hand-coded events: gunfire at the Kati base and near the PM's office."""
    text = SEED_PATH.read_text(encoding="utf-8")
    article = Article(id=article_id(text), text=text, title="Gunfire heard at Mali army base, possible mutiny",
                      outlet="Reuters", published="2020-08-18", published_source="given", language="en",
                      url="https://example.org/reuters/mali-mutiny")
    content = _span(text, "Yes, mutiny. The military has taken up arms")
    source = _span(text, "a security source", 1)
    claims = (Claim(content=TextSpan(text[content[0]:content[1]], *content),
                    source=TextSpan(text[source[0]:source[1]], *source), source_kind="anonymous",
                    stance="assert"),)
    base = {"disorder_type": "Political violence", "event_date": "2020-08-18", "time_precision": 1,
            "country": "Mali", "iso": 466, "iso2": "ML", "admin1": "Koulikoro", "geo_precision": 1,
            "source": "Reuters", "certainty": "Likely"}
    kati = Event("Battles", "Armed clash", **base, actor1="Military Forces of Mali (2013-)",
                 actor2="Mutiny of Military Forces of Mali (2013-)", interaction=11, location="Kati",
                 latitude=KATI[0], longitude=KATI[1], fatalities=None, claims=(0,),
                 evidence=(_evidence(text, "event_type", "gunfire at the army base"),
                           _evidence(text, "location", "Kati"), _evidence(text, "event_date", "Tuesday"),
                           _evidence(text, "actor2", "mutiny", 1)))
    bamako = Event("Battles", "Armed clash", **{**base, "admin1": "Bamako", "certainty": "Possible"},
                   actor1="Unidentified Armed Group (Mali)", location="Bamako", latitude=BAMAKO[0],
                   longitude=BAMAKO[1], fatalities=0,
                   evidence=(_evidence(text, "event_type", "gunfire had also been heard"),
                             _evidence(text, "location", "Bamako", 0)))
    return Analysis(article=article, claims=claims, events=(kati, bamako))


def hostile_analysis() -> Analysis:
    """An article whose text carries script and event-handler markup, with one event at Gao."""
    text = HOSTILE_TEXT
    article = Article(id=article_id(text), text=text, title="<script>window.__pwned = 4</script>Gao attack",
                      outlet="<i>Evil</i>", published="2020-08-17", published_source="given", language="en")
    event = Event("Violence against civilians", "Attack", event_date="2020-08-17", time_precision=1,
                  country="Mali", iso2="ML", location="Gao <script>x</script>", latitude=16.2717, longitude=-0.0447,
                  geo_precision=1, fatalities=3, certainty="Likely", notes="<img src=x onerror=alert(1)>",
                  evidence=(_evidence(text, "location", "Gao"),
                            _evidence(text, "event_type", "<script>window.__pwned = 1; document.title = 'pwned'</script>"),
                            _evidence(text, "fatalities", "killing 3 people")))
    return Analysis(article=article, events=(event,))


def fill(engine: sa.Engine, *analyses: Analysis) -> dict[str, str]:
    """Store the analyses; return {location: event id}."""
    ids: dict[str, str] = {}
    for analysis in analyses:
        with engine.begin() as conn:
            event_ids = store.save_analysis(conn, analysis)
        for event, event_id in zip(analysis.events, event_ids, strict=True):
            ids[str(event.location)] = event_id
    return ids


def users(engine: sa.Engine) -> dict[str, str]:
    """Create a viewer, an analyst and an admin; return {role: token}."""
    with engine.begin() as conn:
        return {role: accounts.add_user(conn, f"{role}-user", role) for role in ("viewer", "analyst", "admin")}


def bulk_events(count: int, *, year: int = 2020) -> list[Event]:
    """``count`` plain events spread over a year and over Mali, for paging and filter tests."""
    out = []
    for i in range(count):
        out.append(dataclasses.replace(
            Event("Protests", "Peaceful protest", event_date=f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                  iso2="ML", country="Mali", location=f"Town {i}", latitude=11 + (i % 50) / 10,
                  longitude=-9 + (i % 40) / 10, geo_precision=1, certainty="Likely")))
    return out


class AppClient:
    """Calls the real application in-process through httpx's ASGI transport, keeping cookies between calls."""

    def __init__(self, app: object, *, base_url: str = "http://testserver") -> None:
        self.app = app
        self.base_url = base_url
        self.cookies = httpx.Cookies()

    def request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)  # type: ignore[arg-type]
            async with httpx.AsyncClient(transport=transport, base_url=self.base_url,
                                         cookies=self.cookies) as client:
                response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
                self.cookies.update(client.cookies)
                return response
        return asyncio.run(go())

    def get(self, url: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", url, **kwargs)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(db_url: str, *, public: bool = False) -> Iterator[str]:
    """Run ``tocsin serve`` as a real process on a free loopback port; yield its base URL."""
    port = free_port()
    env = {**os.environ, "TOCSIN_DATABASE_URL": db_url}
    command = [sys.executable, "-m", "tocsin.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command + (["--public"] if public else []), env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"the server exited with {process.returncode}: {err[-2000:]}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the server did not answer /healthz within 30 s")
