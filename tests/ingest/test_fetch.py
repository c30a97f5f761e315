from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler

import httpx
import pytest

from loopback import Feed, serve
from tocsin.errors import InputRejected
from tocsin.ingest.fetch import check_address, fetch


def test_fetch_refuses_loopback_unless_allowed() -> None:
    feed = Feed()
    with serve(feed.handle) as url, httpx.Client() as client:
        with pytest.raises(InputRejected) as info:
            fetch(client, f"{url}/feed")
        assert info.value.code == "E126"
        assert feed.requests == 0  # refused before any request
        assert fetch(client, f"{url}/feed", allow_private=True).status == 200


@pytest.mark.parametrize("url", ["http://10.0.0.1/x", "http://[::1]/x", "http://169.254.169.254/latest",
                                 "http://0.0.0.0/"], ids=["private", "ipv6-loopback", "link-local", "unspecified"])
def test_fetch_refuses_non_public_addresses(url: str) -> None:
    with pytest.raises(InputRejected) as info:
        check_address(url)
    assert info.value.code == "E126"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x"], ids=["file", "ftp"])
def test_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(InputRejected) as info:
        check_address(url, allow_private=True)
    assert info.value.code == "E120"


def test_fetch_conditional_get_gives_304() -> None:
    feed = Feed()
    feed.add("a", "One", "Gunfire was heard in Kati on Tuesday, residents said.")
    with serve(feed.handle) as url, httpx.Client() as client:
        first = fetch(client, f"{url}/feed", allow_private=True)
        again = fetch(client, f"{url}/feed", etag=first.etag, allow_private=True)
        feed.add("b", "Two", "Protesters gathered in Bamako on Tuesday.")
        changed = fetch(client, f"{url}/feed", etag=first.etag, allow_private=True)
    assert first.status == 200 and b"Kati" in first.content
    assert again.unchanged and again.content == b""
    assert changed.status == 200 and changed.etag != first.etag


def _big(request: BaseHTTPRequestHandler, _body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 200, {}, b"x" * 5000


def _slow(request: BaseHTTPRequestHandler, _body: bytes) -> tuple[int, dict[str, str], bytes]:
    time.sleep(1.0)
    return 200, {}, b"late"


def _redirect_elsewhere(request: BaseHTTPRequestHandler, _body: bytes) -> tuple[int, dict[str, str], bytes]:
    if request.path == "/loop":
        return 302, {"location": "/loop"}, b""
    return 302, {"location": "file:///etc/passwd"}, b""


def _error(request: BaseHTTPRequestHandler, _body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 500, {}, b""


@pytest.mark.parametrize(("handler", "kwargs", "code"), [
    (_big, {"max_bytes": 1000}, "E121"),
    (_slow, {"timeout_s": 0.3}, "E122"),
    (_error, {}, "E123"),
], ids=["too-large", "too-slow", "server-error"])
def test_fetch_limits(handler, kwargs: dict[str, float], code: str) -> None:  # type: ignore[no-untyped-def]
    with serve(handler) as url, httpx.Client() as client, pytest.raises(InputRejected) as info:
        fetch(client, f"{url}/x", allow_private=True, **kwargs)  # type: ignore[arg-type]
    assert info.value.code == code


@pytest.mark.parametrize(("path", "code"), [("/x", "E120"), ("/loop", "E125")], ids=["to-file", "loop"])
def test_fetch_redirect_checked_hop_by_hop(path: str, code: str) -> None:
    with serve(_redirect_elsewhere) as url, httpx.Client() as client, pytest.raises(InputRejected) as info:
        fetch(client, f"{url}{path}", allow_private=True)
    assert info.value.code == code
