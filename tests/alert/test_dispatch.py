from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from alert_support import (
    SECRET,
    TODAY,
    alert_rows,
    delivery_rows,
    engine_at,
    make_event,
    store_article,
    subscribe,
)

from loopback import Receiver, serve
from tocsin.alert.dispatch import DispatchConfig, dispatch_once


def _dispatcher(db: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TOCSIN_DB": str(db)}
    return subprocess.Popen([sys.executable, "-m", "tocsin.cli", "dispatch", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=open(db.parent / "dispatch.err", "ab"))  # noqa: SIM115


def _wait_for(check, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def test_dispatch_killed_mid_run_loses_nothing_and_succeeds_once(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    receiver = Receiver(secret=SECRET, refuse=5, retry_after="0")
    with serve(receiver.handle) as url:
        for n in range(3):
            subscribe(engine, f"sub{n}", webhook_url=f"{url}/hook/{n}", webhook_secret=SECRET)
        for n in range(40):
            store_article(engine, f"KATI - report {n} on {TODAY}.", [make_event(location=f"Kati {n}",
                                                          latitude=12.6392 + 0.11 * (n % 7 - 3),
                                                          longitude=-8.0029 + 0.11 * (n // 7 - 2.5))])
        expected = {row.id for row in alert_rows(engine)}
        assert len(expected) == 120
        first = _dispatcher(tmp_path / "tocsin.db", "--lease", "1", "--backoff", "0.05", "--interval", "0.05")
        assert _wait_for(lambda: len(receiver.accepted) >= 30)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        assert len(receiver.accepted) < len(expected)  # killed mid-run
        second = _dispatcher(tmp_path / "tocsin.db", "--lease", "1", "--backoff", "0.05", "--interval", "0.05")
        try:
            assert _wait_for(lambda: set(receiver.accepted) == expected)
            second.send_signal(signal.SIGTERM)
            assert second.wait(10) == 0
        finally:
            if second.poll() is None:
                second.kill()
    assert receiver.bad == 0
    assert {d.status for d in delivery_rows(engine)} == {"delivered"}
    assert receiver.duplicates <= 200  # redeliveries happen only for the batch in flight at the kill


def test_dispatch_digest_sent_once_when_due(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    receiver = Receiver(secret=SECRET)
    with serve(receiver.handle) as url, httpx.Client(timeout=5) as client:
        subscribe(engine, webhook_url=f"{url}/hook", webhook_secret=SECRET, daily_cap=1)
        for n in range(3):
            store_article(engine, f"KATI - report {n} on {TODAY}.", [make_event(location=f"Kati {n}",
                                                          latitude=12.6392 + 0.11 * (n % 7 - 3),
                                                          longitude=-8.0029 + 0.11 * (n // 7 - 2.5))])
        config = DispatchConfig()
        assert dispatch_once(engine, client, config).delivered == 1
        tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1, minutes=1)
        assert dispatch_once(engine, client, config, now=tomorrow).delivered == 1
    digests = [k for k in receiver.accepted if k.startswith("digest-")]
    assert len(digests) == 1 and len(receiver.accepted) == 2
    assert {d.status for d in delivery_rows(engine)} == {"delivered"}
