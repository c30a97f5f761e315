"""Store: migrations, one transaction per article, idempotent ingest, queries, rejections; SQLite and PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import make_article
from tocsin import store
from tocsin.model import Analysis, Event, Rejection
from tocsin.store.migrate import MIGRATIONS, current_version

PG_URL = os.environ.get("TOCSIN_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    if request.param == "sqlite":
        yield store.connect(store.database_url(path=tmp_path / "t.db"))
        return
    assert PG_URL
    base = sa.create_engine(PG_URL)
    with base.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    base.dispose()
    engine = store.connect(PG_URL)
    yield engine
    engine.dispose()


def _analysis(text: str, *events: Event) -> Analysis:
    return Analysis(article=make_article(text), events=events)


KATI = Event(event_type="Battles", sub_event_type="Armed clash", event_date="2020-08-18", country="Mali",
             iso2="ML", location="Kati", latitude=12.74, longitude=-8.07, fatalities=0, certainty="Likely")
PROTEST = Event(event_type="Protests", sub_event_type="Peaceful protest", event_date="2020-06-05", iso2="ML",
                fatalities=14)
COUP_2012 = Event(event_type="Strategic developments", sub_event_type="Other", event_date="2012-03-22",
                  historical=True)


def test_store_migrates_new_database_to_latest(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        assert current_version(conn) == max(m[0] for m in MIGRATIONS)


def test_store_saves_article_and_events(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        ids = store.save_analysis(conn, _analysis("Gunfire in Kati.", KATI, PROTEST))
    with engine.connect() as conn:
        found = list(store.query_events(conn))
        assert {e.event_id for e in found} == set(ids)
        assert all(e.reports for e in found)
        assert store.get_event(conn, ids[0]).location == "Kati"  # type: ignore[union-attr]


def test_store_same_article_twice_is_stored_once(engine: sa.Engine) -> None:
    analysis = _analysis("Gunfire in Kati.", KATI)
    with engine.begin() as conn:
        first = store.save_analysis(conn, analysis)
    with engine.begin() as conn:
        second = store.save_analysis(conn, analysis)
    with engine.connect() as conn:
        assert first == second and len(list(store.query_events(conn))) == 1


def test_store_failed_transaction_leaves_nothing(engine: sa.Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as conn:
        store.save_analysis(conn, _analysis("Gunfire in Kati.", KATI))
        raise RuntimeError("crash after the write, before commit")
    with engine.connect() as conn:
        assert list(store.query_events(conn)) == []
        assert not store.has_article(conn, make_article("Gunfire in Kati.").id)


def test_store_filters_by_country_type_date_and_hides_history(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        store.save_analysis(conn, _analysis("One.", KATI, PROTEST, COUP_2012))
    with engine.connect() as conn:
        assert [e.location for e in store.query_events(conn, event_type="battles")] == ["Kati"]
        assert len(list(store.query_events(conn, country="ml"))) == 2
        assert len(list(store.query_events(conn, since="2020-08-01"))) == 1
        assert len(list(store.query_events(conn, include_historical=True))) == 3


def test_store_records_rejections_by_code(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        store.save_rejection(conn, Rejection(source="a.txt", code="E101", message="[E101] a.txt: empty"))
        store.save_rejection(conn, Rejection(source="b.bin", code="E103", message="[E103] b.bin: binary"))
    with engine.connect() as conn:
        assert [r.source for r in store.list_rejections(conn, code="E103")] == ["b.bin"]


def test_store_bad_url_raises_store_error(tmp_path: Path) -> None:
    from tocsin.errors import StoreError

    with pytest.raises(StoreError, match=r"\[E401\]"):
        store.connect(f"sqlite:///{tmp_path}/missing-dir/x.db")
