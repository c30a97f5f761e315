"""The API over a real server process: ``tocsin serve`` (uvicorn) on a free loopback port."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sample

from tocsin import store


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('srv') / 'srv.db'}"
    engine = store.connect(url)
    ids = sample.fill(engine, sample.seed_analysis(), sample.hostile_analysis())
    tokens = sample.users(engine)
    engine.dispose()
    with sample.running_server(url) as base, httpx.Client(base_url=base, timeout=10) as client:
        yield {"client": client, "ids": ids, "tokens": tokens}


def test_server_answers_health_and_events(server: dict[str, Any]) -> None:
    client = server["client"]
    assert client.get("/healthz").json()["status"] == "ok"
    data = client.get("/api/events", headers=sample.bearer(server["tokens"]["viewer"])).json()
    places = {f["properties"]["location"]: f["geometry"]["coordinates"] for f in data["features"]}
    assert places["Kati"] == [sample.KATI[1], sample.KATI[0]] and places["Bamako"] == [sample.BAMAKO[1], sample.BAMAKO[0]]


def test_server_viewer_cannot_edit(server: dict[str, Any]) -> None:
    response = server["client"].patch(f"/api/events/{server['ids']['Bamako']}",
                                      json={"changes": {"fatalities": 9}, "reason": "x"},
                                      headers=sample.bearer(server["tokens"]["viewer"]))
    assert response.status_code == 403 and response.json()["detail"]["code"] == "E474"


def test_server_analyst_edit_reaches_the_export(server: dict[str, Any]) -> None:
    client, bamako = server["client"], server["ids"]["Bamako"]
    response = client.patch(f"/api/events/{bamako}", json={"changes": {"fatalities": 5}, "reason": "hospital count"},
                            headers=sample.bearer(server["tokens"]["analyst"]))
    assert response.status_code == 200, response.text
    rows = csv.DictReader(io.StringIO(client.get("/api/export.csv",
                                                 headers=sample.bearer(server["tokens"]["viewer"])).text))
    row = next(r for r in rows if r["event_id_cnty"] == bamako)
    assert (row["fatalities"], row["reviewed"]) == ("5", "True")


def test_server_sends_security_headers(server: dict[str, Any]) -> None:
    headers = server["client"].get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"] and "server" not in headers
