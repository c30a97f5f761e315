"""Whether a trigger reports the news or only its background: history, a standing conflict, a trend, a memory, a
court's retelling of a crime, a claim the sentence denies, or a battle word that only describes a noun.

ACLED codes incidents, and issue #3 asks that background events never reach an alert. ``events`` asks
``is_background`` of each factual trigger on the dependency parse; without a parse nothing is background.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tocsin import taxonomy
from tocsin.extract.timex_values import MONTHS, WEEKDAYS
from tocsin.nlp import span_of
from tocsin.taxonomy import SubEventType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["is_background"]

_S = SubEventType
_TERRITORY = frozenset({_S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY})
# The crimes a court case retells: violence and mob violence. An arrest or a protest is an act of the day.
_RETOLD_CRIMES = frozenset(
    {sub for sub in SubEventType if taxonomy.family(taxonomy.event_type_of(sub)) == "violence"}
    | {_S.OTHER, _S.MOB_VIOLENCE}
)


def is_background(doc: Doc, start: int, end: int, sub: SubEventType, report_year: int | None) -> bool:
    """Return whether the trigger at ``start:end`` (of sub-type ``sub``) is background, not an incident reported.

    ``report_year`` is the year the report was written; an event dated before it, "N years ago" or "last year"
    is history unless its own clause names a recent day.
    """
    if not doc.has_annotation("DEP"):
        return False
    span = span_of(doc, start, end)
    if span is None:
        return False
    return (_dated_before(span, report_year) or _modifier_only(span, sub) or _denied_content(span)
            or _case_or_summary(span, sub))


# Background, not news: an event the report dates well before its own day, a standing conflict, a trend. ACLED
# codes incidents; "mired in war since 2011", "the riots of the 1980s", "settlers who occupied it six years ago",
# "after a five-year war that killed thousands" or "the rise in violent protests" name history or a statistic.
_ANCHOR_YEAR = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<decade>'?s)?$")
# Words a date climbs through to reach what it dates ("in the summer of 2013", "six years ago", "last year").
_TIME_NOUNS = frozenset(
    {*MONTHS, "spring", "summer", "autumn", "fall", "winter", "year", "years", "decade", "decades", "ago", "early",
     "late", "mid", "end", "start", "beginning", "middle", "half", "quarter", "period", "time", "the", "of", "in",
     "since", "during", "by", "from", "until", "before", "between", "and", "to", "at", "last"})
_AGO = re.compile(r"^(?:years?|decades?|centuries|months)$", re.I)
# A clause with its own recent day is news whatever older date governs the sentence ("rebels who attacked the town
# on Monday were first seen there in 2005").
_RECENT = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|today|tonight|yesterday|overnight"
    r"|(?:this|last) (?:week|weekend|morning|night|evening|afternoon)|earlier this)\b",
    re.I,
)
# "a five-year war", "decades-long conflict", "years of unrest": a conflict that lasted years is not one incident.
_LONG_DURATION = re.compile(r"^(?:\w+-)?(?:years?|decades?)(?:-long)?$|^(?:years|decades)-long$", re.I)
# Nouns whose "that" clause holds what someone said happened, and the verbs that deny it.
_CONTENT_NOUNS = frozenset("claim claims report reports allegation allegations accusation accusations suggestion "
                           "rumour rumours rumor rumors assertion charge charges".split())
_DENIAL_LEMMAS = frozenset("deny reject dismiss refute rebut contest dispute".split())
# Court cases: the verbs and nouns of a trial, whose crime is the case's background ("jailed for the murder of").
_LEGAL_LEMMAS = frozenset("sentence convict charge accuse acquit jail imprison indict prosecute try testify "
                          "trial appeal".split())
_COURT_NOUNS = frozenset("court courts trial tribunal magistrate magistrates judge inquest hearing".split())
# Ground told by its extent ("large areas", "vast swathes", "parts of"), not by the place taken.
_VAGUE_LAND = frozenset("area swath swathe part territory stretch tract land chunk much".split())
_VAGUE_SIZE = frozenset("large vast huge wide big great significant much most".split())
# Verbs of memory: what is recalled or mourned is told as the past.
_MEMORY_LEMMAS = frozenset("recall remember commemorate mourn honour honor".split())
# Nouns that make events a trend, a record or a memory: "the rise in attacks", "a history of riots".
_TREND_NOUNS = frozenset(
    "increase rise surge decrease decline drop reduction growth rate rates level levels statistics figures "
    "history culture legacy memory memories anniversary anniversaries cycle trend threat risk".split())


def _denied_content(span: Span) -> bool:
    """Return whether the trigger is told only inside a claim or report that the sentence denies ("the army denied
    the rebels' claim that soldiers had attacked a village"): the denial, not the attack, is what was reported."""
    token = span.root
    for _ in range(5):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "acl" and head.lemma_.lower() in _CONTENT_NOUNS \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            verb = head.head.head if head.head.pos_ == "ADP" else head.head  # "denied on Monday the claim" misparsed
            return verb.lemma_.lower() in _DENIAL_LEMMAS
        token = head
    return False


def _modifier_only(span: Span, sub: SubEventType) -> bool:
    """Return whether a trigger only describes something else: a battle word on a noun ("men of fighting age",
    "battle tanks", "groups fighting to topple the president"), attacks named as a thing's use ("explosives used
    for bombings"). It names a kind, not an incident."""
    token = span.root
    if token.tag_ == "NNS" and token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.dep_ == "acl" \
            and token.head.head.tag_ == "VBN" and not any(c.dep_ in ("det", "nummod", "poss") for c in token.children):
        return True  # "explosives used for bombings": a thing described by its use, attacks of no day or place
    if sub is not _S.ARMED_CLASH or len(span) != 1:
        return False
    if token.dep_ == "acl" and token.tag_ == "VBG":
        # "groups fighting to topple the president": the group's aim, with no enemy or place of a fight
        children = {c.dep_: c.lower_ for c in token.children}
        return "dobj" not in children and not any(c.dep_ == "prep" and c.lower_ in ("with", "against", "in", "near", "at")
                                                  for c in token.children) \
            and ("xcomp" in children or any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children))
    return token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN" and token.head.i > token.i


def _case_or_summary(span: Span, sub: SubEventType) -> bool:
    """Return whether a trigger is the crime of a court case or a campaign's summary, not the incident reported.

    "Sentenced for the murder of", "convicted of", "the widow of a farmer who was shot dead ... faced his killers
    in court": the court's day is the news, the crime its background. "The group has seized large areas of the
    north": ground taken over a campaign, told with no place or day, is no single event.
    """
    token = span.root
    sent = span.sent
    if sub in _TERRITORY and token.pos_ == "VERB" and not _RECENT.search(sent.text):
        land = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in _VAGUE_LAND]
        if any(c.tag_ == "NNS" or any(a.lower_ in _VAGUE_SIZE for a in c.children) for c in land):
            return True
    if sub not in _RETOLD_CRIMES:
        return False  # an arrest or a protest is an act of the day, not a crime retold
    for tok in [token, *list(token.ancestors)[:3]]:
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("for", "of", "over", "with") and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in _LEGAL_LEMMAS:
            return True
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            outside = [t for t in sent if t.i < tok.left_edge.i or t.i > tok.right_edge.i]
            return any(t.lemma_.lower() in _LEGAL_LEMMAS or t.lower_ in _COURT_NOUNS for t in outside)
        if tok.pos_ in ("VERB", "AUX") and tok is not token:
            break
    return False


def _dated_before(span: Span, report_year: int | None) -> bool:
    """Return whether the parse makes a trigger background: dated years before the report, a standing conflict
    ("since 2011", "a five-year war", "years of fighting") or a trend ("the rise in attacks").

    A date counts when it dates the trigger itself or a verb above it (the trigger's clause or one that holds it),
    unless the trigger's own clause names a recent day. A year counts when it ended before the report's year;
    "N years ago" and "last year" always.
    """
    doc = span.doc
    token = span.root
    above = [token, *token.ancestors]
    for tok in above[:4]:
        if tok.pos_ in ("VERB", "AUX") and tok is not token:
            # "recalled children killed by gun violence": remembered, not reported (unless told with its own day)
            if tok.lemma_.lower() in _MEMORY_LEMMAS and not _recent_below(doc, above, tok):
                return True
            break
        if any(_LONG_DURATION.match(c.text) or c.dep_ == "compound" and c.lower_ in ("year", "decade")
               for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "npadvmod")):
            return True
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and head.head is not tok \
                and (head.head.lower_ in _TREND_NOUNS or _AGO.match(head.head.text) and head.lower_ == "of"):
            return True
    below = {t.i for t in above}
    for date in span.sent:
        dated = _dated_word(date)
        if dated is None or dated.i not in below:
            continue
        if not _old_anchor(date, report_year):
            continue
        if not _recent_below(doc, above, dated):
            return True
    return False


def _recent_below(doc: Doc, above: list[Token], top: Token) -> bool:
    """Whether the trigger's own clause under ``top`` (``above``: the trigger and its ancestors) names a recent day."""
    path = [t for t in above if t.i != top.i and top.i in {a.i for a in t.ancestors}]
    if not path:
        return False
    clause = path[-1]
    return _RECENT.search(doc[clause.left_edge.i:clause.right_edge.i + 1].text) is not None


def _dated_word(date: Token) -> Token | None:
    """Return the verb or noun a year or "ago" dates: climb through time words and prepositions to the first other word."""
    if not (_ANCHOR_YEAR.match(date.text) or date.lower_ == "ago" or date.lower_ == "year"
            and any(c.lower_ == "last" for c in date.children)):
        return None
    tok = date
    for _ in range(6):
        if tok.head.i == tok.i:
            return tok if tok is not date else None
        tok = tok.head
        if tok.lower_ not in _TIME_NOUNS and not _ANCHOR_YEAR.match(tok.text) and tok.pos_ != "NUM":
            return tok
    return None


def _old_anchor(date: Token, report_year: int | None) -> bool:
    """Whether a date word puts its event well before the report: "N years ago", "last year", or a year (a decade:
    its last year) before the report's year ("in 2009", "since 2009", "in March 2009")."""
    if date.lower_ in ("ago", "year"):
        return date.lower_ == "year" or any(_AGO.match(c.text) for c in date.subtree if c is not date)
    found = _ANCHOR_YEAR.match(date.text)
    if found is None:
        return False
    year = int(found.group("year")) + (9 if found.group("decade") else 0)
    # "since 2011" dates a standing condition as surely as "in 2011" dates an incident; "since January" of the
    # report's own year may be weeks, so only an earlier year makes either background
    return report_year is not None and year < report_year
