"""Wire-story datelines such as ``BAMAKO (Reuters) –``, ``KATI, Mali, Aug 18 (AFP) -`` or ``JOHANNESBURG, May 5,
2026 -``: place and outlet."""

from __future__ import annotations

import dataclasses
import re

__all__ = ["Dateline", "parse_dateline"]

_OUTLETS = {
    "reuters": "Reuters",
    "afp": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "xinhua": "Xinhua",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "upi": "UPI",
    "dpa": "dpa",
    "anadolu": "Anadolu",
    "bernama": "Bernama",
    "irna": "IRNA",
    "sana": "SANA",
}
_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Z.'\u2019\- ]{1,40}?)             # BAMAKO, PORT-AU-PRINCE, N'DJAMENA
    (?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}?))?         # , Mali
    (?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?  # , Aug 18 or , Aug 18, 2020
    \s*(?:\((?P<outlet>[^()]{2,40})\)\s*)?                # (Reuters)
    (?P<dash>[\u2013\u2014\-]{1,2}|:)\s+""",
    re.VERBOSE,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed dateline: the place as written, its span, and the outlet when named."""

    place: str
    start: int
    end: int
    outlet: str | None
    length: int


def parse_dateline(text: str) -> Dateline | None:
    """Return the dateline at the start of ``text``, or ``None``.

    >>> d = parse_dateline("BAMAKO (Reuters) \u2013 Gunfire was heard")
    >>> (d.place, d.outlet)
    ('BAMAKO', 'Reuters')
    """
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    place = match.group("place").strip()
    has_outlet = match.group("outlet") is not None
    if not has_outlet and not match.group("region") and not match.group("date"):
        # A bare "WORD -" opening is a dateline only when the word is in capitals and short.
        if len(place.split()) > 3 or match.group("dash") == ":":
            return None
    outlet = match.group("outlet")
    if outlet is not None:
        outlet = _OUTLETS.get(outlet.strip().lower(), outlet.strip())
    start = match.start("place")
    return Dateline(place=place, start=start, end=start + len(place), outlet=outlet, length=match.end())
