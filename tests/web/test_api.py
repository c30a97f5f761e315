"""The JSON API in-process (httpx ASGI transport): GeoJSON, filters, paging, detail, review desk, exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import sample
import sqlalchemy as sa

from conftest import make_article
from tocsin import store
from tocsin.model import Analysis
from tocsin.settings import Settings
from tocsin.store import schema
from tocsin.web import create_app


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path / 'web.db'}"
    engine = store.connect(url)
    ids = sample.fill(engine, sample.seed_analysis(), sample.hostile_analysis())
    tokens = sample.users(engine)
    client = sample.AppClient(create_app(Settings(database_url=url), engine=engine))
    return {"engine": engine, "ids": ids, "tokens": tokens, "client": client, "url": url}


def _get(world: dict[str, Any], url: str, role: str = "viewer", **kwargs: Any) -> Any:
    response = world["client"].get(url, headers=sample.bearer(world["tokens"][role]), **kwargs)
    assert response.status_code == 200, response.text
    return response.json()


def _send(world: dict[str, Any], method: str, url: str, body: Any, role: str = "analyst") -> Any:
    return world["client"].request(method, url, json=body, headers=sample.bearer(world["tokens"][role]))


def _locations(collection: dict[str, Any]) -> set[str]:
    return {f["properties"]["location"] for f in collection["features"]}


def test_api_events_is_geojson_with_places(world: dict[str, Any]) -> None:
    data = _get(world, "/api/events")
    assert data["type"] == "FeatureCollection" and data["total"] == 3
    kati = next(f for f in data["features"] if f["properties"]["location"] == "Kati")
    assert kati["geometry"] == {"type": "Point", "coordinates": [sample.KATI[1], sample.KATI[0]]}
    assert kati["id"] == world["ids"]["Kati"]
    assert kati["properties"]["reviewed"] is False


@pytest.mark.parametrize(("query", "expected"), [
    ("bbox=-8.1,12.7,-8.0,12.8", {"Kati"}),
    ("bbox=-9,12,-7,13", {"Kati", "Bamako"}),
    ("since=2020-08-18", {"Kati", "Bamako"}),
    ("until=2020-08-17", {"Gao <script>x</script>"}),
    ("country=ml&type=battles", {"Kati", "Bamako"}),
    ("certainty=possible", {"Bamako"}),
    ("q=Mutiny", {"Kati"}),
    ("q=100%25", set()),
    ("country=FR", set()),
], ids=["bbox-kati", "bbox-both", "since", "until", "country-type", "certainty", "text", "text-escaped", "none"])
def test_api_events_filters(world: dict[str, Any], query: str, expected: set[str]) -> None:
    assert _locations(_get(world, f"/api/events?{query}")) == expected


@pytest.mark.parametrize(("query", "code"), [
    ("since=yesterday", "E464"), ("bbox=1,2,3", "E465"), ("bbox=0,50,10,40", "E465"), ("status=maybe", "E458"),
    ("limit=0", "E468"),
], ids=["date", "bbox-short", "bbox-south-north", "status", "limit"])
def test_api_events_bad_filter_is_422_with_code(world: dict[str, Any], query: str, code: str) -> None:
    response = world["client"].get(f"/api/events?{query}", headers=sample.bearer(world["tokens"]["viewer"]))
    assert response.status_code == 422
    assert response.json()["detail"]["code"] == code


def test_api_events_pages_through_everything(world: dict[str, Any]) -> None:
    events = tuple(sample.bulk_events(25))
    with world["engine"].begin() as conn:
        store.save_analysis(conn, Analysis(article=make_article("Protests in many towns. " * 5), events=events))
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = _get(world, f"/api/events?limit=10&offset={offset}")
        assert page["total"] == 28 and len(page["features"]) <= 10
        seen += [f["id"] for f in page["features"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 28
    dates = [f["properties"]["event_date"] for f in _get(world, "/api/events?limit=28")["features"]]
    assert dates == sorted(dates, reverse=True)


def test_api_event_detail_has_evidence_claims_reports_history(world: dict[str, Any]) -> None:
    detail = _get(world, f"/api/events/{world['ids']['Kati']}")
    text = detail["reports"][0]["text"]
    evidence = {e["field"]: e for e in detail["evidence"]}
    assert evidence["location"]["text"] == "Kati" == text[evidence["location"]["start"]:evidence["location"]["end"]]
    assert detail["claims"][0]["source"]["text"] == "a security source"
    assert detail["reports"][0]["title"].startswith("Gunfire heard")
    assert [h["action"] for h in detail["history"]] == ["version"]
    assert detail["review"] is None and detail["event"] == detail["machine"]


@pytest.mark.parametrize("url", ["/api/events/ev-nothing", "/api/articles/0000000000000000"], ids=["event", "article"])
def test_api_unknown_ids_are_404(world: dict[str, Any], url: str) -> None:
    response = world["client"].get(url, headers=sample.bearer(world["tokens"]["viewer"]))
    assert response.status_code == 404


def test_api_article_has_text_and_analysis(world: dict[str, Any]) -> None:
    article_id = _get(world, f"/api/events/{world['ids']['Kati']}")["event"]["reports"][0]
    article = _get(world, f"/api/articles/{article_id}")
    assert "Kati" in article["text"] and article["analysis"]["id"] == article_id


def test_api_analyst_edit_is_overlaid_and_exported(world: dict[str, Any]) -> None:
    kati = world["ids"]["Kati"]
    response = _send(world, "PATCH", f"/api/events/{kati}",
                     {"changes": {"fatalities": 2, "location": "Kati military camp"}, "reason": "per UN update"})
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["event"]["fatalities"] == 2 and detail["machine"]["fatalities"] is None
    assert detail["review"]["status"] == "edited" and detail["review"]["by"] == "analyst-user"
    assert detail["history"][-1]["reason"] == "per UN update"
    rows = list(csv.DictReader(io.StringIO(world["client"].get(
        "/api/export.csv", headers=sample.bearer(world["tokens"]["viewer"])).text)))
    row = next(r for r in rows if r["event_id_cnty"] == kati)
    assert (row["fatalities"], row["location"], row["reviewed"]) == ("2", "Kati military camp", "True")
    assert {r["reviewed"] for r in rows if r["event_id_cnty"] != kati} == {"False"}
    geo = _get(world, "/api/export.geojson")
    assert next(f for f in geo["features"] if f["id"] == kati)["properties"]["fatalities"] == 2


def test_api_edit_survives_machine_reprocessing(world: dict[str, Any]) -> None:
    kati = world["ids"]["Kati"]
    _send(world, "PATCH", f"/api/events/{kati}", {"changes": {"fatalities": 2}, "reason": "checked"})
    events = schema.events
    with world["engine"].begin() as conn:  # the machine codes the event again, with other values
        data = conn.execute(sa.select(events.c.data).where(events.c.event_id == kati)).scalar_one()
        conn.execute(sa.update(events).where(events.c.event_id == kati).values(
            data={**data, "fatalities": 40, "notes": "re-coded"}, fatalities=40, version=2))
    event = _get(world, f"/api/events/{kati}")["event"]
    assert (event["fatalities"], event["notes"]) == (2, "re-coded")


@pytest.mark.parametrize(("changes", "code"), [
    ({"fatalities": -1}, "E455"), ({"latitude": 123}, "E455"), ({"event_date": "18/08/2020"}, "E455"),
    ({"sub_event_type": "Peaceful protest"}, "E303"), ({"event_type": "Mutiny"}, "E301"),
    ({"reports": []}, "E453"), ({"location": "x" * 501}, "E455"), ({"latitude": None}, "E454"),
], ids=["negative-deaths", "latitude", "date", "sub-type-of-other-type", "unknown-type", "not-editable",
        "too-long", "clear-coordinate"])
def test_api_edit_bad_value_is_422_with_code(world: dict[str, Any], changes: dict[str, Any], code: str) -> None:
    response = _send(world, "PATCH", f"/api/events/{world['ids']['Kati']}", {"changes": changes, "reason": "x"})
    assert response.status_code == 422
    assert response.json()["detail"]["code"] == code


def test_api_edit_needs_a_reason(world: dict[str, Any]) -> None:
    response = _send(world, "PATCH", f"/api/events/{world['ids']['Kati']}", {"changes": {"fatalities": 1}})
    assert response.json()["detail"]["code"] == "E459"


def test_api_reject_hides_event_until_asked_for(world: dict[str, Any]) -> None:
    bamako = world["ids"]["Bamako"]
    assert _send(world, "POST", f"/api/events/{bamako}/reject", {"reason": "same as Kati"}).status_code == 200
    assert _locations(_get(world, "/api/events")) == {"Kati", "Gao <script>x</script>"}
    assert _locations(_get(world, "/api/events?status=rejected")) == {"Bamako"}
    assert bamako not in world["client"].get("/api/export.csv", headers=sample.bearer(world["tokens"]["viewer"])).text


def test_api_merge_joins_reports_and_hides_the_source(world: dict[str, Any]) -> None:
    kati, gao = world["ids"]["Kati"], world["ids"]["Gao <script>x</script>"]
    response = _send(world, "POST", f"/api/events/{gao}/merge", {"into": kati, "reason": "same incident"})
    assert response.status_code == 200, response.text
    assert len(response.json()["event"]["reports"]) == 2
    assert response.json()["reports"][1]["evidence"][0]["text"] == "Gao"
    assert gao not in {f["id"] for f in _get(world, "/api/events?status=all")["features"]}
    again = _send(world, "PATCH", f"/api/events/{gao}", {"changes": {"fatalities": 1}, "reason": "x"})
    assert (again.status_code, again.json()["detail"]["code"]) == (409, "E457")


def test_api_split_makes_a_new_event_with_some_reports(world: dict[str, Any]) -> None:
    kati, gao = world["ids"]["Kati"], world["ids"]["Gao <script>x</script>"]
    _send(world, "POST", f"/api/events/{gao}/merge", {"into": kati, "reason": "looked the same"})
    gao_article = _get(world, f"/api/events/{gao}")["event"]["reports"][0]
    response = _send(world, "POST", f"/api/events/{kati}/split",
                     {"reports": [gao_article], "changes": {"location": "Gao", "latitude": 16.27,
                                                            "longitude": -0.04}, "reason": "different town"})
    assert response.status_code == 201, response.text
    new = response.json()["event"]
    assert new["reports"] == [gao_article] and new["location"] == "Gao"
    assert _get(world, f"/api/events/{kati}")["event"]["reports"] == [_machine_report(world, "Kati")]
    assert new["event_id"] in {f["id"] for f in _get(world, "/api/events")["features"]}


def _machine_report(world: dict[str, Any], location: str) -> str:
    detail = _get(world, f"/api/events/{world['ids'][location]}")
    return str(detail["machine"]["reports"][0])


def test_api_confirm_marks_reviewed(world: dict[str, Any]) -> None:
    kati = world["ids"]["Kati"]
    assert _send(world, "POST", f"/api/events/{kati}/confirm", {}).status_code == 200
    feature = next(f for f in _get(world, "/api/events?status=reviewed")["features"])
    assert (feature["id"], feature["properties"]["reviewed"]) == (kati, True)


def test_api_status_changes_when_an_event_is_reviewed(world: dict[str, Any]) -> None:
    before = _get(world, "/api/status")
    _send(world, "POST", f"/api/events/{world['ids']['Kati']}/confirm", {})
    after = _get(world, "/api/status")
    assert before["events"] == after["events"] == 3 and after["changed"] != before["changed"]


def test_api_meta_lists_vocabularies(world: dict[str, Any]) -> None:
    meta = _get(world, "/api/meta")
    assert "Armed clash" in meta["event_types"]["Battles"] and "Likely" in meta["certainty"]


def test_api_openapi_is_served(world: dict[str, Any]) -> None:
    paths = world["client"].get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/healthz"} <= set(paths)
