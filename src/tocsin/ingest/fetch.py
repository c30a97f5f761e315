"""Safe fetching of URLs: private and loopback addresses refused unless allowed, size and time limits, redirects
checked hop by hop, and conditional GET (ETag / Last-Modified) so an unchanged feed costs one short answer.

The ``httpx.Client`` is a parameter (tests use a real loopback server with ``allow_private=True``).
"""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import httpx

from tocsin.errors import InputRejected

__all__ = ["MAX_FETCH_BYTES", "MAX_REDIRECTS", "TIMEOUT_S", "Fetched", "check_address", "fetch"]

MAX_FETCH_BYTES = 5_000_000
MAX_REDIRECTS = 5
TIMEOUT_S = 20.0


@dataclasses.dataclass(frozen=True, slots=True)
class Fetched:
    """One fetch: status 200 with the body, or 304 (unchanged, empty body); the validators to send next time."""

    url: str
    status: int
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def unchanged(self) -> bool:
        """Whether the server said the resource has not changed (304)."""
        return self.status == 304


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_address(url: str, *, allow_private: bool = False) -> None:
    """Refuse non-HTTP URLs and, unless allowed, hosts that resolve to private, loopback or reserved addresses.

    >>> check_address("http://127.0.0.1/feed", allow_private=True)
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputRejected(f"[E120] {url}: only http:// and https:// URLs can be fetched", source=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputRejected(f"[E124] {url}: host {parts.hostname!r} cannot be resolved ({exc.strerror})",
                            source=url) from exc
    for info in infos:
        address = str(info[4][0])
        if not _is_public(address):
            raise InputRejected(f"[E126] {url}: {parts.hostname} resolves to the non-public address {address}; "
                                "add the source with --allow-private if this is intended", source=url)


def fetch(client: httpx.Client, url: str, *, etag: str | None = None, last_modified: str | None = None,
          max_bytes: int = MAX_FETCH_BYTES, timeout_s: float = TIMEOUT_S, allow_private: bool = False) -> Fetched:
    """GET ``url`` with the given validators; raise ``InputRejected`` (E120-E126) on any refusal or failure."""
    headers = {"accept": "application/rss+xml, application/atom+xml, application/xml, text/html;q=0.8, */*;q=0.5",
               "user-agent": "tocsin/0.1 (+feed watcher)"}
    if etag:
        headers["if-none-match"] = etag
    if last_modified:
        headers["if-modified-since"] = last_modified
    deadline = time.monotonic() + timeout_s
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_address(current, allow_private=allow_private)
        result = _get(client, current, headers, max_bytes=max_bytes, deadline=deadline)
        if isinstance(result, str):
            current = result
            continue
        return result
    raise InputRejected(f"[E125] {url}: more than {MAX_REDIRECTS} redirects", source=url)


def _get(client: httpx.Client, url: str, headers: dict[str, str], *, max_bytes: int,
         deadline: float) -> Fetched | str:
    """One request: a ``Fetched``, or the next URL when redirected."""
    remaining = max(0.1, deadline - time.monotonic())
    try:
        with client.stream("GET", url, headers=headers, follow_redirects=False,
                           timeout=httpx.Timeout(remaining)) as response:
            if response.is_redirect and "location" in response.headers:
                return urljoin(url, response.headers["location"])
            if response.status_code not in (200, 304):
                raise InputRejected(f"[E123] {url}: the server answered HTTP {response.status_code}", source=url)
            body = _read_limited(response, url, max_bytes=max_bytes, deadline=deadline)
            return Fetched(url=url, status=response.status_code, content=body, etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified"),
                           content_type=response.headers.get("content-type"))
    except httpx.TimeoutException as exc:
        raise InputRejected(f"[E122] {url}: no complete answer within the time limit", source=url) from exc
    except httpx.HTTPError as exc:
        raise InputRejected(f"[E124] {url}: network error ({exc.__class__.__name__}: {exc})", source=url) from exc


def _read_limited(response: httpx.Response, url: str, *, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputRejected(f"[E121] {url}: {int(declared):,} bytes is over the {max_bytes:,}-byte limit",
                            source=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputRejected(f"[E121] {url}: the body is over the {max_bytes:,}-byte limit", source=url)
        if time.monotonic() > deadline:
            raise InputRejected(f"[E122] {url}: no complete answer within the time limit", source=url)
        chunks.append(chunk)
    return b"".join(chunks)
