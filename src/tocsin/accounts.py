"""Accounts and roles: users with API tokens, dashboard sessions with CSRF secrets; only hashes are stored.

Tokens and session ids are 256-bit random strings, so a plain SHA-256 is enough to store them safely (no
password stretching is needed for secrets nobody chose). A user signs in to the dashboard with their API token;
the session then carries a CSRF secret that every state-changing request must echo in a header.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import re
import secrets

import sqlalchemy as sa

from tocsin import taxonomy
from tocsin.errors import InputRejected, StoreError
from tocsin.store import now, schema
from tocsin.taxonomy import ROLE_RANK, Role

__all__ = [
    "SESSION_HOURS",
    "Session",
    "User",
    "add_user",
    "close_session",
    "hash_secret",
    "list_users",
    "open_session",
    "rotate_token",
    "session_user",
    "user_for_token",
]

SESSION_HOURS = 12
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$")


@dataclasses.dataclass(frozen=True, slots=True)
class User:
    """A signed-in account: its name and role."""

    id: int
    name: str
    role: Role

    def can(self, role: Role | str) -> bool:
        """Return whether this user holds ``role`` or a higher one.

        >>> User(1, "ana", Role.ANALYST).can("viewer")
        True
        """
        return ROLE_RANK[self.role] >= ROLE_RANK[taxonomy.parse(Role, role)]


@dataclasses.dataclass(frozen=True, slots=True)
class Session:
    """An open dashboard session: the user and the hash of its CSRF secret."""

    user: User
    csrf_hash: str

    def check_csrf(self, csrf: str | None) -> bool:
        """Return whether ``csrf`` is this session's CSRF secret (compared in constant time)."""
        return bool(csrf) and hmac.compare_digest(hash_secret(csrf or ""), self.csrf_hash)


def hash_secret(secret: str) -> str:
    """Return the stored form of a token or session id: SHA-256, hex.

    >>> len(hash_secret("x"))
    64
    """
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _new_token() -> str:
    return "tcs_" + secrets.token_urlsafe(32)


def add_user(conn: sa.Connection, name: str, role: Role | str) -> str:
    """Create an account and return its API token (shown once; only its hash is kept)."""
    if not _NAME.match(name):
        raise InputRejected(f"[E450] user name {name!r} is not allowed; use letters, digits and _ . @ - "
                            "(at most 100 characters)", source=name)
    role = taxonomy.parse(Role, role)
    if conn.execute(sa.select(schema.users.c.id).where(schema.users.c.name == name)).first():
        raise StoreError(f"[E451] user {name!r} exists already; pick another name or rotate its token")
    token = _new_token()
    conn.execute(sa.insert(schema.users).values(name=name, role=role.value, token_hash=hash_secret(token),
                                                disabled=False, created_at=now()))
    return token


def rotate_token(conn: sa.Connection, name: str) -> str:
    """Give an account a new API token (the old one stops working) and return it."""
    token = _new_token()
    done = conn.execute(sa.update(schema.users).where(schema.users.c.name == name)
                        .values(token_hash=hash_secret(token)))
    if not done.rowcount:
        raise StoreError(f"[E452] no user named {name!r}; create it with `tocsin users add`")
    return token


def list_users(conn: sa.Connection) -> list[User]:
    """Return every active account, by name."""
    query = (sa.select(schema.users).where(schema.users.c.disabled.is_(False))
             .order_by(schema.users.c.name))
    return [User(row.id, row.name, Role(row.role)) for row in conn.execute(query)]


def user_for_token(conn: sa.Connection, token: str | None) -> User | None:
    """Return the active account an API token belongs to, or ``None``."""
    if not token:
        return None
    users = schema.users
    row = conn.execute(sa.select(users).where(users.c.token_hash == hash_secret(token),
                                              users.c.disabled.is_(False))).first()
    return None if row is None else User(row.id, row.name, Role(row.role))


def open_session(conn: sa.Connection, user: User, *, hours: int = SESSION_HOURS) -> tuple[str, str]:
    """Open a dashboard session; return (session id, CSRF secret), both to give to the browser only."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    conn.execute(sa.insert(schema.sessions).values(
        id_hash=hash_secret(session_id), user_id=user.id, csrf_hash=hash_secret(csrf), created_at=now(),
        expires_at=expires.isoformat(timespec="milliseconds")))
    return session_id, csrf


def session_user(conn: sa.Connection, session_id: str | None) -> Session | None:
    """Return the open, unexpired session with this id, or ``None``."""
    if not session_id:
        return None
    s, u = schema.sessions, schema.users
    query = (sa.select(u.c.id, u.c.name, u.c.role, s.c.csrf_hash, s.c.expires_at)
             .join(u, u.c.id == s.c.user_id)
             .where(s.c.id_hash == hash_secret(session_id), u.c.disabled.is_(False)))
    row = conn.execute(query).first()
    if row is None or row.expires_at <= now():
        return None
    return Session(User(row.id, row.name, Role(row.role)), row.csrf_hash)


def close_session(conn: sa.Connection, session_id: str | None) -> None:
    """End a session (sign out); unknown ids are ignored."""
    if session_id:
        conn.execute(sa.delete(schema.sessions).where(schema.sessions.c.id_hash == hash_secret(session_id)))
