"""The dashboard in a real browser: Playwright drives Debian's Chromium (never a downloaded one).

Screenshots land in ``test-artifacts/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sample

from tocsin import store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = sample.ROOT / "test-artifacts"
BORDERS = sample.ROOT / "src" / "tocsin" / "web" / "static" / "vendor" / "countries-50m.json"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed "
                                "(apt-get install chromium; .ci/run does it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'browser.db'}"
    engine = store.connect(url)
    ids = sample.fill(engine, sample.seed_analysis(), sample.hostile_analysis())
    tokens = sample.users(engine)
    engine.dispose()
    with sample.running_server(url) as base:
        yield {"base": base, "ids": ids, "tokens": tokens}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 850}, base_url=server["base"])
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: (page.errors.append("dialog: " + dialog.message), dialog.dismiss()))
    yield page
    context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _open_signed_in(page: Any, server: dict[str, Any], role: str, path: str = "/") -> None:
    page.goto(path)
    page.fill("#signin input[name=token]", server["tokens"][role])
    page.click("#signin button[type=submit]")
    page.wait_for_selector(f"#whoami:has-text('{role}')")
    page.wait_for_selector("body[data-loaded=true]")


def _marker_centre(page: Any, location: str) -> tuple[float, float]:
    box = page.locator(f"g.marker[data-location='{location}'] circle").first.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_browser_map_shows_events_at_their_places(page: Any, server: dict[str, Any]) -> None:
    _open_signed_in(page, server, "viewer")
    page.locator(".cluster").first.click()  # Kati and Bamako are 15 km apart: one cluster until zoomed
    page.wait_for_selector("g.marker[data-location='Kati']")
    page.wait_for_selector("g.marker[data-location='Bamako']")
    svg = page.locator("#map").bounding_box()
    for location, (lat, lon) in {"Kati": sample.KATI, "Bamako": sample.BAMAKO}.items():
        x, y = _marker_centre(page, location)
        expected = page.evaluate("([lon, lat]) => window.tocsin.map.screenOf(lon, lat)", [lon, lat])
        assert abs(x - svg["x"] - expected[0]) < 1.5 and abs(y - svg["y"] - expected[1]) < 1.5
        if BORDERS.exists():
            names = page.evaluate("([x, y]) => document.elementsFromPoint(x, y).map(e => e.dataset.name)", [x, y])
            assert "Mali" in names, f"{location} is not drawn inside Mali: {names}"
    kati, bamako = _marker_centre(page, "Kati"), _marker_centre(page, "Bamako")
    assert kati[1] < bamako[1] and kati[0] < bamako[0]  # Kati lies north-west of Bamako
    _shot(page, "map-kati-bamako")
    assert page.errors == []


def test_browser_event_panel_highlights_evidence(page: Any, server: dict[str, Any]) -> None:
    _open_signed_in(page, server, "viewer")
    page.locator(f"#list li[data-event-id='{server['ids']['Kati']}']").click()
    page.wait_for_selector("#panel:not([hidden]) .article-text")
    marks = page.locator("#panel mark.evidence")
    fields = {m.get_attribute("data-fields"): m.text_content() for m in marks.all()}
    assert fields["location"] == "Kati" and fields["event_date"] == "Tuesday"
    page.click("#panel tr[data-field=location]")
    assert page.locator("#panel mark.evidence.focus").all_text_contents() == ["Kati"]
    assert page.locator("#panel .claims q").first.text_content() == "Yes, mutiny. The military has taken up arms"
    _shot(page, "panel-evidence")
    assert page.errors == []


def test_browser_analyst_edit_shows_in_export(page: Any, server: dict[str, Any]) -> None:
    kati = server["ids"]["Kati"]
    _open_signed_in(page, server, "analyst")
    page.locator(f"#list li[data-event-id='{kati}']").click()
    page.click("#review summary:has-text('Edit fields')")
    page.fill("#edit-form input[name=fatalities]", "2")
    page.fill("#edit-form textarea[name=reason]", "two soldiers died, per the army")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector("#panel .badge.edited")
    assert page.locator("#panel tr[data-field=fatalities] td").text_content().startswith("2")
    _shot(page, "analyst-edit")
    text = page.evaluate("() => fetch('/api/export.csv').then(r => r.text())")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["event_id_cnty"] == kati)
    assert (row["fatalities"], row["reviewed"]) == ("2", "True")
    assert page.errors == []


def test_browser_viewer_cannot_edit(page: Any, server: dict[str, Any]) -> None:
    bamako = server["ids"]["Bamako"]
    _open_signed_in(page, server, "viewer")
    page.locator(f"#list li[data-event-id='{bamako}']").click()
    page.wait_for_selector("#panel:not([hidden]) .article-text")
    assert page.locator("#review").count() == 0
    status = page.evaluate("""(id) => {
        const csrf = document.cookie.split('; ').find(c => c.startsWith('tocsin_csrf=')).split('=')[1];
        return fetch('/api/events/' + id, {method: 'PATCH', headers: {'Content-Type': 'application/json',
            'X-CSRF-Token': csrf}, body: JSON.stringify({changes: {fatalities: 99}, reason: 'x'})}).then(r => r.status);
    }""", bamako)
    assert status == 403
    _shot(page, "viewer-read-only")


def test_browser_script_in_article_runs_nothing(page: Any, server: dict[str, Any]) -> None:
    gao = server["ids"]["Gao <script>x</script>"]
    _open_signed_in(page, server, "viewer", path=f"/#event={gao}")
    page.wait_for_selector("#panel:not([hidden]) .article-text")
    page.hover("#panel mark.evidence >> nth=1")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() == "tocsin — events map"
    assert page.locator("#panel script, #panel img, #panel b, #list script").count() == 0
    assert "<script>window.__pwned = 1;" in page.locator("#panel .article-text").text_content()
    assert "<script>" in page.locator("#list").text_content()
    _shot(page, "hostile-article")
    assert page.errors == []


@pytest.fixture(scope="module")
def pipeline_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A server over a store filled by the real pipeline from the seed dispatch (not hand-made events)."""
    from conftest import HAS_MODEL, SEED_PATH

    if not HAS_MODEL:
        pytest.skip("the spaCy model is not installed (make setup)")
    from tocsin import process
    from tocsin.ingest import read_path

    url = f"sqlite:///{tmp_path_factory.mktemp('pipeline') / 'seed.db'}"
    engine = store.connect(url)
    counts = process.store_stream(engine, read_path(SEED_PATH, published="2020-08-18"))
    assert counts.stored == 1 and counts.events >= 3
    tokens = sample.users(engine)
    engine.dispose()
    with sample.running_server(url) as base:
        yield {"base": base, "tokens": tokens}


def test_browser_map_shows_the_seeds_pipeline_events(browser: Any, pipeline_server: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 850}, base_url=pipeline_server["base"])
    page = context.new_page()
    try:
        _open_signed_in(page, pipeline_server, "viewer")
        page.locator(".cluster").first.click()  # Kati and Bamako: one cluster until zoomed
        page.wait_for_selector("g.marker[data-location='Kati']")
        page.locator(".cluster").first.click()  # the gunfire and the protests share Bamako's point
        page.wait_for_selector("text=event(s) at this place")
        listed = page.locator("#list").inner_text()
        assert listed.count("Bamako") >= 2 and "Excessive force against protesters" in listed
        _shot(page, "map-seed-pipeline")
    finally:
        context.close()
