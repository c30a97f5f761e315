"""The ``tocsin users`` and ``tocsin serve`` commands, in-process through click's runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tocsin import accounts, store
from tocsin.cli import cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"TOCSIN_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}


def test_cli_users_add_prints_a_working_token(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["users", "add", "ana", "--role", "analyst"], env=env)
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    with store.connect(env["TOCSIN_DATABASE_URL"]).connect() as conn:
        user = accounts.user_for_token(conn, token)
    assert user is not None and (user.name, user.role.value) == ("ana", "analyst")
    listed = CliRunner().invoke(cli, ["users", "list"], env=env)
    assert listed.output == "ana\tanalyst\n"


@pytest.mark.parametrize(("args", "code"), [
    (["users", "add", "ana", "--role", "king"], 2),
    (["users", "token", "nobody"], 1),
], ids=["bad-role", "unknown-user"])
def test_cli_users_errors_exit_codes(env: dict[str, str], args: list[str], code: int) -> None:
    assert CliRunner().invoke(cli, args, env=env).exit_code == code


def test_cli_users_add_twice_is_an_error(env: dict[str, str]) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["users", "add", "ana"], env=env)
    result = runner.invoke(cli, ["users", "add", "ana"], env=env)
    assert result.exit_code == 1 and "E451" in result.output


def test_cli_serve_help_names_its_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--public" in result.output
