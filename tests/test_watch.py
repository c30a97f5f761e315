from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from conftest import needs_model
from loopback import Feed, serve
from tocsin import store
from tocsin.cli import cli
from tocsin.errors import ConfigError
from tocsin.process import Counts
from tocsin.store import schema
from tocsin.watch import add_source, list_sources, parse_every, poll_source

STORIES = [
    "Gunfire was heard on Tuesday at the army base in Kati, about 15 km from Bamako, residents said.",
    "Protesters gathered in the centre of Bamako on Tuesday and called for the president to resign.",
    "Soldiers detained several senior officials in Bamako on Tuesday evening, two security sources said.",
]


def _articles(db: Path) -> int:
    engine = store.connect(f"sqlite:///{db}")
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar_one())


def _wait_for(check: Callable[[], bool], timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def _watch(db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TOCSIN_DB": str(db)}
    return subprocess.Popen([sys.executable, "-m", "tocsin.cli", "watch", "--tick", "0.1"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@needs_model
def test_watch_stores_items_as_the_feed_grows_and_resumes_after_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "tocsin.db"
    feed = Feed()
    feed.add("one", "Kati", STORIES[0])
    runner = CliRunner()
    env = {"TOCSIN_DB": str(db)}
    with serve(feed.handle) as url:
        added = runner.invoke(cli, ["sources", "add", f"{url}/feed", "--every", "200ms", "--allow-private"], env=env)
        assert added.exit_code == 0, added.output
        watcher = _watch(db)
        try:
            assert _wait_for(lambda: _articles(db) == 1)
            feed.add("two", "Bamako", STORIES[1])
            assert _wait_for(lambda: _articles(db) == 2)
            watcher.send_signal(signal.SIGTERM)
            assert watcher.wait(20) == 0
            assert b"watch stopped" in watcher.stderr.read()  # type: ignore[union-attr]
            feed.add("three", "Detentions", STORIES[2])
            watcher = _watch(db)
            assert _wait_for(lambda: _articles(db) == 3)
            assert _wait_for(lambda: feed.not_modified > 0)  # conditional GET once nothing is new
        finally:
            watcher.send_signal(signal.SIGTERM)
            watcher.wait(20)
    listed = runner.invoke(cli, ["sources", "list"], env=env)
    assert listed.exit_code == 0 and "stored 3" in listed.output and "ok" in listed.output


def _counting(engine: sa.Engine, items: object) -> Counts:
    return Counts(stored=len(list(items)))  # type: ignore[call-overload]


def test_watch_failure_backs_off_and_records_health(tmp_path: Path) -> None:
    engine = store.connect(f"sqlite:///{tmp_path / 'tocsin.db'}")
    with serve(lambda request, body: (503, {}, b"")) as url:
        with engine.begin() as conn:
            source = add_source(conn, f"{url}/feed", every_s=1.0, allow_private=True)
        with httpx.Client() as client:
            result = poll_source(engine, client, source, process=_counting)
    assert result.error and "E123" in result.error
    with engine.connect() as conn:
        [health] = list_sources(conn)
    assert health.failures == 1 and health.last_error and health.last_success_at is None
    assert health.next_poll_at > store.now()


def test_watch_refuses_loopback_source_unless_allowed(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["sources", "add", "http://127.0.0.1:9/feed"], env={"TOCSIN_DB": str(tmp_path / "t.db")})
    assert result.exit_code == 1 and "E126" in result.output


@pytest.mark.parametrize(("text", "seconds"), [("90", 90.0), ("5m", 300.0), ("1h", 3600.0), ("250ms", 0.25)],
                         ids=["bare", "minutes", "hours", "millis"])
def test_watch_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


def test_watch_parse_every_rejects_nonsense() -> None:
    with pytest.raises(ConfigError):
        parse_every("soon")
