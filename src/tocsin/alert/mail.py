"""E-mail alerts over SMTP: plain text first, an HTML alternative, the alert id in the subject, List-Unsubscribe.

The ``Message-ID`` is derived from the alert id, so a message redelivered after a crash is recognisably the same.
"""

from __future__ import annotations

import dataclasses
import html
import smtplib
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from tocsin.alert.record import AlertRecord
from tocsin.alert.subscriptions import Subscription

__all__ = ["SmtpConfig", "build_digest", "build_message", "send"]


@dataclasses.dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Where and as whom to send e-mail."""

    host: str
    port: int = 25
    mail_from: str = "tocsin@localhost"
    starttls: bool = False
    username: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False)
    timeout_s: float = 10.0


def _headers(msg: EmailMessage, sub: Subscription, *, mail_from: str, subject: str, msg_key: str,
             base_url: str) -> None:
    domain = mail_from.rpartition("@")[2] or "localhost"
    msg["From"] = mail_from
    msg["To"] = sub.email or ""
    msg["Subject"] = subject
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = f"<{msg_key}@{domain}>" if msg_key else make_msgid(domain=domain)
    token = sub.unsubscribe_token or ""
    msg["List-Unsubscribe"] = (f"<{base_url.rstrip('/')}/unsubscribe/{token}>, "
                               f"<mailto:{mail_from}?subject=unsubscribe%20{token}>")
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["X-Tocsin-Alert"] = msg_key


def _lines(record: AlertRecord) -> list[str]:
    state = record.state
    lines = [record.headline, "", f"Type: {record.msg_type}   Severity: {state.severity}   "
             f"Urgency: {state.urgency}   Certainty: {state.certainty}"]
    if state.fatalities is not None:
        lines.append(f"Fatalities reported: {state.fatalities}")
    if record.change_text():
        lines.append(f"What changed: {record.change_text()}")
    for advice in state.advice:
        lines.append(f"Official advice: {advice}")
    lines.append("Why you got this: " + "; ".join(record.why))
    lines.append(f"Alert id: {record.id}")
    if record.references:
        lines.append("Earlier alerts: " + ", ".join(ref for ref, _ in record.references))
    return lines


def build_message(record: AlertRecord, sub: Subscription, *, mail_from: str, base_url: str) -> EmailMessage:
    """Return the e-mail for one alert: text/plain with a text/html alternative."""
    msg = EmailMessage()
    _headers(msg, sub, mail_from=mail_from, subject=f"[tocsin {record.msg_type} {record.id}] {record.headline}",
             msg_key=record.id, base_url=base_url)
    lines = _lines(record)
    msg.set_content("\n".join(lines) + "\n")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    msg.add_alternative(f"<html><body><h1>{html.escape(record.headline)}</h1>{body}</body></html>", subtype="html")
    return msg


def build_digest(digest_id: str, records: Sequence[AlertRecord], sub: Subscription, *, mail_from: str,
                 base_url: str) -> EmailMessage:
    """Return one e-mail that gathers the alerts held back by the daily cap."""
    msg = EmailMessage()
    _headers(msg, sub, mail_from=mail_from, subject=f"[tocsin digest {digest_id}] {len(records)} alert(s)",
             msg_key=digest_id, base_url=base_url)
    text = "\n\n".join("\n".join(_lines(r)) for r in records)
    msg.set_content(f"{len(records)} alert(s) held back by your daily cap:\n\n{text}\n")
    items = "".join(f"<li>{html.escape(r.headline)} ({html.escape(r.id)})</li>" for r in records)
    msg.add_alternative(f"<html><body><ul>{items}</ul></body></html>", subtype="html")
    return msg


def send(config: SmtpConfig, msg: EmailMessage) -> None:
    """Send one message over SMTP (STARTTLS and login when configured); ``smtplib`` errors propagate."""
    with smtplib.SMTP(config.host, config.port, timeout=config.timeout_s) as smtp:
        if config.starttls:
            smtp.starttls()
        if config.username:
            smtp.login(config.username, config.password or "")
        smtp.send_message(msg)
