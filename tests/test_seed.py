"""The user's example, read right end to end (issue 2, item 7), with the publication date given."""

from __future__ import annotations

import math

import pytest

from tocsin.model import Analysis, Event

pytestmark = [pytest.mark.issue(2), pytest.mark.model]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _current(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if not e.historical]


def test_seed_kati_event(seed_analysis: Analysis) -> None:
    kati = [e for e in _current(seed_analysis) if e.location == "Kati"]
    assert kati, [e.location for e in seed_analysis.events]
    event = kati[0]
    assert event.geonameid == 2455558
    assert _km(event.latitude, event.longitude, 12.7441, -8.0726) < 10  # type: ignore[arg-type]
    assert event.event_date == "2020-08-18"
    assert (event.event_type, event.sub_event_type) in {("Battles", "Armed clash"),
                                                         ("Strategic developments", "Other")}
    actors = {event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2}
    assert "Military Forces of Mali" in " ".join(a for a in actors if a)
    assert any(a and a.startswith("Mutiny of Military Forces of Mali") for a in actors)


def test_seed_main_event_first(seed_analysis: Analysis) -> None:
    assert seed_analysis.events[0].location == "Kati"


def test_seed_bamako_gunfire_from_single_anonymous_source(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    bamako = [e for e in _current(seed_analysis) if e.location == "Bamako" and e.event_type != "Protests"]
    assert bamako
    event = bamako[0]
    assert "prime minister" in text[event.sentence_start:event.sentence_end]  # type: ignore[misc]
    assert event.certainty == "Possible"
    kinds = {seed_analysis.claims[i].source_kind for i in event.claims}
    assert kinds == {"anonymous"}


def test_seed_protests_with_14_dead_month_precision(seed_analysis: Analysis) -> None:
    protests = [e for e in _current(seed_analysis) if e.event_type == "Protests"]
    assert protests
    event = protests[0]
    assert event.fatalities == 14 and event.time_precision == 3
    assert event.location == "Bamako" or event.admin1 == "Bamako"
    assert event.event_date and event.event_date.startswith("2020-06")


def test_seed_2012_coup_is_historical(seed_analysis: Analysis) -> None:
    old = [e for e in seed_analysis.events if e.event_date and e.event_date.startswith("2012")]
    assert old and all(e.historical for e in old)
    assert not any(e.event_date and e.event_date.startswith("2012") for e in _current(seed_analysis))


def test_seed_two_embassy_advisories(seed_analysis: Analysis) -> None:
    advice = [c for c in seed_analysis.claims if c.advice]
    issuers = sorted((c.issuer or "").lower() for c in advice)
    assert len(advice) == 2
    assert "norwegian" in issuers[1] and "french" in issuers[0]
    assert all("home" in c.content.text for c in advice)


@pytest.mark.parametrize("source", ["Norwegian Embassy", "security source", "Local residents",
                                    "military spokesman", "United Nations"])
def test_seed_sources_attributed(seed_analysis: Analysis, source: str) -> None:
    texts = [c.source.text.lower() for c in seed_analysis.claims if c.source]
    assert any(source.lower() in t for t in texts), texts


def test_seed_flags_weekday_and_misspelling(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    kinds = {f.kind: f for f in seed_analysis.flags}
    weekday = kinds["weekday_date_mismatch"]
    spans = [text[weekday.start:weekday.end]] + [r.text for r in weekday.related]
    assert any("Thursday" in s for s in spans) and any("Aug. 18" in s for s in spans)
    misspelt = kinds["misspelt_place"]
    assert text[misspelt.start:misspelt.end].startswith("Mail") and "Mali" in misspelt.message


def test_seed_offsets_index_the_text(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    for place in seed_analysis.places:
        assert text[place.start:place.end] == place.text
    for time in seed_analysis.times:
        assert text[time.start:time.end] == time.text
    for claim in seed_analysis.claims:
        assert text[claim.content.start:claim.content.end] == claim.content.text
    for event in seed_analysis.events:
        for evidence in event.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text)


def test_seed_without_date_names_its_candidates(seed_text: str) -> None:
    from tocsin.ingest import read_text
    from tocsin.pipeline import analyze

    article = analyze(read_text(seed_text, source="seed")).article
    assert article.published_source in {"inferred", "unknown"}
    assert {"2015-08-18", "2020-08-18", "2026-08-18"} <= set(article.published_candidates)
