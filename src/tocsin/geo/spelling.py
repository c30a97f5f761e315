"""Misspelt place names: a word one slip away from a place the article is about ("Mail's capital" -> Mali).

``likely_misspelling`` is the public entry point used by ``extract/checks.py`` to raise a "misspelt place" flag;
it is deliberately conservative: the word must be capitalised, not itself a better-known name, and one edit
(insertion, deletion, substitution or swap of two neighbours) from a country, a region or a place named in the
article.
"""

from __future__ import annotations

from collections.abc import Iterable

from tocsin.geo.gazetteer import Gazetteer, load
from tocsin.geo.names import edit_distance, fold
from tocsin.model import Place

__all__ = ["MIN_LENGTH", "likely_misspelling"]

MIN_LENGTH = 4


def _targets(context_places: Iterable[Place], gazetteer: Gazetteer) -> dict[str, str]:
    """Names the word may have meant: the context places, their regions and their countries."""
    names: dict[str, str] = {}
    for place in context_places:
        for name in (place.name, place.text, place.admin1):
            if name:
                names.setdefault(fold(name), name)
        country = gazetteer.country(place.country) if place.country else None
        if country is not None:
            names.setdefault(fold(country.name), country.name)
    return names


def likely_misspelling(
    word: str, context_places: Iterable[Place], *, gazetteer: Gazetteer | None = None
) -> tuple[str, float] | None:
    """Return ``(place_name, score)`` when ``word`` looks like a slip for a place of the article, else None.

    ``context_places`` are the article's resolved places (``find_places`` output); their names, regions and
    countries are the candidates. ``score`` in (0, 1] grows with the length of the word (one slip in a long name
    is more telling than in a short one); a swap of two neighbouring letters scores highest.

    Examples
    --------
    >>> bamako = Place("Bamako", 0, 6, geonameid=2460596, name="Bamako", country="ML")
    >>> likely_misspelling("Mail", [bamako])
    ('Mali', 0.9)
    >>> likely_misspelling("Mali", [bamako]) is None
    True
    """
    word = word.removesuffix("'s").removesuffix("\u2019s")
    key = fold(word)
    if len(key) < MIN_LENGTH or not word[:1].isupper():
        return None
    gaz = gazetteer or load()
    targets = _targets(context_places, gaz)
    if key in targets:
        return None
    best: tuple[str, float] | None = None
    for target_key, name in targets.items():
        if abs(len(target_key) - len(key)) > 1 or target_key[:1] != key[:1]:
            continue
        if edit_distance(key, target_key, limit=2) == 1:
            swap = sorted(key) == sorted(target_key) and len(key) == len(target_key)
            score = round(min(1.0, 0.6 + 0.05 * len(key) + (0.1 if swap else 0.0)), 2)
            if best is None or score > best[1]:
                best = (name, score)
    return best
