"""Reads TimeML files (TempEval-3's TBAQ): the plain text of <TEXT>, its DCT, and every inline tag as offsets."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from _quality import DATA

__all__ = ["ATTR", "TBAQ", "Tag", "TimeML", "read_timeml", "tbaq_files"]

TBAQ = DATA / "time" / "tempeval3-tbaq"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclasses.dataclass(frozen=True)
class Tag:
    """An inline tag (TIMEX3, EVENT, SIGNAL...) as a stretch of the plain text, with its attributes."""

    name: str
    start: int
    end: int
    attrs: dict[str, str]


@dataclasses.dataclass(frozen=True)
class TimeML:
    name: str
    text: str
    dct: str
    tags: tuple[Tag, ...]
    raw: str  # the whole file, for the non-inline tags (MAKEINSTANCE, TLINK)


def read_timeml(path: Path) -> TimeML:
    """Return the plain text of a TimeML file's <TEXT>, its DCT (YYYY-MM-DD) and its inline tags as offsets."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct_match is None or body is None:
        raise ValueError(f"{path}: no DCT or TEXT")
    parts: list[str] = []
    length = 0
    position = 0
    opened: dict[str, tuple[int, dict[str, str]]] = {}
    tags: list[Tag] = []
    source = body.group(1)
    for match in _TAG.finditer(source):
        piece = html.unescape(source[position:match.start()])
        parts.append(piece)
        length += len(piece)
        position = match.end()
        closing, name, attributes = match.groups()
        if not closing:
            opened[name] = (length, dict(ATTR.findall(attributes)))
        elif name in opened:
            start, attrs = opened.pop(name)
            tags.append(Tag(name, start, length, attrs))
    parts.append(html.unescape(source[position:]))
    return TimeML(path.stem, "".join(parts), dct_match.group(1)[:10], tuple(tags), raw)


def tbaq_files(limit: int = 0) -> list[Path]:
    """Return TBAQ's TimeML files in a fixed order (the first ``limit`` when given); none when it is absent."""
    paths = sorted(TBAQ.glob("*/*.tml"))
    return paths[:limit] if limit else paths
