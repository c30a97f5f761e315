"""Tests for nlp.py: the one place that loads the language pipeline and reads a Doc's text."""

from __future__ import annotations

from tocsin import nlp


def test_text_of_gives_the_doc_text_and_keeps_it() -> None:
    doc = nlp.blank()("Gunfire was heard in Kati.  Residents stayed home.")
    assert nlp.text_of(doc) == doc.text
    assert nlp.text_of(doc) is nlp.text_of(doc)  # built once, not rebuilt from the tokens on every call
