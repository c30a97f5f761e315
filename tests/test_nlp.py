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
