"""What an event's own sentence says that singles it out among events of its kind.

Two accounts of one incident share details that two incidents of the same kind rarely do: a count, a target (a
market, a camp for displaced people), a named unit or person, the day named. ``note_details`` reads them from a
sentence, ``incident_details`` keeps them for an incident, ``similarity`` says how alike two sentences are. The
resolver (``resolve.shared_details``) compares events by them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from tocsin.extract.deaths import parse_count
from tocsin.extract.timex_values import MONTHS, WEEKDAYS
from tocsin.model import Event
from tocsin.taxonomy import FATALITY_WORDS

__all__ = ["MAX_DETAILS", "SAME_SENTENCE", "incident_details", "note_details", "revises_toll", "similarity", "weekdays"]

_STOPWORDS = frozenset("a an the of in on at to and or by for from with was were is are be been has have had "
                       "said says that this which who their its it as after near".split())

# Words that any report of political violence uses, whatever the incident: they say what kind of event it was
# (the sub-type and actor kinds say that already: the verbs and weapons of each kind of event, the words of
# attribution) or where and when in general terms, not which event. The content words left in a sentence
# without them, its place names and its stop words are the details that two accounts of one incident share and
# two incidents rarely do: the target (a market, a camp for displaced people), a count, a named unit or person.
_GENERIC_WORDS = frozenset("""
    people person persons killed killing kill kills dead death deaths died die dying toll wounded wounding injured
    injuring injuries injury hurt attack attacks attacked attacking attacker attackers assault assaulted raid raids
    raided clash clashes clashed fighting fought fight fights fighters fighter battle battles gunmen gunman gunfire
    militants militant insurgents insurgent rebels rebel troops soldiers soldier army armed military forces force
    security police policemen officers officer officials official authorities government state local residents
    resident witnesses witness sources source spokesman spokesperson told reported report reports according
    statement least more than several dozens dozen hundreds thousands scores town towns city village villages
    district province region area capital country northern southern eastern western north south east west
    northeast northwest southeast southwest north-east north-west south-east south-west north-eastern
    north-western south-eastern south-western central nearby outskirts today yesterday tonight morning afternoon
    evening night overnight week weekend earlier late later last day days before during when while also other
    others group groups unidentified unknown suspected alleged men women civilians civilian bomb bombs bomber
    bombers bombing explosion exploded blast suicide blew himself herself themselves shooting shot shots fire fired
    opened heavy new including among been being will would could since into about there they them their what
    where which whom whose not but all some many his her say saying protest protests protesters protested
    demonstrators demonstration rally march marched rioters riot riots crowd violence violent incident operation
    human rights ministry commission agency news media television radio monitor observatory organisation
    organization spokeswoman interior defence defense stormed storming seized seizing captured took control
    overran ambushed ambush abducted abduction kidnapped kidnapping hostage hostages torched burned burnt looted
    shelled shelling shells struck strike strikes hit targeted detonated device explosive explosives improvised
    planted roadside landmine grenade rocket rockets mortar mortars missile missiles drone drones airstrike
    airstrikes warplanes jets aircraft artillery gun guns gang gangs arrested arrests detained tear gas
    """.split())
_WEEKDAYS = tuple(sorted(WEEKDAYS, key=WEEKDAYS.__getitem__))
# The full month names among the time tagger's month words (its abbreviations are shorter or "sept").
_MONTHS = tuple(name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july"))
_MONTH = rf"(?:{'|'.join(m[:3] + '(?:' + m[3:] + ')?' for m in _MONTHS)})\.?"
# A sentence's tokens: a day of a month ("18 August", "Aug. 18"), a weekday ("Tuesday's"), a figure (a colon
# makes it a time of day, which is skipped), a word.
_NOTE_TOKEN = re.compile(
    rf"(?P<date>\b\d{{1,2}} {_MONTH}(?!\w)|\b{_MONTH} \d{{1,2}}\b)"
    rf"|(?P<weekday>\b(?:{'|'.join(_WEEKDAYS)})(?:'s)?\b)"
    r"|(?P<number>\d+(?:[,:.]\d+)*)|(?P<word>[a-z][a-z'-]*[a-z])")
# Wording of a toll revised by a later report ("the death toll has risen to 37", "bodies were recovered").
_TOLL_REVISED = re.compile(r"\b(?:toll|ris(?:en|es|e)|rose|climb\w*|now|recovered|revised|updated|latest|raised)\b", re.I)
# Two sentences whose content words overlap this much (Jaccard) are one sentence, copied or barely edited.
SAME_SENTENCE = 0.8
# How many distinct details an incident keeps from all its reports' sentences (the most frequent first).
MAX_DETAILS = 128


def _content_words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", (text or "").lower()) if w not in _STOPWORDS}


def similarity(first: str | None, second: str | None) -> float:
    """Return the overlap (Jaccard) of two sentences' content words; 0 when either has none.

    >>> similarity("Gunmen attacked the market in Kati", "Gunmen attacked a market near Kati")
    1.0
    """
    mine, theirs = _content_words(first), _content_words(second)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


def revises_toll(text: str | None) -> bool:
    """Whether a sentence reads as a revised death toll ("the toll has risen to 37", "bodies were recovered")."""
    return bool(_TOLL_REVISED.search(text or ""))


@functools.lru_cache(maxsize=65536)
def note_details(notes: str) -> frozenset[str]:
    """Return the details of an event's sentence that can single the event out.

    Content words that are not generic (``_GENERIC_WORDS``, month names, stop words); exact numbers as ``#n``
    (so "two" and "2" agree; vague amounts and years left out); the day the sentence names, as ``@tuesday`` or
    ``@8-july``.

    >>> sorted(note_details("Two bombers blew themselves up at a camp for displaced people on Tuesday"))
    ['#2', '@tuesday', 'camp', 'displaced']
    """
    found = set()
    for match in _NOTE_TOKEN.finditer(notes.lower()):
        kind, token = match.lastgroup, match.group()
        if kind == "date":
            day = re.search(r"\d+", token).group()  # type: ignore[union-attr]
            month = next(m for m in _MONTHS if token.replace(day, "").strip(" .").startswith(m[:3]))
            found.add(f"@{int(day)}-{month}")
        elif kind == "weekday":
            found.add("@" + token.removesuffix("'s"))
        elif kind == "number":
            count = parse_count(token) if ":" not in token else None
            if count is not None and not (len(token) == 4 and token[:2] in ("19", "20")):
                found.add(f"#{count}")
        elif token != "one" and token not in FATALITY_WORDS and (count := parse_count(token)) is not None:
            found.add(f"#{count}")  # "one" is more often a pronoun than a count
        elif len(token) > 2 and token not in _STOPWORDS and token not in _GENERIC_WORDS and token not in _MONTHS:
            found.add(token)
    return frozenset(found)


def incident_details(reports: Iterable[Event]) -> list[str]:
    """Return the details (``note_details``) of every report of an incident, the most frequent first, at most
    ``MAX_DETAILS``: a new report is compared with all of them, not only with the first report's sentence."""
    counts: dict[str, int] = {}
    for event in reports:
        for detail in note_details(event.notes or ""):
            counts[detail] = counts.get(detail, 0) + 1
    return sorted(counts, key=lambda d: (-counts[d], d))[:MAX_DETAILS]


def weekdays(details: frozenset[str], year: str) -> frozenset[str]:
    """Return the weekdays among ``note_details``, a day of a month turned into its weekday in ``year`` (the
    year of the event's date), so that "Tuesday's attack" and "on 18 August" agree.

    >>> sorted(weekdays(frozenset({"@18-august", "@friday", "market"}), "2020"))
    ['@friday', '@tuesday']
    """
    found = set()
    for detail in details:
        if detail[0] != "@":
            continue
        day, _, month = detail[1:].partition("-")
        if not month:
            found.add(detail)
        elif year.isdigit():
            try:
                found.add("@" + _WEEKDAYS[dt.date(int(year), _MONTHS.index(month) + 1, int(day)).weekday()])
            except ValueError:  # "31 February"
                continue
    return frozenset(found)
