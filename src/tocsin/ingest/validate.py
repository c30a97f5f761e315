"""Checks every raw input must pass before it is read: size, binary content, encoding and language."""

from __future__ import annotations

import re

from tocsin.errors import InputRejected

__all__ = ["MAX_BYTES", "MIN_ENGLISH_RATIO", "check_bytes", "check_language", "check_text", "decode"]

MAX_BYTES = 10 * 1024 * 1024
MIN_ENGLISH_RATIO = 0.08
_MIN_WORDS_FOR_LANGUAGE = 12
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The commonest English function words: news prose has 25-45 % of them, other Latin-script languages under 5 %.
_ENGLISH = frozenset(
    "the a an of to in and or is was were are be been has have had that this it its on at by for with from as "
    "but not he she they we his her their said says after before about over into than who which when where".split()
)


def check_bytes(data: bytes, *, source: str) -> None:
    """Reject empty, oversized and binary inputs, naming ``source`` and the fix."""
    if not data.strip():
        raise InputRejected(f"[E101] {source}: the input is empty; give a file with article text", source=source)
    if len(data) > MAX_BYTES:
        raise InputRejected(
            f"[E102] {source}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one article; "
            "split the file into articles (e.g. JSON Lines, one per line)",
            source=source,
        )
    head = data[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputRejected(
            f"[E103] {source}: the input looks binary (control bytes), not text; give plain text, HTML, a feed "
            "or JSON Lines",
            source=source,
        )


def decode(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (or the declared ``encoding``); reject undecodable bytes with their position."""
    codec = encoding or "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputRejected(
            f"[E104] {source}: not valid {codec} at byte {exc.start}; re-encode the file as UTF-8 "
            "(e.g. `iconv -f latin1 -t utf-8`) or declare its charset",
            source=source,
        ) from exc
    except LookupError as exc:
        raise InputRejected(
            f"[E104] {source}: unknown character encoding {codec!r}; re-encode the file as UTF-8", source=source
        ) from exc
    return text.lstrip("\ufeff")


def check_text(text: str, *, source: str) -> None:
    """Reject a decoded text that is blank or still looks binary."""
    if not _WORD.search(text):
        raise InputRejected(f"[E101] {source}: no words in the article text; give a non-empty article",
                            source=source)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputRejected(f"[E102] {source}: the article text is over the {MAX_BYTES:,}-byte limit; split it",
                            source=source)
    check_language(text, source=source)


def english_ratio(text: str) -> float:
    """Return the share of words in ``text`` that are common English function words.

    >>> english_ratio("the cat sat on the mat") > 0.3
    True
    """
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH) / len(words)


def check_language(text: str, *, source: str) -> str:
    """Return ``"en"`` or reject a text that is not English (tocsin reads English news only, for now)."""
    words = _WORD.findall(text[:20000])
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return "en"
    ratio = english_ratio(text)
    if ratio < MIN_ENGLISH_RATIO:
        raise InputRejected(
            f"[E105] {source}: the text does not look English ({ratio:.0%} English function words); tocsin reads "
            "English news only: translate it first",
            source=source,
        )
    return "en"
