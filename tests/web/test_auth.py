"""Who may do what: tokens, roles, open reading, dashboard sessions and their CSRF protection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sample

from tocsin import store
from tocsin.settings import Settings
from tocsin.web import create_app


def _world(tmp_path: Path, *, public: bool = False) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path / 'auth.db'}"
    engine = store.connect(url)
    ids = sample.fill(engine, sample.seed_analysis())
    tokens = sample.users(engine)
    app = create_app(Settings(database_url=url, public_read=public), engine=engine)
    return {"ids": ids, "tokens": tokens, "client": sample.AppClient(app)}


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Any]:
    return _world(tmp_path)


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "E473"),
    ({"Authorization": "Bearer tcs_not-a-token"}, 401, "E470"),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "E473"),
], ids=["none", "wrong-token", "other-scheme"])
def test_auth_reading_needs_an_account(world: dict[str, Any], headers: dict[str, str], status: int,
                                       code: str) -> None:
    response = world["client"].get("/api/events", headers=headers)
    assert response.status_code == status and response.json()["detail"]["code"] == code


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("analyst", 200), ("admin", 200)],
                         ids=["viewer", "analyst", "admin"])
def test_auth_editing_needs_analyst(world: dict[str, Any], role: str, status: int) -> None:
    response = world["client"].request("POST", f"/api/events/{world['ids']['Kati']}/confirm", json={},
                                       headers=sample.bearer(world["tokens"][role]))
    assert response.status_code == status


def test_auth_public_reading_is_read_only(tmp_path: Path) -> None:
    world = _world(tmp_path, public=True)
    assert world["client"].get("/api/events").status_code == 200
    response = world["client"].request("POST", f"/api/events/{world['ids']['Kati']}/confirm", json={})
    assert response.status_code == 401


def _sign_in(world: dict[str, Any], role: str) -> str:
    response = world["client"].request("POST", "/api/session", json={"token": world["tokens"][role]})
    assert response.status_code == 200 and response.json()["role"] == role
    cookie = response.headers.get_list("set-cookie")
    assert any("tocsin_session=" in c and "HttpOnly" in c and "SameSite=strict" in c for c in cookie)
    return str(world["client"].cookies["tocsin_csrf"])


def test_auth_session_reads_without_token(world: dict[str, Any]) -> None:
    _sign_in(world, "viewer")
    assert world["client"].get("/api/events").status_code == 200
    assert world["client"].get("/api/session").json() == {"user": "viewer-user", "role": "viewer"}


@pytest.mark.parametrize(("extra", "status"), [
    ({}, 403),
    ({"X-CSRF-Token": "forged"}, 403),
    ({"X-CSRF-Token": None, "Origin": "http://evil.example"}, 403),
    ({"X-CSRF-Token": None}, 200),
    ({"X-CSRF-Token": None, "Origin": "http://testserver"}, 200),
], ids=["no-csrf", "wrong-csrf", "cross-origin", "csrf", "csrf-same-origin"])
def test_auth_session_writes_need_csrf(world: dict[str, Any], extra: dict[str, str | None], status: int) -> None:
    csrf = _sign_in(world, "analyst")
    headers = {k: (csrf if v is None else v) for k, v in extra.items()}
    response = world["client"].request("POST", f"/api/events/{world['ids']['Kati']}/confirm", json={},
                                       headers=headers)
    assert response.status_code == status, response.text


def test_auth_sign_out_ends_the_session(world: dict[str, Any]) -> None:
    csrf = _sign_in(world, "viewer")
    session = world["client"].cookies["tocsin_session"]
    assert world["client"].request("DELETE", "/api/session", headers={"X-CSRF-Token": csrf}).status_code == 200
    world["client"].cookies.set("tocsin_session", session)  # replaying the old cookie does not help
    assert world["client"].get("/api/events").status_code == 401


def test_auth_sign_in_with_bad_token_is_401(world: dict[str, Any]) -> None:
    response = world["client"].request("POST", "/api/session", json={"token": "tcs_wrong"})
    assert response.status_code == 401 and "tocsin_session" not in world["client"].cookies
