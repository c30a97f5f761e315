"""Tests for store/incidents.py: joining incidents across articles, living ids, versions, re-processing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tocsin import store
from tocsin.model import Analysis, Article, Claim, Event, TextSpan, article_id
from tocsin.store import schema
from tocsin.store.migrate import MIGRATIONS, migrate

KATI = {"location": "Kati", "latitude": 12.744, "longitude": -8.072, "geonameid": 2455558}
SEGOU = {"location": "Segou", "latitude": 13.431, "longitude": -6.216, "geonameid": 2451185, "admin1": "Segou"}

WIRE = ("Gunfire erupted at the Soundiata Keita army base in Kati, about 15 km from Bamako, on Tuesday morning, "
        "two security sources said, in what appeared to be a mutiny by soldiers. A military spokesman said he "
        "could not confirm the reports. Residents said they heard shooting for several hours.")


def ev(**changes: Any) -> Event:
    base = Event("Battles", "Armed clash", event_date="2020-08-18", time_precision=1,
                 actor1="Mutiny of Military Forces of Mali (2020-)", actor2="Military Forces of Mali (2020-)",
                 country="Mali", iso2="ML", admin1="Koulikoro", geo_precision=1, certainty="Possible",
                 notes="Gunfire at the army base in Kati in an apparent mutiny.", **KATI)
    return dataclasses.replace(base, **changes)


def analysis(text: str, *events: Event, outlet: str = "Reuters", published: str = "2020-08-18",
             claims: tuple[Claim, ...] = ()) -> Analysis:
    article = Article(id=article_id(text), text=text, outlet=outlet, published=published,
                      published_source="given", language="en")
    return Analysis(article=article, events=events, claims=claims)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = store.connect(store.database_url(path=tmp_path / "t.db"))
    yield engine
    engine.dispose()


def save(engine: sa.Engine, item: Analysis, *, model_version: str | None = "m1") -> list[str]:
    with engine.begin() as conn:
        return store.save_analysis(conn, item, model_version=model_version)


def events(engine: sa.Engine) -> list[Event]:
    with engine.connect() as conn:
        return list(store.query_events(conn))


def test_incidents_first_report_creates_an_incident(engine: sa.Engine) -> None:
    [event_id] = save(engine, analysis(WIRE, ev()))
    with engine.connect() as conn:
        change = store.last_change(conn, event_id)
    assert change is not None and change["created"] is True and change["version"] == 1


def test_incidents_wire_copy_joins_but_counts_as_one_source(engine: sa.Engine) -> None:
    [first] = save(engine, analysis(WIRE, ev()))
    copy = "BAMAKO (AFP) - " + WIRE.replace("several", "three")
    [second] = save(engine, analysis(copy, ev(notes="Shooting at the Kati camp."), outlet="Daily Star"))
    assert second == first
    [incident] = events(engine)
    assert incident.certainty == "Possible"
    assert incident.versions is not None and incident.versions["independent_sources"] == 1
    assert len(incident.reports) == 2


def test_incidents_independent_report_corroborates(engine: sa.Engine) -> None:
    [first] = save(engine, analysis(WIRE, ev()))
    other = "Soldiers mutinied at a camp near the capital and fired into the air, residents told the BBC."
    [second] = save(engine, analysis(other, ev(actor1=None, actor2=None), outlet="BBC"))
    assert second == first
    with engine.connect() as conn:
        change = store.last_change(conn, first)
    assert change is not None
    assert change["changes"]["certainty"] == ["Possible", "Likely"]
    assert change["article_id"] == article_id(other)
    assert change["created"] is False


def test_incidents_follow_up_records_new_toll_and_history(engine: sa.Engine) -> None:
    [event_id] = save(engine, analysis(WIRE, ev(fatalities=3)))
    follow = "Seven people were killed in the Kati mutiny, a hospital official told AFP on Wednesday."
    save(engine, analysis(follow, ev(fatalities=7), outlet="AFP", published="2020-08-19"))
    with engine.connect() as conn:
        history = store.event_history(conn, event_id)
        stored = store.get_event(conn, event_id)
    assert [h["version"] for h in history] == [1, 2]
    assert history[1]["changes"]["fatalities"] == [3, 7]
    assert history[1]["article_id"] == article_id(follow)
    assert stored is not None and stored.fatalities == 7
    assert stored.reports == (article_id(WIRE), article_id(follow))


@pytest.mark.parametrize(
    "other",
    [ev(**SEGOU), ev(event_date="2020-08-19"), ev(event_type="Protests", sub_event_type="Peaceful protest",
                                                  actor1="Protesters (Mali)", actor2=None),
     ev(actor1="Dozo Communal Militia (Mali)", actor2="Civilians (Mali)", event_type="Violence against civilians",
        sub_event_type="Attack", notes="Hunters attacked a Fulani hamlet.")],
    ids=["other-town", "next-day", "other-family", "other-actor"],
)
def test_incidents_near_miss_opens_a_new_incident(engine: sa.Engine, other: Event) -> None:
    [first] = save(engine, analysis(WIRE, ev()))
    [second] = save(engine, analysis("A separate report on another incident.", other, outlet="RFI"))
    assert second != first
    assert len(events(engine)) == 2


def test_incidents_historical_events_are_never_merged(engine: sa.Engine) -> None:
    old = ev(historical=True, event_date="2012-03-21", notes="The 2012 mutiny at Kati.")
    [first] = save(engine, analysis(WIRE, old))
    [second] = save(engine, analysis("Background: the 2012 mutiny began in Kati.", old, outlet="BBC"))
    assert first != second


def test_incidents_two_events_of_one_article_never_join_one_incident(engine: sa.Engine) -> None:
    [first] = save(engine, analysis(WIRE, ev()))
    ids = save(engine, analysis("Two clashes were reported in Kati.", ev(), ev(actor1=None, actor2=None),
                                outlet="BBC"))
    assert ids[0] == first
    assert ids[1] != first


def test_incidents_official_denial_contests(engine: sa.Engine) -> None:
    [event_id] = save(engine, analysis(WIRE, ev()))
    text = "The defence ministry denied that any mutiny took place in Kati."
    claim = Claim(content=TextSpan("any mutiny took place in Kati", 32, 61), stance="deny", source_kind="official")
    save(engine, analysis(text, ev(claims=(0,)), outlet="ORTM", claims=(claim,)))
    with engine.connect() as conn:
        stored = store.get_event(conn, event_id)
        change = store.last_change(conn, event_id)
    assert stored is not None and stored.certainty == "Unlikely"
    assert change is not None and change["changes"]["contested"] == [False, True]


def test_incidents_same_article_twice_is_idempotent(engine: sa.Engine) -> None:
    first = save(engine, analysis(WIRE, ev()))
    assert save(engine, analysis(WIRE, ev())) == first
    with engine.connect() as conn:
        assert len(store.event_history(conn, first[0])) == 1


def test_incidents_reprocessing_with_newer_model_updates_in_place(engine: sa.Engine) -> None:
    [event_id] = save(engine, analysis(WIRE, ev(fatalities=None)))
    other = "Soldiers mutinied at a camp near the capital, residents told the BBC."
    save(engine, analysis(other, ev(actor1=None), outlet="BBC"))
    again = save(engine, analysis(WIRE, ev(fatalities=2)), model_version="m2")
    assert again == [event_id]
    [incident] = events(engine)
    assert incident.fatalities == 2
    assert len(incident.reports) == 2
    with engine.connect() as conn:
        assert store.last_change(conn, event_id)["changes"] == {"fatalities": [None, 2]}  # type: ignore[index]
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.mentions)).scalar() == 2


def test_incidents_reprocessing_unchanged_output_writes_no_version(engine: sa.Engine) -> None:
    [event_id] = save(engine, analysis(WIRE, ev()))
    save(engine, analysis(WIRE, ev()), model_version="m2")
    with engine.connect() as conn:
        assert len(store.event_history(conn, event_id)) == 1


def test_incidents_reprocessing_a_reworded_sentence_updates_details_without_a_version(engine: sa.Engine) -> None:
    [event_id] = save(engine, analysis(WIRE, ev()))
    save(engine, analysis(WIRE, ev(notes="Mutineers emptied the armoury of the Kati camp.")), model_version="m2")
    [incident] = events(engine)
    assert "armoury" in (incident.versions or {})["details"]
    with engine.connect() as conn:
        assert len(store.event_history(conn, event_id)) == 1


def test_incidents_reprocessing_that_moves_the_event_withdraws_the_old_incident(engine: sa.Engine) -> None:
    [old_id] = save(engine, analysis(WIRE, ev()))
    [new_id] = save(engine, analysis(WIRE, ev(**SEGOU)), model_version="m2")
    assert new_id != old_id
    assert [e.event_id for e in events(engine)] == [new_id]
    with engine.connect() as conn:
        change = store.last_change(conn, old_id)
        assert store.get_event(conn, old_id) is not None
    assert change is not None and change["changes"]["withdrawn"] == [None, True]


def test_incidents_migration_two_backfills_keys_of_existing_events(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    stamp = store.now()
    with engine.begin() as conn:
        MIGRATIONS[0][2](conn)
        schema.schema_migrations.create(conn, checkfirst=True)
        conn.execute(sa.insert(schema.schema_migrations).values(version=1, name="initial", applied_at=stamp))
        conn.execute(sa.insert(schema.articles).values(id="a1", text=WIRE, published_source="given", analysis={},
                                                       ingested_at=stamp, outlet="Reuters", published="2020-08-18"))
        conn.execute(sa.insert(schema.events).values(
            event_id="ev-old", event_type="Battles", sub_event_type="Armed clash", event_date="2020-08-18",
            latitude=KATI["latitude"], longitude=KATI["longitude"], iso2="ML", historical=False, data=ev(event_id="ev-old", reports=("a1",)).to_dict(), version=1, created_at=stamp,
            updated_at=stamp))
        conn.execute(sa.insert(schema.mentions).values(article_id="a1", idx=0, event_id="ev-old",
                                                       data=ev().to_dict()))
        conn.execute(sa.insert(schema.event_reports).values(event_id="ev-old", article_id="a1", added_at=stamp))
    migrate(engine)
    [joined] = save(engine, analysis("Mutiny at Kati, residents told the BBC.", ev(actor1=None), outlet="BBC"))
    assert joined == "ev-old"
    engine.dispose()
