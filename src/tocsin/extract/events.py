"""Event detection and ACLED typing at the level of events, with actors, fatalities and evidence.

``find_events`` reads an annotated document sentence by sentence:

1. a cheap relevance gate (``triggers.gate``: one compiled pattern of every trigger) skips sentences that name no event;
2. in each remaining clause the codebook triggers (``triggers.RULES``) and the linear model
   (``extract/eventmodel.py``) propose sub-types; negated, hypothetical, threatened and future events are dropped;
3. the sub-types of one clause merge up the codebook's precedence (an artillery strike inside a battle is one
   Battles event); each clause becomes a mention with its actors, deaths, sites and time keys;
4. mentions of one incident merge across sentences (same family, compatible time and site), so the article yields
   one event per distinct day, place, actor pair and type, the main event first.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tocsin import taxonomy
from tocsin.extract import actors as actors_mod
from tocsin.extract import deaths as deaths_mod
from tocsin.extract import eventmodel
from tocsin.extract import roles as roles_mod
from tocsin.extract.actors import Actor
from tocsin.extract.background import is_background
from tocsin.extract.deaths import Deaths
from tocsin.extract.triggers import gate, rule_pattern, sentence_sub_types
from tocsin.model import Article, Claim, Event, Evidence, Place, TimeExpr
from tocsin.nlp import span_of
from tocsin.taxonomy import ActorType, EventType, SubEventType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ARRESTS_BY_ACTOR2", "FATALITIES_BY_ACTOR2", "FORCE_BY_ACTOR2", "RULES_VERSION", "find_events", "is_sport"]

RULES_VERSION = "events.rules.v1"
# Evidence fields for what state forces that are actor 2 did (at a demonstration, or in a fight: only killings): the
# codebook keeps police firing on rioters inside the Riots event, so the event says so in its evidence, not its type.
FORCE_BY_ACTOR2 = "force_by_actor2"
FATALITIES_BY_ACTOR2 = "fatalities_by_actor2"
ARRESTS_BY_ACTOR2 = "arrests_by_actor2"

_S = SubEventType
# Words that make an event not (yet) news: future, hypothesis, threat, denial, negation.
_MODAL_LEMMAS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "must", "can"})
_CUE_LEMMAS = frozenset(
    "threaten plan vow warn fear worry hope urge demand deny intend prepare expect seek attempt try aim pledge "
    "propose consider prevent avert foil thwart rule_out call_for allege_not reject refute dismiss decide vote resolve".split()
)
_WINDOW_CUE = re.compile(
    r"\b(?:will|would|could|may|might|shall|plans? to|planned to|planning to|threat(?:en|ens|ened|ening) to|vow(?:s|ed)? to|"
    r"warn(?:s|ed)? (?:of|that)|fears? (?:of|that)|feared|worried that|hopes? to|if|unless|called for|call for|urged|"
    r"denied|deny|denies|no|not|never|without|any|to be held|scheduled|intends? to|expected to|set to|prepar(?:e|es|ing) to|"
    r"ahead of|threat of|risk of|possibility of|tomorrow|next week)\s+(?:\S+\s+){0,3}$",
    re.I,
)
_NEGATED = re.compile(
    r"\b(?:no|not|never|without|nor|nobody|no one|none)\s+(?:\S+\s+){0,2}$|\b(?:end|ends|ending|ended|halt|stop|cessation of)\s+(?:\S+\s+){0,4}$"
    # "the looming strike", "a planned march": an event spoken of before it happens
    r"|\b(?:looming|threatened|planned|proposed|possible|imminent|impending|upcoming|mooted|potential|would-be)\s+(?:\S+\s+){0,2}$",
    re.I,
)
# ", as fierce fighting continues in the region": an ongoing battle named as the background of the event reported.
_BACKGROUND = re.compile(
    r",\s+(?:as|amid|while)\s+[^,;.]*?\b(?:continu\w*|entered|enters|rag(?:e|es|ed|ing)|intensif\w*|escalat\w*|drag\w* on|persist\w*"
    r"|went on|goes on|wore on)\b[^,;]*",
    re.I,
)
# "Demanded the arrest of", "orders to arrest anyone", "a duty to apprehend": an arrest asked for is not made.
_ARREST_WORD = re.compile(r"(?:arrests?|detain|detention|apprehend)\b", re.I)
_WANTED_ARREST = re.compile(
    r"(?:\bto\s+|\b(?:call(?:ed|ing|s)? for|demand(?:ed|ing|s)?|seek(?:ing|s)?|sought|urg(?:ed|ing|es)|want(?:ed|s)?"
    r"|press(?:ed|ing)? for|order(?:ed|s)?|direct(?:ed|s)?|steps to)\s+(?:\S+\s+){0,6})$",
    re.I,
)
_PRESUPPOSING = frozenset({"after", "following", "amid", "amidst", "despite", "during", "since"})
_DISTINCT = re.compile(r"\b(?:also|another|separately|separate|elsewhere|meanwhile|second|similar|other)\b", re.I)
_CLAUSE_BREAK = re.compile(r",?\s*\b(?:where|which|although|though|whereas|while)\b|;|\s--?\s|\u2013|\u2014", re.I)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_SITE = re.compile(
    r"\b(?:(?:prime minister'?s?|president'?s?|presidential|army|military|police|government|air|naval) )?"
    r"(?P<noun>base|camp|barracks|office|palace|parliament|airport|checkpoint|market|mosque|church|school|university|"
    r"hospital|prison|jail|embassy|station|border|bridge|port|mine|refinery|convoy|patrol|headquarters)\b",
    re.I,
)
_REFERENCE = re.compile(
    r"\b(?:in|during|at|by) the (?:\w+ )?(?P<noun>protests?|demonstrations?|rall(?:y|ies)|unrest|riots?|clashes|fighting|"
    r"attacks?|violence|blasts?|explosions?|bombings?|strikes?|raids?|ambush|assault|shelling|incident)\b",
    re.I,
)
_REF_FAMILY = {
    "protest": "demonstration", "demonstration": "demonstration", "rally": "demonstration", "rallies": "demonstration",
    "unrest": "demonstration", "riot": "demonstration",
}
_DEATH_ONLY = frozenset({_S.ATTACK})
_FORCEFUL = frozenset({_S.EXCESSIVE_FORCE, _S.PROTEST_WITH_INTERVENTION, _S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE})
_LARGE_SCALE = frozenset({_S.AIR_DRONE_STRIKE, _S.SHELLING, _S.CHEMICAL_WEAPON, _S.SUICIDE_BOMB, _S.ARMED_CLASH})
_VIOLENCE_TYPES = frozenset(t for t, family in taxonomy.EVENT_FAMILIES.items() if family == "violence")
_STATE_KINDS = frozenset({"military", "police"})
_ARMED_KINDS = _STATE_KINDS | {"named", "armed", "mutiny"}
_NOTE_CHARS = 240
# Sport reports: enough distinct game words mark the document, and then the words games share with conflict
# ("clash", "strikes", "rally", "battle", "fired", "attack") are read as play.
_SPORT = re.compile(
    r"\b(?:scored|scoring|goals?|goalkeepers?|strikers?|midfielders?|defenders?|coach|league|world cup|cup final|cup of nations|premiership|championship|tournament"
    r"|innings|pitch(?:ed|er|es)|inning|wickets?|batsman|bowler|touchdown|quarterback|points|rebounds|playoffs?|semi-?finals?"
    r"|quarter-?finals?|season|squad|fixture|kick-?off|half-time|halftime|referee|stadium|olympics?|medal|won \d+-\d+|\d+-\d+ (?:win|victory|defeat|loss))\b",
    re.I,
)
_SPORT_CHARS = 3000
_SPORT_MIN = 5
_SPORT_AMBIGUOUS = re.compile(
    r"^(?:(?:the|this|that|their|its|a|an) )?(?:clash\w*|blasts?|blasted|rocket(?:s|ed)?|fight\w*|fought|battl\w*|strikes?|rall\w*|attack\w*|shot|shoot\w*|fired|firing|offensive|counter-?attack\w*"
    r"|repuls\w*|repell?ed|captur\w*|retook|regain\w*|recaptur\w*|demonstrat\w*|protest\w*|smashed|ambush\w*|defeat\w*"
    r"|pickets?|boycott\w*|surrender\w*|crash\w*|collid\w*|collision|withdr\w*|retreat\w*|gunfire|strikers?)\b",
    re.I,
)
CHOICE_MIN = 0.2
NONE_MIN = 0.6


@dataclasses.dataclass(frozen=True, slots=True)
class _Trigger:
    sub: SubEventType
    start: int
    end: int
    # the grammatical subject of the trigger's verb (start, end, offset of its head word) and whether it is passive
    agent: tuple[int, int, int] | None = None
    passive: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class _Mention:
    """One clause's event: its sub-type, trigger, sentence, actors, deaths and the keys used to merge mentions."""

    sub: SubEventType
    trigger: _Trigger
    sent_start: int
    sent_end: int
    actors: tuple[Actor, ...]
    deaths: tuple[Deaths, ...]
    sites: frozenset[str]
    days: frozenset[str]
    years: frozenset[str]
    distinct: bool = False
    reference: str | None = None
    subs: frozenset[SubEventType] = frozenset()
    clause_only: bool = False
    trigger_text: str = ""
    # at a demonstration: what state forces did to the crowd, as (evidence field, start, end, the forces' name,
    # "" for whichever state forces are the event's actor 2)
    state_acts: tuple[tuple[str, int, int, str], ...] = ()


def find_events(
    doc: Doc, article: Article, *, places: list[Place], times: list[TimeExpr], claims: list[Claim]
) -> list[Event]:
    """Return the article's events, typed, with actors, fatalities and evidence spans; the main event first.

    Reads the document's sentences (and its dependency parse when present, to drop negated and hypothetical
    events); ``places`` give the country for actor names and the sites that keep distinct events apart;
    ``times`` keep events on different days apart. Dates, locations and certainty are left to later stages.
    """
    country = actors_mod.country_of_text(article.text, [p.country for p in places if _is_country_level(p) is False])
    country = country or actors_mod.country_of_text(article.text)
    mentions: list[_Mention] = []
    sport = is_sport(article.text)
    report_year = _report_year(article)
    for sent in doc.sents:
        if gate(sent.text):
            mentions.extend(_sentence_mentions(doc, sent, article, country=country, places=places, times=times,
                                               sport=sport, report_year=report_year))
    return [_to_event(group, article, country) for group in _merge(mentions, article)]


def is_sport(text: str) -> bool:
    """Return whether a document reports sport, where clashes, strikes, rallies and shots are games, not events.

    >>> is_sport("The striker scored twice as the league leaders won 3-1 at the stadium to top the championship.")
    True
    >>> is_sport("Troops clashed with rebels near the stadium on Monday.")
    False
    """
    return len({m.group(0).lower() for m in _SPORT.finditer(text[:_SPORT_CHARS])}) >= _SPORT_MIN


def _sentence_mentions(
    doc: Doc, sent: Span, article: Article, *, country: str | None, places: Sequence[Place], times: Sequence[TimeExpr],
    sport: bool = False, report_year: int | None = None,
) -> list[_Mention]:
    """Return the mentions of one sentence: one per clause group with compatible time keys.

    ``report_year`` (``_report_year``) dates the report, so that triggers dated years before it are background.
    """
    text = article.text
    raw = sentence_sub_types(sent.text)
    triggers = [
        _Trigger(sub, sent.start_char + s, sent.start_char + e)
        for sub, s, e in raw
        if _is_factual(doc, text, sent.start_char + s, sent.start_char + e, sent.start_char)
        and not (sport and _SPORT_AMBIGUOUS.match(sent.text[s:e]))
    ]
    triggers = [t for t in triggers if not is_background(doc, t.start, t.end, t.sub, report_year)]
    attempted = {sub for sub, _, _ in raw} & _PROTEST
    triggers = _refine(triggers, text, sent, attempted=attempted)
    if doc.has_annotation("DEP"):
        triggers = [_with_agent(doc, t) if t.sub in _TERRITORY else t for t in triggers]
    if not triggers:
        return []
    groups: dict[frozenset[str], list[_Trigger]] = {}
    for trig in triggers:
        clause = _clause(text, sent.start_char, sent.end_char, trig.start)
        groups.setdefault(frozenset(_YEAR.findall(text[clause[0]:clause[1]])), []).append(trig)
    mentions = []
    for years, trigs in groups.items():
        span = (sent.start_char, sent.end_char) if len(groups) == 1 else _clause(text, sent.start_char, sent.end_char, trigs[0].start)
        if _not_news(text[span[0]:span[1]], frozenset(t.sub for t in trigs)):
            continue
        main = _mention(trigs, span, (sent.start_char, sent.end_char), text, years, country, places, times, doc=doc)
        extras = [
            _mention(acts, span, (sent.start_char, sent.end_char), text, years, country, places, times, doc=doc)
            for acts in [*_other_acts(doc, trigs, main), *_condemned(trigs, main, text)]
        ]
        if any(_family(m.sub) == "violence" for m in extras):
            main = dataclasses.replace(main, deaths=())  # the dead are the violence's, not the arrest's
        mentions.append(main)
        mentions.extend(m if _family(m.sub) == "violence" else dataclasses.replace(m, deaths=()) for m in extras)
    return mentions


# Families of acts that one clause may report side by side as separate events: "police opened fire, killing two,
# and arrested fifteen" is a killing and an arrest. Protests and riots stay out: the codebook folds the force used
# on a demonstration, its arrests and its dead into the demonstration event.
_SEPARABLE = frozenset({"violence", _S.ARRESTS.value, _S.ORGANIZED_CRIME.value})
# The grammatical links that join two acts of one actor told in sequence: coordinated verbs ("killed two and
# arrested five"), a participle ("opened fire, killing two"), a second main clause.
_SEQUENCE_DEPS = frozenset({"conj", "advcl", "parataxis", "ccomp", "ROOT"})
_CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})


def _other_acts(doc: Doc | None, trigs: list[_Trigger], main: _Mention) -> list[list[_Trigger]]:
    """Return the triggers of each other separable family that the clause reports as its own act.

    One clause yields one event by precedence, which is right when the words describe one act ("killed in police
    firing") and wrong when the clause coordinates distinct acts of different families: each family whose
    trigger has its own predicate on the parse, not nested in the main trigger's phrase ("arrested for killing
    his wife" is one arrest), becomes its own mention.
    """
    if doc is None or not doc.has_annotation("DEP") or _family(main.sub) not in _SEPARABLE:
        return []
    families: dict[str, list[_Trigger]] = {}
    for trig in trigs:
        fam = _family(trig.sub)
        if fam in _SEPARABLE and fam != _family(main.sub) and _distinct_acts(doc, trig, main.trigger):
            families.setdefault(fam, []).append(trig)
    return list(families.values())


# "Condemned the attack in which 30 civilians were killed": one condemns what happened.
_CONDEMN = re.compile(r"^(?:condemn|denounc|deplor)", re.I)


def _condemned(trigs: list[_Trigger], main: _Mention, text: str) -> list[list[_Trigger]]:
    """Return the violence that a condemnation names after its verb, as the clause's second event.

    The codebook makes the condemnation the clause's event (a diplomatic one), but the attack it condemns is
    reported as fact, often only there ("the union condemned the bombing that killed 30 people on Sunday").
    """
    cue = next((t for t in trigs if t.sub is _S.DIPLOMATIC_EVENT and _CONDEMN.match(text[t.start:t.end])), None)
    if main.sub is not _S.DIPLOMATIC_EVENT or cue is None:
        return []
    violence = [t for t in trigs if _family(t.sub) == "violence" and t.start >= cue.end]
    return [violence] if violence else []


def _predicate(doc: Doc, trig: _Trigger) -> Token | None:
    """Return the verb that carries a trigger as its act: the word itself, or the verb whose subject or object it is.

    A noun deeper in a phrase names an act without reporting it ("an investigation into the blast").
    """
    span = span_of(doc, trig.start, trig.end)
    if span is None:
        return None
    tok = span.root
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in ("in", "during") and tok.head.head.lemma_.lower() in roles_mod.DYING | {"kill"}:
        return tok.head.head  # "died in police firing": the verb of dying reports the firing
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return None


def _subordinated(verb: Token) -> bool:
    """Return whether an adverbial clause opens with a subordinating word ("after", "when", "because").

    A contrastive "while" or "whereas" clause with a subject of its own sets a second fact beside the first
    ("73 died in police firing while 2,500 were arrested"); it does not nest one act in the other.
    """
    marks = [c for c in verb.children if c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB"]
    if marks and all(m.lower_ in _CONTRAST_MARKS for m in marks) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return bool(marks)


def _distinct_acts(doc: Doc, a: _Trigger, b: _Trigger) -> bool:
    """Return whether two triggers are separate acts told in sequence rather than one act or a nested one.

    Each needs its own verb, and the path from each verb to the verb that joins them may only coordinate,
    add a participle without a subordinating word ("killing two", not "after two were killed") or a clause;
    a relative clause, an object or a prepositional phrase ("arrested for killing") nests one in the other.
    """
    va, vb = _predicate(doc, a), _predicate(doc, b)
    if va is None or vb is None or va.i == vb.i:
        return False
    above_a = {t.i for t in [va, *va.ancestors]}
    join = next((t.i for t in [vb, *vb.ancestors] if t.i in above_a), None)
    if join is None:
        return False
    for verb in (va, vb):
        tok = verb
        while tok.i != join:
            if tok.dep_ not in _SEQUENCE_DEPS or tok.dep_ == "advcl" and _subordinated(tok):
                return False
            tok = tok.head
    return True


_WEAK_DEATH = re.compile(r"^(?:killed|killing|murder(?:ed|s)?|slaughtered|hacked|executed)$", re.I)
_EXPLOSION_VERB = re.compile(r"explo|went off|detonat|blast|bombed|bombing", re.I)
_ONE_SIDED = re.compile(r"^(?:opened fire|gunfire|gunshots|firing|attack|fended off|charged)", re.I)
_CLASH_NOUN = re.compile(r"^(?:fighting|clashes|battles?|hostilities|firing)$", re.I)
_GENERIC_BLAST = re.compile(r"^(?:explosions?|blasts?|exploded|detonated|bombs?|bombings?|bombed|explosive devices?)$", re.I)
_TERRITORY = frozenset({_S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY})
_WEAPONS = frozenset({_S.REMOTE_EXPLOSIVE, _S.SHELLING, _S.AIR_DRONE_STRIKE, _S.GRENADE, _S.SUICIDE_BOMB})
_PROTEST = frozenset({_S.PEACEFUL_PROTEST, _S.PROTEST_WITH_INTERVENTION})
# An explosion at a plant, a warehouse or in a crash, with no attacker or weapon named, is an accident.
_ACCIDENT_BLAST = re.compile(r"^(?:explosions?|blasts?|exploded)$", re.I)
# "The explosion" later in a report is the one it first told; an accident stays an accident (``_told_as_accident``).
_DEFINITE = re.compile(r"\b(?:the|that|this)\s+(?:\w+\s+)?$", re.I)
_ACCIDENT_WORD = re.compile(r"\b(?:explosions?|blasts?|exploded)\b", re.I)
_ACCIDENT_REACH = 80
_INDUSTRIAL = re.compile(
    r"\b(?:plant|factory|warehouse|furnace|boiler|refinery|pipeline|tanker|cylinder|gas (?:leak|line|pipe)|fertili[sz]er|"
    r"chemical|fireworks|mine|mining|colliery|mill|workshop|industrial|crash|collision|accident|short circuit|gas station|petrol station)\b",
    re.I,
)
_HOSTILE = re.compile(
    r"\b(?:bombs?|bomber|bombing|IEDs?|explosive devices?|militants?|insurgents?|rebels?|gunmen|terror\w*|suicide|attack\w*"
    r"|planted|claimed responsibility|jihadists?|grenades?|rockets?|missiles?|shell\w*|drones?|air ?strikes?)\b",
    re.I,
)
# "Recalled its ambassador in protest", "lodged a formal protest": a diplomatic act, not a demonstration.
_DIPLOMATIC_PROTEST = re.compile(r"\b(?:in|lodged (?:a |an )?(?:formal |strong |diplomatic )?|note of|letter of)\s*$", re.I)
# Riot words that also describe robberies and accidents ("smashed into", "ransacked the house"): a riot only
# when a crowd is named in the sentence.
_WEAK_RIOT = re.compile(
    r"^(?:smashed|ransacked|torched|petrol-bomb\w*|pelted|scuffl\w*|barricad\w*(?: \w+){0,2}|set (?:ablaze|alight|on fire|fire to)|outbreaks? of violence"
    r"|running battles|\w+ into (?:violence|chaos|mayhem|running battles))$", re.I)
# Intervention words that also describe rescues, arrests and accidents ("dragged away", "carried off the road"): an
# intervention in a protest only when a protest is named in the sentence.
_WEAK_INTERVENTION = re.compile(r"^(?:dragged|drag|carried|hauled|pulled|suppress\w*|crack\w* down)\b", re.I)
# Protest words with other senses: "the strike" may be an air strike, "blocked the road" a landslide, "occupied the
# building" or "invaded the farm" an army's or a burglar's, "a total shutdown" a plant's; a protest only with no weapon
# or aircraft in the sentence, and (all but the strikes) with a crowd named.
_WEAK_PROTEST = re.compile(r"^(?:the|this|that|their|its|illegal|unprotected|protected|rail|commuter|mine|wage|pay|week-long"
                           r"|month-long) strikes?$|^block|^land invasion|^invad|^occup|^(?:total|complete) shutdown", re.I)
_MILITARY = re.compile(r"\b(?:air|drones?|missiles?|jets?|warplanes?|aircraft|militants?|targets?|targeted|bombs?|military|army|rockets?"
                       r"|troops|precision|retaliatory|nuclear|pre-emptive)\b", re.I)
_PROTEST_WORD = re.compile(r"\b(?:protest\w*|demonstrat\w+|marchers|march|rall(?:y|ies)|sit-ins?|strikers|picket\w*)\b", re.I)
# "Marched against the arrest of their leader", "demanding the release of detained activists": an arrest that is
# the protest's grievance is no intervention in it.
_GRIEVANCE = re.compile(
    r"\b(?:against|decry(?:ing)?|denounc\w+|condemn\w*|over|protest(?:ing|ed)?(?: at)?|release of|demanding|seeking)\s+"
    r"(?:the |their |his |her |its |an? )?(?:\S+\s+){0,3}$",
    re.I,
)
# "Blocked the road, demanding water": a claim made in the act makes a blockade or an occupation a protest, whoever
# the sentence names as doing it.
_DEMAND = re.compile(r"\b(?:demand(?:ing|ed|s)?|in protest|to protest|calling for|to press for|pressing for)\b", re.I)
_RIOT_NOUN = re.compile(r"^(?:riot(?:s|ing|ers)?|mobs?|angry crowd|xenophobic (?:attacks?|violence))$", re.I)
_RIOT_HARM = frozenset({_S.ATTACK, _S.ABDUCTION, _S.LOOTING})
_DISASTERS = frozenset({_S.NATURAL_DISASTER, _S.MAN_MADE_DISASTER})
# "Rallied to mourn demonstrators killed last month": deaths remembered at a commemoration are not its own.
_MOURNING = re.compile(r"\b(?:mourn\w*|commemorat\w*|in memory of|anniversary|to remember|funerals?|memorial)\b", re.I)
# "Urged residents to stay indoors", "called on citizens to avoid the area": advice to the public is no diplomatic
# event (the advice itself is a claim for extract/claims.py).
_ADVICE_CUE = re.compile(r"^(?:urged|called on)$", re.I)
_PUBLIC = re.compile(
    r"\s+(?:all |its |their |local |the )?(?:residents|citizens|nationals|people|public|population|civilians|locals|motorists"
    r"|travell?ers|tourists|parents|everyone|members of the public|foreigners|visitors|workers|students|staff|commuters)\b",
    re.I,
)
# "Sanctions over the bombing", "diplomats expelled after the nerve agent attack": a diplomatic act whose cause is
# named is the sentence's event; the violence it answers is referred to, not reported.
_DIPLOMATIC_ACT = re.compile(r"^(?:sanctions|expelled|recalled|summoned|talks|summit)$", re.I)
_CAUSE = re.compile(
    r"\b(?:over|after|following|in response to|in retaliation for|in protest (?:at|over|against)|for)\s+(?:\S+\s+){0,5}$",
    re.I,
)
# Sexual violence is mostly reported as an accusation by victims or rights groups: "accused troops of rape" reports
# the violence, not only who is blamed.
_ACCUSED = re.compile(r"^(?:accused|blamed)$", re.I)
_CROWD = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|crowds?|mobs?|rioters|youths|students|supporters|residents|villagers|workers|strikers"
    r"|marchers|activists|miners|members of the public|angry|irate|hundreds|thousands|dozens of people)\b", re.I)


def _refine(triggers: list[_Trigger], text: str, sent: Span, *, attempted: set[SubEventType] | None = None) -> list[_Trigger]:
    """Apply the codebook's rules between co-occurring triggers of one sentence.

    A bare "killed" is an attack only when nothing else explains the deaths; a change of territory is coded
    instead of the battle that caused it; a defused or seized bomb is disrupted weapons use, not an explosion;
    arrests at a protest are an intervention, and a protest that clashes with police is a violent demonstration;
    a claim of responsibility that leads the sentence is an attribution; a suicide bombing stays one even when
    gunfire follows; an agreement is not a battle because it ends "the fighting"; arrests and seizures in a
    story about crime are organised crime; territory taken after the other side withdrew, with no fighting, is a
    non-violent transfer. Arrests of people trying to protest are an intervention even though the protest
    itself (``attempted``: protest triggers before the factuality check) never took place. Battle words in a
    background clause (", as fighting continues") do not turn a shelling into a battle.
    """
    triggers = _drop_background(triggers, sent)
    subs = {t.sub for t in triggers}
    riots = [t for t in triggers if taxonomy.event_type_of(t.sub) is EventType.RIOTS]
    acts = [t.end for t in triggers if t.sub is _S.DIPLOMATIC_EVENT and _DIPLOMATIC_ACT.match(text[t.start:t.end])]
    two_sided = any(t.sub is _S.ARMED_CLASH and not _ONE_SIDED.match(text[t.start:t.end]) for t in triggers)
    out: list[_Trigger] = []
    for trig in triggers:
        word = text[trig.start:trig.end]
        if trig.sub is _S.ATTACK and _WEAK_DEATH.match(word) and _explained(trig, triggers, text, sent):
            continue
        if trig.sub is _S.ARMED_CLASH and (subs & _TERRITORY or (subs & _WEAPONS and not two_sided)):
            continue
        if trig.sub in _TERRITORY and _S.NON_VIOLENT_TRANSFER in subs and not two_sided:
            continue
        if trig.sub is _S.ARMED_CLASH and (_S.SUICIDE_BOMB in subs or _S.AGREEMENT in subs and _CLASH_NOUN.match(word)):
            continue
        if trig.sub is _S.REMOTE_EXPLOSIVE and _S.GRENADE in subs and _GENERIC_BLAST.match(word):
            continue
        if trig.sub in _WEAPONS and _S.DISRUPTED_WEAPONS_USE in subs and not _EXPLOSION_VERB.search(word):
            continue
        if trig.sub in (_S.ARRESTS, _S.DISRUPTED_WEAPONS_USE) and _S.ORGANIZED_CRIME in subs:
            continue
        if _unsupported(trig, text, sent, subs, riots) or _referred_or_advice(trig, text, sent.start_char, acts):
            continue
        if trig.sub is _S.REMOTE_EXPLOSIVE and _ACCIDENT_BLAST.match(word) and not _HOSTILE.search(sent.text) \
                and (_INDUSTRIAL.search(sent.text) or _told_as_accident(text, trig, sent.start_char)):
            trig = dataclasses.replace(trig, sub=_S.MAN_MADE_DISASTER)
        if trig.sub is _S.ARRESTS and (subs & _PROTEST or attempted):
            trig = dataclasses.replace(trig, sub=_S.PROTEST_WITH_INTERVENTION)
        if trig.sub is _S.ARMED_CLASH and subs & _PROTEST and word.lower().startswith("clash"):
            trig = dataclasses.replace(trig, sub=_S.VIOLENT_DEMONSTRATION)
        out.append(trig)
    if out and out[0].sub is _S.ATTRIBUTION:
        keep = {_S.ATTRIBUTION}
        if _ACCUSED.match(text[out[0].start:out[0].end]):
            keep.add(_S.SEXUAL_VIOLENCE)
        out = [t for t in out if t.sub in keep]
    return out


def _told_as_accident(text: str, trig: _Trigger, sent_start: int) -> bool:
    """Whether "the explosion" refers back to the report's first explosion, told as an accident (at a plant, in a
    crash) in a text that names no attacker or weapon before it."""
    if _DEFINITE.search(text, max(0, trig.start - 12), trig.start) is None:
        return False
    first = _ACCIDENT_WORD.search(text, 0, sent_start)
    if first is None or _HOSTILE.search(text, 0, sent_start):
        return False
    return _INDUSTRIAL.search(text[max(0, first.start() - _ACCIDENT_REACH):first.end() + _ACCIDENT_REACH]) is not None


def _explained(death: _Trigger, triggers: list[_Trigger], text: str, sent: Span) -> bool:
    """Return whether a bare "killed" is explained by another trigger of the sentence (the explosion, the clash).

    An arrest told as a separate act ("killed two and arrested five") explains no death; one that governs the
    killing ("arrested for killing") does.
    """
    doc = sent.doc
    parsed = doc.has_annotation("DEP")
    return any(
        t.sub is not _S.ATTACK and not (t.sub is _S.ARRESTS and parsed and _distinct_acts(doc, t, death))
        and not (t.sub is _S.DIPLOMATIC_EVENT and _CONDEMN.match(text[t.start:t.end]))  # condemning deaths causes none
        for t in triggers if not (t.sub is _S.ATTACK and _WEAK_DEATH.match(text[t.start:t.end]))
    )


def _unsupported(
    trig: _Trigger, text: str, sent: Span, subs: set[SubEventType], riots: Sequence[_Trigger] = ()
) -> bool:
    """Return whether a word with other senses lacks the context that makes it this event.

    "Lodged a protest" is diplomacy; a protest "against the arrest" of someone is no intervention; "dragged away" is an intervention only at a protest; troops mobilised for a
    flood or a fire are disaster relief; "smashed" or "torched" is a riot only when a crowd is named.
    """
    word = text[trig.start:trig.end]
    if trig.sub is _S.PEACEFUL_PROTEST and _S.DIPLOMATIC_EVENT in subs and word.lower() in ("protest", "protested"):
        return _DIPLOMATIC_PROTEST.search(text[max(sent.start_char, trig.start - 40):trig.start]) is not None
    if trig.sub is _S.PROTEST_WITH_INTERVENTION and _WEAK_INTERVENTION.match(word):
        return _PROTEST_WORD.search(sent.text) is None
    if trig.sub is _S.CHANGE_TO_GROUP:
        return bool(subs & _DISASTERS)
    if trig.sub is _S.PEACEFUL_PROTEST and _WEAK_PROTEST.match(word):
        needs_crowd = not word.lower().endswith(("strike", "strikes")) and _DEMAND.search(sent.text) is None
        return _MILITARY.search(sent.text) is not None or needs_crowd and _CROWD.search(sent.text) is None
    if trig.sub in _RIOT_HARM:
        # "a riot broke out, guards were stabbed and a warder taken hostage": the harm is the riot's
        return any(t.sub in (_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE) and _RIOT_NOUN.match(text[t.start:t.end])
                   for t in riots)
    if trig.sub is _S.ARRESTS and subs & _PROTEST:
        return _GRIEVANCE.search(text[max(sent.start_char, trig.start - 50):trig.start]) is not None
    if trig.sub is _S.VIOLENT_DEMONSTRATION and _WEAK_RIOT.match(word) and not subs & _PROTEST:
        return _CROWD.search(sent.text) is None
    return False


def _drop_background(triggers: list[_Trigger], sent: Span) -> list[_Trigger]:
    """Drop battle words in a background clause (", as fighting continues") when the sentence reports other violence."""
    background = [(sent.start_char + m.start(), sent.start_char + m.end()) for m in _BACKGROUND.finditer(sent.text)]

    def inside(trig: _Trigger) -> bool:
        return any(a <= trig.start < b for a, b in background)

    if not any(taxonomy.event_type_of(t.sub) in _VIOLENCE_TYPES and not inside(t) for t in triggers):
        return triggers
    return [t for t in triggers if not (t.sub is _S.ARMED_CLASH and inside(t))]


def _referred_or_advice(trig: _Trigger, text: str, sent_start: int, acts: list[int]) -> bool:
    """Return whether a trigger names violence only as the cause of a diplomatic act, or advice to the public."""
    if taxonomy.event_type_of(trig.sub) in _VIOLENCE_TYPES and any(end <= trig.start for end in acts):
        return _CAUSE.search(text[max(sent_start, trig.start - 60):trig.start]) is not None
    return trig.sub is _S.DIPLOMATIC_EVENT and bool(_ADVICE_CUE.match(text[trig.start:trig.end])) \
        and _PUBLIC.match(text, trig.end) is not None


def _with_agent(doc: Doc, trig: _Trigger) -> _Trigger:
    """Attach the subject of the trigger's verb, climbing coordinated and adverbial verbs to find one.

    "Troops pushed into the enclave, clashing with insurgents and capturing a village": "capturing" has no
    subject of its own; it is the troops'.
    """
    span = span_of(doc, trig.start, trig.end)
    if span is None:
        return trig
    verb = span.root
    for _ in range(5):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            passive = subject.dep_ == "nsubjpass"
            return dataclasses.replace(trig, agent=(start, end, subject.idx), passive=passive)
        if verb.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "pobj", "dobj", "prep", "acl") or verb.head is verb:
            break
        verb = verb.head
    return trig


def _agent(trigger: _Trigger, found: Sequence[Actor]) -> Actor | None:
    """Return who acts: the actor heading the verb's subject, else the nearest actor before the trigger."""
    if trigger.agent is not None:
        start, end, head = trigger.agent
        inside = [a for a in found if start <= a.start and a.end <= end]
        holding = [a for a in inside if a.start <= head < a.end]
        if holding or inside:
            return (holding or inside)[0]
    before = [a for a in found if a.end <= trigger.start]
    return before[-1] if before else None


def _by_actors(best: SubEventType, trigger: _Trigger, found: Sequence[Actor], trigger_text: str) -> SubEventType:
    """Re-code by who acts: who takes territory, and whether the victims of an attack were armed."""
    agent = _agent(trigger, found)
    # "the rebels were driven out": a passive subject is the side that lost the ground
    is_state = agent is not None and agent.actor_type is ActorType.STATE_FORCES
    is_armed = agent is not None and agent.kind in ("named", "armed")
    state, non_state = (is_armed, is_state) if trigger.passive else (is_state, is_armed)
    if best is _S.GOVERNMENT_REGAINS_TERRITORY and non_state:
        return _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    if best is _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY and state:
        return _S.GOVERNMENT_REGAINS_TERRITORY
    kinds = {a.kind for a in found}
    if best is _S.ARMED_CLASH and trigger_text.lower().startswith("clash") and not kinds & {"named", "armed", "mutiny"}:
        if kinds & {"protesters", "rioters"}:
            return _S.VIOLENT_DEMONSTRATION
        if kinds and kinds <= {"civilians"}:
            return _S.MOB_VIOLENCE
    one_sided = _ONE_SIDED.match(trigger_text) is not None
    roles = {a.role: a.kind for a in reversed(found) if a.role}
    if (best is _S.ATTACK or best is _S.ARMED_CLASH and one_sided) and roles.get(roles_mod.PATIENT) == "protesters" \
            and roles.get(roles_mod.AGENT) in _STATE_KINDS:
        return _S.EXCESSIVE_FORCE  # state forces using lethal force on protesters
    if best is _S.ATTACK and roles.get(roles_mod.AGENT) == "rioters":
        return _S.MOB_VIOLENCE
    if best is _S.ARMED_CLASH and one_sided and "civilians" in kinds and not kinds & (_STATE_KINDS | {"mutiny"}):
        return _S.ATTACK
    if best is _S.ATTACK and "civilians" not in kinds and kinds & _STATE_KINDS and kinds & {"named", "armed"}:
        return _S.ARMED_CLASH
    if best is _S.ARRESTS and roles.get(roles_mod.AGENT) in ("named", "armed"):
        return _S.ABDUCTION  # the codebook: only the state arrests; an armed group that detains people abducts them
    return best


def _mention(
    trigs: list[_Trigger],
    span: tuple[int, int],
    sentence: tuple[int, int],
    text: str,
    years: frozenset[str],
    country: str | None,
    places: Sequence[Place],
    times: Sequence[TimeExpr],
    *,
    doc: Doc | None = None,
) -> _Mention:
    subs = frozenset(t.sub for t in trigs)
    two_sided = any(t.sub is _S.ARMED_CLASH and not _ONE_SIDED.match(text[t.start:t.end]) for t in trigs)
    best = taxonomy.precedence(subs) if two_sided else _choose(text[span[0]:span[1]], subs)
    trigger = next(t for t in trigs if t.sub is best)
    found = tuple(a for a in actors_mod.find_actors(text, span[0], span[1], country=country) if not actors_mod.is_source(text, a))
    found = roles_mod.label_roles(doc, found, [(trigger.start, trigger.end)], killing=_family(best) == "violence")
    best = _by_actors(best, trigger, found, text[trigger.start:trigger.end])
    if best is _S.ARRESTS and deaths_mod.died_in_custody(doc, trigger.start, trigger.end):
        best = _S.ATTACK  # the state that held the victim killed them, named or not
        found = (*found, dataclasses.replace(actors_mod.implied_actor("police", country), role=roles_mod.AGENT))
    family = _family(best)
    state_acts = _state_acts(doc, trigs, found, span, text, fight=family == "violence") \
        if family in ("demonstration", "violence") else ()
    large = best in _LARGE_SCALE or bool(re.search(r"\bheavy|massive|large-scale|massacre", text[span[0]:span[1]], re.I))
    clause_text = text[span[0]:span[1]]
    reference = None
    if subs <= _DEATH_ONLY | {_S.EXCESSIVE_FORCE} and (ref := _REFERENCE.search(clause_text)):
        noun = ref.group("noun").lower()
        reference = next((fam for key, fam in _REF_FAMILY.items() if noun.startswith(key)), "violence")
    elif subs <= _DEATH_ONLY and not any(a.kind in _ARMED_KINDS or a.role == roles_mod.AGENT for a in found):
        reference = "toll"  # a bare death toll ("Twelve people were killed") belongs to the violence just told
    day_values = frozenset(
        t.value for t in times
        if t.value and span[0] <= t.start < span[1] and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)
    )
    return _Mention(
        sub=best,
        trigger=trigger,
        sent_start=sentence[0],
        sent_end=sentence[1],
        actors=found,
        deaths=() if _MOURNING.search(clause_text)
        else tuple(deaths_mod.find_deaths(text, span[0], span[1], large=large, doc=doc)),
        sites=_sites(text, span, places),
        days=day_values,
        years=years | frozenset(t.value[:4] for t in times if t.value and span[0] <= t.start < span[1] and t.value[:4].isdigit()),
        distinct=_DISTINCT.search(clause_text) is not None,
        reference=reference,
        subs=subs,
        clause_only=span != sentence,
        trigger_text=text[trigger.start:trigger.end],
        state_acts=state_acts,
    )


def _state_acts(
    doc: Doc | None, trigs: list[_Trigger], found: Sequence[Actor], span: tuple[int, int], text: str, *,
    fight: bool = False,
) -> tuple[tuple[str, int, int, str], ...]:
    """Return the force and the killings that the parse gives to state forces at a demonstration (with
    ``fight``, in violence where either side may be actor 1: only the killings).

    "Police fired tear gas to disperse the mob" is force used on the crowd; "a youth was killed when police
    opened fire" or "died in police firing" makes the police the killers. The acts are the clause's intervention
    and one-sided firing triggers and its verbs of firing (an arrest, a cordon or a march stopped is an
    intervention but no force); the killings its verbs of killing and dying. The tools of crowd control (tear
    gas, water cannon, rubber bullets, baton charges) are the authorities' alone, so the state forces the clause
    names used them unless the parse makes them their target.
    """
    arrest = rule_pattern(_S.ARRESTS)
    # only the state arrests (the codebook), so the arrests at a demonstration are its actor 2's, named or not
    arrests = () if fight else tuple(
        (ARRESTS_BY_ACTOR2, t.start, t.end, "") for t in trigs if arrest.fullmatch(text[t.start:t.end]))
    if doc is None or not doc.has_annotation("DEP") or not any(a.kind in _STATE_KINDS for a in found):
        return arrests
    force = [t for t in trigs if t.sub in (_S.PROTEST_WITH_INTERVENTION, _S.EXCESSIVE_FORCE)
             and not arrest.fullmatch(text[t.start:t.end]) and not _NO_FORCE.match(text[t.start:t.end])
             or t.sub is _S.ARMED_CLASH and _ONE_SIDED.match(text[t.start:t.end])]
    acts = [] if fight else [(t.start, t.end) for t in force]
    acts += [] if fight else [(t.idx, t.idx + len(t.text)) for t in span_of(doc, *span) or ()
                              if t.pos_ == "VERB" and t.lemma_.lower() == "fire"]
    out: list[tuple[str, int, int, str]] = []
    for field, spans in ((FORCE_BY_ACTOR2, acts), (FATALITIES_BY_ACTOR2, roles_mod.killings(doc, *span))):
        for act in spans:
            labelled = roles_mod.label_roles(doc, found, [act])
            state = [a for a in labelled if a.kind in _STATE_KINDS]
            doers = [a for a in state if a.role == roles_mod.AGENT]
            if not doers and field == FORCE_BY_ACTOR2 and _CROWD_CONTROL.match(text, act[0]):
                doers = [a for a in state if a.role != roles_mod.PATIENT][:1]
            out += [(field, *act, a.name) for a in doers]
    return arrests + tuple(dict.fromkeys(out))


# Intervention words that use no force on the crowd, and the tools of crowd control that only the authorities use.
_NO_FORCE = re.compile(r"^(?:prevented|blocked|stopped|foiled|halted|cordoned|suppress|crack)", re.I)
_CROWD_CONTROL = re.compile(r"(?:tear|water|rubber|baton|lathi|pepper|stun|smoke|flash)", re.I)


def _not_news(clause: str, subs: frozenset[SubEventType]) -> bool:
    """Return whether the model is confident the clause reports no event (sport, markets, metaphors)."""
    model = eventmodel.load()
    if model is None:
        return False
    probs = model.scores(["bias", *eventmodel.features(clause, sorted(s.name for s in subs))])
    return float(probs[model.classes.index(eventmodel.NONE)]) >= NONE_MIN


def _choose(clause: str, subs: frozenset[SubEventType]) -> SubEventType:
    """Pick the clause's sub-type: the model picks the event type among the triggered ones, precedence the rest.

    Between protests and riots, and inside one event type, the codebook's precedence decides alone.
    """
    types = {taxonomy.event_type_of(s) for s in subs}
    model = eventmodel.load()
    if model is None or len(types - {EventType.PROTESTS}) <= 1:
        return taxonomy.precedence(subs)
    probs = dict(zip(model.classes, model.scores(["bias", *eventmodel.features(clause, sorted(s.name for s in subs))]),
                     strict=True))
    mass: dict[EventType, float] = {}
    for code, sub in taxonomy.CASE_CODES.items():
        if sub in subs:
            etype = taxonomy.event_type_of(sub)
            mass[etype] = mass.get(etype, 0.0) + float(probs.get(code, 0.0))
    best_type = max(mass, key=lambda t: mass[t])
    if mass[best_type] < CHOICE_MIN:
        return taxonomy.precedence(subs)
    return taxonomy.precedence(s for s in subs if taxonomy.event_type_of(s) is best_type)


def _clause(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """Return the clause of ``text[start:end]`` holding offset ``at`` (split at relative and concessive words)."""
    cuts = [start] + [start + m.start() for m in _CLAUSE_BREAK.finditer(text[start:end])] + [end]
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left <= at < right:
            return left, right
    return start, end


def _sites(text: str, span: tuple[int, int], places: Sequence[Place]) -> frozenset[str]:
    keys = {m.group("noun").lower() for m in _SITE.finditer(text, span[0], span[1])}
    for place in places:
        if span[0] <= place.start < span[1] and not _is_country_level(place):
            keys.add(str(place.geonameid) if place.geonameid else place.text.lower())
    return frozenset(keys)


def _is_country_level(place: Place) -> bool:
    if place.feature_code and place.feature_code.startswith(("PCL", "ADM1", "CONT", "RGN")):
        return True
    return place.text in taxonomy.COUNTRY_NAMES.values() or place.text.lower() in taxonomy.DEMONYMS


def _is_factual(doc: Doc, text: str, start: int, end: int, sent_start: int) -> bool:
    """Return False for a negated, hypothetical, threatened, denied or future trigger."""
    before = text[max(sent_start, start - 60):start]
    if _NEGATED.search(before):
        return False
    if _ARREST_WORD.match(text, start, end) and _WANTED_ARREST.search(before):
        return False
    if not doc.has_annotation("DEP"):
        return _WINDOW_CUE.search(before) is None
    span = span_of(doc, start, end)
    if span is None:
        return True
    token = span.root
    # Walk up to the clause that holds the trigger: "the court rejected the bail plea of a man who was arrested"
    # rejects the plea, not the arrest, so a cue above a relative clause does not count.
    ancestors = []
    for tok in [token, *token.ancestors]:
        if tok is not token:
            ancestors.append(tok)
        if tok.dep_ in ("relcl", "acl") or _presupposed(tok):
            break
    verbs = [t for t in [token, *ancestors] if t.pos_ in ("VERB", "AUX")][:2]
    for tok in [token, *verbs]:
        if any(c.dep_ == "neg" or (c.tag_ == "MD" and c.lemma_.lower() in _MODAL_LEMMAS) for c in tok.children):
            return False
    # "There are worrying numbers of workers on strike": a cue word with an expletive subject is an adjective the
    # parse took for a verb; nobody worries, warns or fears there
    return not any(tok.lemma_.lower() in _CUE_LEMMAS and not any(c.dep_ == "expl" for c in tok.children)
                   for tok in ancestors)


def _presupposed(tok: Token) -> bool:
    """Return whether ``tok`` heads a phrase whose event is taken as fact whatever verb governs it.

    "Urged residents to stay indoors after gunfire in the city": the gunfire under "after" happened, though
    "urged" makes the staying indoors hypothetical.
    """
    if tok.dep_ == "pobj" and tok.head.lower_ in _PRESUPPOSING:
        return True
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _PRESUPPOSING for c in tok.children)


def _report_year(article: Article) -> int | None:
    """The year the report was written: its publication year, else the latest year it names (a report names no
    year after its own, plans aside)."""
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4])
    years = [int(y) for y in _YEAR.findall(article.text)]
    return max(years) if years else None


def _family(sub: SubEventType) -> str:
    etype = taxonomy.event_type_of(sub)
    if etype in _VIOLENCE_TYPES or sub is _S.OTHER:
        return "violence"
    if etype in (EventType.PROTESTS, EventType.RIOTS):
        return "demonstration"
    return str(sub.value)


def _time_compatible(a: _Mention, b: _Mention, published_year: str | None) -> bool:
    if a.days and b.days and not a.days & b.days:
        return False
    if a.years and b.years:
        return bool(a.years & b.years)
    only = a.years or b.years
    return not only or (published_year is not None and published_year in only)


def _can_merge(event: list[_Mention], mention: _Mention, published_year: str | None) -> bool:
    head = event[0]
    if mention.reference == "toll":
        sites = frozenset().union(*(m.sites for m in event))
        return (_family(head.sub) == "violence" or head.sub in _FORCEFUL) and not mention.distinct \
            and all(_time_compatible(m, mention, published_year) for m in event) \
            and not (sites and mention.sites and not sites & mention.sites)
    if mention.reference is not None:
        return _family(head.sub) == mention.reference or mention.reference == "violence" and _family(head.sub) == "violence"
    if _family(head.sub) != _family(mention.sub):
        return False
    if not all(_time_compatible(m, mention, published_year) for m in event):
        return False
    sites = frozenset().union(*(m.sites for m in event))
    if sites and mention.sites:
        return bool(sites & mention.sites)
    return not mention.distinct


def _lethal_force_at(event: list[_Mention], mention: _Mention) -> bool:
    """Whether ``mention`` tells the deaths of a protest that state forces broke up, as the article told it before.

    "Soldiers opened fire on protesters ... Twelve people were killed by soldiers and police": the codebook codes
    lethal force on peaceful protesters as one Excessive-force event with its dead, not a second attack on
    civilians. The killing counts when its doers are state forces of a kind the protest event names, its victims
    are unnamed people or protesters, and people died.
    """
    if event[0].sub not in (_S.EXCESSIVE_FORCE, _S.PROTEST_WITH_INTERVENTION) or mention.sub is not _S.ATTACK:
        return False
    if not any(d.count > 0 for d in mention.deaths):
        return False
    doers = {a.kind for a in mention.actors if a.role == roles_mod.AGENT}
    victims = {a.kind for a in mention.actors if a.role == roles_mod.PATIENT}
    forces = {a.kind for m in event for a in m.actors if a.kind in _STATE_KINDS}
    return bool(doers) and doers <= _STATE_KINDS and bool(doers & forces) and victims <= {"civilians", "protesters"}


def _merge(mentions: list[_Mention], article: Article) -> list[list[_Mention]]:
    """Group mentions of one incident: a death report joins the latest event it refers to, others the first fit."""
    published_year = article.published[:4] if article.published else None
    events: list[list[_Mention]] = []
    for mention in mentions:
        if mention.reference is None and any(_lethal_force_at(e, mention) for e in events):
            mention = dataclasses.replace(mention, reference="toll")
        candidates = events[::-1] if mention.reference else events
        target = next((e for e in candidates if _can_merge(e, mention, published_year)), None)
        if target is None:
            if mention.reference is not None:
                mention = dataclasses.replace(mention, reference=None)
            events.append([mention])
        else:
            target.append(mention)
    return events


def _to_event(group: list[_Mention], article: Article, country: str | None) -> Event:
    """Build one Event from the mentions of one incident."""
    sub = _group_sub(group)
    first = next((m for m in group if not m.clause_only), group[0])
    heads = sorted((m for m in group if m.sub is sub), key=lambda m: m.clause_only)
    head = heads[0] if heads else first
    every = [*head.actors, *(a for m in group if m is not head for a in m.actors)]
    sides = _sides(head) if taxonomy.event_type_of(sub) is EventType.BATTLES else None
    actor1: Actor | None
    actor2: Actor | None
    if sides is not None:
        actor1, actor2 = sides[0][0], sides[1][0]
        assoc1 = "; ".join(a.name for a in sides[0][1:]) or None
        assoc2 = "; ".join(a.name for a in sides[1][1:]) or None
    else:
        actor1, actor2 = _roles(sub, every, country)
        assoc1, assoc2 = _associated(every, actor1, actor2)
    count, low, high = deaths_mod.combine([d for m in group for d in m.deaths]
                                          or deaths_mod.none_after(article.text, max(m.sent_end for m in group)))
    evidence = [Evidence("event_type", head.trigger.start, head.trigger.end),
                Evidence("sub_event_type", head.trigger.start, head.trigger.end)]
    evidence += [Evidence(field, a.start, a.end) for field, a in (("actor1", actor1), ("actor2", actor2))
                 if a is not None and a.end > a.start]
    evidence += [Evidence("fatalities", d.start, d.end) for m in group for d in m.deaths]
    if actor2 is not None and actor2.kind in _STATE_KINDS:
        evidence += [Evidence(field, start, end) for m in group for field, start, end, name in m.state_acts
                     if name in ("", actor2.name)]
    evidence += [Evidence("sentence", m.sent_start, m.sent_end) for m in group]
    return Event(
        event_type=taxonomy.event_type_of(sub).value,
        sub_event_type=sub.value,
        disorder_type=_disorder(sub),
        actor1=actor1.name if actor1 else None,
        actor2=actor2.name if actor2 else None,
        assoc_actor_1=assoc1,
        assoc_actor_2=assoc2,
        interaction=taxonomy.interaction(actor1.actor_type if actor1 else None, actor2.actor_type if actor2 else None),
        fatalities=count,
        fatalities_low=low,
        fatalities_high=high,
        source=article.outlet,
        notes=_notes(article.text, first),
        evidence=tuple(_unique(evidence)),
        plover=dict(taxonomy.plover(sub)),
        sentence_start=first.sent_start,
        sentence_end=first.sent_end,
        versions={"events": RULES_VERSION, "actors": actors_mod.RULES_VERSION, "deaths": deaths_mod.RULES_VERSION,
                  "model": eventmodel.MODEL_VERSION},
    )


def _group_sub(group: list[_Mention]) -> SubEventType:
    """Return the sub-type of one incident's mentions: the codebook's precedence, with two of its rules.

    A suicide bombing stays one, and a change of territory is coded instead of the battle behind it, when the
    exchange of fire is reported in another sentence (as inside one sentence, see ``_refine``); gunmen who
    "opened fire" in one sentence and killed civilians in another carried out one attack, not a battle; a protest,
    met by the authorities or not, in which people died and nobody rioted is excessive force against protesters.
    """
    # a toll or a reference ("killed in the protests") reports on the event; it does not retype it
    subs = {m.sub for m in group if m.reference is None or m is group[0]}
    one_sided = all(_ONE_SIDED.match(m.trigger_text) for m in group if m.sub is _S.ARMED_CLASH)
    if _S.SUICIDE_BOMB in subs or subs & _TERRITORY:
        subs.discard(_S.ARMED_CLASH)
    if _S.ATTACK in subs and _S.ARMED_CLASH in subs and one_sided:
        return _S.ATTACK
    sub = taxonomy.precedence(subs)
    if sub in _PROTEST and any(d.count > 0 for m in group for d in m.deaths):
        sub = _S.EXCESSIVE_FORCE
    return sub


def _disorder(sub: SubEventType) -> str | None:
    found = taxonomy.disorder_type(sub)
    return found.value if found else None


def _unique(evidence: Iterable[Evidence]) -> list[Evidence]:
    seen: set[Evidence] = set()
    return [e for e in evidence if not (e in seen or seen.add(e))]  # type: ignore[func-returns-value]


def _notes(text: str, mention: _Mention) -> str:
    sentence = " ".join(text[mention.sent_start:mention.sent_end].split())
    return sentence if len(sentence) <= _NOTE_CHARS else sentence[: _NOTE_CHARS - 1].rsplit(" ", 1)[0] + "\u2026"


def _synth(kind: str, country: str | None) -> Actor:
    """An actor the codebook implies but the text does not name (no span: no evidence)."""
    return actors_mod.implied_actor(kind, country)


def _roles(sub: SubEventType, found: list[Actor], country: str | None) -> tuple[Actor | None, Actor | None]:
    """Return (actor1, actor2) for the event: the codebook's roles for its type, implied actors where needed."""
    actors = roles_mod.by_role(found)
    # the doer first (from the parse), then non-state perpetrators: "police said gunmen attacked a bus" names the
    # police only as a source
    armed = sorted((a for a in actors if a.kind in _ARMED_KINDS),
                   key=lambda a: (roles_mod.role_rank(a), a.kind in ("military", "police")))
    civilians = sorted((a for a in actors if a.kind == "civilians"), key=lambda a: a.role == roles_mod.AGENT)
    etype = taxonomy.event_type_of(sub)
    if etype is EventType.PROTESTS:
        return _protest_roles(sub, actors, armed, country)
    if etype is EventType.RIOTS:
        rioters = _first(actors, "rioters") or _synth("rioters", country)
        targets = civilians if sub is _S.MOB_VIOLENCE else armed + civilians
        if targets:
            return rioters, targets[0]
        return rioters, _synth("civilians", country) if sub is _S.MOB_VIOLENCE else None
    # a killed soldier is not the killer, nor are police who did something else ("police recovered the bodies")
    doers = [a for a in armed if a.role != roles_mod.PATIENT
             and not (a.role == roles_mod.ELSEWHERE and a.kind in ("police", "military"))]
    if etype is EventType.VIOLENCE_AGAINST_CIVILIANS:
        return (doers or [_synth("armed", country)])[0], (civilians or [_synth("civilians", country)])[0]
    if etype is EventType.BATTLES or sub is _S.OTHER and armed:
        return _battle_roles(armed, country)
    if sub is _S.ARRESTS:
        # police make arrests; "the government" is the arrester only when the parse says it did it
        # ... and so do mutineers or an armed group when the parse makes them the ones who detained
        state = [a for a in actors if a.kind in ("police", "military") and a.role not in (roles_mod.PATIENT,
                 roles_mod.ELSEWHERE) or a.kind == "government" and a.role == roles_mod.AGENT]
        detainer = (state or [a for a in armed if a.role == roles_mod.AGENT] or [_synth("police", country)])[0]
        others = [a for a in actors if a.kind not in ("police", "military", "government") and a is not detainer]
        return detainer, (others[0] if others else None)
    if etype is EventType.EXPLOSIONS:
        first = (doers or [_synth("armed", country)])[0]
        rest = [a for a in armed if a is not first] + civilians
        return first, rest[0] if rest else None
    return (actors[0] if actors else None), (actors[1] if len(actors) > 1 else None)


def _protest_roles(
    sub: SubEventType, actors: list[Actor], armed: list[Actor], country: str | None
) -> tuple[Actor | None, Actor | None]:
    protesters = _first(actors, "protesters") or _synth("protesters", country)
    if sub is _S.PEACEFUL_PROTEST:
        return protesters, None
    # state forces, else whoever the parse makes the doer ("gunmen opened fire on the marchers")
    state = [a for a in armed if a.kind in ("police", "military")] or [a for a in armed if a.role == roles_mod.AGENT]
    if state:
        return protesters, state[0]
    return protesters, _synth("police", country) if sub is _S.PROTEST_WITH_INTERVENTION else None


def _battle_roles(armed: list[Actor], country: str | None) -> tuple[Actor | None, Actor | None]:
    mutiny = _first(armed, "mutiny")
    if mutiny is not None:
        state = _first(armed, "military") or _synth("military", country)
        return mutiny, state
    if len(armed) >= 2:
        return armed[0], armed[1]
    if armed:
        other = _synth("armed" if armed[0].actor_type is ActorType.STATE_FORCES else "military", country)
        # the one side named was hit, or stood by: the unnamed side did it ("five policemen were killed")
        passive = armed[0].role == roles_mod.PATIENT or armed[0].role == roles_mod.ELSEWHERE and armed[0].kind in (
            "police", "military")
        return (other, armed[0]) if passive else (armed[0], other)
    return _synth("armed", country), None


def _sides(mention: _Mention) -> tuple[list[Actor], list[Actor]] | None:
    """Split a battle's armed actors at the trigger ("Malian and French troops clashed with JNIM"): two sides."""
    armed: dict[str, Actor] = {}
    for actor in mention.actors:
        if actor.kind in _ARMED_KINDS:
            armed.setdefault(actor.name, actor)
    before = [a for a in armed.values() if a.end <= mention.trigger.start]
    after = [a for a in armed.values() if a.start >= mention.trigger.end]
    if not before or not after or any(a.kind == "mutiny" for a in armed.values()):
        return None
    # word order gives the sides; the parse says which one acted ("policemen were killed by militants")
    if any(a.role == roles_mod.AGENT for a in after) and not any(a.role == roles_mod.AGENT for a in before):
        return after, before
    return before, after


def _associated(found: list[Actor], actor1: Actor | None, actor2: Actor | None) -> tuple[str | None, str | None]:
    """Return ACLED's associated actors: other named actors of the same type as each side, joined by "; "."""
    out: list[str | None] = []
    taken = {a.name for a in (actor1, actor2) if a is not None}
    for main in (actor1, actor2):
        names = [] if main is None else sorted(
            {a.name for a in found if a.actor_type is main.actor_type and a.name not in taken and a.kind != "government"}
        )
        taken.update(names)
        out.append("; ".join(names) or None)
    return out[0], out[1]


def _first(actors: Iterable[Actor], kind: str) -> Actor | None:
    return next((a for a in actors if a.kind == kind), None)
