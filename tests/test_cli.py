"""The ``tocsin`` command, run in-process: exit codes, output contracts, rejections recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED_PATH, needs_model
from tocsin.cli import cli

ENGLISH = "Police said two people were killed when gunmen attacked a bus near the town of Kati on Monday."


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TOCSIN_DB", str(tmp_path / "cli.db"))
    monkeypatch.delenv("TOCSIN_DATABASE_URL", raising=False)
    return CliRunner()


@needs_model
def test_cli_analyze_seed_json_contract(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", "--published", "2020-08-18", "--json", str(SEED_PATH)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert record["published"] == "2020-08-18" and record["published_source"] == "given"
    assert record["dateline"] == "BAMAKO"


def test_cli_analyze_bad_file_exits_1_with_code(runner: CliRunner, binary_file: Path) -> None:
    result = runner.invoke(cli, ["analyze", str(binary_file)])
    assert result.exit_code == 1
    assert "[E103]" in result.output


@needs_model
def test_cli_analyze_jsonl_echoes_ids_in_order(runner: CliRunner) -> None:
    lines = [json.dumps({"id": "first", "text": ENGLISH, "published": "2021-01-04"}), "not json",
             json.dumps({"id": 7, "text": ENGLISH + " Residents fled."})]
    result = runner.invoke(cli, ["analyze", "--jsonl", "-"], input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["first", None, 7]
    assert out[1]["error"]["code"] == "E107"
    assert out[0]["published"] == "2021-01-04"
    assert result.exit_code == 1


@needs_model
def test_cli_ingest_is_idempotent_and_records_rejections(runner: CliRunner, tmp_path: Path,
                                                          empty_file: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    first = runner.invoke(cli, ["ingest", "--published", "2021-01-04", str(good), str(empty_file)])
    assert first.exit_code == 1 and "stored 1 article" in first.output and "[E101]" in first.output
    second = runner.invoke(cli, ["ingest", "--published", "2021-01-04", str(good)])
    assert second.exit_code == 0 and "1 already stored" in second.output
    listed = runner.invoke(cli, ["rejections"])
    assert len([line for line in listed.output.splitlines() if line.startswith("E101")]) == 1


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "geojson"])
def test_cli_events_formats_on_empty_store(runner: CliRunner, fmt: str) -> None:
    result = runner.invoke(cli, ["events", "--format", fmt])
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.output) == []
    if fmt == "geojson":
        assert json.loads(result.output)["features"] == []


def test_cli_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["analyze"]).exit_code == 2


@needs_model
def test_cli_reprocess_updates_in_place(runner: CliRunner, tmp_path: Path) -> None:
    import sqlalchemy as sa

    from tocsin import settings, store
    from tocsin.store import schema

    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    assert runner.invoke(cli, ["ingest", "--published", "2021-01-04", str(good)]).exit_code == 0
    engine = store.connect(settings.from_env().database_url)
    with engine.begin() as conn:
        before = list(store.query_events(conn))
        conn.execute(sa.update(schema.articles).values(model_version="an-older-model"))
    result = runner.invoke(cli, ["reprocess", "--all"])
    assert result.exit_code == 0 and "re-processed 1 article" in result.output
    with engine.connect() as conn:
        assert {e.event_id for e in store.query_events(conn)} == {e.event_id for e in before}
        versions = {row[0] for row in conn.execute(sa.select(schema.articles.c.model_version))}
    assert versions != {"an-older-model"}
    assert runner.invoke(cli, ["reprocess"]).exit_code == 2
