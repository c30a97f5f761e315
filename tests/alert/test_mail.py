from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from alert_support import TODAY, delivery_rows, engine_at, make_event, store_article, subscribe

from tocsin.alert.dispatch import DispatchConfig, dispatch_once
from tocsin.alert.mail import SmtpConfig

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook
        self.messages.append((list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[_Inbox, SmtpConfig]]:
    inbox = _Inbox()
    port = _free_port()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, SmtpConfig(host="127.0.0.1", port=port, mail_from="alerts@tocsin.example", timeout_s=5)
    finally:
        controller.stop()


def test_mail_alert_delivered_over_smtp_with_text_html_and_unsubscribe(
        tmp_path: Path, smtp: tuple[_Inbox, SmtpConfig]) -> None:
    inbox, config = smtp
    engine = engine_at(tmp_path)
    sub = subscribe(engine, email="desk@example.org")
    store_article(engine, f"KATI - gunfire on {TODAY}. Stay at home, the embassy said.", [make_event()],
                  advice="Stay at home", issuer="Norwegian embassy")
    with httpx.Client() as client:
        stats = dispatch_once(engine, client, DispatchConfig(smtp=config, base_url="https://tocsin.example"))
    assert stats.delivered == 1
    [(rcpt, raw)] = inbox.messages
    assert rcpt == ["desk@example.org"]
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    [row] = delivery_rows(engine)
    assert row.status == "delivered" and row.alert_id in str(msg["Subject"])
    assert msg.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in msg.iter_parts()]  # type: ignore[attr-defined]
    assert parts == ["text/plain", "text/html"]
    plain = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Official advice: Norwegian embassy: Stay at home" in plain and "Why you got this" in plain
    assert f"https://tocsin.example/unsubscribe/{sub.unsubscribe_token}" in str(msg["List-Unsubscribe"])
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert row.alert_id in str(msg["Message-ID"])


def test_mail_without_smtp_stays_pending(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine, email="desk@example.org")
    store_article(engine, f"KATI - gunfire on {TODAY}.", [make_event()])
    with httpx.Client() as client:
        assert dispatch_once(engine, client, DispatchConfig()).total() == 0
    assert [d.status for d in delivery_rows(engine)] == ["pending"]


def test_mail_smtp_down_is_retried(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    subscribe(engine, email="desk@example.org")
    store_article(engine, f"KATI - gunfire on {TODAY}.", [make_event()])
    down = SmtpConfig(host="127.0.0.1", port=_free_port(), timeout_s=2)
    with httpx.Client() as client:
        stats = dispatch_once(engine, client, DispatchConfig(smtp=down))
    assert stats.retried == 1
    [row] = delivery_rows(engine)
    assert row.status == "pending" and row.last_error
