"""Real servers on loopback for the live-loop tests: a feed server that can gain items, and a webhook receiver
that refuses the first deliveries, verifies every signature and records each webhook-id it accepted."""

from __future__ import annotations

import dataclasses
import email.utils
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler, bytes], tuple[int, dict[str, str], bytes]]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # a client that hung up on a slow answer (the time-limit tests) is expected


@contextmanager
def serve(handler: Handler) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 (a free port) in a thread; yield the base URL."""

    class _Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            if len(body) < length:  # the sender died mid-request (a killed dispatcher): nothing to answer
                self.close_connection = True
                return
            status, headers, payload = handler(self, body)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "content-length" not in {k.lower() for k in headers}:
                self.send_header("content-length", str(len(payload)))
            self.end_headers()
            if payload and self.command != "HEAD":
                self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
            return

    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclasses.dataclass
class Feed:
    """An RSS feed whose items can be added while it is served; answers 304 to a matching If-None-Match."""

    items: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)
    requests: int = 0
    not_modified: int = 0
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def add(self, guid: str, title: str, text: str) -> None:
        with self.lock:
            self.items.append((guid, title, text))

    def etag(self) -> str:
        return f'"v{len(self.items)}"'

    def body(self) -> bytes:
        date = email.utils.formatdate(usegmt=True)
        entries = "".join(f"<item><guid>{g}</guid><title>{t}</title><link>http://example.org/{g}</link>"
                          f"<pubDate>{date}</pubDate><description>{x}</description></item>"
                          for g, t, x in self.items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback wire</title>'
                f"<link>http://example.org/</link><description>test</description>{entries}</channel></rss>"
                ).encode()

    def handle(self, request: BaseHTTPRequestHandler, _body: bytes) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.requests += 1
            tag = self.etag()
            if request.headers.get("if-none-match") == tag:
                self.not_modified += 1
                return 304, {"etag": tag}, b""
            return 200, {"content-type": "application/rss+xml", "etag": tag}, self.body()


@dataclasses.dataclass
class Receiver:
    """A webhook receiver: refuses the first ``refuse`` requests (503 + Retry-After), then verifies and accepts.

    ``accepted`` counts each webhook-id processed once (the idempotency key); ``duplicates`` counts redeliveries
    of an id already accepted (answered 200 without processing); ``bad`` counts failed signature checks.
    """

    secret: str
    refuse: int = 0
    retry_after: str = "1"
    gone: bool = False
    accepted: dict[str, bytes] = dataclasses.field(default_factory=dict)
    received_at: dict[str, float] = dataclasses.field(default_factory=dict)
    duplicates: int = 0
    refused: int = 0
    bad: int = 0
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def handle(self, request: BaseHTTPRequestHandler, body: bytes) -> tuple[int, dict[str, str], bytes]:
        import time

        from tocsin.alert.webhook import verify
        from tocsin.errors import DeliveryError

        with self.lock:
            if self.gone:
                return 410, {}, b""
            if self.refused < self.refuse:
                self.refused += 1
                return 503, {"retry-after": self.retry_after}, b""
            try:
                msg_id = verify(self.secret, {k.lower(): v for k, v in request.headers.items()}, body)
            except DeliveryError:
                self.bad += 1
                return 401, {}, b""
            if msg_id in self.accepted:
                self.duplicates += 1
            else:
                self.accepted[msg_id] = body
                self.received_at[msg_id] = time.time()
            return 204, {}, b""
