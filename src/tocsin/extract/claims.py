"""Who said what: attributions, source kinds, stance, official advice, and the certainty of each event.

``find_claims`` reads the dependency parse: a reporting verb ("said", "confirmed", "told") with its subject as the
source and its clausal complement, the adjacent quotation, or its object as the content; verbs of thinking,
knowing, intending and preferring the same way; nominal cues ("the army's claim that ..."), adjectives of belief
and feeling ("confident that ..."), passive cues ("was said to be ..."); "according to X"; and unattributed
hedges ("it was not immediately clear ...", "rebels reportedly ..."). A speaker's own cue inside their content
("said she believed ...") is part of that content, and gives it its stance. A claim of attitude ("wants", "favoured", "sees ... as") is kept but
is no evidence for an event's certainty. Quotations are found in the text, so one that runs over several
sentences is one content span. The source span is the mention as written; sources are resolved to their fullest
mention by ``resolve_sources`` ("he" → "A military spokesman", "the embassy" → "the Norwegian Embassy"), which
also gives official advice its ``issuer``; ``certainty.assess_certainty`` turns the claims behind each event into a
CAP certainty word. The rules are plain lexicons and tree patterns (``RULES_VERSION``), no trained model.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from tocsin.extract import attribution as attr
from tocsin.extract import cues
from tocsin.ingest.dateline import parse_dateline
from tocsin.model import Article, Claim, TextSpan
from tocsin.nlp import text_of
from tocsin.taxonomy import COUNTRY_NAMES, SourceKind, Stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "RULES_VERSION",
    "find_claims",
    "issuer_name",
    "resolve_sources",
    "source_kind",
    "stance_of",
]

RULES_VERSION = "claims.rules.v3"

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
_GENERIC_YOU = frozenset({"you"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
_HEADLINE_SPEAKER = re.compile(r"(?P<speaker>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}):\s+(?=\S)")
_TRANSCRIPT_SPEAKER = re.compile(r"(?P<speaker>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}):\s+(?=\S)")
# a named speaker opening a line of a transcript or a list of headlines: "Matthews: Well, ...", "Jane Doe: ..."
_NAMED_SPEAKER = re.compile(r"(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?=\S)")
_COLON_LABELS = frozenset(
    """update updated breaking live exclusive analysis factbox timeline explainer editorial opinion comment
    correction note photos video watch read more related see also q a question answer
    warning alert advisory""".split()
)


@dataclasses.dataclass(frozen=True, slots=True)
class _Raw:
    """A claim before stance, kind and advice are decided: the spans as token/char offsets."""

    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int]
    lemma: str
    negated: bool = False
    continued: bool = False


def find_claims(doc: Doc, article: Article) -> list[Claim]:
    """Return the attributions in the article: source, cue, content, stance, and advice when it is advice.

    Reads the parse's dependencies, sentences and entities; returns claims in text order. A claim made by
    several sources ("X and Y said ...") is one claim per source with the same cue and content.

    Examples
    --------
    >>> from tocsin import nlp
    >>> from tocsin.model import Article
    >>> text = "Two people died, a police spokesman said."
    >>> [c.source.text for c in find_claims(nlp.parse(text), Article(id="x", text=text))]  # doctest: +SKIP
    ['a police spokesman']
    """
    text = article.text
    quotes = attr.quote_spans(text)
    raws = _own_words_first(text, _own_quotes_first(_dedupe([*_verb_claims(doc, quotes), *_according_claims(doc, quotes), *_viewpoint_claims(doc), *_noun_claims(doc), *_idiom_claims(doc), *_appearances(doc), *_colon_claims(doc), *_colon_quotes(doc, quotes), *_title_claims(doc), *_unattributed_hedges(doc)])))
    # the reporter's own hearsay: inside a claim's content it is the speaker's words
    raws += [r for r in _hearsay(doc) if not any(_inside(r.cue, o.content) for o in raws)]
    raws.sort(key=lambda r: (r.content[0], r.cue[0] if r.cue else -1, r.source[0] if r.source else -1))
    lead = _dateline_end(text)
    claims = [_finish(_after_dateline(raw, lead), text, article) for raw in raws]
    return _with_advice(claims, doc, article)


def _dateline_end(text: str) -> int:
    """Where the story's words begin: after a wire dateline ("NIAMEY, March 3 (Reuters) - "), else at 0."""
    dateline = parse_dateline(text)
    return dateline.length if dateline is not None else 0


def _after_dateline(raw: _Raw, lead: int) -> _Raw:
    """A content the parse ran back over the dateline starts after it: the dateline is the wire's, not the
    speaker's ("NIAMEY (Reuters) - Gunmen killed 12 soldiers, the ministry said")."""
    start, end = raw.content
    if start >= lead or end <= lead:
        return raw
    return dataclasses.replace(raw, content=(lead, end))


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)


def _finish(raw: _Raw, text: str, article: Article) -> Claim:
    source = _span(text, *raw.source) if raw.source else None
    cue = _span(text, *raw.cue) if raw.cue else None
    content = _span(text, *raw.content)
    return Claim(
        content=content,
        source=source,
        source_kind=source_kind(source.text, outlet=article.outlet) if source else None,
        cue=cue,
        stance=stance_of(raw.lemma, content.text, negated=raw.negated),
    )


def _own_quotes_first(raws: Iterable[_Raw]) -> list[_Raw]:
    """Drop a quotation taken as the continuation of an earlier one when a cue of its own frames it."""
    raws = list(raws)
    framed = {raw.content for raw in raws if not raw.continued}
    return [raw for raw in raws if not raw.continued or raw.content not in framed]


def _own_words_first(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Fold a claim set inside another claim's content whose source is a pronoun into that claim.

    In "the minister said she believed the road was open", "she believed" is the minister's own words, part of
    what she said, not a second attribution; its doubt or denial ("said they did not believe ...") becomes the
    stance of the claim that holds it, so that certainty still sees it.
    """
    framing = [raw for raw in raws if raw.source is not None and raw.cue is not None]
    inner_of: dict[int, _Raw] = {}
    dropped: set[int] = set()
    for index, raw in enumerate(raws):
        if raw.source is None or raw.cue is None or text[slice(*raw.source)].lower() not in PRONOUNS:
            continue
        outer = next((o for o in framing if o is not raw and o.content[0] <= raw.source[0] and raw.cue[1] <= o.content[1]), None)
        if outer is None:
            continue
        dropped.add(index)
        if raw.negated or raw.lemma in cues.HEDGE_CUES or raw.lemma in cues.DENY_CUES:
            inner_of.setdefault(id(outer), raw)
    out = []
    for index, raw in enumerate(raws):
        if index in dropped:
            continue
        inner = inner_of.get(id(raw))
        if inner is not None and not raw.negated and raw.lemma not in cues.DENY_CUES:
            raw = dataclasses.replace(raw, lemma=inner.lemma, negated=inner.negated)
        out.append(raw)
    return out


def _dedupe(raws: Iterable[_Raw]) -> Iterator[_Raw]:
    seen: set[tuple[object, ...]] = set()
    for raw in raws:
        key = (raw.source, raw.cue, raw.content)
        if key not in seen:
            seen.add(key)
            yield raw


# --- reporting verbs -------------------------------------------------------------------------------------------


def _verb_claims(doc: Doc, quotes: Sequence[tuple[int, int]]) -> Iterator[_Raw]:
    for token in doc:
        if not attr.is_cue_verb(token):
            yield from _that_clause_claims(token)
            continue
        content = _verb_content(token, quotes)
        if content is None:
            yield from _passive_claims(token, quotes)
            continue
        content = _announced_quote(text_of(doc), content, quotes)
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if passive:  # "X was asked whether ...": X is asked; the one who asks is the "by" agent, if any
            sources = [attr.mention_chars(g) for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            sources = _subjects(token) or _left_neighbour(token, content) or _named_speaker(token, content)
        if not sources and not passive and not attr.allows_no_source(token):
            continue
        if _speaker_musing(token, text_of(doc), sources) or _quoted_cue(token, quotes):
            continue
        cue = attr.cue_extent(token)
        negated = attr.is_negated(token)
        contents = [*_split_quote_before(token, content, quotes), content, *attr.continued_quotes(text_of(doc), content, cue, quotes)]
        if len(contents) == 1 and cue[1] <= content[0] and attr.cue_lemma(token) in cues.SPEECH_CUES:
            # 'X said A.\n\n“B.”': a bare quotation goes on with what was said (not with what X thinks)
            contents += attr.quoted_paragraphs_after(text_of(doc), content, quotes)
        options: list[tuple[int, int] | None] = list(sources) if sources else [None]
        # "A, he said, B": a cue set inside its content; the source is then inside the content too
        aside = content[0] < cue[0] and cue[1] < content[1] and _set_off(token)
        for source in options:
            if source is not None and _overlaps(source, content) and not aside:
                continue
            for part in contents:
                yield _Raw(
                    source=source,
                    cue=cue,
                    content=part,
                    lemma=cues.ADJ_CUES.get(attr.cue_lemma(token), attr.cue_lemma(token)),
                    negated=negated,
                    continued=part is not content,
                )


_PASSIVE_PREPS = frozenset({"as", "for", "with", "of", "to"})
_NOT_SUBJECTS = frozenset({"it", "there", "who", "which", "that"})


def _left_neighbour(verb: Token, content: tuple[int, int]) -> list[tuple[int, int]]:
    """Return the noun phrase just before a cue the parse gave no subject: '..., Col. Ba, a spokesman, said, “...”'.

    The parse often attaches a long name with an apposition elsewhere; a person or body named right before the
    verb (after a comma at most) is then its speaker.
    """
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].text in (",", "—", "–"):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN") or doc[i].sent != verb.sent or "\n" in doc[i].text:
        return []
    head = doc[i]
    while head.dep_ in ("appos", "compound", "flat") and head.head.i < verb.i and head.head.pos_ in ("PROPN", "NOUN"):
        if any("\n" in t.text for t in doc[min(head.i, head.head.i) : max(head.i, head.head.i)]):
            break  # a parse that runs over a line break hangs the name on the line before
        head = head.head
    span = attr.mention_chars(head)
    if head.ent_type_ not in ("PERSON", "ORG", "NORP") and attr.classify_source(head.text) is None:
        return []
    return [] if _overlaps(span, content) or span[1] > verb.idx else [span]


def _named_speaker(verb: Token, content: tuple[int, int]) -> list[tuple[int, int]]:
    """Return the person or body a cue the parse gave no subject names by its place: right after the cue when
    the content came first ('“...,” recalled Mr. Rhodes'), or set off by commas before it ('Ba, who led the
    talks, said ...'). The parse often hangs such a name on a quotation or a relative clause."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is not None and content[1] <= verb.idx and after.sent == verb.sent and after.ent_type_ in _SPEAKER_TYPES:
        name = next(e for e in doc.ents if e.start <= after.i < e.end)
        if name.start == after.i:
            return [(name.start_char, name.end_char)]
    if verb.i == 0 or doc[verb.i - 1].text not in (",", "—", "–"):
        return []
    names = [
        e for e in doc.ents
        if e.label_ in _SPEAKER_TYPES and e.sent == verb.sent and e.end < verb.i - 1 and doc[e.end].text == ","
    ]  # fmt: skip
    if not names:
        return []
    name = names[-1]
    span = (name.start_char, name.end_char)
    if _overlaps(span, content) or content[0] < span[0] < content[1]:
        return []
    # a subject between the name and the cue has a verb of its own: the name is not the cue's speaker
    if any(t.dep_ == "nsubj" and t.head.i != verb.i and t.head.i > name.end for t in doc[name.end : verb.i]):
        return []
    return [span]


_SPEAKER_TYPES = frozenset({"PERSON", "ORG"})


def _passive_claims(verb: Token, quotes: Sequence[tuple[int, int]]) -> Iterator[_Raw]:
    """Yield what a passive cue says of its subject: "X was said to be furious", "X was criticised for Y",
    "X is seen as Y". The content runs from the subject to the complement; the source is the "by" agent, or none.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if subject is None or not passive or subject.lower_ in _NOT_SUBJECTS or _quoted_cue(verb, quotes):
        return
    said = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("xcomp", "oprd", "acomp") or c.dep_ == "prep" and c.lower_ in _PASSIVE_PREPS)]
    if not said:
        yield from _agent_claims(verb, subject)  # "the deal was announced" says nothing of the deal, unless by whom
        return
    content = (subject.left_edge.idx, max(attr.subtree_chars(c)[1] for c in said))
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    cue = attr.cue_extent(verb)
    sources: list[tuple[int, int] | None] = [attr.mention_chars(a) for a in agents]
    for source in sources or [None]:
        yield _Raw(source=source, cue=cue, content=content, lemma=attr.cue_lemma(verb))


def _agent_claims(verb: Token, subject: Token) -> Iterator[_Raw]:
    """Yield what a passive cue of reporting or judging with a "by" agent says: in "the raid was condemned by the
    council" the council condemns the raid, in "the meeting was first reported by the radio" the radio reports
    the meeting. Without an agent the passive names no one's claim."""
    lemma = attr.cue_lemma(verb)
    if lemma not in cues.OBJECT_CUES and lemma not in cues.EVALUATION_CUES:
        return
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for agent in agents:
        yield _Raw(source=attr.mention_chars(agent), cue=attr.cue_extent(verb), content=attr.subtree_chars(subject), lemma=lemma)


def _that_clause_claims(verb: Token) -> Iterator[_Raw]:
    """Yield a claim for a verb outside the cue lexicons whose sentient subject states a "that" clause:
    "the general figures that the rebels will retreat", "the report implied that ..."."""
    if verb.pos_ != "VERB" or not attr.is_sentient(attr.subject_of(verb)):
        return
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and attr.has_that(c)), None)
    if clause is None:
        return
    for source in _subjects(verb):
        yield _Raw(source=source, cue=attr.cue_extent(verb), content=attr.subtree_chars(clause), lemma=verb.lemma_.lower())


def _set_off(verb: Token) -> bool:
    """Whether a cue and its subject stand between commas or dashes: "A, he said, B" (not "what he calls A")."""
    subject = attr.subject_of(verb)
    first = subject.left_edge if subject is not None and subject.i < verb.i else verb
    before = first.i - 1
    while before > 0 and verb.doc[before].text in ("”", '"', "''"):
        before -= 1  # '“A,” he said, “B”'
    return before >= 0 and verb.doc[before].text in (",", "—", "–")


def _speaker_musing(verb: Token, text: str, sources: Sequence[tuple[int, int]]) -> bool:
    """Whether a cue of thought or wish is addressed to a generic "you": "you want", "you think".

    A speaker's "I think we can win" inside a quotation is part of their words (``_quoted_cue``); outside one, a
    writer's or a transcript speaker's "I think ..." or "we hope ..." is their claim. A generic "you want"
    holds no one's view. Speech cues ("you said") still count.
    """
    if attr.cue_lemma(verb) in cues.SPEECH_CUES:
        return False
    return bool(sources) and all(text[s:e].lower() in _GENERIC_YOU for s, e in sources)


def _quoted_cue(verb: Token, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether the cue stands inside a quotation: a speaker's own "they want", "he told me" is part of their words.

    The quotation is the speaker's claim; what it reports is not a claim of the reporter's article.
    """
    return any(start < verb.idx < end for start, end in quotes)


def _inside(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and b[0] <= a[0] and a[1] <= b[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _verb_content(verb: Token, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the content of a reporting verb: its clause, the adjacent quotation, or its object.

    Verbs that report speech only around a quotation ("continued", "joked") take nothing else but the clause
    they introduce ("joked that he would need a bigger office").
    """
    if attr.cue_lemma(verb) in cues.QUOTE_CUES and verb.lemma_.lower() not in cues.SPEECH_CUES:
        return _quoted_content(verb, quotes)
    named = attr.naming_content(verb)
    if named is not None:
        first, last = named
        text = text_of(verb.doc)
        end = last.idx + len(last.text)
        closing = re.match(r"[.,!?]?[”\"]", text[end:])
        if closing and re.search("[“\"]", text[first.idx : end]):
            end += closing.end()  # the quotation's own closing mark
        return _through_quote(attr.trim_chars(text, first.idx, end), quotes)
    clause = attr.complement(verb)
    if clause is not None:
        # "called for the army to leave": the "for" that opens the clause is the cue's, as in "called for calm"
        opener = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for" and c.i == clause.left_edge.i]
        span = attr.subtree_chars(clause, exclude=[*attr.trailing_cues(clause), *attr.trailing_aside(clause), *opener])
        agent = attr.agent_before(verb, clause) if clause.dep_ == "xcomp" else None
        if agent is not None:  # "urged the army to leave": who is to act is part of what is urged
            span = (attr.subtree_chars(agent)[0], span[1])
        resumed = attr.continuation_end(verb, span) if clause.i < verb.i else None
        if resumed is not None:
            span = (span[0], resumed)
        span = (span[0], _more_clauses(verb, clause, span[1]))
        quote = attr.enclosing_quote(span, quotes)
        if quote is not None:
            return quote
        clipped = _within_paragraph(text_of(verb.doc), (span[0], attr.trailing_condition(verb, span)), verb.idx)
        if clipped is not None:
            return _through_quote(clipped, quotes)
    if not attr.reports_words(verb):
        obj = attr.object_content(verb)
        return _within_paragraph(text_of(verb.doc), attr.object_chars(verb, obj), verb.idx) if obj is not None else None
    quote = attr.adjacent_quote(verb, quotes)
    if quote is not None:
        return quote
    host = attr.host_clause(verb)
    if host is not None:
        aside = attr.trailing_aside(host)
        span = attr.subtree_chars(host, exclude=(verb, *aside) if host.i < verb.i or verb.dep_ == "advcl" else aside)
        own = {t.i for t in verb.subtree} | {t.i for a in aside for t in a.subtree}
        after = [t for t in host.subtree if t.i > verb.i and t.i not in own and not (t.is_punct or t.is_space)]
        if host.i < verb.i and after:  # "A, he added, but B": the host's clause goes on after the cue
            span = (span[0], after[-1].idx + len(after[-1].text))
        quote = attr.enclosing_quote(span, quotes)
        return quote if quote is not None else _within_paragraph(text_of(verb.doc), span, verb.idx)
    obj = attr.object_content(verb)
    return _within_paragraph(text_of(verb.doc), attr.object_chars(verb, obj), verb.idx) if obj is not None else None


def _split_quote_before(verb: Token, content: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the first half of a quotation the cue splits: in '“A,” she said, “B.”' the cue's content is B, and
    A, the quotation that ends with a comma right before the speaker, is the same speech."""
    text = text_of(verb.doc)
    if not any(q_start == content[0] for q_start, _ in quotes) or not re.fullmatch(r"[^.!?“”\"]*,\s*", text[verb.idx : content[0]]):
        return []
    subject = attr.subject_of(verb)
    left = attr.mention_chars(subject)[0] if subject is not None and subject.i < verb.i else verb.idx
    for q_start, q_end in quotes:
        if q_end <= left and re.fullmatch(r"\s*", text[q_end:left]) and "," in text[q_end - 3 : q_end]:
            return [(q_start, q_end)]
    return []


def _more_clauses(verb: Token, clause: Token, end: int) -> int:
    """Return where a clausal content ends with the further clauses the parse hangs on its cue after it.

    "said the army would stay, but that it would not fight": a second "that" clause says more; "said the talks
    were over, the army would stay": a run-on clause is the parse's second complement of the same cue.
    """
    for child in verb.children:
        if child.dep_ == "conj" and child.i > clause.i and attr.has_that(child) or child.dep_ == "ccomp" and child.i > clause.i > verb.i:
            end = max(end, attr.subtree_chars(child)[1])
    return end


def _within_paragraph(text: str, span: tuple[int, int], cue: int) -> tuple[int, int] | None:
    """Clip a content to the cue's paragraph: a parse that runs over a line break takes in a title or the
    paragraph before ("... likes.\nMoments earlier, Trump said he was ready")."""
    start, end = span
    before = text.rfind("\n", start, cue)
    after = text.find("\n", cue, end)
    start = before + 1 if before >= 0 else start
    end = after if after >= 0 else end
    if (start, end) == span:
        return span
    start, end = attr.trim_chars(text, start, end)
    return (start, end) if end > start else None


def _announced_quote(text: str, span: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Extend a content that ends on a colon over the quotation that opens the next paragraph: 'He said that,
    of all the candidates:\n\n“Only one can win.”' says both."""
    gap = re.match(r"[\s:]*", text[span[1] :])
    if gap is None or ":" not in text[span[1] - 1 : span[1] + gap.end()]:
        return span
    after = span[1] + gap.end()
    for q_start, q_end in quotes:
        if q_start == after and "\n" in text[span[1] - 1 : q_start]:
            return span[0], q_end
    return span


def _through_quote(span: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Extend a content that ends inside a quotation to the quotation's end: 'said that “A. B.”' is all said."""
    start, end = span
    for q_start, q_end in quotes:
        if start <= q_start < end < q_end - 1:
            return start, q_end
    return span


def _quote_around(span: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Widen a content that starts just inside a quotation to the whole quotation: 'According to X, “A. B.”'."""
    for q_start, q_end in quotes:
        if q_start <= span[0] <= q_start + 1 and span[1] < q_end:
            return q_start, q_end
    return span


def _quoted_content(verb: Token, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    clause = attr.complement(verb)
    if clause is not None:
        quote = attr.enclosing_quote(attr.subtree_chars(clause), quotes)
        if quote is not None:
            return quote
        if clause.dep_ == "ccomp" and clause.i > verb.i:  # "boasted that ...": the clause, not a quotation inside it
            span = _within_paragraph(text_of(verb.doc), attr.subtree_chars(clause, exclude=attr.trailing_aside(clause)), verb.idx)
            return _through_quote(span, quotes) if span is not None else None
    quote = attr.adjacent_quote(verb, quotes)
    if quote is not None:
        return quote
    obj = attr.object_content(verb)  # "boasted about the new bridge": what the cue's preposition takes
    return _within_paragraph(text_of(verb.doc), attr.object_chars(verb, obj), verb.idx) if obj is not None else None


def _subjects(verb: Token) -> list[tuple[int, int]]:
    """Return the char spans of the verb's sources, one per coordinated subject."""
    subject = attr.subject_of(verb)
    if subject is None:
        return []
    if subject.lower_ in ("it", "there") and subject.dep_ in ("expl", "nsubjpass"):
        return []
    heads = [subject, *attr.conjuncts(subject)]
    spans = [attr.mention_chars(head, without=verb) for head in heads]
    left = attr.left_coordinated(subject)
    if left is not None:
        spans.insert(0, attr.mention_chars(left))
    return spans


# --- "according to X" and unattributed hedges -----------------------------------------------------------------


def _according_claims(doc: Doc, quotes: Sequence[tuple[int, int]]) -> Iterator[_Raw]:
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        objects = [child for child in to.children if child.dep_ == "pobj"]
        if not objects:
            continue
        phrase = (token.i, max(t.i for t in objects[0].subtree))
        content = attr.sentence_minus(token.sent, phrase)
        if content is None:
            continue
        content = _quote_around(content, quotes)
        cue = (token.idx, to.idx + len(to.text))
        for head in [objects[0], *attr.conjuncts(objects[0])]:
            yield _Raw(source=attr.mention_chars(head), cue=cue, content=content, lemma="according to")


_SURVEYS = frozenset({"poll", "survey", "study", "report", "analysis", "census"})


def _viewpoint_claims(doc: Doc) -> Iterator[_Raw]:
    """Yield a sentence framed by whose view or which survey it is: "For most residents, the curfew is a relief",
    "To the general, the retreat was a trap", "In the same poll, the mayor led by ten points"."""
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.dep_ != "prep" or first.lower_ not in ("for", "to", "in"):
            continue
        objects = [c for c in first.children if c.dep_ == "pobj"]
        last = max((t.i for t in first.subtree), default=first.i)
        if not objects or last + 1 >= sent.end or doc[last + 1].text != ",":
            continue
        head = objects[0]
        if first.lower_ == "in" and head.lemma_.lower() not in _SURVEYS:
            continue
        if first.lower_ != "in" and (not attr.is_sentient(head) or head.ent_type_ == "GPE"):
            continue
        content = attr.sentence_minus(sent, (first.i, last))
        if content is None or attr.is_cue_verb(sent.root):
            continue  # "In a study, they estimated ...": the verb says who claims what
        lemma = "according to" if first.lower_ == "in" else "think"
        yield _Raw(source=attr.mention_chars(head), cue=(first.idx, first.idx + len(first.text)), content=content, lemma=lemma)


_NOUN_PREPS = frozenset({"about", "of", "for", "on", "against", "over", "with", "to"})


def _noun_claims(doc: Doc) -> Iterator[_Raw]:
    """Yield attributions with a nominal cue and a source: "the army's claim that ...", "criticism of X by Y",
    "X voiced concern about ..."; the cue's stance is its verb's ("his denial that ..." denies)."""
    for token in doc:
        verb = cues.NOUN_CUES.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        if verb is None:
            continue
        content = _noun_content(token)
        source = _noun_source(token) if content is not None else None
        if content is None or source is None or _overlaps(source, content):
            continue
        yield _Raw(source=source, cue=(token.idx, token.idx + len(token.text)), content=content, lemma=verb)


def _idiom_claims(doc: Doc) -> Iterator[_Raw]:
    """Yield attributions with an idiom for a cue: "took aim at X", "weighed in on X", "made the case that ...",
    "played down X" (``cues.IDIOM_CUES``). The source is the verb's subject and must be able to hold a view, so
    that "the storm lashed out at the coast" says nothing; "made no mention of" is negated."""
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for word in verb.children:
            if word.dep_ not in ("prt", "dobj", "advmod") or word.i < verb.i:
                continue
            idiom = cues.IDIOM_CUES.get((verb.lemma_.lower(), word.lemma_.lower()))
            if idiom is None:
                continue
            preps, lemma = idiom
            content = _idiom_content(verb, word, preps)
            subject = attr.subject_of(verb)
            if content is None or not attr.is_sentient(subject) or subject is None:
                continue
            source = attr.mention_chars(subject)
            if _overlaps(source, content):
                continue
            negated = attr.is_negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in word.children)
            cue = (verb.idx, word.idx + len(word.text))
            yield _Raw(source=source, cue=cue, content=content, lemma=lemma, negated=negated)


def _idiom_content(verb: Token, word: Token, preps: tuple[str, ...]) -> tuple[int, int] | None:
    """Return what an idiom is about: the object of its preposition (on the verb or on its fixed noun), its
    "that" clause, or the particle verb's own object ("played down the risk")."""
    for head in (verb, word):
        for child in head.children:
            if child.i <= word.i:
                continue
            if child.dep_ == "prep" and child.lower_ in preps:
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _within_paragraph(text_of(verb.doc), attr.object_chars(verb, objects[0]), verb.idx)
            if "that" in preps and child.dep_ in ("ccomp", "acl") and attr.has_that(child):
                return attr.subtree_chars(child)
            if "obj" in preps and head is verb and child.dep_ == "dobj":
                return attr.subtree_chars(child, exclude=attr.trailing_aside(child))
    return None


_APPEARANCE = frozenset({"appear", "seem"})


def _appearances(doc: Doc) -> Iterator[_Raw]:
    """Yield the reporter's impression, without a source: "the team appeared paralysed", "it seems that ...".

    The content is what appears so, its subject included; an inner cue ("appeared to confirm") is the claim
    instead, and "appeared on television" is no impression.
    """
    for token in doc:
        if token.lemma_.lower() not in _APPEARANCE or token.dep_ in ("aux", "auxpass") or token.pos_ != "VERB":
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        said = [c for c in token.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > token.i]
        if clause is not None:
            content = attr.subtree_chars(clause)
        elif subject is None or not said or subject.lower_ in ("it", "there", "who", "which", "that"):
            continue
        elif any(attr.is_cue_verb(c) for c in said):
            continue
        else:
            content = (subject.left_edge.idx, max(attr.subtree_chars(c)[1] for c in said))
        yield _Raw(source=None, cue=attr.cue_extent(token), content=content, lemma="unclear")


def _noun_content(noun: Token) -> tuple[int, int] | None:
    """Return what a nominal cue says: its clause ("claim that ...", "call to ...") or its object ("fear of ...")."""
    after = [c for c in noun.children if c.i > noun.i]
    for child in after:
        if child.dep_ in ("acl", "ccomp"):
            return attr.subtree_chars(child)
    for child in after:
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS and objects:
            return attr.subtree_chars(objects[0])
    return None


def _noun_source(noun: Token) -> tuple[int, int] | None:
    """Return who holds a nominal claim: its possessor, its "by"/"from" phrase, or the subject of a light verb."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ != "its":
            return attr.mention_chars(child)
    for child in noun.children:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and objects:
            return attr.mention_chars(objects[0])
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues.LIGHT_VERBS:
        subject = attr.subject_of(noun.head)
        if subject is not None and subject.lower_ not in ("it", "there"):
            return attr.mention_chars(subject)
    return None


def _colon_claims(doc: Doc) -> Iterator[_Raw]:
    """Yield a speaker's words set after a colon: a headline "Trump: Cruz Has a Long Way to Go" (first line)
    and a transcript line "TAPPER: Do you think ...". Labels ("UPDATE:", "Mali:") are not speakers."""
    text = text_of(doc)
    line_start = 0
    for number, line in enumerate(text.split("\n")):
        match = _HEADLINE_SPEAKER.match(line) if number == 0 else _TRANSCRIPT_SPEAKER.match(line)
        named = match is None and number > 0
        match = _NAMED_SPEAKER.match(line) if named else match
        start = line_start
        line_start += len(line) + 1
        if match is None or match.group("speaker").lower() in _COLON_LABELS:
            continue
        source = (start + match.start("speaker"), start + match.end("speaker"))
        content = attr.trim_chars(text, start + match.end(), start + len(line))
        if content[1] - content[0] < 8 or not _is_speaker(doc, *source) or named and not _names_someone(doc, *source):
            continue
        yield _Raw(source=source, cue=(source[1], source[1] + 1), content=content, lemma="say")


def _colon_quotes(doc: Doc, quotes: Sequence[tuple[int, int]]) -> Iterator[_Raw]:
    """Yield a quotation introduced by its source and a colon, with no verb: "More from the report: “...”",
    "- Jane Doe: “...”". A verb before the colon ("he told reporters: “...”") is the cue instead."""
    text = text_of(doc)
    for q_start, q_end in quotes:
        colon = text.rfind(":", 0, q_start)
        line = text.rfind("\n", 0, q_start) + 1
        if colon < line or text[colon + 1 : q_start].strip():
            continue
        lead = doc.char_span(line, colon, alignment_mode="contract")
        if lead is None or len(lead) == 0 or len(lead) > 12:
            continue
        # the lead-in may follow a heading on the same line: "VOTERS SHIFT - Jane Doe: “...”"
        dash = max((t.i for t in lead if t.text in ("-", "–", "—")), default=lead.start - 1)
        words = doc[dash + 1 : lead.end]
        last = words[-1] if len(words) else None
        if last is None or last.pos_ not in ("PROPN", "NOUN") or any(t.pos_ in ("VERB", "AUX") for t in words):
            continue
        if not attr.is_sentient(last) and last.lemma_.lower() not in _SURVEYS:
            continue
        source = attr.mention_chars(last)
        yield _Raw(source=source, cue=(colon, colon + 1), content=(q_start, q_end), lemma="say")


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is all one person or organisation named by the parse ("Jane Doe", "Pew Research")."""
    return any(e.label_ in ("PERSON", "ORG") and e.start_char <= start and end <= e.end_char for e in doc.ents)


def _title_claims(doc: Doc) -> Iterator[_Raw]:
    """Yield the claim of a title-case headline the tagger read as names: "Senator Praises Rescue Teams".

    In the first line, a capitalised word that is a cue in the third person ("Praises", "Endorses") parts the
    speaker before it from what is said after it.
    """
    text = text_of(doc)
    end = text.find("\n")
    end = len(text) if end < 0 else end
    for token in doc:
        if token.idx >= end:
            break
        if token.i == 0 or token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper():
            continue
        lemma = attr.title_cue(token.text)
        if lemma is None:
            continue
        source = attr.trim_chars(text, doc[0].idx, token.idx, punct=True)
        content = attr.trim_chars(text, token.idx + len(token.text), end, punct=True)
        content = (content[0], content[1] - 1) if text[content[1] - 1] in ".;" else content
        if len(text[slice(*source)].split()) > 8 or len(text[slice(*content)].split()) < 2 or not _is_speaker(doc, *source):
            continue
        yield _Raw(source=source, cue=(token.idx, token.idx + len(token.text)), content=content, lemma=lemma)
        return


def _is_speaker(doc: Doc, start: int, end: int) -> bool:
    """Whether ``[start, end)`` names someone who can speak: no place, date or number, and no verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or _is_country(span.text):
        return False
    if any(t.pos_ in ("VERB", "AUX", "NUM", "PRON") for t in span):
        return False
    return not any(e.label_ in ("GPE", "LOC", "DATE", "TIME", "CARDINAL") for e in span.ents)


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(name.lower() for name in COUNTRY_NAMES.values())


def _is_country(name: str) -> bool:
    """Whether ``name`` is a country ("Mali: gunfire heard ..." is a label, not a speaker)."""
    return name.lower().removeprefix("the ") in _country_names()


def _unattributed_hedges(doc: Doc) -> Iterator[_Raw]:
    """Yield the reporter's own hedges: "it was not (immediately) clear who ...", "it is unclear whether ..."."""
    for sent in doc.sents:
        for match in cues.HEDGE_CLAUSE.finditer(sent.text):
            start = sent.start_char + match.start()
            clause_end = attr.clause_end(sent, sent.start_char + match.end())
            if clause_end <= sent.start_char + match.end():
                continue
            cue = (sent.start_char + match.start("cue"), sent.start_char + match.end("cue"))
            yield _Raw(source=None, cue=cue, content=(start, clause_end), lemma="unclear")


def _hearsay(doc: Doc) -> Iterator[_Raw]:
    """Yield a clause the reporter marks as hearsay by an adverb, without a source: "the envoy was reportedly
    in Gao", "rebels allegedly fired first". The content is the whole clause, its subject included."""
    for token in doc:
        if token.lower_ not in cues.HEARSAY or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
            continue
        clause = token.head
        if attr.is_cue_verb(clause):
            continue  # "reportedly said ...": the verb is the claim
        content = attr.subtree_chars(clause, exclude=[*attr.trailing_cues(clause), *attr.trailing_aside(clause)])
        clipped = _within_paragraph(text_of(doc), content, token.idx)
        if clipped is not None:
            yield _Raw(source=None, cue=(token.idx, token.idx + len(token.text)), content=clipped, lemma="allege")


# --- source kind, stance, resolution --------------------------------------------------------------------------


def source_kind(text: str, *, outlet: str | None = None) -> str | None:
    """Return the kind of a source (official, organisation, anonymous, witness, media), or None when unknown.

    Examples
    --------
    >>> source_kind("a security source")
    'anonymous'
    >>> source_kind("Local residents")
    'witness'
    >>> source_kind("the Norwegian Embassy")
    'official'
    >>> source_kind("human rights activists")
    'organisation'
    >>> source_kind("Reuters")
    'media'
    >>> print(source_kind("Keita"))
    None
    """
    kind = attr.classify_source(text, outlet=outlet)
    return SourceKind(kind).value if kind else None


def stance_of(lemma: str, content: str, *, negated: bool = False) -> str:
    """Return the stance of a claim from its cue lemma, whether the cue is negated, and hedges in its content.

    Examples
    --------
    >>> stance_of("confirm", "gunshots were fired")
    'confirm'
    >>> stance_of("deny", "troops had mutinied")
    'deny'
    >>> stance_of("say", "a possible military mutiny was under way")
    'hedge'
    >>> stance_of("confirm", "any casualties", negated=True)
    'hedge'
    >>> stance_of("say", "gunfire had been heard")
    'assert'
    """
    if lemma in cues.DENY_CUES:
        return Stance.HEDGE.value if negated else Stance.DENY.value
    if negated or lemma in cues.HEDGE_CUES:
        return Stance.HEDGE.value
    if lemma in cues.CONFIRM_CUES:
        return Stance.CONFIRM.value
    if cues.HEDGE_WORDS.search(cues.HEDGE_CLAUSE_TAIL.sub("", content)):
        return Stance.HEDGE.value
    return Stance.ASSERT.value


def resolve_sources(claims: Sequence[Claim], text: str) -> list[str | None]:
    """Return each claim's source resolved to its fullest mention in the article (None when it has none).

    A pronoun takes the nearest earlier source of the same number that is not a pronoun; a short definite
    mention ("the embassy") takes the longest earlier mention, in the sources or the text, ending in the same
    head word ("the Norwegian Embassy").
    """
    names: list[str | None] = []
    for index, claim in enumerate(claims):
        if claim.source is None:
            names.append(None)
            continue
        earlier = [c.source for c in claims[:index] if c.source is not None and c.source.start < claim.source.start]
        names.append(_resolve_one(claim.source, earlier, text))
    return names


def _resolve_one(source: TextSpan, earlier: list[TextSpan], text: str) -> str:
    lower = source.text.lower()
    if lower in PRONOUNS:
        singular = lower in _SINGULAR_PRONOUNS
        for previous in sorted(earlier, key=lambda s: -s.start):
            if previous.text.lower() not in PRONOUNS and attr.is_plural(previous.text) != singular:
                return previous.text
        return source.text
    head = attr.head_word(source.text)
    if not re.match(r"(?i)(the|this|that)\s", source.text) or head is None:
        return source.text
    pattern = re.compile(rf"\b(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){{1,4}}(?i:{re.escape(head)})\b")
    best = source.text
    for match in pattern.finditer(text, 0, source.start):
        found = match.group(0)
        if len(found) > len(best) and _is_name_like(found):
            best = found
    return best


def _is_name_like(mention: str) -> bool:
    words = [w for w in mention.split() if w.lower() != "the"]
    return bool(words) and all(w[0].isupper() for w in words)


def issuer_name(mention: str) -> str:
    """Return the name of an issuing body from its fullest mention: no article, no trailing "in X".

    >>> issuer_name("the French Embassy in Bamako")
    'French Embassy'
    >>> issuer_name("the Norwegian Embassy")
    'Norwegian Embassy'
    """
    name = re.sub(r"(?i)^(the|a|an)\s+", "", mention.strip())
    name = re.split(r"\s+(?:in|at|to|of the city of)\s+[A-Z]", name, maxsplit=1)[0]
    return name.strip(" ,")


# --- advice ---------------------------------------------------------------------------------------------------


def _with_advice(claims: list[Claim], doc: Doc, article: Article) -> list[Claim]:
    """Mark official instructions to the public as advice (a new claim when the advice is part of a longer one)."""
    names = resolve_sources(claims, article.text)
    out: list[Claim] = []
    for claim, name in zip(claims, names, strict=True):
        advice = _advice_span(claim, doc) if claim.source_kind == SourceKind.OFFICIAL.value else None
        if advice is None:
            out.append(claim)
            continue
        issuer = issuer_name(name or (claim.source.text if claim.source else ""))
        area = _area(doc, advice, name or "")
        marked = dataclasses.replace(claim, advice=True, issuer=issuer or None, area=area)
        if advice == (claim.content.start, claim.content.end):
            out.append(marked)
        else:
            out.extend([claim, dataclasses.replace(marked, content=_span(article.text, *advice))])
    return _one_advice_per_span(out)


def _one_advice_per_span(claims: list[Claim]) -> list[Claim]:
    """Keep one advice claim per advice span (several cues may frame the same quotation)."""
    seen: set[tuple[int, int, str | None]] = set()
    out: list[Claim] = []
    for claim in claims:
        key = (claim.content.start, claim.content.end, claim.issuer)
        if claim.advice and key in seen:
            continue
        if claim.advice:
            seen.add(key)
        out.append(claim)
    return out


def _advice_span(claim: Claim, doc: Doc) -> tuple[int, int] | None:
    """Return the sentence of the claim's content that gives advice, clipped to the content."""
    start, end = claim.content.start, claim.content.end
    if not cues.ADVICE.search(claim.content.text):
        return None
    for sent in _sents_in(doc, start, end):
        if cues.ADVICE.search(sent.text):
            return attr.trim_chars(text_of(doc), max(start, sent.start_char), min(end, sent.end_char), punct=True)
    return None


def _sents_in(doc: Doc, start: int, end: int) -> Iterator[Span]:
    for sent in doc.sents:
        if sent.end_char > start and sent.start_char < end:
            yield sent


def _area(doc: Doc, span: tuple[int, int], issuer_mention: str) -> str | None:
    """Return the place an advice names ("to remain at home ... in the city of Bamako"), if any."""
    place = attr.place_in(doc, *span)
    if place is not None:
        return place
    match = re.search(r"\bin\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*$", issuer_mention)
    return match.group(1) if match else None
