"""Run-time settings, read once at the edge (CLI, server) from the environment into a frozen object."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping

from tocsin.store import database_url

__all__ = ["Settings", "from_env"]


@dataclasses.dataclass(frozen=True, slots=True)
class Settings:
    """What the edges need: the database URL, who signs outgoing alerts, and how the web server behaves.

    ``public_read`` lets anyone who can reach the server read events without signing in (writes always need an
    account); ``secure_cookies`` marks session cookies HTTPS-only (set it behind TLS).
    """

    database_url: str
    sender: str = "tocsin@localhost"
    public_url: str = "http://localhost:8000"
    smtp_host: str | None = None
    smtp_port: int = 25
    mail_from: str = "tocsin@localhost"
    public_read: bool = False
    secure_cookies: bool = False


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Build settings from ``TOCSIN_DATABASE_URL`` or ``TOCSIN_DB`` (default ``./tocsin.db``) and the alerting
    variables ``TOCSIN_SENDER``, ``TOCSIN_PUBLIC_URL``, ``TOCSIN_SMTP_HOST``, ``TOCSIN_SMTP_PORT``, ``TOCSIN_MAIL_FROM``.
    """
    env = os.environ if env is None else env
    url = database_url(url=env.get("TOCSIN_DATABASE_URL"), path=env.get("TOCSIN_DB"))
    return Settings(database_url=url, sender=env.get("TOCSIN_SENDER", "tocsin@localhost"),
                    public_url=env.get("TOCSIN_PUBLIC_URL", "http://localhost:8000"),
                    smtp_host=env.get("TOCSIN_SMTP_HOST") or None, smtp_port=int(env.get("TOCSIN_SMTP_PORT", "25")),
                    mail_from=env.get("TOCSIN_MAIL_FROM", "tocsin@localhost"),
                    public_read=_flag(env.get("TOCSIN_PUBLIC_READ")),
                    secure_cookies=_flag(env.get("TOCSIN_SECURE_COOKIES")))


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")
