from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from alert_support import (
    SECRET,
    TODAY,
    alert_rows,
    change_event,
    delivery_rows,
    engine_at,
    make_event,
    store_article,
    subscribe,
)

from tocsin import alert, store
from tocsin.alert.outbox import list_alerts
from tocsin.store import schema

TEXT = "KATI, Mali (Reuters) - Gunfire was heard at the Kati army base near Bamako on {}."


def test_outbox_alert_written_with_the_event(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine, webhook_url="http://127.0.0.1:9/hook", webhook_secret=SECRET, email="desk@example.org")
    event_ids = store_article(engine, TEXT.format(TODAY), [make_event()])
    rows = alert_rows(engine)
    assert [r.event_id for r in rows] == event_ids
    assert rows[0].msg_type == "Alert" and rows[0].references == []
    assert sorted(d.channel for d in delivery_rows(engine)) == ["email", "webhook"]
    assert all(d.status == "pending" for d in delivery_rows(engine))


def test_outbox_rolls_back_with_the_event(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine)
    with pytest.raises(RuntimeError), engine.begin() as conn:
        from tocsin.model import Analysis, Article, article_id

        text = TEXT.format("rollback")
        analysis = Analysis(article=Article(id=article_id(text), text=text, published=TODAY), events=(make_event(),))
        event_ids = store.save_analysis(conn, analysis)
        assert alert.on_events_changed(conn, event_ids, analysis.article.id) == 1
        raise RuntimeError("crash before commit")
    assert alert_rows(engine) == []
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.events)).scalar() == 0


def test_outbox_update_references_earlier_alert_and_says_what_changed(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine)
    [event_id] = store_article(engine, TEXT.format(TODAY), [make_event()])
    written = change_event(engine, event_id, article_text="Norway's embassy told citizens to stay at home.",
                           advice="stay at home", certainty="Likely", fatalities=2)
    assert written == 1
    first, update = alert_rows(engine)
    assert update.msg_type == "Update"
    assert update.references == [[first.id, first.created_at]]
    assert update.changes["certainty"] == ["Possible", "Likely"] and update.changes["fatalities"] == [None, 2]
    assert update.state["advice"] == ["Embassy: stay at home"]


def test_outbox_same_state_again_writes_nothing(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine)
    [event_id] = store_article(engine, TEXT.format(TODAY), [make_event()])
    assert change_event(engine, event_id, changes={"reports": True}) == 0
    assert change_event(engine, event_id, certainty="Unlikely", changes={"denied": True}) == 1
    assert change_event(engine, event_id, certainty="Unlikely", changes={"denied": True}) == 0
    assert [r.msg_type for r in alert_rows(engine)] == ["Alert", "Cancel"]


def test_outbox_historical_and_unmatched_events_never_alert(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine)
    store_article(engine, TEXT.format("2012"), [make_event(historical=True, event_date="2012-03-22")])
    store_article(engine, TEXT.format("Mopti"), [make_event(location="Mopti", latitude=14.49, longitude=-4.19)])
    assert alert_rows(engine) == []


def test_outbox_each_subscriber_gets_its_own_alert_and_reasons(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine, "circle")
    subscribe(engine, "country", area={"kind": "country", "iso2": "ML"}, min_certainty="Likely")
    subscribe(engine, "protests", area={"kind": "country", "iso2": "ML"}, types=("Protests",))
    store_article(engine, TEXT.format(TODAY), [make_event(certainty="Likely")])
    with engine.connect() as conn:
        found = {r.subscription_id: r for r, _ in list_alerts(conn)}
    assert sorted(found) == [1, 2]
    assert "circle" in found[1].why[0] and "country ML" in found[2].why[0]
    assert "certainty Likely is at or above your minimum Likely" in found[2].why[-1]


def test_outbox_quiet_hours_defer_but_severe_immediate_breaks_through(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    now = dt.datetime.now(dt.UTC)
    start = (now - dt.timedelta(hours=1)).strftime("%H:%M")
    end = (now + dt.timedelta(hours=2)).strftime("%H:%M")
    subscribe(engine, webhook_url="http://127.0.0.1:9/hook", webhook_secret=SECRET, quiet_hours=f"{start}-{end}")
    store_article(engine, TEXT.format("quiet"), [make_event()])
    store_article(engine, TEXT.format("deadly"), [make_event(fatalities=5, location="Kati camp")])
    held, urgent = alert_rows(engine)
    assert held.held == "quiet" and urgent.held is None
    deliveries = {d.alert_id: d for d in delivery_rows(engine)}
    assert deliveries[held.id].next_attempt_at > store.now() >= deliveries[urgent.id].next_attempt_at


def test_outbox_daily_cap_sends_the_rest_as_a_digest(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine, webhook_url="http://127.0.0.1:9/hook", webhook_secret=SECRET, daily_cap=2)
    for n in range(4):
        store_article(engine, TEXT.format(f"report {n}"), [make_event(location=f"Kati {n}",
                                                          latitude=12.6392 + 0.11 * (n % 7 - 3),
                                                          longitude=-8.0029 + 0.11 * (n // 7 - 2.5))])
    statuses = [d.status for d in delivery_rows(engine)]
    assert statuses == ["pending", "pending", "digest", "digest"]
    digest_ids = {d.digest_id for d in delivery_rows(engine) if d.status == "digest"}
    assert len(digest_ids) == 1
