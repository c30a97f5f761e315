"""Name keys for the gazetteer: folded keys (case, accents, punctuation) and fuzzy keys for spelling variants.

West African and Arabic place names reach English news in many transcriptions (Diabaly / Diabali, Ogossagou /
Ogossogou, Moura / Mora). ``fold`` gives the exact lookup key; ``skeleton`` gives a coarse consonant key that
collects variant spellings as candidates, and ``variant_distance`` decides which of them are close enough.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["ADMIN_WORDS", "adjective_bases", "admin_base", "edit_distance", "expanded", "feature_bases", "fold", "is_part_word", "part_bases", "phonetic",
           "skeleton", "variant_distance"]

_PUNCT = re.compile(r"[\u2018\u2019'`´\.]")
_SEP = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
_PHONETIC = (("ou", "u"), ("w", "u"), ("y", "i"), ("ph", "f"), ("kh", "k"), ("gh", "g"), ("dj", "j"), ("dh", "d"),
             ("c", "k"), ("q", "k"), ("ee", "i"), ("oo", "u"))


# Words that say what kind of administrative area a name is ("Akita Prefecture", "Kunar Province").
ADMIN_WORDS = frozenset({"province", "prefecture", "state", "region", "governorate", "district", "county",
                         "department", "oblast", "municipality", "territory", "division", "commune", "parish",
                         "township"})
# Abbreviations that news writes for words of place names ("St. Kitts", "Mt. Vernon", "Platte Co.", "Madison Twp.").
_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_TRAILING_ABBREVIATIONS = {"co": "county", "twp": "township", "par": "parish"}


def expanded(key: str) -> str | None:
    """Return the folded name with a leading or trailing abbreviation written out, or None when it has none.

    >>> expanded("st kitts and nevis"), expanded("platte co"), expanded("kitts")
    ('saint kitts and nevis', 'platte county', None)
    """
    words = key.split(" ")
    if len(words) < 2:
        return None
    first, last = _LEADING_ABBREVIATIONS.get(words[0]), _TRAILING_ABBREVIATIONS.get(words[-1])
    if first is None and last is None:
        return None
    return " ".join([first or words[0], *words[1:-1], last or words[-1]])


def admin_base(key: str) -> str | None:
    """Return the folded name without a trailing kind-of-area word, or None when it has none.

    >>> admin_base("akita prefecture"), admin_base("akita")
    ('akita', None)
    """
    head, _, last = key.rpartition(" ")
    return head if head and last in ADMIN_WORDS else None


# Words before a name that pick a part of the place or the area around it ("North Dallas", "Greater Mumbai").
_PART_WORDS = re.compile(r"^(?:greater|metropolitan|metro|downtown|inner|outer|upper|lower|central|"
                         r"(?:north|south)(?: ?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?) (?=\S)")
# Words after a name for a natural or built feature, or a civil township, that is usually named after the town at
# or in it ("Swat Valley", "Mahim Bay", "Da Nang International Airport", "Sycamore Township").
_FEATURE_WORDS = re.compile(r" (?:valley|delta|basin|bay|harbou?r|lake|river|island|islands|mountains|hills|"
                            r"canal|(?:international )?airport|township)$")
_LEADING_FEATURE_WORDS = re.compile(r"^(?:lake|port of) (?=\S)")


def is_part_word(word: str) -> bool:
    """A word that, before a place's name, picks a part of it or the area around it ("Northeast", "Metro").

    >>> is_part_word("Northeast"), is_part_word("Downtown"), is_part_word("Boko")
    (True, True, False)
    """
    return bool(_PART_WORDS.match(fold(word) + " x"))


def part_bases(key: str) -> list[str]:
    """Return the names of the places that contain what the folded name ``key`` names as a part of them.

    "North Dallas" and "Greater Mumbai" lie in or around Dallas and Mumbai; "Jammu and Kashmir" joins two parts
    (the larger is usually named last). A fallback for names the gazetteer lacks.

    >>> part_bases("greater mumbai"), part_bases("jammu and kashmir"), part_bases("fort hood")
    (['mumbai'], ['kashmir', 'jammu'], [])
    """
    out = []
    head = _PART_WORDS.sub("", key)
    if head != key:
        out.append(head)
    first, conj, second = key.partition(" and ")
    if conj:
        out += [second, first]
    return [b for b in out if len(b) >= 3]


def feature_bases(key: str) -> list[str]:
    """Return the town names that a natural or built feature named ``key`` (folded) is named after.

    "Swat Valley", "Mahim Bay", "Lake Hartwell", "Port of Los Angeles", "Da Nang International Airport": the
    feature lies at or around a town of that name (not a whole state: Lake Vermont is in South Dakota). A US
    civil township the gazetteer lacks ("Sycamore Township") likewise surrounds or neighbours its namesake village.

    >>> feature_bases("swat valley"), feature_bases("lake hartwell"), feature_bases("north side")
    (['swat'], ['hartwell'], [])
    """
    out = []
    for pattern in (_FEATURE_WORDS, _LEADING_FEATURE_WORDS):
        base = pattern.sub("", key)
        if base != key and len(base) >= 3:
            out.append(base)
    return out


def adjective_bases(key: str) -> list[str]:
    """Return the place names that the folded adjective or people's name ``key`` may come from, likeliest first.

    English forms such adjectives by adding -n, -an, -ian or -i to the name, and an -o or -s ending may give way
    (California/Californian, Iowa/Iowans, Mexico/Mexicans, Texas/Texans, Punjab/Punjabi), or by dropping -ia
    (Croatia/Croat); the plural adds -s.

    >>> adjective_bases("transnistrian")[:1], "iowa" in adjective_bases("iowans")
    (['transnistria'], True)
    """
    word = key[:-1] if key.endswith(("ns", "is")) else key
    if len(word) < 5:
        return []
    bases: list[str] = []
    if word.endswith("n"):
        bases += [word[:-1], word[:-1] + "s"]
        if word.endswith("an"):
            bases += [word[:-2], word[:-2] + "o"]
    elif word.endswith("i"):
        bases.append(word[:-1])
    else:  # Croat/Croatia
        bases.append(word + "ia")
    return [b for b in bases if len(b) >= 4]


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Return the exact lookup key: ASCII, lower case, apostrophes and dots dropped, other punctuation a space.

    >>> fold("Ségou")
    'segou'
    >>> fold("Côte d'Ivoire")
    'cote divoire'
    >>> fold("U.S.")
    'us'
    >>> fold("Østfold"), fold("Łódź")
    ('ostfold', 'lodz')
    """
    text = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode().lower()
    text = _PUNCT.sub("", text)
    return _SEP.sub(" ", text).strip()


# Latin letters that Unicode does not decompose into a base letter and a mark (NFKD would drop them: "Østfold" gave
# "stfold"), written as ASCII the way the names are usually romanised.
_UNDECOMPOSED = str.maketrans({"Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ł": "L", "ł": "l",
                               "ß": "ss", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "ı": "i",
                               "Ħ": "H", "ħ": "h"})


@functools.lru_cache(maxsize=65536)
def phonetic(key: str) -> str:
    """Return a folded key with common transcription differences levelled (ou/u, y/i, doubled letters).

    >>> phonetic("diabaly") == phonetic("diabali")
    True
    """
    for old, new in _PHONETIC:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key.replace(" ", ""))


@functools.lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Return the consonant skeleton of a folded key: the fuzzy index key for spelling variants.

    >>> skeleton("ogossagou") == skeleton("ogossogou")
    True
    """
    return _VOWELS.sub("", phonetic(key)) or phonetic(key)


def edit_distance(a: str, b: str, *, limit: int = 3) -> int:
    """Return the optimal-string-alignment distance (a swap of two neighbours counts once), capped at ``limit``.

    >>> edit_distance("mail", "mali")
    1
    """
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def variant_distance(a: str, b: str) -> int:
    """Return the edit distance between two folded keys after levelling transcription differences.

    >>> variant_distance("ogossagou", "ogossogou")
    1
    >>> variant_distance("moura", "mora")
    1
    """
    return edit_distance(phonetic(a), phonetic(b))
