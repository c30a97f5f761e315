from __future__ import annotations

import base64
import datetime as dt
import json
import random
import time
from pathlib import Path

import httpx
import pytest
from alert_support import SECRET, TODAY, delivery_rows, engine_at, make_event, store_article, subscribe

from loopback import Receiver, serve
from tocsin.alert.cap import validate
from tocsin.alert.dispatch import DispatchConfig, dispatch_once
from tocsin.alert.subscriptions import get_subscription
from tocsin.alert.webhook import backoff, parse_retry_after, sign, verify
from tocsin.errors import DeliveryError

FAST = DispatchConfig(backoff_base_s=0.05, backoff_cap_s=0.2, lease_s=5.0)


def test_webhook_signature_matches_the_specification_example() -> None:
    # The example from the Standard Webhooks specification (whsec_ secret, id, timestamp, body).
    signature = sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                     b'{"test": 2432232314}')
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


@pytest.mark.parametrize("secret", [SECRET, "plain-shared-secret"], ids=["whsec", "plain"])
def test_webhook_verify_accepts_own_signature_and_rejects_tampering(secret: str) -> None:
    stamp = int(time.time())
    headers = {"webhook-id": "a1", "webhook-timestamp": str(stamp),
               "webhook-signature": "v0,bogus " + sign(secret, "a1", stamp, b"{}")}
    assert verify(secret, headers, b"{}") == "a1"
    with pytest.raises(DeliveryError):
        verify(secret, headers, b'{"x": 1}')
    with pytest.raises(DeliveryError):
        verify(secret, {**headers, "webhook-timestamp": str(stamp - 3600)}, b"{}")


def test_webhook_backoff_grows_with_jitter_and_retry_after_parses() -> None:
    rng = random.Random(7)
    waits = [backoff(n, base_s=1.0, cap_s=30.0, rng=rng) for n in range(1, 8)]
    assert all(lo / 2 <= w <= lo for w, lo in zip(waits, [1, 2, 4, 8, 16, 30, 30], strict=True))
    when = dt.datetime(2020, 8, 18, 12, 0, tzinfo=dt.UTC)
    assert parse_retry_after("Tue, 18 Aug 2020 12:00:30 GMT", now=when) == 30.0


def test_webhook_refused_then_accepted_honours_retry_after(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    receiver = Receiver(secret=SECRET, refuse=1, retry_after="1")
    with serve(receiver.handle) as url, httpx.Client(timeout=5) as client:
        subscribe(engine, webhook_url=f"{url}/hook", webhook_secret=SECRET)
        store_article(engine, f"KATI - gunfire on {TODAY}.", [make_event()])
        first = dispatch_once(engine, client, FAST)
        assert (first.delivered, first.retried) == (0, 1)
        [row] = delivery_rows(engine)
        wait = (dt.datetime.fromisoformat(row.next_attempt_at) - dt.datetime.now(dt.UTC)).total_seconds()
        assert wait > 0.7  # the receiver's Retry-After (1 s), not the 0.05 s backoff
        assert dispatch_once(engine, client, FAST).delivered == 0  # not due yet
        time.sleep(wait + 0.05)
        assert dispatch_once(engine, client, FAST).delivered == 1
    [row] = delivery_rows(engine)
    assert (row.status, row.attempts) == ("delivered", 2)
    [(msg_id, body)] = receiver.accepted.items()
    payload = json.loads(body)
    assert msg_id == payload["data"]["id"] and payload["type"] == "alert.created"
    validate(payload["data"]["cap"].encode())
    assert receiver.bad == 0


def test_webhook_gone_disables_the_endpoint(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    receiver = Receiver(secret=SECRET, gone=True)
    with serve(receiver.handle) as url, httpx.Client(timeout=5) as client:
        sub = subscribe(engine, webhook_url=f"{url}/hook", webhook_secret=SECRET)
        store_article(engine, f"KATI - gunfire on {TODAY}.", [make_event()])
        stats = dispatch_once(engine, client, FAST)
        assert stats.disabled == 1
        store_article(engine, f"KATI - more gunfire on {TODAY}.", [make_event(location="Kati camp")])
        dispatch_once(engine, client, FAST)
    with engine.connect() as conn:
        assert get_subscription(conn, sub.id or 0).webhook_disabled
    assert [d.status for d in delivery_rows(engine)] == ["disabled"]  # the second alert has no webhook delivery
    assert receiver.accepted == {}


def test_webhook_secret_must_be_base64_after_whsec() -> None:
    with pytest.raises(DeliveryError) as info:
        sign("whsec_***", "id", 1, b"")
    assert info.value.code == "E502"
    assert base64.b64decode(SECRET[6:])  # the test secret itself is well formed
