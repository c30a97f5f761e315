"""ACLED event types and sub-types with their hierarchy; PLOVER and CAP mappings; actor types; fatality word rules.

This module is the one place for the project's closed vocabularies. Each is a ``str`` enum; ``parse`` turns a
string into a member and raises an error that lists the valid choices.
"""

from __future__ import annotations

import csv
import enum
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from tocsin.errors import TaxonomyError

__all__ = [
    "ACTOR_TYPE_NAMES",
    "CASE_CODES",
    "COUNTRY_NAMES",
    "DEMONYMS",
    "EVENT_FAMILIES",
    "FATALITY_WORDS",
    "HAZARD_TYPES",
    "PRECEDENCE",
    "ROLE_RANK",
    "SUB_EVENT_TYPES",
    "CAP_CATEGORY",
    "ActorType",
    "CapSeverity",
    "CapUrgency",
    "Certainty",
    "DisorderType",
    "EventType",
    "GeoPrecision",
    "ReviewAction",
    "ReviewStatus",
    "Role",
    "SourceKind",
    "Stance",
    "SubEventType",
    "TimePrecision",
    "cap_severity",
    "cap_urgency",
    "certainty_rank",
    "contentious",
    "disorder_type",
    "event_type_of",
    "family",
    "interaction",
    "parse",
    "plover",
    "precedence",
    "severity_rank",
    "validate",
]

_E = TypeVar("_E", bound=enum.Enum)


class EventType(enum.StrEnum):
    """ACLED's six event types plus the five non-ACLED hazard types used by CASE 2021."""

    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"
    NATURAL_DISASTER = "Natural disaster"
    MAN_MADE_DISASTER = "Man-made disaster"
    ORGANIZED_CRIME = "Organized crime"
    DIPLOMATIC_EVENT = "Diplomatic event"
    ATTRIBUTION = "Attribution of responsibility"


class SubEventType(enum.StrEnum):
    """ACLED's 25 sub-event types and the five hazard types (each its own sub-type)."""

    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"
    NATURAL_DISASTER = "Natural disaster"
    MAN_MADE_DISASTER = "Man-made disaster"
    ORGANIZED_CRIME = "Organized crime"
    DIPLOMATIC_EVENT = "Diplomatic event"
    ATTRIBUTION = "Attribution of responsibility"


class DisorderType(enum.StrEnum):
    """ACLED's disorder types."""

    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    POLITICAL_VIOLENCE_DEMONSTRATIONS = "Political violence; Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class Certainty(enum.StrEnum):
    """CAP 1.2 certainty words, from most to least sure."""

    OBSERVED = "Observed"
    LIKELY = "Likely"
    POSSIBLE = "Possible"
    UNLIKELY = "Unlikely"
    UNKNOWN = "Unknown"


class Stance(enum.StrEnum):
    """How a source holds the content of its claim."""

    ASSERT = "assert"
    CONFIRM = "confirm"
    DENY = "deny"
    HEDGE = "hedge"


class SourceKind(enum.StrEnum):
    """Who a claim's source is."""

    OFFICIAL = "official"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    WITNESS = "witness"
    MEDIA = "media"


class ActorType(int, enum.Enum):
    """ACLED's eight actor types; their codes build the interaction code."""

    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER = 8


class Role(enum.StrEnum):
    """Account roles, each allowed what the one before it is: viewers read, analysts review, admins manage."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


ROLE_RANK: dict[Role, int] = {Role.VIEWER: 1, Role.ANALYST: 2, Role.ADMIN: 3}


class ReviewAction(enum.StrEnum):
    """What an analyst can do to an event on the review desk."""

    CONFIRM = "confirm"
    EDIT = "edit"
    REJECT = "reject"
    MERGE = "merge"
    SPLIT = "split"


class ReviewStatus(enum.StrEnum):
    """Where an event stands after review; unreviewed events have no status."""

    CONFIRMED = "confirmed"
    EDITED = "edited"
    REJECTED = "rejected"
    MERGED = "merged"


class GeoPrecision(int, enum.Enum):
    """ACLED's geo_precision: how exactly the location is known."""

    TOWN = 1
    NEAR_TOWN = 2
    REGION = 3


class TimePrecision(int, enum.Enum):
    """ACLED's time_precision: how exactly the date is known."""

    DAY = 1
    WEEK = 2
    MONTH = 3


ACTOR_TYPE_NAMES: dict[ActorType, str] = {
    ActorType.STATE_FORCES: "State forces",
    ActorType.REBEL_GROUPS: "Rebel groups",
    ActorType.POLITICAL_MILITIAS: "Political militias",
    ActorType.IDENTITY_MILITIAS: "Identity militias",
    ActorType.RIOTERS: "Rioters",
    ActorType.PROTESTERS: "Protesters",
    ActorType.CIVILIANS: "Civilians",
    ActorType.EXTERNAL_OTHER: "External/Other forces",
}

_S = SubEventType
SUB_EVENT_TYPES: dict[EventType, tuple[SubEventType, ...]] = {
    EventType.BATTLES: (_S.ARMED_CLASH, _S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
    EventType.EXPLOSIONS: (
        _S.CHEMICAL_WEAPON,
        _S.AIR_DRONE_STRIKE,
        _S.SUICIDE_BOMB,
        _S.SHELLING,
        _S.REMOTE_EXPLOSIVE,
        _S.GRENADE,
    ),
    EventType.VIOLENCE_AGAINST_CIVILIANS: (_S.SEXUAL_VIOLENCE, _S.ATTACK, _S.ABDUCTION),
    EventType.PROTESTS: (_S.PEACEFUL_PROTEST, _S.PROTEST_WITH_INTERVENTION, _S.EXCESSIVE_FORCE),
    EventType.RIOTS: (_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE),
    EventType.STRATEGIC_DEVELOPMENTS: (
        _S.AGREEMENT,
        _S.ARRESTS,
        _S.CHANGE_TO_GROUP,
        _S.DISRUPTED_WEAPONS_USE,
        _S.HEADQUARTERS_ESTABLISHED,
        _S.LOOTING,
        _S.NON_VIOLENT_TRANSFER,
        _S.OTHER,
    ),
    EventType.NATURAL_DISASTER: (_S.NATURAL_DISASTER,),
    EventType.MAN_MADE_DISASTER: (_S.MAN_MADE_DISASTER,),
    EventType.ORGANIZED_CRIME: (_S.ORGANIZED_CRIME,),
    EventType.DIPLOMATIC_EVENT: (_S.DIPLOMATIC_EVENT,),
    EventType.ATTRIBUTION: (_S.ATTRIBUTION,),
}

HAZARD_TYPES: frozenset[EventType] = frozenset(
    {
        EventType.NATURAL_DISASTER,
        EventType.MAN_MADE_DISASTER,
        EventType.ORGANIZED_CRIME,
        EventType.DIPLOMATIC_EVENT,
        EventType.ATTRIBUTION,
    }
)

# Coarse families for merging reports of one incident: a shelling and a clash in the same town on the same day
# are more likely one incident than a clash and a protest.
EVENT_FAMILIES: dict[EventType, str] = {
    EventType.BATTLES: "violence",
    EventType.EXPLOSIONS: "violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "violence",
    EventType.PROTESTS: "demonstration",
    EventType.RIOTS: "demonstration",
    EventType.STRATEGIC_DEVELOPMENTS: "strategic",
    EventType.NATURAL_DISASTER: "hazard",
    EventType.MAN_MADE_DISASTER: "hazard",
    EventType.ORGANIZED_CRIME: "crime",
    EventType.DIPLOMATIC_EVENT: "diplomatic",
    EventType.ATTRIBUTION: "attribution",
}

# The codebook's precedence when tactics occur together in one event: the first listed wins (an artillery
# strike inside a battle is one Battles event; a suicide bombing that kills civilians is an Explosion).
PRECEDENCE: tuple[SubEventType, ...] = (
    _S.CHEMICAL_WEAPON,
    _S.ARMED_CLASH,
    _S.GOVERNMENT_REGAINS_TERRITORY,
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    _S.AIR_DRONE_STRIKE,
    _S.SUICIDE_BOMB,
    _S.SHELLING,
    _S.REMOTE_EXPLOSIVE,
    _S.GRENADE,
    _S.SEXUAL_VIOLENCE,
    _S.ABDUCTION,
    _S.ATTACK,
    _S.EXCESSIVE_FORCE,
    _S.MOB_VIOLENCE,
    _S.VIOLENT_DEMONSTRATION,
    _S.PROTEST_WITH_INTERVENTION,
    _S.PEACEFUL_PROTEST,
    _S.LOOTING,
    _S.DISRUPTED_WEAPONS_USE,
    _S.ARRESTS,
    _S.NON_VIOLENT_TRANSFER,
    _S.HEADQUARTERS_ESTABLISHED,
    _S.AGREEMENT,
    _S.CHANGE_TO_GROUP,
    _S.OTHER,
    _S.MAN_MADE_DISASTER,
    _S.NATURAL_DISASTER,
    _S.ORGANIZED_CRIME,
    _S.ATTRIBUTION,
    _S.DIPLOMATIC_EVENT,
)

# The CASE 2021 Task 2 label codes for each sub-type (used by the evaluation and the training corpus).
CASE_CODES: dict[str, SubEventType] = {
    "ABDUCT_DISSAP": _S.ABDUCTION,
    "AGREEMENT": _S.AGREEMENT,
    "AIR_STRIKE": _S.AIR_DRONE_STRIKE,
    "ARMED_CLASH": _S.ARMED_CLASH,
    "ARREST": _S.ARRESTS,
    "ART_MISS_ATTACK": _S.SHELLING,
    "ATTACK": _S.ATTACK,
    "ATTRIB": _S.ATTRIBUTION,
    "CHANGE_TO_GROUP_ACT": _S.CHANGE_TO_GROUP,
    "CHEM_WEAP": _S.CHEMICAL_WEAPON,
    "DIPLO": _S.DIPLOMATIC_EVENT,
    "DISR_WEAP": _S.DISRUPTED_WEAPONS_USE,
    "FORCE_AGAINST_PROTEST": _S.EXCESSIVE_FORCE,
    "GOV_REGAINS_TERIT": _S.GOVERNMENT_REGAINS_TERRITORY,
    "GRENADE": _S.GRENADE,
    "HQ_ESTABLISHED": _S.HEADQUARTERS_ESTABLISHED,
    "MAN_MADE_DISASTER": _S.MAN_MADE_DISASTER,
    "MOB_VIOL": _S.MOB_VIOLENCE,
    "NATURAL_DISASTER": _S.NATURAL_DISASTER,
    "NON_STATE_ACTOR_OVERTAKES_TER": _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    "NON_VIOL_TERRIT_TRANSFER": _S.NON_VIOLENT_TRANSFER,
    "ORG_CRIME": _S.ORGANIZED_CRIME,
    "OTHER": _S.OTHER,
    "PEACE_PROTEST": _S.PEACEFUL_PROTEST,
    "PROPERTY_DISTRUCT": _S.LOOTING,
    "PROTEST_WITH_INTER": _S.PROTEST_WITH_INTERVENTION,
    "REM_EXPLOS": _S.REMOTE_EXPLOSIVE,
    "SEX_VIOL": _S.SEXUAL_VIOLENCE,
    "SUIC_BOMB": _S.SUICIDE_BOMB,
    "VIOL_DEMONSTR": _S.VIOLENT_DEMONSTRATION,
}

# PLOVER (event, mode) as a second coding of each sub-type.
_PLOVER: dict[SubEventType, tuple[str, str | None]] = {
    _S.ARMED_CLASH: ("ASSAULT", "firearms"),
    _S.GOVERNMENT_REGAINS_TERRITORY: ("COERCE", "seize"),
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: ("COERCE", "seize"),
    _S.CHEMICAL_WEAPON: ("ASSAULT", "CBRN"),
    _S.AIR_DRONE_STRIKE: ("ASSAULT", "aerial"),
    _S.SUICIDE_BOMB: ("ASSAULT", "suicide"),
    _S.SHELLING: ("ASSAULT", "explosive"),
    _S.REMOTE_EXPLOSIVE: ("ASSAULT", "explosive"),
    _S.GRENADE: ("ASSAULT", "explosive"),
    _S.SEXUAL_VIOLENCE: ("ASSAULT", "sexual"),
    _S.ATTACK: ("ASSAULT", "primitive"),
    _S.ABDUCTION: ("ASSAULT", "abduct"),
    _S.PEACEFUL_PROTEST: ("PROTEST", "demo"),
    _S.PROTEST_WITH_INTERVENTION: ("PROTEST", "demo"),
    _S.EXCESSIVE_FORCE: ("COERCE", "repression"),
    _S.VIOLENT_DEMONSTRATION: ("PROTEST", "riot"),
    _S.MOB_VIOLENCE: ("ASSAULT", "primitive"),
    _S.AGREEMENT: ("AGREE", None),
    _S.ARRESTS: ("COERCE", "arrest"),
    _S.CHANGE_TO_GROUP: ("MOBILIZE", None),
    _S.DISRUPTED_WEAPONS_USE: ("COERCE", "seize"),
    _S.HEADQUARTERS_ESTABLISHED: ("MOBILIZE", "troops"),
    _S.LOOTING: ("COERCE", "destroy"),
    _S.NON_VIOLENT_TRANSFER: ("RETREAT", None),
    _S.OTHER: ("MOBILIZE", None),
    _S.NATURAL_DISASTER: ("OTHER", "natural"),
    _S.MAN_MADE_DISASTER: ("OTHER", "accident"),
    _S.ORGANIZED_CRIME: ("ASSAULT", "primitive"),
    _S.DIPLOMATIC_EVENT: ("CONSULT", None),
    _S.ATTRIBUTION: ("ACCUSE", None),
}

# ACLED's conservative counts for vague fatality words: (small-scale count, large-scale count).
FATALITY_WORDS: dict[str, tuple[int, int]] = {
    "a couple": (2, 2),
    "a few": (3, 3),
    "few": (3, 3),
    "several": (3, 10),
    "many": (3, 10),
    "numerous": (3, 10),
    "scores": (20, 20),
    "a dozen": (12, 12),
    "dozen": (12, 12),
    "dozens": (12, 12),
    "hundreds": (100, 100),
    "thousands": (1000, 1000),
}


def parse(enum_type: type[_E], value: str | _E) -> _E:
    """Return the member of ``enum_type`` named by ``value`` (its value, case-insensitive, or its name).

    >>> parse(EventType, "protests")
    <EventType.PROTESTS: 'Protests'>
    """
    if isinstance(value, enum_type):
        return value
    text = str(value).strip()
    for member in enum_type:
        if str(member.value).lower() == text.lower() or member.name == text.upper():
            return member
    choices = ", ".join(repr(m.value) for m in enum_type)
    raise TaxonomyError(f"[E301] {text!r} is not a valid {enum_type.__name__}; choose one of: {choices}")


def event_type_of(sub_event_type: str | SubEventType) -> EventType:
    """Return the event type a sub-type belongs to.

    >>> event_type_of("Armed clash").value
    'Battles'
    """
    sub = parse(SubEventType, sub_event_type)
    for event_type, subs in SUB_EVENT_TYPES.items():
        if sub in subs:
            return event_type
    raise TaxonomyError(f"[E302] no event type holds sub-type {sub.value!r}")  # pragma: no cover


def validate(event_type: str, sub_event_type: str) -> tuple[EventType, SubEventType]:
    """Check that ``sub_event_type`` belongs to ``event_type``; raise naming the valid sub-types if not.

    >>> validate("Protests", "Peaceful protest")[1].value
    'Peaceful protest'
    """
    etype = parse(EventType, event_type)
    sub = parse(SubEventType, sub_event_type)
    if sub not in SUB_EVENT_TYPES[etype]:
        valid = ", ".join(repr(s.value) for s in SUB_EVENT_TYPES[etype])
        raise TaxonomyError(f"[E303] {sub.value!r} is not a sub-type of {etype.value!r}; valid: {valid}")
    return etype, sub


def disorder_type(sub_event_type: str | SubEventType) -> DisorderType | None:
    """Return ACLED's disorder type for a sub-type; ``None`` for the non-ACLED hazard types.

    >>> disorder_type("Excessive force against protesters").value
    'Political violence; Demonstrations'
    """
    sub = parse(SubEventType, sub_event_type)
    etype = event_type_of(sub)
    if sub is SubEventType.EXCESSIVE_FORCE:
        return DisorderType.POLITICAL_VIOLENCE_DEMONSTRATIONS
    if sub is SubEventType.MOB_VIOLENCE:  # the codebook counts mob violence as political violence, not a demonstration
        return DisorderType.POLITICAL_VIOLENCE
    if etype in (EventType.PROTESTS, EventType.RIOTS):
        return DisorderType.DEMONSTRATIONS
    if etype is EventType.STRATEGIC_DEVELOPMENTS:
        return DisorderType.STRATEGIC_DEVELOPMENTS
    if etype in HAZARD_TYPES:
        return None
    return DisorderType.POLITICAL_VIOLENCE


def family(event_type: str | EventType) -> str | None:
    """Return the coarse family of an event type (``EVENT_FAMILIES``), ``None`` for an unknown type.

    >>> family("Explosions/Remote violence"), family("Skirmish")
    ('violence', None)
    """
    try:
        return EVENT_FAMILIES[parse(EventType, event_type)]
    except TaxonomyError:
        return None


def precedence(sub_event_types: Iterable[str | SubEventType]) -> SubEventType:
    """Return the sub-type that wins when tactics co-occur in one event (the codebook's hierarchy).

    >>> precedence(["Shelling/artillery/missile attack", "Armed clash"]).value
    'Armed clash'
    """
    subs = {parse(SubEventType, s) for s in sub_event_types}
    if not subs:
        raise TaxonomyError("[E304] precedence() needs at least one sub-type")
    return min(subs, key=PRECEDENCE.index)


def interaction(actor1_type: ActorType | int | None, actor2_type: ActorType | int | None = None) -> int | None:
    """Return ACLED's interaction code: the two actor-type digits, lower first; a sole actor gives ``N0``.

    >>> interaction(1, 6), interaction(7, 1), interaction(2)
    (16, 17, 20)
    """
    if actor1_type is None:
        return None
    first = int(actor1_type)
    if actor2_type is None:
        return first * 10
    low, high = sorted((first, int(actor2_type)))
    return low * 10 + high


# Contentious collective action (``contentious``): the actor types that are challengers by what they are (rebels,
# identity militias, rioters, protesters), and political militias, which ACLED also assigns to unidentified attackers.
_CHALLENGERS = frozenset({ActorType.REBEL_GROUPS, ActorType.IDENTITY_MILITIAS, ActorType.RIOTERS, ActorType.PROTESTERS})
_STATE_SIDE = frozenset({ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER})
# The method is the militant's own: a bomb left or carried by someone other than the state.
_MILITANT_METHODS = frozenset({SubEventType.SUICIDE_BOMB, SubEventType.REMOTE_EXPLOSIVE, SubEventType.GRENADE})
# Aircraft are the state's (or a foreign state's): an air strike that names state or external forces is theirs, and the
# challenger named beside them is its target, not its doer; only a drone with no state in it (a militant's) counts.
_STATE_METHODS = frozenset({SubEventType.AIR_DRONE_STRIKE})
_DRONE = re.compile(r"\bdrones?\b", re.I)
# Words by which a report places attackers in an organised armed movement rather than among criminals.
_MILITANT_WORDS = re.compile(
    r"\b(?:militants?|insurgents?|jihadists?|Islamists?|rebels?|extremis(?:ts?|m)|terrorists?|militias?|militiam[ae]n"
    r"|guerrillas?|separatists?|paramilitar(?:y|ies))\b",
    re.I,
)
# Victims whose political role makes an attack on them political violence (a targeted killing), whoever the attacker.
_POLITICAL_TARGETS = re.compile(
    r"\b(?:councill?ors?|mayors?|(?:party|branch|ward|regional|provincial) (?:leaders?|chair(?:m[ae]n|persons?)?"
    r"|secretar(?:y|ies)|officials?|members?)|activists?|politicians?|lawmakers?|legislators?|members? of parliament"
    r"|MPs?|candidates?|(?:opposition|union|community|political|indigenous|tribal|traditional|civic|student|peasant"
    r"|environmental(?:ist)?|land rights) leaders?|municipal managers?|human rights defenders?)\b",
    re.I,
)


def _armed_challenger(kinds: set[ActorType], words: str) -> bool:
    """Whether the actors include an armed challenger: rebels, an identity militia, or militants by the words."""
    return bool(kinds & {ActorType.REBEL_GROUPS, ActorType.IDENTITY_MILITIAS}) or (
        ActorType.POLITICAL_MILITIAS in kinds and _MILITANT_WORDS.search(words) is not None)


def contentious(sub_event_type: str | SubEventType, interaction: int | None = None, words: str = "") -> bool:
    """Return whether an event is contentious collective action: a challenger's protest, strike, riot or militancy.

    The protest event of contentious-politics data (GLOCON: "contentious politics events, referred to as protest
    events for the sake of brevity", after Tilly's repertoire of contention) has four kinds, each mapped to the
    codebook: demonstrations and industrial action are Protests (the force used on them is part of them), riots
    and group clashes are Riots, and armed militancy is political violence by a non-state organised armed group.
    Violence counts only when its ``interaction`` code names a challenger: rebels, an identity militia, rioters or
    protesters, or a political militia that ``words`` (the words of the report: the actors' names, the sentence)
    put in an armed movement ("militants", "rebels", "terrorists") or whose victim holds a political role (a
    councillor, a party official, an activist: a targeted killing); otherwise an unidentified gunman is as likely a
    criminal, and ordinary crime is not contentious politics. An air strike is the state's (or a foreign state's),
    the challenger named in it its target; only a drone strike with no state in it is a militant's. Bombs (IED,
    grenade) count unless only the state side (state or external forces) took part, because the method is the
    militant's; a suicide bombing always counts (no state force bombs that way, so a police force named beside it
    is its target or its pursuer). An attack claimed by, or blamed on, an armed challenger (rebels, an identity
    militia, attackers the words call militants) is that challenger's militancy, though the codebook files the
    claim as a strategic development. The state acting alone (arrests, air strikes, forces attacking civilians),
    other strategic developments, crime and hazards are not contentious.

    >>> contentious("Peaceful protest"), contentious("Arrests", 10), contentious("Attack", 17)
    (True, False, False)
    >>> contentious("Attack", 37, "gunmen"), contentious("Attack", 37, "suspected militants"), contentious("Armed clash", 12)
    (False, True, True)
    >>> contentious("Attack", 37, "Gunmen shot dead a ward councillor at his home.")
    True
    >>> contentious("Air/drone strike", 28, "militants"), contentious("Air/drone strike", 20, "a militant drone")
    (False, True)
    """
    sub = parse(SubEventType, sub_event_type)
    etype = event_type_of(sub)
    if etype in (EventType.PROTESTS, EventType.RIOTS):
        return True
    kinds = set() if interaction is None else {ActorType(int(d)) for d in f"{interaction:02d}" if d != "0"}
    if sub is SubEventType.ATTRIBUTION:
        return _armed_challenger(kinds, words)
    if etype not in (EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS):
        return False
    if sub is SubEventType.SUICIDE_BOMB:
        return True  # no state force bombs by suicide: whoever else the report names, the bomber was a militant
    if sub in _STATE_METHODS and (kinds & _STATE_SIDE or not _DRONE.search(words)):
        return False
    if sub in _MILITANT_METHODS:
        return not kinds or not kinds <= _STATE_SIDE | {ActorType.CIVILIANS}
    if kinds & _CHALLENGERS:
        return True
    if ActorType.POLITICAL_MILITIAS not in kinds:
        return False
    if _MILITANT_WORDS.search(words):
        return True
    targeted = etype is EventType.VIOLENCE_AGAINST_CIVILIANS and not kinds & _STATE_SIDE
    return targeted and _POLITICAL_TARGETS.search(words) is not None


def plover(sub_event_type: str | SubEventType) -> dict[str, str | None]:
    """Return the PLOVER coding (event, mode) of a sub-type.

    >>> plover("Arrests")
    {'event': 'COERCE', 'mode': 'arrest'}
    """
    event, mode = _PLOVER[parse(SubEventType, sub_event_type)]
    return {"event": event, "mode": mode}


class CapSeverity(enum.StrEnum):
    """CAP 1.2 severity words, from most to least severe."""

    EXTREME = "Extreme"
    SEVERE = "Severe"
    MODERATE = "Moderate"
    MINOR = "Minor"
    UNKNOWN = "Unknown"


class CapUrgency(enum.StrEnum):
    """CAP 1.2 urgency words."""

    IMMEDIATE = "Immediate"
    EXPECTED = "Expected"
    FUTURE = "Future"
    PAST = "Past"
    UNKNOWN = "Unknown"


# Every tocsin alert is about security (armed violence, unrest); CAP's category for it.
CAP_CATEGORY = "Security"

# Sub-types that threaten life in the area even before anyone is reported dead.
_SEVERE_SUBS: frozenset[SubEventType] = frozenset({
    _S.CHEMICAL_WEAPON, _S.AIR_DRONE_STRIKE, _S.SUICIDE_BOMB, _S.SHELLING, _S.REMOTE_EXPLOSIVE,
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
})
_MODERATE_TYPES: frozenset[EventType] = frozenset({
    EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.RIOTS,
    EventType.NATURAL_DISASTER, EventType.MAN_MADE_DISASTER, EventType.ORGANIZED_CRIME,
})
_MODERATE_SUBS: frozenset[SubEventType] = frozenset({_S.PROTEST_WITH_INTERVENTION, _S.EXCESSIVE_FORCE,
                                                      _S.LOOTING})
# Deaths from which an event is Extreme (a massacre, a mass-casualty bombing).
EXTREME_FATALITIES = 10


def cap_severity(event_type: str, sub_event_type: str, fatalities: int | None) -> CapSeverity:
    """Return the CAP severity of an event from its type and its deaths.

    Ten or more dead is Extreme, any death Severe; without deaths, bombs, shelling, air strikes and territory
    seized are Severe, other violence, riots and hazards Moderate, peaceful protests and strategic
    developments Minor. A type outside the vocabulary is Unknown.

    >>> cap_severity("Battles", "Armed clash", None).value, cap_severity("Battles", "Armed clash", 14).value
    ('Moderate', 'Extreme')
    >>> cap_severity("Protests", "Peaceful protest", 0).value
    'Minor'
    """
    try:
        etype, sub = validate(event_type, sub_event_type)
    except TaxonomyError:
        return CapSeverity.UNKNOWN
    if fatalities is not None and fatalities >= EXTREME_FATALITIES:
        return CapSeverity.EXTREME
    if (fatalities is not None and fatalities > 0) or sub in _SEVERE_SUBS:
        return CapSeverity.SEVERE
    if etype in _MODERATE_TYPES or sub in _MODERATE_SUBS:
        return CapSeverity.MODERATE
    return CapSeverity.MINOR


def cap_urgency(event_date: str | None, today: str) -> CapUrgency:
    """Return the CAP urgency of an event dated ``event_date`` (ISO, day, month or year) as seen on ``today``.

    Today or yesterday is Immediate, two or three days ago Expected (people still act on it), older Past, a
    later date (an announced protest) Future, no day Unknown.

    >>> [cap_urgency(d, "2020-08-18").value for d in ("2020-08-18", "2020-08-16", "2020-08-01", "2020-08-20")]
    ['Immediate', 'Expected', 'Past', 'Future']
    >>> cap_urgency("2020-08", "2020-08-18").value
    'Unknown'
    """
    import datetime as dt

    try:
        day = dt.date.fromisoformat(event_date or "")
        ref = dt.date.fromisoformat(today[:10])
    except ValueError:
        return CapUrgency.UNKNOWN
    age = (ref - day).days
    if age < 0:
        return CapUrgency.FUTURE
    if age <= 1:
        return CapUrgency.IMMEDIATE
    if age <= 3:
        return CapUrgency.EXPECTED
    return CapUrgency.PAST


def severity_rank(value: str | None) -> int:
    """Return a CAP severity's rank (Extreme 4 ... Unknown 0); ``None`` counts as Unknown.

    >>> severity_rank("Severe") > severity_rank("Moderate") > severity_rank(None)
    True
    """
    order = (CapSeverity.UNKNOWN, CapSeverity.MINOR, CapSeverity.MODERATE, CapSeverity.SEVERE, CapSeverity.EXTREME)
    return order.index(parse(CapSeverity, value)) if value else 0


def certainty_rank(value: str | None) -> int:
    """Return a CAP certainty's rank (Observed 4 ... Unknown 0); ``None`` counts as Unknown.

    >>> certainty_rank("Observed") > certainty_rank("Likely") > certainty_rank("Unlikely") > certainty_rank(None)
    True
    """
    order = (Certainty.UNKNOWN, Certainty.UNLIKELY, Certainty.POSSIBLE, Certainty.LIKELY, Certainty.OBSERVED)
    return order.index(parse(Certainty, value)) if value else 0
# ACLED spells these countries otherwise than GeoNames inside its actor names ("Military Forces of Democratic
# Republic of Congo"); every other country keeps the name of the country table below.
_ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CZ": "Czech Republic",
    "SZ": "eSwatini", "TL": "East Timor", "NL": "Netherlands", "CV": "Cape Verde",
}
# The country table that geo ships (built by scripts/build_gazetteer.py from GeoNames and countryinfo). Actor naming
# reads it here, without loading the gazetteer index, so names and demonyms have one source.
_COUNTRY_TABLE = Path(__file__).with_name("geo") / "data" / "countries.tsv"


def _read_country_table() -> tuple[dict[str, str], dict[str, str]]:
    """Return (ACLED country name by ISO2, ISO2 by lower-case demonym) from the shipped country table.

    A demonym shared by several countries ("Congolese", "Dominican") goes to the most populous, as in the gazetteer.
    """
    with _COUNTRY_TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = {row["cc"]: _ACLED_COUNTRY_NAMES.get(row["cc"], row["name"]) for row in rows}
    demonyms: dict[str, str] = {}
    for row in sorted(rows, key=lambda row: int(row["pop"])):
        for demonym in filter(None, row["demonyms"].split("|")):
            demonyms[demonym.lower()] = row["cc"]
    return names, demonyms


# Country names as ACLED writes them inside actor names ("Military Forces of Mali"), by ISO 3166-1 alpha-2 code;
# demonyms and adjectives that name a country's forces or people ("Malian soldiers"), lower case, to ISO2.
COUNTRY_NAMES, DEMONYMS = _read_country_table()
