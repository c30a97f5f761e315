"""Model types: round trips through plain data, offsets, GeoJSON, ids."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tocsin.model import (
    Analysis,
    Article,
    Claim,
    Event,
    Evidence,
    Flag,
    Place,
    Rejection,
    TextSpan,
    TimeExpr,
    article_id,
)

TEXT = "Gunfire was heard in Kati on Tuesday."
ARTICLE = Article(id=article_id(TEXT), text=TEXT, published="2020-08-18", published_source="given")
SAMPLES = {
    "article": ARTICLE,
    "place": Place(text="Kati", start=21, end=25, geonameid=2455558, name="Kati", country="ML", lat=12.74,
                   lon=-8.07, precision=1),
    "time": TimeExpr(text="Tuesday", start=29, end=36, type="DATE", value="2020-08-18"),
    "claim": Claim(content=TextSpan("Gunfire was heard", 0, 17), source=TextSpan("residents", 0, 9),
                   source_kind="witness", stance="assert"),
    "flag": Flag(kind="weekday_date_mismatch", message="m", start=0, end=3, related=(TextSpan("Tue", 0, 3),)),
    "event": Event(event_type="Battles", sub_event_type="Armed clash", evidence=(Evidence("event_type", 0, 7),),
                   plover={"event": "ASSAULT", "mode": "firearms"}, claims=(0, 1), reports=("a", "b")),
    "rejection": Rejection(source="x.txt", code="E101", message="[E101] x.txt: empty"),
    "time_nomod": TimeExpr(text="June", start=0, end=4, type="DATE", value="2020-06", precision="month"),
}


@pytest.mark.parametrize("obj", SAMPLES.values(), ids=SAMPLES.keys())
def test_model_round_trip_through_plain_data(obj: object) -> None:
    data = obj.to_dict()  # type: ignore[attr-defined]
    assert json.loads(json.dumps(data)) == data
    assert type(obj).from_dict(data) == obj  # type: ignore[attr-defined]


def test_model_analysis_round_trip_keeps_nested_types() -> None:
    analysis = Analysis(article=ARTICLE, places=(SAMPLES["place"],), events=(SAMPLES["event"],))  # type: ignore[arg-type]
    again = Analysis.from_dict(analysis.to_dict())
    assert again == analysis
    assert isinstance(again.events[0].evidence[0], Evidence)


def test_model_types_are_frozen_and_hashable() -> None:
    event = SAMPLES["event"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.fatalities = 3  # type: ignore[misc]
    assert len({event, dataclasses.replace(event)}) == 1  # type: ignore[arg-type]


def test_model_article_id_ignores_whitespace_and_quote_style() -> None:
    assert article_id("Mail’s capital  Bamako") == article_id("Mail's capital Bamako\n")
    assert article_id("a") != article_id("b")


def test_model_place_geo_interface_is_geojson_point() -> None:
    feature = SAMPLES["place"].__geo_interface__  # type: ignore[attr-defined]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-8.07, 12.74]}


def test_model_unresolved_event_has_null_geometry() -> None:
    assert SAMPLES["event"].__geo_interface__["geometry"] is None  # type: ignore[attr-defined]


def test_model_article_repr_is_short() -> None:
    assert len(repr(ARTICLE)) < 80 and ARTICLE.id in repr(ARTICLE)


def test_model_record_has_contract_keys() -> None:
    record = Analysis(article=ARTICLE).to_record()
    for key in ("id", "published", "published_source", "dateline", "places", "times", "claims", "events", "flags"):
        assert key in record


def test_model_event_sentence_spans_join_own_and_merged_sentences() -> None:
    event = Event(event_type="Battles", sub_event_type="Armed clash", sentence_start=0, sentence_end=10,
                  evidence=(Evidence("sentence", 20, 30), Evidence("sentence", 0, 10), Evidence("location", 2, 4)))
    assert event.sentence_spans == ((0, 10), (20, 30))
