"""Alerts over HTTP: subscriptions CRUD, the alerts list, CAP documents and Atom feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sample
from lxml import etree

from tocsin import store
from tocsin.alert.cap import validate
from tocsin.alert.outbox import on_events_changed
from tocsin.settings import Settings
from tocsin.web import create_app


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path / 'alerts.db'}"
    engine = store.connect(url)
    ids = sample.fill(engine, sample.seed_analysis())
    tokens = sample.users(engine)
    client = sample.AppClient(create_app(Settings(database_url=url), engine=engine))
    return {"engine": engine, "ids": ids, "tokens": tokens, "client": client}


def _call(world: dict[str, Any], method: str, url: str, role: str = "analyst", **kwargs: Any) -> Any:
    return world["client"].request(method, url, headers=sample.bearer(world["tokens"][role]), **kwargs)


def _subscribe(world: dict[str, Any]) -> dict[str, Any]:
    response = _call(world, "POST", "/api/subscriptions",
                     json={"name": "mali-desk", "country": "ML", "webhook_url": "https://hooks.example/x",
                           "webhook_secret": "whsec_c2VjcmV0c2VjcmV0c2VjcmV0"})
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_alerts_subscription_crud_hides_secrets(world: dict[str, Any]) -> None:
    created = _subscribe(world)
    assert created["name"] == "mali-desk" and created["channels"] == ["webhook"]
    assert "whsec" not in str(created) and "unsubscribe_token" not in created
    assert [s["name"] for s in _call(world, "GET", "/api/subscriptions").json()] == ["mali-desk"]
    assert _call(world, "GET", f"/api/subscriptions/{created['id']}").json()["id"] == created["id"]
    assert _call(world, "DELETE", "/api/subscriptions/mali-desk").json()["active"] is False
    assert _call(world, "GET", "/api/subscriptions").json() == []


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"name": "x"}, 422, "E469"),
    ({"name": "x", "country": "ML", "circle": "12,-8,10"}, 422, "E469"),
    ({"name": "x", "circle": "north"}, 422, "E601"),
    ({"name": "x", "country": "ML", "types": ["Mutinies"]}, 422, "E605"),
], ids=["no-area", "two-areas", "bad-circle", "bad-type"])
def test_alerts_bad_subscription_is_refused(world: dict[str, Any], body: dict[str, Any], status: int,
                                            code: str) -> None:
    response = _call(world, "POST", "/api/subscriptions", json=body)
    assert response.status_code == status and response.json()["detail"]["code"] == code


def test_alerts_viewer_cannot_subscribe(world: dict[str, Any]) -> None:
    response = _call(world, "POST", "/api/subscriptions", role="viewer", json={"name": "v", "country": "ML"})
    assert response.status_code == 403


def test_alerts_list_cap_and_feed(world: dict[str, Any]) -> None:
    _subscribe(world)
    with world["engine"].begin() as conn:
        written = on_events_changed(conn, list(world["ids"].values()), None, now=dt.datetime(2020, 8, 18, tzinfo=dt.UTC))
    assert written >= 1
    found = _call(world, "GET", "/api/alerts", role="viewer").json()
    assert {a["event_id"] for a in found} <= set(world["ids"].values()) and found[0]["deliveries"]
    cap = _call(world, "GET", f"/api/alerts/{found[0]['id']}.cap", role="viewer")
    assert cap.headers["content-type"].startswith("application/cap+xml")
    validate(cap.content)
    atom = _call(world, "GET", "/feeds/mali-desk.atom", role="viewer")
    entries = etree.fromstring(atom.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert atom.headers["content-type"].startswith("application/atom+xml") and len(entries) == len(found)


@pytest.mark.parametrize("url", ["/api/alerts/nothing.cap", "/feeds/nobody.atom", "/api/subscriptions/nobody"],
                         ids=["cap", "feed", "subscription"])
def test_alerts_unknown_is_404(world: dict[str, Any], url: str) -> None:
    assert _call(world, "GET", url).status_code == 404
