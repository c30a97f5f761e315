"""How sure each event is: the claims behind it, turned into a CAP certainty word.

One anonymous source makes an event Possible; an official confirmation or several independent sources Likely;
an official confirmation with a witness Observed; an official denial Unlikely (contested, both sides kept). The
claims come from ``claims.find_claims``; their sources are resolved (``claims.resolve_sources``) so that "he" and
"the spokesman" count as one source.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from tocsin.extract import attribution as attr
from tocsin.extract.claims import resolve_sources
from tocsin.model import Article, Claim, Event, Evidence
from tocsin.taxonomy import Certainty, SourceKind, Stance

__all__ = ["assess_certainty", "certainty_of"]


def assess_certainty(events: list[Event], claims: list[Claim], article: Article) -> list[Event]:
    """Return the events with ``certainty`` (CAP words), the indices of their supporting ``claims`` and evidence.

    A claim supports an event when its content holds the event's anchor (its evidence spans inside one of the
    event's sentences: its own and those of the mentions merged into it) or, when a sentence has no such anchor,
    overlaps it. A claim that supports no event that way supports one when its content names the event's location
    and shares a content word with the event's sentence. Advice is never support, nor is an attitude ("backed the
    strikes", "sees the attack as a warning"): it says what the source wants or thinks of it, not that it happened.

    Rules, in order: an official denial → Unlikely (contested; both sides kept); an official confirmation and a
    witness → Observed; an official confirmation, or two independent unhedged sources → Likely; only hedged or
    one anonymous source → Possible; one other source → Likely; no attribution (the reporter's voice) → Likely.
    """
    names = resolve_sources(claims, article.text)
    evidence = [_is_evidence(c) for c in claims]
    direct = [{i for i, c in enumerate(claims) if evidence[i] and _supports(c, event)} for event in events]
    placed = set().union(*direct)
    assessed = []
    for event, own in zip(events, direct, strict=True):
        loose = {i for i, c in enumerate(claims)
                 if i not in placed and evidence[i] and _same_incident(c, event, article.text)}
        assessed.append(_assess_one(event, claims, names, tuple(sorted(own | loose))))
    return assessed


def _is_evidence(claim: Claim) -> bool:
    """Whether a claim speaks to whether its content is true: not advice, not an attitude towards it, and not the
    reporter's impression ("the attack appeared to be retaliation" leaves the attack as sure as it was)."""
    if claim.advice or claim.cue is None:
        return not claim.advice
    impression = claim.source is None and claim.cue.text.lower().startswith(("appear", "seem"))
    return not impression and not attr.is_attitude(claim.cue.text)


def _assess_one(event: Event, claims: list[Claim], names: list[str | None], indices: tuple[int, ...]) -> Event:
    support = [(claims[i], names[i]) for i in indices]
    certainty = certainty_of(support)
    evidence = tuple(_claim_evidence(claims[i]) for i in indices)
    return dataclasses.replace(
        event,
        certainty=certainty,
        claims=indices,
        evidence=(*event.evidence, *evidence),
    )


def certainty_of(support: Sequence[tuple[Claim, str | None]]) -> str:
    """Return the CAP certainty word for an event backed by ``support`` (claim, resolved source name) pairs."""
    if not support:
        return Certainty.LIKELY.value
    official = [c for c, _ in support if c.source_kind == SourceKind.OFFICIAL.value]
    if any(c.stance == Stance.DENY.value for c in official):
        return Certainty.UNLIKELY.value
    confirmed = any(c.stance == Stance.CONFIRM.value for c in official)
    witnessed = any(c.source_kind == SourceKind.WITNESS.value for c, _ in support)
    if confirmed and witnessed:
        return Certainty.OBSERVED.value
    if confirmed:
        return Certainty.LIKELY.value
    firm = [(c, n) for c, n in support if c.stance != Stance.HEDGE.value]
    independent = {(n or (c.source.text if c.source else "")).lower() for c, n in firm if c.source is not None}
    if len(independent) >= 2:
        return Certainty.LIKELY.value
    if not firm:
        return Certainty.POSSIBLE.value
    if all(c.source_kind == SourceKind.ANONYMOUS.value for c, _ in firm):
        return Certainty.POSSIBLE.value
    return Certainty.LIKELY.value


def _supports(claim: Claim, event: Event) -> bool:
    """The claim's content holds the event's anchor in one of its sentences, or overlaps an unanchored one."""
    c_start, c_end = claim.content.start, claim.content.end
    for s_start, s_end in event.sentence_spans:
        anchors = [
            e.start for e in event.evidence
            if e.field not in ("certainty", "sentence") and s_start <= e.start and e.end <= s_end
            and e.end - e.start < s_end - s_start
        ]
        if anchors:
            if any(c_start <= a < c_end for a in anchors):
                return True
        elif c_start < s_end and s_start < c_end:
            return True
    return False


def _same_incident(claim: Claim, event: Event, text: str) -> bool:
    """A claim outside the event's sentence that names its location and shares a content word with it."""
    if not event.location or event.sentence_start is None or event.sentence_end is None:
        return False
    content = claim.content.text
    if event.sentence_start <= claim.content.start < event.sentence_end:
        return False
    if not re.search(rf"\b{re.escape(event.location)}\b", content):
        return False
    sentence = text[event.sentence_start : event.sentence_end]
    shared = attr.content_stems(content) & attr.content_stems(sentence)
    shared.discard(event.location.lower()[:5])
    return bool(shared)


def _claim_evidence(claim: Claim) -> Evidence:
    spans = [s for s in (claim.source, claim.cue) if s is not None] or [claim.content]
    return Evidence(field="certainty", start=min(s.start for s in spans), end=max(s.end for s in spans))
