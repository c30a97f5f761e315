from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tocsin import store
from tocsin.alert.cap import CAP_NS, validate
from tocsin.cli import cli

sys.path.insert(0, str(Path(__file__).parent / "alert"))
from alert_support import SECRET, TODAY, change_event, make_event, store_article  # noqa: E402


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"TOCSIN_DB": str(tmp_path / "tocsin.db"), "TOCSIN_SENDER": "alerts@tocsin.example"}


def _run(env: dict[str, str], *args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _history(env: dict[str, str]) -> None:
    engine = store.connect(f"sqlite:///{env['TOCSIN_DB']}")
    [event_id] = store_article(engine, f"KATI - gunfire on {TODAY}.", [make_event()])
    change_event(engine, event_id, certainty="Likely")


def test_cli_subscribe_add_list_and_alerts_in_every_format(env: dict[str, str], tmp_path: Path) -> None:
    polygon = tmp_path / "area.geojson"
    polygon.write_text(json.dumps({"type": "Polygon", "coordinates": [
        [[-8.5, 12.0], [-7.5, 12.0], [-7.5, 13.0], [-8.5, 13.0], [-8.5, 12.0]]]}))
    assert "subscription 1" in _run(env, "subscribe", "add", "--name", "bamako", "--circle", "12.64,-8.0,50",
                                    "--webhook", "http://127.0.0.1:9/h", "--secret", SECRET,
                                    "--types", "violence,Protests")
    _run(env, "subscribe", "add", "--name", "area", "--polygon", str(polygon), "--min-certainty", "Likely")
    listed = _run(env, "subscribe", "list")
    assert "50 km around 12.64,-8" in listed and "polygon" in listed and SECRET not in listed
    _history(env)
    table = _run(env, "alerts")
    assert "webhook:pending(0)" in table and "Update" in table
    rows = [json.loads(line) for line in _run(env, "alerts", "--format", "json").splitlines()]
    assert {r["msg_type"] for r in rows} == {"Alert", "Update"} and all(r["why"] for r in rows)
    caps = _run(env, "alerts", "--format", "cap", "--subscription", "bamako")
    documents = [d for d in caps.split("<?xml") if d.strip()]
    assert len(documents) == 2
    for document in documents:
        validate(("<?xml" + document).encode())
    feed = etree.fromstring(_run(env, "alerts", "--format", "atom", "--subscription", "1").encode())
    assert len(feed.findall(f".//{{{CAP_NS}}}alert")) == 2


def test_cli_subscribe_test_replays_history(env: dict[str, str]) -> None:
    _run(env, "subscribe", "add", "--name", "sure-only", "--country", "ML", "--min-certainty", "Likely")
    _history(env)
    out = _run(env, "subscribe", "test", "sure-only", "--since", "30d")
    assert "1 alert(s) would have been sent" in out and "Alert" in out and "certainty Likely" in out


@pytest.mark.parametrize(("args", "code"), [
    (["--name", "x"], 2),
    (["--name", "x", "--circle", "1,2"], 1),
    (["--name", "x", "--country", "ML", "--webhook", "http://h/x"], 1),
    (["--name", "x", "--country", "ML", "--types", "picnic"], 1),
], ids=["no-area", "bad-circle", "webhook-without-secret", "bad-type"])
def test_cli_subscribe_add_refuses_bad_input(env: dict[str, str], args: list[str], code: int) -> None:
    result = CliRunner().invoke(cli, ["subscribe", "add", *args], env=env)
    assert result.exit_code == code


def test_cli_alerts_atom_needs_a_subscription(env: dict[str, str]) -> None:
    assert CliRunner().invoke(cli, ["alerts", "--format", "atom"], env=env).exit_code == 2


def test_cli_dispatch_once_reports(env: dict[str, str]) -> None:
    assert "delivered 0" in _run(env, "dispatch", "--once")
