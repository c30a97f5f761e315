"""The application shell: health check, the dashboard page and its files, no remote documentation pages."""

from __future__ import annotations

from pathlib import Path

import pytest
import sample

from tocsin.settings import Settings
from tocsin.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> sample.AppClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'app.db'}"
    return sample.AppClient(create_app(Settings(database_url=url)))


def test_app_healthz_checks_the_database(client: sample.AppClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"


@pytest.mark.parametrize(("url", "kind"), [
    ("/", "text/html"), ("/static/dashboard.js", "javascript"), ("/static/map.js", "javascript"),
    ("/static/style.css", "text/css"),
], ids=["page", "dashboard", "map", "style"])
def test_app_serves_the_dashboard_files(client: sample.AppClient, url: str, kind: str) -> None:
    response = client.get(url)
    assert response.status_code == 200 and kind in response.headers["content-type"]


@pytest.mark.parametrize("url", ["/docs", "/redoc"], ids=["swagger", "redoc"])
def test_app_has_no_pages_that_load_remote_scripts(client: sample.AppClient, url: str) -> None:
    assert client.get(url).status_code == 404


def test_app_every_static_file_is_referenced() -> None:
    static = Path(__file__).resolve().parents[2] / "src" / "tocsin" / "web" / "static"
    sources = " ".join(p.read_text() for p in static.glob("*.*"))
    for path in static.glob("*.js"):
        assert f"./{path.name}" in sources or f"/static/{path.name}" in sources, path.name
