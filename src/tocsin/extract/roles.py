"""Who did what to whom: each actor's role toward an event's trigger, read from the dependency parse.

The ``AGENT`` does the act (active subject, "by" phrase, owner of the force used: "killed in police firing"), the
``PATIENT`` suffers it (object, passive subject, the dead), and an actor the event does not involve is ``ELSEWHERE``
("police recovered the bodies"). Events order their actors by role (``by_role``): the doer is ACLED's actor 1.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tocsin.extract.actors import Actor
from tocsin.nlp import span_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["AGENT", "DYING", "ELSEWHERE", "KILLING", "PATIENT", "by_role", "doers", "killings", "label_roles", "role_rank"]

AGENT = "agent"
PATIENT = "patient"
ELSEWHERE = "elsewhere"

# Killing verbs: without an object, their subject is the dead of a headline's short passive ("4 policemen killed").
KILLING = frozenset("kill murder behead lynch execute slay assassinate massacre slaughter".split())
# Verbs of dying: their subject is the dead ("three died"), and what they died "in" is what killed them.
DYING = frozenset("die perish succumb".split())
# Verbs whose subject is the one who suffers.
_SUFFER_VERBS = DYING | frozenset("drown starve disappear vanish".split())
# Verbs that kill only with "dead" or "to death": "shot dead", "beaten to death".
_MANNER_VERBS = frozenset("shoot gun stab hack beat burn lynch".split())
# Nouns of force whose owner or modifier is the one using it: "police firing", "died in police custody".
_FORCE_NOUNS = frozenset(
    "firing fire shooting custody action crackdown raid operation attack assault strike airstrike shelling bombing "
    "torture beating lathicharge lathi-charge baton-charge charge encounter ambush bullet bullets gunfire".split()
)
# Nouns of a two-sided fight: "killed in an encounter with police" gives the police as the side that killed.
_FIGHT_NOUNS = frozenset("encounter clash clashes gunfight shootout shoot-out fight battle exchange firefight".split())
_LINKS = frozenset({"advcl", "conj", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_HOW_MARKS = frozenset({"when", "as", "after", "because"})
_APART_MARKS = frozenset({"after", "before", "because", "since", "until", "till", "once", "though", "although", "if", "unless"})


def label_roles(
    doc: Doc | None, actors: Sequence[Actor], triggers: Sequence[tuple[int, int]], *, killing: bool = False
) -> tuple[Actor, ...]:
    """Return ``actors`` with their role toward the event the ``triggers`` (character spans) name.

    With ``killing`` (a violent event), the killing verbs of the triggers' sentences count as the event's too:
    in "militants threw a grenade, but police killed one of them" the deaths are the police's doing.

    An actor is the ``AGENT`` when it does the act: the subject of an active trigger verb ("police shot two men"),
    the "by" phrase of a passive one ("shot dead by police"), the owner of the force that killed ("killed in
    police firing", "died in police custody"), the other side of an encounter, or the subject of a clause that
    says how the deaths happened ("were killed when soldiers opened fire"). It is the ``PATIENT`` when the act
    is done to it: the object, the passive subject, the subject of "die", the target of "fire on". Appositions
    and coordinated nouns share their head's role. An actor the parse does not link to the event is
    ``ELSEWHERE``: it did something else ("police recovered the bodies") or stood by. Without a parse the role
    is ``None`` and callers fall back on word order.

    >>> from tocsin import nlp
    >>> from tocsin.extract.actors import find_actors
    >>> text = "Two farmers were shot dead by soldiers."
    >>> found = find_actors(text, 0, len(text), country="NG")
    >>> [(a.name, a.role) for a in label_roles(nlp.parse(text), found, [(17, 21)])]
    [('Civilians (Nigeria)', 'patient'), ('Military Forces of Nigeria', 'agent')]
    """
    if doc is None or not doc.has_annotation("DEP") or not actors:
        return tuple(actors)
    predicates = _predicates(doc, triggers)
    if killing:
        for index in list(predicates):
            for token in doc[index].sent:
                if token.pos_ == "VERB" and token.lemma_.lower() in KILLING:
                    predicates.setdefault(token.i, 1)
    if not predicates:
        return tuple(actors)
    out = []
    for actor in actors:
        span = span_of(doc, actor.start, actor.end)
        if span is not None and any(t.i in predicates for t in span):
            role: str | None = AGENT  # the actor names the weapon or force that is the trigger ("a Russian missile")
        else:
            role = _role(span.root, predicates) if span is not None else None
        out.append(dataclasses.replace(actor, role=role))
    return tuple(out)


def killings(doc: Doc | None, start: int, end: int) -> list[tuple[int, int]]:
    """Return the character spans of the words of killing and dying in ``[start, end)`` ("killed", "shot ... dead",
    "died"), for asking who did the killing (``doers``).

    >>> from tocsin import nlp
    >>> text = "Police fired on the mob and a youth died; two men were shot dead."
    >>> [text[s:e] for s, e in killings(nlp.parse(text), 0, len(text))]
    ['died', 'shot']
    """
    if doc is None or not doc.has_annotation("DEP"):
        return []
    out = []
    for token in span_of(doc, start, end) or ():
        lemma = token.lemma_.lower()
        near = [t for c in token.children for t in (c, *c.children)]
        manner = lemma in _MANNER_VERBS and any(t.lower_ in ("dead", "death") for t in near) \
            or lemma == "gun" and any(c.lower_ == "down" for c in token.children)
        if token.pos_ == "VERB" and (lemma in KILLING or lemma in DYING or manner):
            out.append((token.idx, token.idx + len(token.text)))
    return out


def doers(doc: Doc | None, actors: Sequence[Actor], acts: Sequence[tuple[int, int]]) -> list[Actor]:
    """Return the actors the parse makes the doers of any of the ``acts`` (character spans), in the given order.

    >>> from tocsin import nlp
    >>> from tocsin.extract.actors import find_actors
    >>> text = "A youth was killed when police fired on the rioters."
    >>> found = find_actors(text, 0, len(text), country=None)
    >>> [a.name for a in doers(nlp.parse(text), found, killings(nlp.parse(text), 0, len(text)))]
    ['Police Forces']
    """
    if not acts:
        return []
    return [a for a in label_roles(doc, actors, acts) if a.role == AGENT]


def role_rank(actor: Actor) -> int:
    """Return 0 for an agent, 1 for an actor of unknown role, 2 for a patient: the order in which to pick actor 1."""
    return 0 if actor.role == AGENT else 2 if actor.role == PATIENT else 1


def by_role(actors: Iterable[Actor]) -> list[Actor]:
    """Return one actor per name, doers first: agents, then actors of unknown role, then patients.

    Inside each rank the given order stays (callers list the main mention's actors first).

    >>> from tocsin.taxonomy import ActorType
    >>> a = Actor("Civilians", ActorType.CIVILIANS, "civilians", 0, 5, role=PATIENT)
    >>> b = Actor("Police Forces", ActorType.STATE_FORCES, "police", 9, 15, role=AGENT)
    >>> [x.name for x in by_role([a, b, a])]
    ['Police Forces', 'Civilians']
    """
    unique: dict[str, Actor] = {}
    for actor in sorted(actors, key=role_rank):
        unique.setdefault(actor.name, actor)
    return list(unique.values())


def _predicates(doc: Doc, triggers: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Return the trigger tokens and the verbs linked to them (token index -> distance from the trigger).

    A linked verb without a subject of its own shares the trigger's ("opened fire on the crowd, killing two"); a
    clause hanging off a trigger with no doer says how it happened ("killed when soldiers opened fire").
    """
    found: dict[int, int] = {}
    for start, end in triggers:
        span = span_of(doc, start, end)
        if span is not None:
            for level, token in enumerate(_event_verbs(span.root)):
                found.setdefault(token.i, level)
    for index, level in list(found.items()):
        token = doc[index]
        if level == 0 and not any(c.dep_ in ("nsubj", "agent") for c in token.children):
            # "a boy was killed and two injured when police fired": the clause may hang off the coordinated verb
            verbs = [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")]
            for child in (c for verb in verbs for c in verb.children):
                if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and _tells_how(child):
                    found.setdefault(child.i, 1)
    return found


def _event_verbs(trigger: Token) -> list[Token]:
    """Return the trigger and the verbs above it that carry its event, nearest first."""
    chain = [trigger]
    token = trigger
    # a weapon or attack noun that is the subject or object of its verb: "the missile hit", "threw a grenade"
    for _ in range(2):
        if token.dep_ == "compound":
            token = token.head
    if token.dep_ in ("nsubj", "dobj") and token.head.pos_ == "VERB":
        token = token.head
        chain.append(token)
    elif token.dep_ == "pobj" and token.head.lower_ in ("in", "during") and token.head.head.pos_ == "VERB":
        token = token.head.head  # "died in a gun battle", "were killed during the raid"
        chain.append(token)
    # "were killed when soldiers opened fire": an adverbial clause tells how its head's event happened
    # the one who dies does not die at the hands of the verb above ("curfew was imposed after one succumbed")
    for _ in range(0 if trigger.lemma_.lower() in _SUFFER_VERBS else 3):
        if token.dep_ not in _LINKS or token.dep_ != "advcl" and _has_subject(token) or _told_apart(token):
            break
        token = token.head
        chain.append(token)
    return chain


def _told_apart(clause: Token) -> bool:
    """Whether an adverbial clause tells an event before, after or behind its head's, not how it happened:
    "police imposed a curfew after a youth died" does not make the police the killers."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _APART_MARKS for c in clause.children)


def _tells_how(clause: Token) -> bool:
    """Whether an adverbial clause says how its head happened ("when soldiers fired"), not what went on
    beside it ("even as police fired tear gas elsewhere")."""
    marks = [c for c in clause.children if c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ == "when"]
    if any(c.lower_ == "even" for m in marks for c in m.children) or any(c.lower_ == "even" for c in clause.children):
        return False
    return any(m.lower_ in _HOW_MARKS for m in marks)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in token.children)


def _role(token: Token, predicates: dict[int, int]) -> str | None:
    """Return the role of the noun ``token`` toward the nearest predicate it hangs off, or None."""
    for _ in range(4):
        if token.dep_ in ("appos", "conj") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            token = token.head
            continue
        if token.dep_ in ("compound", "amod", "nmod", "poss"):
            if token.head.lemma_.lower() in _FORCE_NOUNS:
                return _force_role(token.head, predicates)
            token = token.head
            continue
        break
    # "in police firing" is often parsed with "firing" hanging off "police"
    force = next((c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in _FORCE_NOUNS), None)
    if force is not None and (force.i in predicates or _attached(token, predicates)):
        return AGENT
    # not linked to the event: the subject of another act ("police pulled out the bodies") or a bystander
    return (_verb_role(token, predicates) or (AGENT if _owns_next(token, predicates) else None)
            or _relative_role(token, predicates) or _own_report(token, predicates) or ELSEWHERE)


def _verb_role(token: Token, predicates: dict[int, int]) -> str | None:
    head = token.head
    if token.dep_ == "nsubj" and head.i in predicates:
        lemma = head.lemma_.lower()
        short_passive = lemma in KILLING and not any(c.dep_ in ("dobj", "ccomp") for c in head.children)
        return PATIENT if lemma in _SUFFER_VERBS or short_passive else AGENT
    if token.dep_ in ("dobj", "nsubjpass") and head.i in predicates:
        return PATIENT
    if token.dep_ != "pobj":
        return None
    prep, owner = head.lemma_.lower(), head.head
    if head.dep_ == "agent" and owner.i in predicates or prep == "by" and owner.i in predicates:
        return AGENT
    if prep in ("on", "at", "upon", "into") and owner.i in predicates:
        return PATIENT
    if prep == "of" and owner.lower_ == "hands" and _attached(owner, predicates):
        return AGENT  # "killed at the hands of soldiers"
    if prep == "with" and owner.lemma_.lower() in _FIGHT_NOUNS and (owner.i in predicates or _attached(owner, predicates)):
        return AGENT
    return None


def _owns_next(token: Token, predicates: dict[int, int]) -> bool:
    """Whether the actor word stands right before a force word that is the event's ("in police firing"), however
    the parse attached the two: long lower-cased sentences often hang "firing" off a number and "police" off "in"."""
    if token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    is_force = after.lemma_.lower() in _FORCE_NOUNS or after.lower_ in _FORCE_NOUNS
    return is_force and (after.i in predicates or _attached(after, predicates))


def _force_role(noun: Token, predicates: dict[int, int]) -> str | None:
    """The owner of a force noun is the agent when the noun is the trigger, its subject or its cause."""
    return AGENT if noun.i in predicates or _attached(noun, predicates) else None


def _attached(noun: Token, predicates: dict[int, int]) -> bool:
    """Whether a noun is a trigger's subject or hangs off it through a preposition ("killed in the firing")."""
    if noun.dep_ in ("nsubj", "dobj") and noun.head.i in predicates:
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i in predicates


def _own_report(token: Token, predicates: dict[int, int]) -> str | None:
    """"The army said it killed 20 insurgents": the speaker whose pronoun is the trigger's subject is its agent."""
    if token.dep_ != "nsubj":
        return None
    for clause in token.head.children:
        if clause.dep_ == "ccomp" and clause.i in predicates and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "they", "we") for c in clause.children
        ):
            return AGENT
    return None


def _relative_role(token: Token, predicates: dict[int, int]) -> str | None:
    """"The policemen who killed him" are the agent of "killed"; "the man whom police shot" the patient."""
    for child in token.children:
        if child.dep_ == "relcl" and child.i in predicates:
            for grand in child.children:
                if grand.lower_ in _RELATIVE and grand.dep_ == "nsubj":
                    return AGENT
                if grand.lower_ in _RELATIVE and grand.dep_ in ("nsubjpass", "dobj"):
                    return PATIENT
    return None
