"""Accounts: tokens stored only as hashes, roles ranked, sessions that expire, CSRF checks."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from tocsin import accounts, store
from tocsin.errors import InputRejected, StoreError, TaxonomyError
from tocsin.store import schema
from tocsin.taxonomy import Role


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    return store.connect(f"sqlite:///{tmp_path / 'acc.db'}")


def test_accounts_token_identifies_user_and_only_its_hash_is_stored(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        token = accounts.add_user(conn, "ana", "analyst")
    with engine.connect() as conn:
        user = accounts.user_for_token(conn, token)
        stored = conn.execute(sa.select(schema.users.c.token_hash)).scalar_one()
    assert user is not None and (user.name, user.role) == ("ana", Role.ANALYST)
    assert token not in stored and stored == accounts.hash_secret(token)


@pytest.mark.parametrize(("name", "role", "error", "code"), [
    ("bad name", "viewer", InputRejected, "E450"),
    ("", "viewer", InputRejected, "E450"),
    ("ok", "superuser", TaxonomyError, "E301"),
], ids=["space", "empty", "role"])
def test_accounts_add_user_rejects_bad_input(engine: sa.Engine, name: str, role: str, error: type[Exception],
                                             code: str) -> None:
    with engine.begin() as conn, pytest.raises(error) as info:
        accounts.add_user(conn, name, role)
    assert code in str(info.value)


def test_accounts_duplicate_name_is_refused(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        accounts.add_user(conn, "ana", "viewer")
        with pytest.raises(StoreError, match="E451"):
            accounts.add_user(conn, "ana", "admin")


def test_accounts_rotated_token_replaces_the_old_one(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        old = accounts.add_user(conn, "ana", "viewer")
        new = accounts.rotate_token(conn, "ana")
        assert accounts.user_for_token(conn, old) is None
        assert accounts.user_for_token(conn, new) is not None
        with pytest.raises(StoreError, match="E452"):
            accounts.rotate_token(conn, "nobody")


@pytest.mark.parametrize(("role", "needed", "allowed"), [
    ("viewer", "viewer", True), ("viewer", "analyst", False), ("analyst", "analyst", True),
    ("analyst", "admin", False), ("admin", "analyst", True),
], ids=["v-v", "v-a", "a-a", "a-admin", "admin-a"])
def test_accounts_roles_are_ranked(role: str, needed: str, allowed: bool) -> None:
    assert accounts.User(1, "x", Role(role)).can(needed) is allowed


def test_accounts_session_checks_csrf_and_expires(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        accounts.add_user(conn, "ana", "analyst")
        user = accounts.list_users(conn)[0]
        session_id, csrf = accounts.open_session(conn, user)
        expired_id, _ = accounts.open_session(conn, user, hours=0)
    with engine.connect() as conn:
        session = accounts.session_user(conn, session_id)
        assert session is not None and session.user.name == "ana"
        assert session.check_csrf(csrf) and not session.check_csrf("x") and not session.check_csrf(None)
        assert accounts.session_user(conn, expired_id) is None
    with engine.begin() as conn:
        accounts.close_session(conn, session_id)
        assert accounts.session_user(conn, session_id) is None
