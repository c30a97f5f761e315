"""Tests for nlp.py: the one place that loads the language pipeline and reads a Doc's text."""

from __future__ import annotations

from conftest import needs_model
from tocsin import nlp


def test_text_of_gives_the_doc_text_and_keeps_it() -> None:
    doc = nlp.blank()("Gunfire was heard in Kati.  Residents stayed home.")
    assert nlp.text_of(doc) == doc.text
    assert nlp.text_of(doc) is nlp.text_of(doc)  # built once, not rebuilt from the tokens on every call


@needs_model
def test_a_blank_line_ends_a_sentence() -> None:
    # A headline with no full stop, then the story: the parser alone may read them as one sentence.
    doc = nlp.parse("Militants attack convoy near Gao\n\nGunmen fired on a supply convoy on Sunday, officials said.")
    assert [s.text.strip() for s in doc.sents] == [
        "Militants attack convoy near Gao", "Gunmen fired on a supply convoy on Sunday, officials said."]
    assert "tocsin_paragraph_breaks" in nlp.load().pipe_names


def test_span_of_gives_the_tokens_a_character_range_touches_or_none() -> None:
    text = "Gunmen attacked Kati on Sunday."
    doc = nlp.blank()(text)
    attacked = text.index("attacked")
    assert nlp.span_of(doc, attacked, attacked + 8).text == "attacked"
    # a range that cuts into words takes the whole of each word it touches
    assert nlp.span_of(doc, attacked + 3, text.index("Kati") + 2).text == "attacked Kati"
    # only the space after a word, an empty range at a word's start, a range past the end: no tokens
    assert nlp.span_of(doc, attacked + 8, attacked + 9) is None
    assert nlp.span_of(doc, attacked, attacked) is None
    assert nlp.span_of(doc, len(text) + 5, len(text) + 9) is None
