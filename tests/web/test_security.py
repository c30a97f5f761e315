"""Security headers: a strict Content-Security-Policy and the hardening headers on pages and API answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import sample

from tocsin import store
from tocsin.settings import Settings
from tocsin.web import create_app
from tocsin.web.security import CSP


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> sample.AppClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('sec') / 'sec.db'}"
    engine = store.connect(url)
    sample.fill(engine, sample.hostile_analysis())
    return sample.AppClient(create_app(Settings(database_url=url, public_read=True), engine=engine))


@pytest.mark.parametrize("url", ["/", "/api/events", "/static/dashboard.js", "/api/nothing", "/healthz"],
                         ids=["page", "api", "static", "404", "health"])
def test_security_headers_on_every_answer(client: sample.AppClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_security_policy_forbids_inline_and_foreign_scripts() -> None:
    directives = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    assert "unsafe" not in CSP and "http" not in CSP
    assert directives["frame-ancestors"] == "'none'" and directives["connect-src"] == "'self'"


def test_security_dashboard_has_no_inline_script_or_remote_source(client: sample.AppClient) -> None:
    page = client.get("/").text
    assert "<script>" not in page and "onclick" not in page and "style=" not in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page


@pytest.mark.parametrize("name", ["dashboard.js", "map.js", "panel.js", "timeline.js", "dom.js", "api.js"])
def test_security_scripts_never_parse_html(name: str) -> None:
    source = (Path(__file__).resolve().parents[2] / "src" / "tocsin" / "web" / "static" / name).read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, f"{name} uses {sink}"


def test_security_api_answers_are_not_cached(client: sample.AppClient) -> None:
    assert client.get("/api/events").headers["cache-control"] == "no-store"


def test_security_hostile_text_is_returned_as_json_data(client: sample.AppClient) -> None:
    response = client.get("/api/events")
    assert response.headers["content-type"] == "application/geo+json"
    assert response.json()["features"][0]["properties"]["location"] == "Gao <script>x</script>"
