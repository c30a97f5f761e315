"""How a date and an event's trigger stand on the dependency parse: the tense of a clause and which clause a date dates.

The time stage asks two things of the parse. Tense: a weekday or a yearless month is read back or ahead by the
verb that governs it ("was shot on Friday", "will vote on Friday"), through auxiliaries, elided participles,
plans, deferrals and time clauses. Clauses: a date in a sentence may date the event's own clause ("own"), an outer
clause that holds it ("outer": "police said on Monday that ..."), a clause the event follows or precedes
("sequence": "shot after he returned home on Friday") or a clause of its own ("other": "where a mutiny in 2012 led
to a coup").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tocsin.extract.timex_rules import Tense
from tocsin.model import Evidence, TimeExpr
from tocsin.nlp import span_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["clause_relation", "doc_tense", "edges", "told_in_past", "verb_tense", "when_clause_on"]

_BARE_GAP = re.compile(r",?\s*")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.I)
_SEQUENCE_MARKS = frozenset(("where", "after", "before", "since", "until", "till"))
_PLACE_MARKS = _SEQUENCE_MARKS - {"after", "before"}  # the clauses whose time does not bound the event's
# Verbs whose "to"-infinitive names something still ahead ("is to resume trading Tuesday", "expected to vote in May").
_FUTURE_HEADS = frozenset("be expect plan schedule set intend aim hope want go prepare promise vow pledge threaten "
                          "agree due likely ready poised".split())
_TIME_MARKS = frozenset(("once", "when", "whenever", "until", "till"))
_DEFERRALS = frozenset("postpone delay defer adjourn suspend extend reschedule push put".split())
# "has scheduled a news conference Thursday": a plan that stands now names an event ahead ("planned ... Friday", in
# the past tense, may be a plan made on Friday).
_PLANNING = frozenset(("schedule", "plan", "slate"))


def doc_tense(doc: Doc, fallback: Tense) -> Tense:
    """Return a tense function that reads the tag of the verb governing an expression, else falls back."""

    def tense(start: int, end: int) -> str | None:
        span = span_of(doc, start, end)
        if span is None:
            return fallback(start, end)
        token = span.root
        if _deferred_to(token):
            return "future"
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                break
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return fallback(start, end)
        return verb_tense(token) or fallback(start, end)

    return tense


def verb_tense(token: Token, depth: int = 0) -> str | None:
    """Return "past" or "future" from a verb's own tag and auxiliaries (or its clause's), else None."""
    token = _tensed_verb(token)
    if depth < 3 and token.dep_ == "advcl" and _time_clause(token):
        # "likely to buy the stock as soon as trading opened Monday": a time clause keeps a past or present tense
        # for a time ahead; it follows the clause it times when that one looks forward
        main = token.head
        while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
            main = main.head
        if main.pos_ in ("VERB", "AUX") and verb_tense(main, depth + 1) == "future":
            return "future"
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo", "would"} or token.lower_ in ("will", "shall"):
        return "future"
    if token.lemma_ in _PLANNING and (words & {"has", "have"} or token.tag_ in ("VBZ", "VBP")):
        return "future"
    if "to" in words and token.dep_ in ("xcomp", "ccomp", "advcl") and token.head.lemma_ in _FUTURE_HEADS:
        # "had been scheduled to expire Friday": a plan in the past perfect is over by the time of writing
        governor = token.head.head if token.head.dep_ == "acomp" else token.head  # "had been due to"
        return "past" if any(c.lower_ == "had" for c in governor.children) else "future"
    if token.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or words & {"has", "have", "'ve"}:
        return "past"
    if token.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"
    return None


def _time_clause(verb: Token) -> bool:
    """True when an adverbial clause is one of time that can point ahead ("once", "as soon as", "when", "until")."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & _TIME_MARKS) or ("as" in marks and verb.head.lower_ == "soon")


def _deferred_to(date: Token) -> bool:
    """True when the date is what something was put off until ("postponed until Tuesday morning any action ..."):
    a deferral names a day after itself, so one reported in the past still points ahead of the report.
    A deferral in the past perfect ("had been adjourned until Monday") is over by the time of writing.
    """
    head = date.head
    if head.lower_ not in ("until", "till") or head.dep_ != "prep" or head.head.lemma_ not in _DEFERRALS:
        return False
    return not any(c.lower_ == "had" for c in head.head.children)


def _tensed_verb(token: Token) -> Token:
    """Return the verb whose tense a bare participle shares ("killed and 58 injured on Friday": "were killed").

    A past participle with no auxiliary of its own, coordinated with a clause or hanging from a count or a
    coordinated noun ("and more than 1,000 others wounded in the blasts"), is an elided passive of the clause it
    joins; read alone it has no tense. Planning verbs keep their own reading ("a vote scheduled for Friday").
    """
    for _ in range(4):
        if (token.tag_ != "VBN" or token.dep_ not in ("acl", "conj") or token.lemma_ in _PLANNING
                or token.lemma_ in _FUTURE_HEADS or any(c.dep_ in ("aux", "auxpass") for c in token.children)):
            return token
        head = token.head
        if token.dep_ == "acl" and _elided_clause(token):
            head = head.head
        elif token.dep_ == "acl":
            return token  # "journalists detained on Friday": a participle on a plain noun is its own clause
        if head.pos_ not in ("VERB", "AUX") or head.i == token.i:
            return token
        token = head
    return token


def _elided_clause(participle: Token) -> bool:
    """True when a participle the parser hung on a noun is a coordinated clause with its verb left out.

    "Six were killed and 58 injured", "100 have been killed and 1,000 others wounded": the count (or the noun
    coordinated with the verb) is the subject of an elided "were", not a noun the participle describes.
    """
    head = participle.head
    return participle.dep_ == "acl" and (
        head.tag_ == "CD" or (head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX")))


def edges(doc: Doc, expr: TimeExpr, trigger: Evidence) -> int:
    """The number of parse edges between an expression's head and the trigger's."""
    span = span_of(doc, expr.start, expr.end)
    trigger_span = span_of(doc, trigger.start, trigger.end)
    if span is None or trigger_span is None:
        return 0
    date, event = span.root, trigger_span.root
    common = _common_ancestor(date, event)
    return _depth_below(date, common) + _depth_below(event, common)


def _depth_below(token: Token, ancestor: Token) -> int:
    steps = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def clause_relation(doc: Doc, expr: TimeExpr, trigger: Evidence | None) -> str:
    """Say whether an expression dates the event's own clause ("own"), an outer clause that holds the event's
    clause ("outer": "said on Monday that ...", "called on Tuesday for a probe into a fire that killed ..."), or a
    clause of its own that leaves the event out ("other": "where a mutiny in 2012 led to a coup").
    """
    span = span_of(doc, expr.start, expr.end)
    if span is None:
        return "own"
    if trigger is None:
        return "other" if _boundary_on_path(span.root, None, date_side=True) else "own"
    trigger_span = span_of(doc, trigger.start, trigger.end)
    if trigger_span is None:
        return "own"
    date_token, trigger_token = span.root, trigger_span.root
    if when_clause_on(doc, expr, trigger) or _premodifies(doc, expr, trigger_token):
        return "own"
    common = _common_ancestor(date_token, trigger_token)
    if _boundary_on_path(date_token, common, date_side=True, trigger=trigger_token):
        # "was shot shortly after he returned home on Friday": the event follows that day closely, so the day bounds
        # it; a place, relative or "since" clause says nothing of the event's time
        if _boundary_on_path(date_token, common, date_side=True, trigger=trigger_token, marks=_PLACE_MARKS):
            return "other"
        return "sequence"
    if common.i == date_token.i and _describes_date(trigger_token, date_token):
        return "own"
    if _boundary_on_path(trigger_token, common, date_side=False):
        if not _boundary_on_path(trigger_token, common, date_side=False, marks=_PLACE_MARKS):
            return "sequence"  # "said on Monday before leaving for Cairo"
        return "outer"
    return "own"


def _premodifies(doc: Doc, expr: TimeExpr, trigger: Token) -> bool:
    """True when the date is written as a modifier of the trigger noun ("the Dec. 21, 1988, bombing", "the 1995
    shooting", which the parser may tag as a verb), whatever the parse made of it: a determiner before, the noun
    straight after.
    """
    text = text_of(doc)
    return ((trigger.pos_ == "NOUN" or trigger.tag_ == "VBG") and trigger.idx >= expr.end and _BARE_GAP.fullmatch(text, expr.end, trigger.idx)
            is not None and _DETERMINER_BEFORE.search(text, max(0, expr.start - 8), expr.start) is not None)


def when_clause_on(doc: Doc, expr: TimeExpr, trigger: Evidence) -> bool:
    """True when the event lies in a "when" clause written right after the date ("in contrast to Thursday, when
    protesters were arrested, ..."), however the parser attached that clause: it tells what happened that day.

    A clause reported inside it ("Thursday, when officials said soldiers had raided ...") is left out, as in
    ``_describes_date``.
    """
    span = span_of(doc, expr.start, expr.end)
    trigger_span = span_of(doc, trigger.start, trigger.end)
    if span is None or trigger_span is None:
        return False
    after = span.end
    while after < len(doc) and doc[after].is_punct and doc[after].text in (",", "\u2014", "--"):
        after += 1
    if after >= len(doc) or doc[after].lower_ != "when" or doc[after].dep_ != "advmod":
        return False
    clause, token = doc[after].head, trigger_span.root
    while token.i != clause.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return not _boundary_on_path(trigger_span.root, clause, date_side=False)


def _describes_date(trigger: Token, date: Token) -> bool:
    """True when the trigger's clause is a relative clause on the date itself ("on Sunday, when soldiers raided").

    Such a clause tells what happened on that day, so the date is the event's own, not an outer clause's bound; a
    clause reported inside it ("on Sunday, when officials said soldiers had raided ...") still only bounds it.
    """
    token = trigger
    while token.head.i != date.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return token.dep_ == "relcl" and not _boundary_on_path(trigger, token, date_side=False)


def _common_ancestor(a: Token, b: Token) -> Token:
    above = {a.i}
    token = a
    while token.head.i != token.i:
        token = token.head
        above.add(token.i)
    token = b
    while token.i not in above and token.head.i != token.i:
        token = token.head
    return token


def _boundary_on_path(token: Token, stop: Token | None, *, date_side: bool, trigger: Token | None = None,
                      marks: frozenset[str] = _SEQUENCE_MARKS) -> bool:
    """True when the way up from ``token`` to ``stop`` (the root when None) leaves a clause of another time.

    On either side: a relative clause ("which fell in 2012") and an adverbial clause of place or sequence ("where
    ...", "after being kidnapped on Christmas Eve"). On the date's side any other clause on a noun too ("the mutiny
    to come in May"), unless that noun is the trigger itself ("a statement released on Friday"). On the event's
    side a reported clause ("said on Monday that ...") and a past participle on a noun ("journalists detained in
    a raid"); a participle of manner ("attacked on Monday, killing five") and a "when" clause keep the same time.
    """
    while token.head.i != token.i and (stop is None or token.i != stop.i):
        dep = token.dep_
        if dep == "relcl":
            return True
        if dep == "advcl" and {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod")} & marks:
            return True
        if dep == "pcomp" and token.head.lower_ in marks:  # "after being kidnapped"
            return True
        if dep == "acl" and date_side and (trigger is None or token.head.i != trigger.i) and not _elided_clause(token):
            return True
        if not date_side and (dep == "ccomp" or (dep == "acl" and token.tag_ in ("VBN", "VBD"))):
            return True
        token = token.head
    return False


def told_in_past(token: Token) -> bool:
    """True when a trigger verb is in a past tense ("raided", "was arrested", "had been killed")."""
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "would", "shall", "'ll", "to"}:
        return False
    return token.tag_ == "VBD" or bool(aux & {"was", "were", "had", "has", "have"})
