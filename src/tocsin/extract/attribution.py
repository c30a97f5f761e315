"""Attribution building blocks: quotation spans and dependency-tree helpers for claims (lexicons: ``cues``).

``claims.py`` assembles claims from these pieces. Everything here is a small rule over a spaCy token or a string:
which verbs report speech or belief, where a verb's content and source are in the tree, which quotation
belongs to a cue, what kind of body a source is, and which words hedge or give advice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tocsin.extract.cues import (
    ADJ_CUES,
    ADJ_PREPS,
    ANONYMOUS,
    ANSWERS,
    ARGUMENT_PREPS,
    ATTITUDE_CUES,
    CONTINUERS,
    COORDINATORS,
    CORE_CUT,
    CUE_LEXICONS,
    EVALUATION_CUES,
    IRREGULAR,
    MEDIA,
    NAMING_CUES,
    NO_SOURCE_CUES,
    NOUN_CUES,
    OBJECT_COMPLEMENTS,
    OBJECT_CUES,
    OFFICIAL,
    OPINION_CUES,
    ORGANISATION,
    PEOPLE,
    PERCEPTION_CUES,
    PERSONAL,
    PREP_CUES,
    QUESTION_CUES,
    QUOTATION,
    QUOTE_CUES,
    RELATIVE,
    SHARES,
    SIDING_CUES,
    SPEECH_CUES,
    SPOKES,
    STOP,
    THOUGHT_CUES,
    WITNESS,
    XCOMP_CUES,
)
from tocsin.nlp import span_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "adjacent_quote",
    "agent_before",
    "allows_no_source",
    "classify_source",
    "cue_lemma",
    "clause_end",
    "complement",
    "conjuncts",
    "content_stems",
    "continuation_end",
    "naming_content",
    "continued_quotes",
    "cue_extent",
    "enclosing_quote",
    "has_that",
    "head_word",
    "host_clause",
    "is_attitude",
    "is_cue_verb",
    "is_negated",
    "is_plural",
    "is_sentient",
    "left_coordinated",
    "mention_chars",
    "object_chars",
    "object_content",
    "place_in",
    "quote_spans",
    "quoted_paragraphs_after",
    "reports_words",
    "sentence_minus",
    "subject_of",
    "subtree_chars",
    "title_cue",
    "trailing_aside",
    "trailing_condition",
    "trailing_cues",
    "trim_chars",
]

_QUOTE_MARKS = frozenset({"“", "”", '"', "''"})


_MIXED_QUOTATION = re.compile(r"“[^“”\"\n]{1,3000}?\"(?![\w\"])|(?<![\w\"])\"(?=[^\s\"])[^“”\"\n]{1,3000}?”")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the quotations in ``text`` as ``(start, end)`` including their marks; they may cross sentences.

    >>> quote_spans('He said: “Yes. No.” Then "ok," she said.')
    [(9, 19), (25, 30)]
    """
    spans = [(match.start(), match.end()) for match in QUOTATION.finditer(text)]
    # a quotation typed with one curly and one straight mark ('“A."', '"A.”'), where no pair of one style holds it
    mixed = [
        (m.start(), m.end())
        for m in _MIXED_QUOTATION.finditer(text)
        if not any(start < m.end() and m.start() < end for start, end in spans)
    ]
    return _join_paragraphs(text, sorted(spans + mixed))


def _join_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Extend a quotation back over the paragraphs before it that open a quotation and never close it.

    A speech running over paragraphs leaves each paragraph but the last without a closing mark, and each
    paragraph it goes on in opens with a mark: '“A.\\n\\n“B.”' is one quotation, and so is 'He said, “A.\\n\\n“B.”'
    from the mark that the first paragraph leaves open. Straight marks are read the same way.

    >>> _join_paragraphs('“A.\\n\\n“B.”', [(5, 9)])
    [(0, 9)]
    >>> _join_paragraphs('He said, "A.\\n\\n"B."', [(14, 18)])
    [(9, 18)]
    """
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        while True:
            if joined and joined[-1][1] > start:
                break
            para = text.rfind("\n", 0, start)
            if para < 0 or text[para + 1 : start].strip() or text[start] not in "“\"":
                break
            previous = text.rfind("\n", 0, para)
            while previous >= 0 and not text[previous + 1 : para].strip():
                para = previous
                previous = text.rfind("\n", 0, para)
            opened = _left_open(text[previous + 1 : para], text[start])
            if opened is None or joined and joined[-1][1] > previous + 1 + opened:
                break
            start = previous + 1 + opened
            if opened > 0:
                break  # the run began inside that paragraph, after the reporter's words
        joined.append((start, end))
    return joined


def _left_open(line: str, mark: str) -> int | None:
    """Return where ``line`` opens a quotation it never closes, in the style of ``mark``; None if it closes all."""
    if mark == "“":
        opening, closing = line.rfind("“"), line.rfind("”")
        return opening if opening > closing else None
    marks = [m.start() for m in re.finditer('"', line)]
    if len(marks) % 2 == 0 or (marks[-1] + 1 < len(line) and line[marks[-1] + 1].isspace()):
        return None
    return marks[-1]


def cue_lemma(token: Token) -> str:
    """Return the token's lemma, mended where the tagger's lemma misses a cue ("hoped" → "hop" → "hope")."""
    lemma = token.lemma_.lower()
    if _is_cue_word(lemma):
        return lemma
    return _mended(token.lower_) or lemma


def _mended(word: str) -> str | None:
    """Return the cue an inflected ``word`` is a form of ("hoped" → "hope", "saw" → "see"), or None."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if not word.endswith(("s", "d", "ing")):
        return None
    for cut, add in ((1, ""), (2, ""), (3, ""), (3, "e"), (1, "e"), (3, "y"), (2, "e")):
        guess = word[:-cut] + add
        if len(guess) > 2 and _is_cue_word(guess):
            return guess
    return None


def title_cue(word: str) -> str | None:
    """Return the cue a capitalised third-person verb of a headline is ("Praises" → "praise"), or None.

    >>> title_cue("Endorses"), title_cue("Rescue")
    ('endorse', None)
    """
    lower = word.lower()
    if not lower.endswith("s") or lower.endswith("ss"):
        return None
    for guess in (lower[:-1], lower[:-2], lower[:-3] + "y"):
        if guess in SPEECH_CUES or guess in THOUGHT_CUES or guess in OPINION_CUES or guess in EVALUATION_CUES:
            return guess
    return None


def is_attitude(cue: str) -> bool:
    """Whether a cue states an attitude towards its content (wanting, preferring, seeing as), not its truth.

    >>> is_attitude("wanted"), is_attitude("proposals"), is_attitude("furious"), is_attitude("said"), is_attitude("claim")
    (True, True, True, False, False)
    """
    words = cue.lower().split()
    if not words:
        return False
    word = words[0]
    noun = NOUN_CUES.get(word) or NOUN_CUES.get(word.removesuffix("s"))
    return (noun or word) in ATTITUDE_CUES or _mended(word) in ATTITUDE_CUES


def _is_cue_word(lemma: str) -> bool:
    return any(lemma in lexicon for lexicon in CUE_LEXICONS) or lemma in PREP_CUES


def is_cue_verb(token: Token) -> bool:
    """Whether ``token`` is a reporting verb (or an adjective such as "worried") that can take a content."""
    if token.pos_ == "ADJ":
        return token.lower_ in ADJ_CUES and token.dep_ in ("acomp", "ROOT")
    if token.pos_ not in ("VERB", "AUX") or token.tag_ == "VBN" and token.dep_ == "amod":
        return False
    lemma = cue_lemma(token)
    if lemma in SIDING_CUES:
        near = [c for t in (token, token.head) for c in t.children if c.dep_ == "nsubj"]  # not subject_of: it asks us
        if token.dep_ == "acl" and token.tag_ == "VBG":
            near = [token.head]  # "a group backing the senator", "voters supporting the plan"
        return bool(near) and _holds_views(near[0]) and any(c.dep_ == "dobj" for c in token.children)
    return _is_cue_word(lemma)


def reports_words(token: Token) -> bool:
    """Whether a cue can frame a quotation or a clause it is set in ('“...,” he said', 'A, she thought, B'):
    verbs of saying, thinking and intending can; "referred to", "saw ... as", "knew" cannot."""
    lemma = cue_lemma(token)
    return any(lemma in lexicon for lexicon in (SPEECH_CUES, THOUGHT_CUES, OPINION_CUES, QUOTE_CUES))


def allows_no_source(token: Token) -> bool:
    """Whether a cue may stand without a source: "it was reported that ...", "Asked whether he would run, ..."."""
    if cue_lemma(token) == "ask" and token.tag_ == "VBN":
        return True
    return cue_lemma(token) in NO_SOURCE_CUES and any(c.dep_ == "auxpass" for c in token.children)


def cue_extent(token: Token) -> tuple[int, int]:
    """Return the cue's characters: the verb and a particle right after it ("pointed out")."""
    end = token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return token.idx, end


def is_negated(token: Token) -> bool:
    """Whether the cue is negated: "did not confirm", "declined to confirm", "could not say"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_.lower() in ("decline", "refuse", "fail")


def complement(verb: Token) -> Token | None:
    """Return the head of the verb's clausal content (``ccomp``; ``xcomp`` for directives such as "urged ...")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.dep_ == "mark" and c.lower_ in COORDINATORS - {"as"} for c in verb.children):
        # "A, because he sees B": a subordinate cue does not comment on the main clause the parse hangs on it
        # ("A, as he said" does)
        clauses = [c for c in clauses if c.i > verb.i]
    if clauses:
        return min(clauses, key=lambda c: abs(c.i - verb.i))  # a parse may also hang a clause of the paragraph before
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.i > verb.i:
            for clause in child.children:
                if clause.dep_ in ("acl", "relcl") and has_that(clause) and clause.i > child.i:
                    return clause  # "reassured residents that the town was safe", parsed as the object's clause
    if cue_lemma(verb) in XCOMP_CUES:
        for child in verb.children:
            if child.dep_ == "xcomp":
                return child
    if "for" in PREP_CUES.get(cue_lemma(verb), ()):
        for child in verb.children:
            if child.dep_ == "advcl" and child.i > verb.i and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children):
                return child  # "called for the army to withdraw", parsed as an adverbial clause
    if cue_lemma(verb) in QUESTION_CUES:
        for child in verb.children:
            if child.dep_ == "advcl" and child.i > verb.i and any(c.lower_ in ("if", "whether") for c in child.children):
                return child  # "asked if the road was open", parsed as an adverbial clause
    return _clause_of_medium(verb)


def _clause_of_medium(verb: Token) -> Token | None:
    """Return the "that" clause the parse hangs on the medium of a cue: in "said in a statement that the road
    was open" the clause is what was said, not a description of the statement."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for medium in prep.children:
            if medium.dep_ != "pobj":
                continue
            for clause in medium.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and clause.i > medium.i and has_that(clause):
                    return clause
    return None


def enclosing_quote(span: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that holds ``span`` (allowing the closing mark and comma just outside it)."""
    start, end = span
    for q_start, q_end in quotes:
        if q_start <= start + 1 and end <= q_end + 2 and start < q_end:
            return q_start, q_end
    return None


def adjacent_quote(verb: Token, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that a cue frames: '“...,” X said' or 'X said: “...”'."""
    text = text_of(verb.doc)
    subject = subject_of(verb)
    left = min(verb.idx, mention_chars(subject)[0] if subject is not None else verb.idx)
    right = verb.idx + len(verb.text)
    for q_start, q_end in quotes:
        if q_end <= left and re.fullmatch(r"[ \t,]*", text[q_end:left]):  # a quotation of the paragraph before is not framed
            return _lead_in(verb.doc, q_start), q_end
    after = [q for q in quotes if q[0] >= right and q[0] - right < 120]
    for q_start, q_end in after:
        between = text[right:q_start]
        if re.fullmatch(r"[^.“”\"!?]*[:,]\s*", between) or re.fullmatch(r"\s*", between):
            return q_start, q_end
    return None


def _lead_in(doc: Doc, q_start: int) -> int:
    """Return where a quoted content begins: at its sentence's start when the reporter's words run into the
    quotation ('Yet the town is “calm,” he said' says all of it), else at the quotation mark."""
    span = span_of(doc, q_start, q_start + 1)
    if span is None:
        return q_start
    start = span.sent.start_char
    lead = text_of(doc)[start:q_start]
    return start if re.search(r"[A-Za-z]\s*$", lead) and "\n" not in lead else q_start


def continued_quotes(
    text: str, content: tuple[int, int], cue: tuple[int, int], quotes: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Return the quotations that carry on a quoted content after its cue: '“A,” he said. “B.” “C.”' → B, C.

    The content may open with words of the reporter's: 'Yet he is a “changed man,” she said. “He listens.”'.

    A quotation continues when only the cue's clause stands between it and the content (a quoted name inside
    that clause, such as a show's title, is passed over), or only white space between it and the previous
    continuation.
    """
    if not any(q_end == content[1] for _, q_end in quotes) or not content[1] <= cue[0]:
        return []
    found: list[tuple[int, int]] = []
    last = content[1]
    for q_start, q_end in quotes:
        if q_start < last:
            continue
        between = text[last:q_start]
        if not found and cue[1] <= q_start and not re.search(r"[.!?:][”\"']*\s|\n|[.,:][”\"']*\s*$", between):
            continue  # a quoted name within the cue's sentence: 'he told NBC's “Today” on Monday. “B.”'
        if not found and (len(between) > 200 or not cue[1] <= q_start or not re.search(r"[.,:][”\"']*\s*$", between)):
            break
        if found and not re.fullmatch(r"\s*", between):
            break
        if "\n" in between and _said_after(text, q_end):
            break  # '“A,” he said.\n\n“B,” she replied.': a quotation with words of its own after it is another's
        found.append((q_start, q_end))
        last = q_end
        if len(found) == 3:
            break
    return found


def _said_after(text: str, q_end: int) -> bool:
    """Whether a quotation's paragraph goes on after it (with its own cue: '“B,” she replied.')."""
    rest = text.find("\n", q_end)
    return bool(text[q_end : rest if rest >= 0 else len(text)].strip(" \t\r.,!?”\"'"))


def quoted_paragraphs_after(text: str, content: tuple[int, int], quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the paragraphs after a content that ends its paragraph which are each one quotation and nothing else.

    A reporter who has named a speaker lets the quotation that fills the next paragraph stand without a cue: it
    is the same speaker's ('He said the port would open.\\n\\n“We are ready.”'). A quotation with a cue of its
    own in its paragraph does not fill it, so it is not taken.
    """
    found: list[tuple[int, int]] = []
    last = content[1]
    if not re.fullmatch(r"[\s.,!?”\"]*", text[last : text.find("\n", last) if "\n" in text[last:] else len(text)]):
        return found
    for q_start, q_end in quotes:
        if q_start < last:
            continue
        if "\n" not in text[last:q_start] or text[last:q_start].strip(" \t\r\n.,!?”\""):
            break
        rest = text.find("\n", q_end)
        if text[q_end : rest if rest >= 0 else len(text)].strip():
            break  # '“B,” she said.': the quotation has its own cue
        found.append((q_start, q_end))
        last = q_end
        if len(found) == 3:
            break
    return found


def host_clause(verb: Token) -> Token | None:
    """Return the clause a parenthetical cue comments on: "Troops mutinied, a source said" (said → mutinied).

    A cue with an object of its own after it says that object: in "The mayor left early, citing the heat" the
    heat is what is cited, not the mayor's leaving.
    """
    head = verb.head
    own = object_content(verb)
    if own is not None and own.i > verb.i:
        return None
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ in ("parataxis",) or verb.dep_ in ("ccomp", "advcl") and head.i < verb.i:
        # the comma may hang on a finite cue itself ("A, he added, ..."), never on a participle ("won, claiming ...")
        between = verb.doc[head.i : verb.left_edge.i + (verb.tag_ != "VBG")]
        if any(t.text in (",", "—", "–") for t in between):
            return head
    if verb.dep_ == "parataxis" and head.i > verb.i:
        # "In the three years since, Barden says, far too many lives have been lost": the cue sits inside its host
        doc = verb.doc
        inside = [t.i for t in verb.subtree if not t.is_punct]
        before, after = min(inside) - 1, max(inside) + 1
        if before >= 0 and after < len(doc) and doc[before].text in (",", "—", "–") and doc[after].text in (",", "—", "–"):
            return head
    return head if _as_aside(verb) else None


def _as_aside(verb: Token) -> bool:
    """Whether a cue is an "as" clause set before the clause it vouches for: "As the paper reported, the talks
    failed", "As police noted, the road was shut"."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and head.i > verb.i
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" and c.i < verb.i for c in verb.children)
    )


def continuation_end(verb: Token, content: tuple[int, int]) -> int | None:
    """Return where a content resumes and ends after a cue set inside it, or None: in "The plan would help,
    she said, by cutting costs" the cue parts one content, whose second half the parse hangs on the cue.

    The second half follows a comma after the cue and opens with a word that carries a clause on ("but",
    "because", "by", "including"); a participle or another cue after the comma ("..., he said, adding that ...")
    is the reporter's, not part of the content.
    """
    doc = verb.doc
    if content[1] > verb.idx:
        return None
    right = [c for c in verb.children if c.i > verb.i and not c.is_punct and c.dep_ not in ("npadvmod", "advmod", "prt")]
    if not right:
        return None
    first = min(right, key=lambda c: c.i)
    start = first.left_edge
    marks = doc[verb.i + 1 : start.i]
    # "A, he added, but B" or, with the quotation reopened, "A, he added, “but B”"
    if not any(t.text == "," for t in marks) or not all(t.is_punct for t in marks) or start.lower_ not in CONTINUERS:
        return None
    if any(is_cue_verb(t) or t.tag_ == "VBG" and t.head.i == verb.i for t in right):
        return None
    return clause_end(verb.sent, start.idx)


def naming_content(verb: Token) -> tuple[Token, Token] | None:
    """Return the first and last tokens of what a naming cue says: "called the show “the news show of record”".

    "call", "label", "dub" with an object and an object predicate state an opinion about the object.
    """
    if cue_lemma(verb) not in NAMING_CUES and verb.lemma_.lower() not in NAMING_CUES:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i]
    if not objects:
        return None
    if not predicates:
        text = text_of(verb.doc)
        predicates = [
            c
            for c in objects[0].children
            if c.dep_ == "oprd"
            or c.dep_ == "appos" and re.search("[“\"]", text[objects[0].idx : c.left_edge.idx])  # called X “Y”
        ]
    if not predicates:
        # "calls her “a fine woman”", parsed with "her" inside the object: a quotation in the object names it
        quoted = re.search("[“\"]", text_of(verb.doc)[objects[0].left_edge.idx : objects[0].right_edge.idx + 1])
        return (objects[0].left_edge, objects[0].right_edge) if quoted else None
    return objects[0].left_edge, predicates[-1].right_edge


def object_content(verb: Token) -> Token | None:
    """Return a nominal content: "confirmed the attack", "called for calm", "warned of attacks", "sees him as ...".

    Cues of knowing take none ("knew him" says nothing).
    """
    lemma = cue_lemma(verb)
    preps = ADJ_PREPS if verb.pos_ == "ADJ" else PREP_CUES.get(lemma, ())
    for child in verb.children:
        if child.dep_ in ("dobj", "advmod", "intj") and child.lower_ in ANSWERS and child.i > verb.i and lemma in SPEECH_CUES:
            return child  # "said so", "said no", "said the same"
        if child.dep_ == "dobj" and child.lower_ not in ("what", "it", "this", "that"):
            if lemma in OBJECT_CUES or lemma in EVALUATION_CUES or lemma in PERCEPTION_CUES and _seen_as(verb, child):
                return None if _interrogated(lemma, child) else child
        if child.dep_ == "prep" and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _interrogated(lemma: str, obj: Token) -> bool:
    """Whether "question" has a person for its object: "police questioned the suspects" is an interrogation,
    an act; "the senator questioned the deal" doubts the deal."""
    if lemma != "question":
        return False
    person = obj.pos_ == "PRON" or is_sentient(obj) or bool(obj.ent_type_) or obj.lemma_.lower() in _HELD
    return person or WITNESS.fullmatch(obj.text) is not None


_HELD = frozenset({"suspect", "detainee", "prisoner", "captive", "driver", "passenger"})


def _seen_as(verb: Token, obj: Token) -> bool:
    """Whether the object is seen as something: an "as" phrase on the verb or on the object, or a predicate."""
    return any(
        c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" or _as_clause(c) for c in (*verb.children, *obj.children)
    )


def _as_clause(token: Token) -> bool:
    """Whether a clause is an "as" predicate the parse hangs on the verb: "sees him as captured by ...", "sees the
    plan as most unfair"."""
    return token.dep_ == "advcl" and token.left_edge.lower_ == "as" and token.left_edge.dep_ in ("mark", "advmod")


def object_chars(verb: Token, obj: Token) -> tuple[int, int]:
    """Return the characters of a nominal content with the verb's complements after it.

    What is said about the object is part of the content: "accused him of lying", "urged the army to withdraw",
    "called it a crime", "a poll shows Smith leading".
    """
    start, end = subtree_chars(obj, exclude=trailing_aside(obj))
    if obj.dep_ not in ("pobj", "dobj"):
        return start, end
    doc = verb.doc
    for child in verb.children:
        if child.i <= obj.i or doc[child.left_edge.i - 1].text in (",", "—", "–", ";", ":"):
            continue  # what follows a comma is the reporter's ("praised the army, adding ...")
        # "called for the minister to resign", "accused him of lying", "criticised his call for a truce"
        # after a prepositional object, "for", "about" and "to" say how long or to whom ("talked about X for an hour");
        # after a direct object, "in" says how or in what the object stands ("backed her bid in large numbers")
        preps = ARGUMENT_PREPS | {"in"} if obj.dep_ == "dobj" else ARGUMENT_PREPS - {"for", "about", "to"}
        if child.dep_ == "prep" and child.lower_ == "in" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "endorsed the plan in March": when is the reporter's
        if child.dep_ in OBJECT_COMPLEMENTS or child.dep_ == "advcl" and (_to_clause(child) or _as_clause(child)) or child.dep_ == "prep" and child.lower_ in preps:
            end = max(end, subtree_chars(child)[1])
        elif _coordinated_with(obj, child):
            end = max(end, subtree_chars(child)[1])
    return start, end


def _coordinated_with(obj: Token, clause: Token) -> bool:
    """Whether a clause the parse hangs on the verb is a second object joined to the first by its closing "and"
    or "or": "talked about the border and how migrants cross it"."""
    doc = obj.doc
    before = doc[clause.left_edge.i - 1]
    return (
        clause.dep_ in ("advcl", "ccomp", "conj", "dep")
        and before.dep_ == "cc"
        and before.head.i == obj.i
        and before.i == max(t.i for t in obj.subtree)
    )


def _to_clause(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def agent_before(verb: Token, clause: Token) -> Token | None:
    """Return who is to act in a directive: the object between the cue and its "to" clause ("urged the army to
    leave", "called for a prosecutor to investigate"), or None."""
    for child in verb.children:
        if verb.i < child.i < clause.i:
            if child.dep_ in ("dobj", "dative"):
                return child
            if child.dep_ == "prep" and child.lower_ in ("for", "on", "upon"):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def is_sentient(token: Token | None) -> bool:
    """Whether a subject can hold a view: a personal pronoun, a person, group or country, or a known kind of source.

    "The minister" and "they" can; "the decision" cannot.
    """
    if token is None:
        return False
    if token.lower_ in PERSONAL or token.pos_ == "NOUN" and token.lemma_.lower() in PEOPLE:
        return True
    return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or classify_source(token.text) is not None


def _holds_views(token: Token) -> bool:
    """Whether a subject can side with something: a mind (``is_sentient``), or a share of people ("most voters",
    "three-quarters", "a majority of Republicans", "19 percent of students"), whose "of" phrase, if any, names minds."""
    if is_sentient(token):
        return True
    if token.lemma_.lower() not in SHARES and not any(part in SHARES for part in token.lower_.split("-")):
        return False
    members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return not members or is_sentient(members[0])


def has_that(clause: Token) -> bool:
    """Whether a clause is introduced by "that"."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def subject_of(verb: Token) -> Token | None:
    """Return the verb's source: its subject, a shared subject ("confirmed ... but said"), or the noun a
    relative clause modifies ("the minister, who said ...").

    Of two subjects (a parse that takes a list inside the quotation for one), the nearer to the verb is its source.
    """
    subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: abs(c.i - verb.i))
    for child in subjects[:1]:
        if child.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return child
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ in ("ccomp", "xcomp") and is_cue_verb(verb) and is_cue_verb(head.head):
        return subject_of(head.head)  # "telling them that X and questioning Y": the teller questions
    if verb.dep_ == "acomp" or verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head) if verb.head is not verb else None
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head is not verb:
        return subject_of(verb.head)
    if verb.tag_ == "VB" and verb.head is not verb and _subject_controls(verb):
        return subject_of(verb.head)  # "went after him to demand ...", "used the speech to call for ...": the subject does it
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "Bolton distanced himself by saying ...": Bolton says
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a statement saying ...", "Hispanics telling their stories"
    return None


def _subject_controls(verb: Token) -> bool:
    """Whether a bare "to" clause is done by its head's subject: a purpose clause ("went there to call for ...") or
    the complement of a verb without an object ("declined to say"); not "urged the army to say", whose object does."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return True
    # a passive head ("was said to be furious") is a passive cue, whose claim holds the clause
    return verb.dep_ == "xcomp" and not any(c.dep_ in ("dobj", "dative", "auxpass") for c in verb.head.children)


def conjuncts(token: Token) -> list[Token]:
    """Return the nouns coordinated with ``token`` after it ("residents and security sources")."""
    return [t for t in token.conjuncts if t.i > token.i and t.pos_ in ("NOUN", "PROPN", "PRON")]


def mention_chars(head: Token, *, without: Token | None = None) -> tuple[int, int]:
    """Return a mention's characters: the head's subtree without coordinated nouns (nor the cue ``without`` when
    it modifies the head: "a statement saying ..."), trimmed of punctuation."""
    tokens = [head]
    for child in head.children:
        if without is not None and child.i == without.i or child.dep_ in ("conj", "cc") or child.dep_ == "punct" and child.i > head.i and _after_conj(head, child):
            continue
        if child.dep_ in ("ccomp", "parataxis") and child.i < head.i or child.dep_ == "punct" and child.i < head.i and child.text in _QUOTE_MARKS:
            continue  # a quotation the parse hangs on its speaker's name is no part of the name
        tokens.extend(child.subtree)
    tokens = [t for t in tokens if not (t.dep_ in ("conj", "cc") and t.head.i == head.i)]
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    if without is not None and without.head.i == head.i and without.i > head.i:
        last = min(last, without.left_edge.i - 1)  # "Smith, who endorsed X, ...": the name ends before its cue
    doc = head.doc
    if without is not None and without.i > head.i and without.head.i != head.i and head.is_ancestor(without):
        last = min(last, _before_cue_branch(head, without))
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    for i in range(head.i - 1, first - 1, -1):
        if "\n" in doc[i].text:  # a parse that runs over a line break: "10:10 a.m.\n\nJeb Bush"
            first = i + 1
            break
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _before_cue_branch(head: Token, cue: Token) -> int:
    """Return the last token of a mention before the branch that holds its cue deeper down: "a man who left the
    city hoping ..." ends before its relative clause, "Smith, who campaigned and endorsed ..." too; the cue's
    content is never part of who holds it."""
    doc = head.doc
    branch = next(c for c in head.children if c.i == cue.i or c.is_ancestor(cue))
    last = (branch.left_edge.i if branch.dep_ in ("relcl", "acl") else cue.left_edge.i) - 1
    while last > head.i and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    return last


def _after_conj(head: Token, punct: Token) -> bool:
    return any(c.dep_ == "conj" and c.i > punct.i for c in head.children)


def left_coordinated(subject: Token) -> Token | None:
    """Return a noun joined to the subject from the left that the parser attached elsewhere.

    "... as the Norwegian Embassy and a security source said" is often parsed with the embassy as the object
    of "as"; it is a second source of "said".
    """
    doc = subject.doc
    first = subject.left_edge.i
    if first < 2 or doc[first - 1].lower_ != "and":
        return None
    noun = doc[first - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    return noun if noun.head.lower_ in COORDINATORS else None


def subtree_chars(token: Token, *, exclude: Sequence[Token] = ()) -> tuple[int, int]:
    """Return the characters of ``token``'s subtree, without the subtrees of ``exclude``, trimmed of punctuation.

    Only the contiguous stretch around ``token`` is kept, so a parenthetical cue in the middle cuts the span.
    """
    skip = {t.i for ex in exclude for t in ex.subtree}
    indices = sorted(t.i for t in token.subtree if t.i not in skip)
    lo = hi = indices.index(token.i)
    while lo > 0 and indices[lo - 1] == indices[lo] - 1:
        lo -= 1
    while hi < len(indices) - 1 and indices[hi + 1] == indices[hi] + 1:
        hi += 1
    doc = token.doc
    first, last = indices[lo], indices[hi]
    while last > first and (
        doc[last].is_punct and doc[last].text not in ("”", '"') or doc[last].is_space or doc[last].dep_ == "cc"
    ):
        last -= 1
    while first < last and (doc[first].is_punct and doc[first].text not in ("“", '"') or doc[first].is_space):
        first += 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def trailing_cues(head: Token) -> list[Token]:
    """Return the cues coordinated after a content's head, with their conjunction and comma: in "telling them
    that X and questioning how Y" the parse hangs "questioning" on X, but it is a cue of its own. A conjunct
    with its own "that" is more content ("said she was sorry and that she wanted to move on"), and so is one with
    its own subject, which reports a second source inside the first's words ("said A and the rebels claimed B"), and
    so is one in the form of the content's verb rather than the cue's ("says he would meet them and tell them ...")."""
    cues = [
        c
        for c in head.children
        if c.dep_ == "conj" and c.i > head.i and is_cue_verb(c) and reports_words(c) and not has_that(c)
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and not (c.tag_ == head.tag_ != head.head.tag_)
    ]
    if not cues:
        return []
    first = min(c.left_edge.i for c in cues)
    return [*cues, *(c for c in head.children if c.dep_ in ("cc", "punct") and first - 3 < c.i < first)]


def trailing_aside(head: Token) -> list[Token]:
    """Return a comment set after a comma at the end of a content, with its comma: in "said he backed Smith, who
    won", "said they met in Gao, where the talks began" or "said he met Smith, the party's leader", the words
    on Smith or Gao are the reporter's, not the speaker's."""
    doc = head.doc
    tokens = sorted(head.subtree, key=lambda t: t.i)
    last = tokens[-1].i
    while last > head.i and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in ("”", '"'):
        last -= 1
    for token in tokens:
        if max(t.i for t in token.subtree) < last or token.left_edge.i == 0 or token.i <= head.i:
            continue
        comma = doc[token.left_edge.i - 1]
        if comma.text not in (",", "—", "–"):
            continue
        if token.dep_ == "relcl" and token.left_edge.lower_ in ("who", "which", "whose", "where", "when"):
            return [token, comma]
        if token.dep_ == "appos" and token.head.pos_ in ("PROPN", "NOUN") and _describes(token):
            return [token, comma]
        if _closing_participle(token):
            return [token, comma]
    return []


_CONDITIONS = frozenset({"because", "if", "unless", "since", "although", "though", "once", "until"})


def trailing_condition(verb: Token, span: tuple[int, int]) -> int:
    """Return where a content ends with the clause of condition or reason that the parse hangs on its cue after it.

    In "said it would pay because the law required it" or "promised to act should he win", the parse may take
    the "because" or "should" clause for the verb's own; it qualifies what was said, so it is part of the content.
    A clause set off by a comma is left alone: it may be the reporter's ("said so, because ...").
    """
    text = text_of(verb.doc)
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i or child.left_edge.idx < span[1] or _closing_participle(child):
            continue
        first = child.left_edge
        inverted = first.lower_ in ("should", "had", "were") and first.dep_ == "aux"
        if first.lower_ not in _CONDITIONS and not inverted:
            continue
        if text[span[1] : first.idx].strip():
            continue
        return subtree_chars(child)[1]
    return span[1]


def _closing_participle(token: Token) -> bool:
    """Whether a clause set off at the end of a content is a participle the reporter adds on the speaker or the
    scene ("said taxes would fall, putting him at odds with ...", "— asserting that ..."); "including" and
    "according" are prepositions in all but form."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("advcl", "xcomp", "conj")
        and token.left_edge.i == token.i
        and token.lower_ not in ("including", "according", "excluding", "regarding", "concerning")
    )


def _describes(appos: Token) -> bool:
    """Whether an apposition describes its noun ("Smith, the party's leader") rather than being the next item of
    a list the parse took for one ("Smith, Jones and Brown")."""
    words = list(appos.subtree)
    return words[0].lower_ in ("a", "an", "the") and not any(t.dep_ == "cc" for t in words)


def sentence_minus(sent: Span, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """Return the larger side of a sentence around a token range ("..., according to X." → the part before)."""
    doc = sent.doc
    before = (sent.start, phrase[0])
    after = (phrase[1] + 1, sent.end)
    side = before if before[1] - before[0] >= after[1] - after[0] else after
    if side[1] <= side[0]:
        return None
    first, last = side[0], side[1] - 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if doc[first].is_punct:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def clause_end(sent: Span, pos: int) -> int:
    """Return where the clause that continues at ``pos`` ends: the sentence end, less closing punctuation."""
    text = text_of(sent.doc)
    end = sent.end_char
    while end > pos and (text[end - 1].isspace() or text[end - 1] in ".!?;"):
        end -= 1
    return end


def trim_chars(text: str, start: int, end: int, *, punct: bool = False) -> tuple[int, int]:
    """Return ``(start, end)`` without surrounding whitespace (and quotation marks and commas when ``punct``)."""
    strip = " \t\r\n" + ("“”\",;:" if punct else "")
    while start < end and (text[start].isspace() or text[start] in strip):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
        end -= 1
    return start, end


def _core(text: str) -> str:
    return CORE_CUT.split(text, maxsplit=1)[0]


def classify_source(text: str, *, outlet: str | None = None) -> str | None:
    """Return the kind of a source mention as a ``SourceKind`` value, or None.

    The mention's core (before "of", "who", a comma ...) decides; anonymity anywhere in it wins.

    >>> classify_source("A source who handles security for non-governmental organisations in Mali")
    'anonymous'
    >>> classify_source("Opponents of the current president")
    """
    if outlet and text.strip().lower() == outlet.strip().lower():
        return "media"
    if ANONYMOUS.search(text):
        return "anonymous"
    core = _core(text)
    if SPOKES.search(core):
        rest = text[len(core) :]
        for pattern, kind in ((ORGANISATION, "organisation"), (MEDIA, "media")):
            if pattern.search(rest):
                return kind
        return "official"
    for pattern, kind in (
        (WITNESS, "witness"),
        (ORGANISATION, "organisation"),
        (OFFICIAL, "official"),
        (MEDIA, "media"),
    ):
        if pattern.search(core):
            return kind
    return None


def is_plural(mention: str) -> bool:
    """Whether a mention names several ("security sources", "residents") rather than one.

    >>> is_plural("Local residents"), is_plural("the Norwegian Embassy")
    (True, False)
    """
    head = head_word(mention)
    if head is None:
        return False
    lower = head.lower()
    return lower in ("police", "people", "authorities", "they") or lower.endswith("s") and not lower.endswith("ss")


def head_word(mention: str) -> str | None:
    """Return the last word of a mention's core: "the French Embassy in Bamako" → "Embassy"."""
    words = re.findall(r"[A-Za-z][\w'’-]*", _core(mention))
    return words[-1] if words else None


def place_in(doc: Doc, start: int, end: int) -> str | None:
    """Return the first place named inside ``[start, end)``: a GPE/LOC entity or "in/to (the city of) X"."""
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and start <= ent.start_char and ent.end_char <= end:
            return str(ent.text)
    match = re.search(
        r"\b(?:in|to|from|around|near|across)\s+(?:the\s+(?:city|town|capital|region|area|district|province)\s+of\s+)?"
        r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)",
        text_of(doc)[start:end],
    )
    return match.group(1) if match else None


def content_stems(text: str) -> set[str]:
    """Return rough stems (first five letters) of the content words of ``text``, for overlap tests."""
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in STOP}
