"""Standard Webhooks delivery: signed POSTs (``webhook-id``, ``webhook-timestamp``, ``webhook-signature``).

The signature is ``v1,`` + base64 HMAC-SHA256 over ``{id}.{timestamp}.{body}`` with the secret; a ``whsec_``
secret is base64 as the specification says, any other secret is used as its UTF-8 bytes. The ``webhook-id`` is
the alert id, the receiver's idempotency key: a redelivery after a crash carries the same id.
The HTTP client is a parameter, so tests point it at a real loopback receiver.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import email.utils
import hashlib
import hmac
import random
from collections.abc import Mapping

import httpx

from tocsin.errors import DeliveryError

__all__ = ["TOLERANCE_S", "Outcome", "backoff", "deliver", "parse_retry_after", "secret_key", "sign", "verify"]

# How far a receiver accepts a timestamp from its own clock (replay protection), as the specification advises.
TOLERANCE_S = 300
_RETRY_STATUSES = frozenset({408, 425, 429})


def secret_key(secret: str) -> bytes:
    """Return the HMAC key of a secret: the decoded base64 after ``whsec_``, else the secret's UTF-8 bytes.

    >>> secret_key("whsec_" + base64.b64encode(b"k3y").decode())
    b'k3y'
    """
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[len("whsec_"):], validate=True)
        except ValueError as exc:
            raise DeliveryError("[E502] a whsec_ secret must be base64 after the prefix") from exc
    return secret.encode("utf-8")


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """Return the ``webhook-signature`` value for a message.

    >>> sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
    ...      b'{"test": 2432232314}')
    'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
    """
    content = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def verify(secret: str, headers: Mapping[str, str], body: bytes, *, now: float | None = None) -> str:
    """Check a received message's signature and timestamp; return its ``webhook-id`` or raise ``DeliveryError``."""
    msg_id, stamp, signatures = (headers.get(h) for h in ("webhook-id", "webhook-timestamp", "webhook-signature"))
    if not (msg_id and stamp and signatures):
        raise DeliveryError("[E503] missing webhook-id, webhook-timestamp or webhook-signature header")
    current = dt.datetime.now(dt.UTC).timestamp() if now is None else now
    if not stamp.isdigit() or abs(current - int(stamp)) > TOLERANCE_S:
        raise DeliveryError(f"[E503] webhook-timestamp {stamp!r} is outside the {TOLERANCE_S} s tolerance")
    expected = sign(secret, msg_id, int(stamp), body)
    if not any(hmac.compare_digest(expected, sig) for sig in signatures.split()):
        raise DeliveryError("[E503] no webhook-signature matches the body")
    return msg_id


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    """How one delivery attempt ended: delivered, retry (with the receiver's Retry-After), gone (410) or failed."""

    status: str
    code: int | None = None
    retry_after: float | None = None
    error: str | None = None


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Return a Retry-After header in seconds (delta-seconds or an HTTP date), ``None`` when absent or bad.

    >>> parse_retry_after("3"), parse_retry_after("soon")
    (3.0, None)
    """
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    current = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - current).total_seconds())


def deliver(client: httpx.Client, url: str, *, secret: str, msg_id: str, body: bytes,
            timestamp: int | None = None) -> Outcome:
    """POST one signed message; classify the answer (2xx delivered, 410 gone, 5xx/408/429/network retry)."""
    stamp = int(dt.datetime.now(dt.UTC).timestamp()) if timestamp is None else timestamp
    headers = {"content-type": "application/json", "webhook-id": msg_id, "webhook-timestamp": str(stamp),
               "webhook-signature": sign(secret, msg_id, stamp, body), "user-agent": "tocsin-webhooks/1"}
    try:
        response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return Outcome("retry", error=f"{exc.__class__.__name__}: {exc}")
    code = response.status_code
    if 200 <= code < 300:
        return Outcome("delivered", code)
    if code == 410:
        return Outcome("gone", code, error="410 Gone: the endpoint asked to stop")
    error = f"HTTP {code}"
    if code >= 500 or code in _RETRY_STATUSES:
        return Outcome("retry", code, parse_retry_after(response.headers.get("retry-after")), error)
    return Outcome("failed", code, error=f"{error} (not retried: the receiver refused the message)")


def backoff(attempts: int, *, base_s: float, cap_s: float, rng: random.Random | None = None) -> float:
    """Return the wait before the next try: exponential in the attempts made, capped, with jitter in [d/2, d].

    >>> 2.0 <= backoff(3, base_s=1.0, cap_s=60.0) <= 4.0
    True
    """
    delay = min(cap_s, base_s * 2 ** max(0, attempts - 1))
    return float(delay / 2 + (rng or random.Random()).uniform(0, delay / 2))
