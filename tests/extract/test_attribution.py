"""Tests for extract/attribution.py: quotation spans, cue lexicons, hedges, advice and source classification."""

from __future__ import annotations

import pytest

from conftest import needs_model
from tocsin.extract.attribution import classify_source, head_word, is_plural, quote_spans
from tocsin.extract.cues import ADVICE, HEDGE_WORDS


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said: \u201cYes. No.\u201d", ["\u201cYes. No.\u201d"]),
        ('"One," she said, "two."', ['"One,"', '"two."']),
        ("No quotation here.", []),
        ('a 5" screen. "One," he said. "Two."', ['"One,"', '"Two."']),
        ("''One,'' he said. ''Two.''", ["''One,''", "''Two.''"]),
    ],
    ids=["curly-across-sentences", "straight-pair", "none", "stray-mark-pairs-nothing", "two-apostrophes"],
)
def test_attribution_quote_spans(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quotes


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("Norwegians should exercise caution and preferably stay at home", True),
        ("it is immediately recommended to remain at home", True),
        ("citizens should avoid travel to the north", True),
        ("residents were told to shelter in place", True),
        ("the minister stayed in the capital", False),
    ],
    ids=["caution", "remain-home", "avoid-travel", "shelter", "not-advice"],
)
def test_attribution_advice_phrases(text: str, advice: bool) -> None:
    assert bool(ADVICE.search(text)) is advice


@pytest.mark.parametrize(
    ("text", "hedged"),
    [("a possible mutiny", True), ("he did not have any further information", True), ("troops fired", False)],
    ids=["possible", "no-information", "plain"],
)
def test_attribution_hedge_words(text: str, hedged: bool) -> None:
    assert bool(HEDGE_WORDS.search(text)) is hedged


def test_attribution_classify_source_anonymity_wins() -> None:
    assert classify_source("a police officer who spoke on condition of anonymity") == "anonymous"


def test_attribution_head_word_and_number() -> None:
    assert head_word("the French Embassy in Bamako") == "Embassy"
    assert is_plural("security sources") and not is_plural("a security source")


@needs_model
def test_attribution_cue_lemma_mends_tagger_lemma() -> None:
    from tocsin import nlp
    from tocsin.extract.attribution import cue_lemma, is_cue_verb

    doc = nlp.parse("Keita had hoped that the talks would help.")
    hoped = doc[2]
    assert cue_lemma(hoped) == "hope"
    assert is_cue_verb(hoped)


def test_attribution_quote_spans_join_paragraphs_without_closing_marks() -> None:
    text = "He said:\n\n“A is so.\n\n“B is so.”\n\n“C.”"
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["“A is so.\n\n“B is so.”", "“C.”"]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("\u201cFine,\u201d she said. \u201cThe ferry runs.\n\n\u201cThe bridge is shut.\u201d",
         ["\u201cFine,\u201d", "\u201cThe ferry runs.\n\n\u201cThe bridge is shut.\u201d"]),
        ('The mayor said, "The ferry runs.\n\n"The bridge is shut."', ['"The ferry runs.\n\n"The bridge is shut."']),
        ("\u201cFine.\u201d\n\n\u201cThe bridge is shut.\u201d", ["\u201cFine.\u201d", "\u201cThe bridge is shut.\u201d"]),
    ],
    ids=["left-open-after-a-cue", "straight-marks", "closed-paragraph-stays-apart"],
)  # fmt: skip
def test_attribution_quote_spans_join_a_quotation_left_open_mid_paragraph(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quotes


def test_attribution_complement_is_the_nearest_clause() -> None:
    from spacy.tokens import Doc

    from tocsin import nlp
    from tocsin.extract.attribution import complement

    # a parse that also hangs the paragraph before on "said": "Talks failed. \n\n He said it works."
    words = ["Talks", "failed", ".", "\n\n", "He", "said", "it", "works", "."]
    heads = [1, 5, 1, 2, 5, 5, 7, 5, 5]
    deps = ["nsubj", "ccomp", "punct", "dep", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.blank().vocab, words=words, heads=heads, deps=deps)
    clause = complement(doc[5])
    assert clause is not None and clause.text == "works"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('He said: \u201cWe are ready." Then he left.', ['\u201cWe are ready."']),
        ('She said: "The road is open.\u201d Nobody believed it.', ['"The road is open.\u201d']),
        ('\u201cYes,\u201d he said. "No."', ["\u201cYes,\u201d", '"No."']),
    ],
)
def test_attribution_quote_spans_with_mixed_marks(text: str, quotes: list[str]) -> None:
    assert [text[start:end] for start, end in quote_spans(text)] == quotes
