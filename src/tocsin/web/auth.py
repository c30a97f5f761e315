"""Who is asking: API tokens (``Authorization: Bearer``) for machines, cookie sessions with CSRF for browsers.

A session cookie is sent by the browser on its own, so every state-changing request that rides on one must
also carry the session's CSRF secret in ``X-CSRF-Token`` (read by the dashboard's script from a cookie that
other sites cannot read) and, when the browser names it, an ``Origin`` equal to this server's. A bearer token is
never sent on its own, so token requests need neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from tocsin import accounts
from tocsin.accounts import User
from tocsin.settings import Settings
from tocsin.taxonomy import Role

__all__ = ["ANONYMOUS", "CSRF_COOKIE", "CSRF_HEADER", "SESSION_COOKIE", "Analyst", "Viewer", "current_user", "engine_of",
           "require", "router", "settings_of"]

SESSION_COOKIE = "tocsin_session"
CSRF_COOKIE = "tocsin_csrf"
CSRF_HEADER = "x-csrf-token"
ANONYMOUS = User(0, "anonymous", Role.VIEWER)
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

router = APIRouter()


def engine_of(request: Request) -> sa.Engine:
    """Return the database engine of the app serving ``request`` (``create_app`` keeps it on ``app.state``)."""
    engine: sa.Engine = request.app.state.engine
    return engine


def settings_of(request: Request) -> Settings:
    """Return the settings of the app serving ``request`` (``create_app`` keeps them on ``app.state``)."""
    settings: Settings = request.app.state.settings
    return settings


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _deny(status: int, code: str, message: str) -> HTTPException:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return HTTPException(status, detail={"code": code, "message": f"[{code}] {message}"}, headers=headers)


def _check_same_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
        raise _deny(403, "E472", f"cross-site request from {origin!r} refused")


def current_user(request: Request) -> User | None:
    """Return the caller's account (token first, then session), ``ANONYMOUS`` for open reading, or ``None``."""
    token = _bearer(request)
    with engine_of(request).connect() as conn:
        if token is not None:
            user = accounts.user_for_token(conn, token)
            if user is None:
                raise _deny(401, "E470", "the API token is not valid; ask an admin for one (tocsin users add)")
            return user
        session = accounts.session_user(conn, request.cookies.get(SESSION_COOKIE))
    if session is not None:
        if request.method not in _SAFE_METHODS:
            _check_same_origin(request)
            if not session.check_csrf(request.headers.get(CSRF_HEADER)):
                raise _deny(403, "E471", "missing or wrong CSRF token; reload the dashboard and try again")
        return session.user
    return ANONYMOUS if settings_of(request).public_read and request.method in _SAFE_METHODS else None


def require(role: Role) -> Callable[[Request], User]:
    """Return a FastAPI dependency that lets through only callers holding ``role`` (or a higher one)."""

    def dependency(request: Request) -> User:
        user = current_user(request)
        if user is None:
            raise _deny(401, "E473", "sign in, or send an API token as 'Authorization: Bearer TOKEN'")
        if not user.can(role):
            raise _deny(403, "E474", f"this needs the {role.value} role; {user.name!r} is {user.role.value}")
        return user

    return dependency


# The caller, as a route takes it: ``user: Viewer`` for reading, ``user: Analyst`` for reviewing and writing.
Viewer = Annotated[User, Depends(require(Role.VIEWER))]
Analyst = Annotated[User, Depends(require(Role.ANALYST))]


class Login(BaseModel):
    """A sign-in: the account's API token."""

    token: str = Field(min_length=1, max_length=200)


def _me(user: User | None, *, public: bool) -> dict[str, Any]:
    if user is None or user is ANONYMOUS:
        return {"user": None, "role": "viewer" if public else None}
    return {"user": user.name, "role": user.role.value}


@router.get("/api/session")
def get_session(request: Request) -> dict[str, Any]:
    """Who the dashboard is signed in as (``user`` is null when nobody is)."""
    return _me(current_user(request), public=settings_of(request).public_read)


@router.post("/api/session")
def sign_in(login: Login, request: Request, response: Response) -> dict[str, Any]:
    """Sign in with an API token: opens a session cookie and a CSRF cookie for the dashboard."""
    _check_same_origin(request)
    with engine_of(request).begin() as conn:
        user = accounts.user_for_token(conn, login.token)
        if user is None:
            raise _deny(401, "E470", "the API token is not valid; ask an admin for one (tocsin users add)")
        session_id, csrf = accounts.open_session(conn, user)
    secure = settings_of(request).secure_cookies
    max_age = accounts.SESSION_HOURS * 3600
    response.set_cookie(SESSION_COOKIE, session_id, max_age=max_age, httponly=True, samesite="strict",
                        secure=secure, path="/")
    response.set_cookie(CSRF_COOKIE, csrf, max_age=max_age, httponly=False, samesite="strict", secure=secure,
                        path="/")
    return _me(user, public=False)


@router.delete("/api/session")
def sign_out(request: Request, response: Response) -> dict[str, Any]:
    """Sign out: the session ends on the server and its cookies are cleared."""
    current_user(request)  # checks the CSRF token, so another site cannot sign the user out
    with engine_of(request).begin() as conn:
        accounts.close_session(conn, request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return {"user": None, "role": None}
