"""Actors as ACLED names them ("Military Forces of Mali", "Protesters (Mali)"), with their ACLED actor type.

Generic actors (soldiers, police, protesters, civilians, gunmen, mutineers) take the country of the event, or the
country a demonym names ("Nigerian troops"); named groups (JNIM, Al Shabaab, Islamic State) keep ACLED's name.
Foreign state forces are coded External/Other (8), as the codebook asks; a state's weapons name its military
("a Russian missile strike").

Who did what to whom is ``roles``' concern (``roles.label_roles`` on the dependency parse).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tocsin.taxonomy import COUNTRY_NAMES, DEMONYMS, ActorType

if TYPE_CHECKING:
    pass

__all__ = ["RULES_VERSION", "Actor", "actor_name", "country_of_text", "find_actors", "implied_actor", "is_source"]

RULES_VERSION = "actors.rules.v3"

_T = ActorType
# Generic kinds: (pattern, kind). Earlier patterns win where spans overlap ("military mutiny" before "military").
_GENERIC: tuple[tuple[str, str], ...] = (
    (r"(?:military |army |soldiers'? )?mutin(?:y|ies|eers?|ous (?:soldiers|troops|officers))", "mutiny"),
    # South Asian press: constables, the central armed police (CRPF, BSF...), "jawans" for rank-and-file forces
    (r"(?:police |head |armed )?constables?|(?:riot |anti-riot )?police(?:men| officers| personnel| forces| force)?"
     r"|policem[ae]n|cops|gendarmes?|gendarmerie|(?:crpf|cisf|itbp|bsf|rapid action force)(?: jawans| personnel| men)?",
     "police"),
    (
        r"(?:army |security |paramilitary )?jawans|paramilitary (?:troops|personnel)|security personnel"
        r"|(?:government |security |armed |defence |defense |military |state |national |paramilitary )?forces|soldiers?"
        r"|troops|(?:the )?army|(?:the )?military|paratroopers|servicem[ae]n|marines|air force|navy|national guard",
        "military",
    ),
    (r"protest(?:e|o)rs?|demonstrators?|marchers|activists|opposition supporters|opponents|strikers", "protesters"),
    (r"rioters|(?:angry |irate )?mob|looters|(?:angry |irate )crowds?", "rioters"),
    (
        r"(?:unknown |unidentified |masked |suspected )?(?:gunmen|armed men|assailants|attackers|bandits|"
        r"militants|insurgents|jihadists|rebels|kidnappers|fighters|extremists|terrorists|militiamen)",
        "armed",
    ),
    (
        r"civilians?|villagers?|residents?|people|children|child|women|farmers?|students?|worshippers|pupils|passengers?|"
        r"journalists?|herders|traders|pilgrims|aid workers|refugees|displaced persons|teachers?|a (?:man|woman|boy|girl)",
        "civilians",
    ),
    (r"(?:the )?government|(?:the )?authorities|president|ministry|prime minister", "government"),
)
_KIND_TYPE: dict[str, ActorType] = {
    "mutiny": _T.POLITICAL_MILITIAS,
    "police": _T.STATE_FORCES,
    "military": _T.STATE_FORCES,
    "protesters": _T.PROTESTERS,
    "rioters": _T.RIOTERS,
    "armed": _T.POLITICAL_MILITIAS,
    "civilians": _T.CIVILIANS,
    "government": _T.STATE_FORCES,
}
_KIND_NAME: dict[str, str] = {
    "mutiny": "Mutiny of Military Forces of {c}",
    "police": "Police Forces of {c}",
    "military": "Military Forces of {c}",
    "protesters": "Protesters ({c})",
    "rioters": "Rioters ({c})",
    "armed": "Unidentified Armed Group ({c})",
    "civilians": "Civilians ({c})",
    "government": "Government of {c}",
}
# Named groups: (pattern, ACLED name, actor type). "{c}" takes the event's country.
_NAMED: tuple[tuple[str, str, ActorType], ...] = (
    (r"JNIM|Group for (?:the )?Support of Islam and Muslims|Jama'?at Nusrat al-Islam wal-Muslimin",
     "JNIM: Group for Support of Islam and Muslims", _T.REBEL_GROUPS),
    (r"ISWAP|Islamic State(?:'s)? West Africa(?: Province)?", "Islamic State (West Africa)", _T.REBEL_GROUPS),
    (r"ISGS|Islamic State (?:in the )?Greater Sahara|Islamic State Sahel(?: Province)?",
     "Islamic State (Greater Sahara)", _T.REBEL_GROUPS),
    (r"ISKP|IS-K|Islamic State(?:-| )Khorasan(?: Province)?", "Islamic State (Afghanistan)", _T.REBEL_GROUPS),
    (r"ISIS|ISIL|Daesh|Islamic State|IS (?:militants|fighters|group)", "Islamic State ({c})", _T.REBEL_GROUPS),
    (r"Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", _T.REBEL_GROUPS),
    (r"[Aa]l[- ]Shabaa?b", "Al Shabaab", _T.REBEL_GROUPS),
    (r"Pakistani Taliban|TTP|Tehreek-e-Taliban", "TTP: Tehreek-i-Taliban Pakistan", _T.REBEL_GROUPS),
    (r"Taliban", "Taliban", _T.REBEL_GROUPS),
    (r"Houthis?|Ansar Allah", "Ansar Allah", _T.REBEL_GROUPS),
    (r"Hamas", "Hamas Movement", _T.REBEL_GROUPS),
    (r"Hezbollah", "Hezbollah", _T.POLITICAL_MILITIAS),
    (r"PKK|Kurdistan Workers'? Party", "PKK: Kurdistan Workers Party", _T.REBEL_GROUPS),
    (r"ELN|National Liberation Army", "ELN: National Liberation Army", _T.REBEL_GROUPS),
    (r"FARC dissidents?", "FARC Dissidents", _T.REBEL_GROUPS),
    (r"M23|March 23 Movement", "M23: March 23 Movement", _T.REBEL_GROUPS),
    (r"ADF|Allied Democratic Forces", "ADF: Allied Democratic Forces", _T.REBEL_GROUPS),
    (r"Maoists?|Naxal(?:ite)?s?|CPI \(Maoist\)", "CPI (Maoist): Communist Party of India (Maoist)", _T.REBEL_GROUPS),
    (r"Hayat Tahrir al-Sham|HTS", "Hayat Tahrir al Sham", _T.REBEL_GROUPS),
    (r"Syrian Democratic Forces|SDF", "SDF: Syrian Democratic Forces", _T.REBEL_GROUPS),
    (r"Wagner(?: Group)?", "Wagner Group", _T.EXTERNAL_OTHER),
    (r"AQAP|[Aa]l[- ]Qa'?[ei]da in the Arabian Peninsula", "AQAP: Al Qaeda in the Arabian Peninsula", _T.REBEL_GROUPS),
    (r"AQIM|[Aa]l[- ]Qa'?[ei]da in the Islamic Maghreb", "AQIM: Al Qaeda in the Islamic Maghreb", _T.REBEL_GROUPS),
    (r"[Aa]l[- ]Qa'?[ei]da", "Al Qaeda", _T.REBEL_GROUPS),
    (r"Rapid Support Forces|RSF", "Rapid Support Forces", _T.POLITICAL_MILITIAS),
    (r"Fulani (?:militias?|militiamen|herdsmen|gunmen)", "Fulani Ethnic Militia ({c})", _T.IDENTITY_MILITIAS),
    (r"Dan Na Ambassagou", "Dan Na Ambassagou", _T.IDENTITY_MILITIAS),
    (r"[Dd]ozos?(?: hunters)?", "Dozo Communal Militia ({c})", _T.IDENTITY_MILITIAS),
    (r"MINUSMA", "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
     _T.EXTERNAL_OTHER),
    (r"(?:UN|United Nations) peacekeepers|peacekeepers|blue helmets", "United Nations", _T.EXTERNAL_OTHER),
    (r"African Union(?! (?:peacekeepers|troops|forces|mission))", "AU: African Union", _T.EXTERNAL_OTHER),
    (r"ECOWAS|Economic Community of West African States", "ECOWAS: Economic Community of West African States",
     _T.EXTERNAL_OTHER),
    (r"European Union|the EU\b", "EU: European Union", _T.EXTERNAL_OTHER),
)
# A state's weapons and strikes name its military even without a force word: "a Russian missile strike",
# "Israeli air strikes", "Turkish drones". Only with a demonym or a possessive country: a bare "missile" names no one.
_STATE_WEAPON = (
    r"(?:missile|rocket|drone|artillery|naval|military|air) (?:strikes?|attacks?|fire|barrages?)|missiles?|rockets?"
    r"|drones?|warplanes?|(?:fighter )?jets?|helicopters?|gunships?|artillery|shell(?:s|ing)|air ?strikes?|air ?raids?"
    r"|bombardments?|bombers?|tanks?|warships?|navy"
)
# A country that attacks is its military: "Russia launched missiles at Kyiv", "Israel bombed the camp".
_STATE_ACT = (
    r"(?:has |have |had )?(?:launched (?:an? )?(?:\w+ )?(?:attacks?|strikes?|offensive|missiles?|rockets?|drones?|raids?)"
    r"|fired|shelled|bombed|bombarded|attacked|pounded|invaded|struck (?!(?:a |an )?(?:deal|agreement|accord)))"
)
_DEMONYM_RE = "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
_COUNTRY_RE = "|".join(sorted((re.escape(c) for c in COUNTRY_NAMES.values()), key=len, reverse=True))
_OWNER = rf"(?:(?P<demonym>{_DEMONYM_RE})\s+|(?P<owner>{_COUNTRY_RE})'s\s+)?"


@dataclasses.dataclass(frozen=True, slots=True)
class Actor:
    """One actor mention: its ACLED name and type, its kind ("military", "named"...) and span in the text."""

    name: str
    actor_type: ActorType
    kind: str
    start: int
    end: int
    country: str | None = None
    role: str | None = None


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str, str | None, ActorType], ...]:
    compiled: list[tuple[re.Pattern[str], str, str | None, ActorType]] = []
    for pattern, name, actor_type in _NAMED:
        compiled.append((re.compile(rf"\b(?:{pattern})\b"), "named", name, actor_type))
    for pattern, kind in _GENERIC:
        compiled.append((re.compile(rf"\b{_OWNER}(?:{pattern})\b", re.I), kind, None, _KIND_TYPE[kind]))
    owned = _OWNER[:-1]  # the owner group, required
    compiled.append((re.compile(rf"\b{owned}(?:{_STATE_WEAPON})\b", re.I), "military", None, _T.STATE_FORCES))
    compiled.append((re.compile(rf"\b(?P<owner>{_COUNTRY_RE})(?=\s+{_STATE_ACT})"), "military", None, _T.STATE_FORCES))
    # "a Palestinian man": one person named by nationality is a civilian of that country
    compiled.append((re.compile(rf"\b{owned}(?:man|woman|boy|girl|teenager)\b", re.I), "civilians", None, _T.CIVILIANS))
    return tuple(compiled)


def actor_name(kind: str, country_iso: str | None) -> str:
    """Return ACLED's name for a generic actor kind in a country; without a country, the bare kind.

    >>> actor_name("mutiny", "ML"), actor_name("protesters", "NG"), actor_name("civilians", None)
    ('Mutiny of Military Forces of Mali', 'Protesters (Nigeria)', 'Civilians')
    """
    template = _KIND_NAME[kind]
    country = COUNTRY_NAMES.get(country_iso or "")
    if country is None:
        return template.split(" of {c}")[0].split(" ({c})")[0]
    return template.format(c=country)


def implied_actor(kind: str, country_iso: str | None) -> Actor:
    """Return an actor the codebook implies but the text does not name (empty span: no evidence).

    >>> implied_actor("protesters", "ML").name
    'Protesters (Mali)'
    """
    return Actor(actor_name(kind, country_iso), _KIND_TYPE[kind], kind, 0, 0, country_iso)


def find_actors(text: str, start: int, end: int, *, country: str | None) -> list[Actor]:
    """Return the actors named in ``text[start:end]``, in text order, named groups before generic words.

    ``country`` (ISO2) is the event's country; a demonym ("Malian soldiers") overrides it, and state forces of
    another country are External/Other forces.

    >>> [a.name for a in find_actors("Malian soldiers clashed with JNIM fighters.", 0, 44, country="ML")]
    ['Military Forces of Mali', 'JNIM: Group for Support of Islam and Muslims']
    """
    taken: list[tuple[int, int]] = []
    found: list[Actor] = []
    segment = text[start:end]
    for regex, kind, name, actor_type in _patterns():
        for match in regex.finditer(segment):
            span = (start + match.start(), start + match.end())
            if any(span[0] < e and s < span[1] for s, e in taken) or _other_forces(match, text, span[0]):
                continue
            taken.append(span)
            found.append(_make(match, kind, name, actor_type, span, country))
    return _drop_redundant(sorted(found, key=lambda a: a.start))


# Words that may stand before a bare "forces" that are a state's: "the forces", "its forces", "of forces".
_PLACE_PREPOSITIONS = frozenset("in of from at to across near inside within into throughout and".split())
_COUNTRY_NAMES = frozenset(COUNTRY_NAMES.values())
_FORCES_BEFORE = frozenset(
    "the a an its their his her our your of and or by with to from on at in for as that which these those all both "
    "more some many against between among whose two three four five six several".split()
)


def _other_forces(match: re.Match[str], text: str, start: int) -> bool:
    """Whether a bare "forces" has a modifier that makes them no state's ("communal forces", "rebel forces"), or a
    country name is a place, not the attacker ("protesters in Kenya attacked")."""
    before = re.search(r"([A-Za-z'-]+)\s+$", text[max(0, start - 30):start])
    word = before.group(1).lower() if before else ""
    if match.group().lower() == "forces":
        return bool(word) and word not in _FORCES_BEFORE
    return match.group() in _COUNTRY_NAMES and word in _PLACE_PREPOSITIONS


_SOURCE_AFTER = re.compile(
    r"\s*(?:sources?|spokes(?:man|person|woman)|officials?|(?:officers? )?(?:said|say|says|told|added|stated|confirmed|reported)"
    r"|stations?|headquarters|commissioner|chief|superintendent|inspector|control room|(?:have |has )?registered|lodged"
    r"|(?:are|is|were|was) (?:investigating|probing|looking)|recovered|found the|rushed|reached|arrived|shifted|sent the bod"
    r"|launched (?:a |an )?(?:probe|search|manhunt|investigation))\b",
    re.I,
)
# "The army said it killed 20 insurgents": forces reporting their own act are its doers, not only its source.
_SELF_REPORT = re.compile(
    r"\s*(?:said|say|says|stated|claimed|confirmed|announced|reported|added)\s+(?:that\s+)?(?:it|they|its|their)\b", re.I
)
_SOURCE_BEFORE = re.compile(r"\b(?:according to|told|informed|alerted|quoted|complaint (?:with|to)|approached)(?: the)?(?: local)?\s*$", re.I)


def is_source(text: str, actor: Actor) -> bool:
    """Return whether state forces are named only as the source or the investigators of a report.

    "Police said two men were stabbed" names no perpetrator: the police only report, so they are not actor 1.

    >>> text = "Police said two men were stabbed in the market."
    >>> is_source(text, find_actors(text, 0, len(text), country=None)[0])
    True
    >>> text = "Police shot dead two men in the market."
    >>> is_source(text, find_actors(text, 0, len(text), country=None)[0])
    False
    """
    if actor.kind not in ("police", "military", "government"):
        return False
    if _SELF_REPORT.match(text, actor.end):
        return False
    return bool(_SOURCE_AFTER.match(text, actor.end) or _SOURCE_BEFORE.search(text[max(0, actor.start - 40):actor.start]))


def _make(
    match: re.Match[str], kind: str, name: str | None, actor_type: ActorType, span: tuple[int, int], country: str | None
) -> Actor:
    if name is not None:
        return Actor(name.format(c=COUNTRY_NAMES.get(country or "", "")).replace(" ()", ""), actor_type, kind,
                     *span, country)
    groups = match.groupdict()
    own = country
    if groups.get("demonym"):
        own = DEMONYMS.get(groups["demonym"].lower(), country)
    elif groups.get("owner"):
        own = _iso_of_name(groups["owner"]) or country
    if kind in ("military", "police") and own and country and own != country:
        actor_type = ActorType.EXTERNAL_OTHER
    return Actor(actor_name(kind, own), actor_type, kind, *span, own)


def _drop_redundant(actors: list[Actor]) -> list[Actor]:
    """Drop a generic armed word right after a named group ("JNIM fighters" is one actor)."""
    kept: list[Actor] = []
    for actor in actors:
        if kept and actor.kind == "armed" and kept[-1].kind == "named" and actor.start - kept[-1].end <= 1:
            kept[-1] = dataclasses.replace(kept[-1], end=actor.end)
            continue
        kept.append(actor)
    return kept


def _iso_of_name(name: str) -> str | None:
    for iso, country in COUNTRY_NAMES.items():
        if country.lower() == name.lower():
            return iso
    return None


def country_of_text(text: str, countries: Iterable[str | None] = ()) -> str | None:
    """Return the ISO2 country an article is most about: resolved place countries first, else names in the text.

    >>> country_of_text("Gunfire in Bamako, the capital of Mali; Malian troops deployed.")
    'ML'
    """
    votes: dict[str, int] = {}
    for iso in countries:
        if iso:
            votes[iso] = votes.get(iso, 0) + 2
    if not votes:
        for match in re.finditer(rf"\b(?:{_COUNTRY_RE}|{_DEMONYM_RE})\b", text, re.I):
            word = match.group().lower()
            iso = DEMONYMS.get(word) or _iso_of_name(word)
            if iso:
                votes[iso] = votes.get(iso, 0) + 1
    return max(votes, key=lambda k: votes[k]) if votes else None
