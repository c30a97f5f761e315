"""Tests for extract/time.py and its tagger (timex_rules, timex_values, timex_calendar)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import make_article, needs_model
from tocsin.extract import time
from tocsin.extract.timex_rules import tag
from tocsin.model import Event, TimeExpr

DCT = dt.date(2020, 8, 18)  # a Tuesday
TODAY = dt.date(2026, 11, 27)

VALUES = [
    ("Gunfire was heard on Tuesday.", "Tuesday", "DATE", "2020-08-18"),
    ("They met on Thursday.", "Thursday", "DATE", "2020-08-13"),
    ("They will meet on Thursday.", "Thursday", "DATE", "2020-08-20"),
    ("He left last Tuesday.", "last Tuesday", "DATE", "2020-08-11"),
    ("Shots rang out this morning.", "this morning", "TIME", "2020-08-18TMO"),
    ("Shots rang out on Thursday morning.", "Thursday morning", "TIME", "2020-08-13TMO"),
    ("It happened last week.", "last week", "DATE", "2020-W33"),
    ("It happens this week.", "this week", "DATE", "2020-W34"),
    ("Protests have gone on since June.", "June", "DATE", "2020-06"),
    ("The talks will resume in October.", "October", "DATE", "2020-10"),
    ("The talks collapsed in November.", "November", "DATE", "2019-11"),
    ("He said it would pay on Dec. 15.", "Dec. 15", "DATE", "2020-12-15"),
    ("a mutiny in 2012", "2012", "DATE", "2012"),
    ("The 2012 mutiny led to a coup.", "2012", "DATE", "2012"),
    ("He was freed two days ago.", "two days ago", "DATE", "2020-08-16"),
    ("about three years ago", "three years ago", "DATE", "2017"),
    ("It grew over the past decade.", "the past decade", "DURATION", "P10Y"),
    ("The siege lasted a month.", "a month", "DURATION", "P1M"),
    ("for the last twenty four hours", "the last twenty four hours", "DURATION", "PT24H"),
    ("a five-year low", "five-year", "DURATION", "P5Y"),
    ("for years", "years", "DURATION", "PXY"),
    ("in recent years", "recent years", "DURATION", "PXY"),
    ("Profit fell in the third quarter from a year earlier.", "a year earlier", "DATE", "2019-Q3"),
    ("Crowds gather every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
    ("The report appears annually.", "annually", "SET", "P1Y"),
    ("It is now calm.", "now", "DATE", "PRESENT_REF"),
    ("The town is currently calm.", "currently", "DATE", "PRESENT_REF"),
    ("It was attacked on Aug. 18, 2019.", "Aug. 18, 2019", "DATE", "2019-08-18"),
    ("It was attacked on 18 August 2020.", "18 August 2020", "DATE", "2020-08-18"),
    ("on 2020-08-17", "2020-08-17", "DATE", "2020-08-17"),
    ("It opened on Thursday, Aug. 18, 2022.", "Thursday, Aug. 18, 2022", "DATE", "2022-08-18"),
    ("It fell in early June.", "early June", "DATE", "2020-06"),
    ("Earnings rose in the third quarter.", "the third quarter", "DATE", "2020-Q3"),
    ("the first quarter of 1997", "the first quarter of 1997", "DATE", "1997-Q1"),
    ("fiscal 1998", "fiscal 1998", "DATE", "1998"),
    ("in the 1990s", "the 1990s", "DATE", "199"),
    ("The office reopens after Christmas.", "Christmas", "DATE", "2020-12-25"),
    ("Fighting paused during Ramadan.", "Ramadan", "DATE", "2020-04"),
    ("The curfew starts at 9 p.m.", "9 p.m.", "TIME", "2020-08-18T21:00"),
    ("The attack began at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2020-08-12T22:00"),
    ("Rebels entered the town on Aug. 15. Shooting started at 6 a.m.", "6 a.m.", "TIME", "2020-08-15T06:00"),
    ("yesterday", "yesterday", "DATE", "2020-08-17"),
    ("The dam broke on May 2, 2011. The following month, the town emptied.", "The following month", "DATE", "2011-06"),
    ("The dam broke on May 2, 2011. Later that year, the town emptied.", "Later that year", "DATE", "2011"),
    ("The dam broke on May 2, 2011. The next morning, the town emptied.", "The next morning", "TIME",
     "2011-05-03TMO"),
    ("The dam broke in 2011. That day, the town emptied.", "That day", "DATE", "2020-08-18"),
    ("He was shot dead last Oct. 23 at home.", "Oct. 23", "DATE", "2019-10-23"),
    ("The convoy leaves at 5 in the morning.", "5 in the morning", "TIME", "2020-08-18T05:00"),
    ("The talks resume at 7 in the evening.", "7 in the evening", "TIME", "2020-08-18T19:00"),
    ("a 19th century fort", "19th century", "DATE", "18"),
    ("The mission will stay for three more months.", "three more months", "DURATION", "P3M"),
    ("It runs for an additional year.", "an additional year", "DURATION", "P1Y"),
    ("Prices may climb in the near term.", "the near term", "DATE", "FUTURE_REF"),
    ("Gunmen seized him on March 3, 2019. Two days later he was freed.", "Two days later", "DATE", "2019-03-05"),
    ("The strike began in May 2018. Three months later it ended.", "Three months later", "DATE", "2018-08"),
    ("The strike began on May 4, 2018. A week later it ended.", "A week later", "DATE", "2018-W19"),
    ("The hearing was put off to a later date.", "a later date", "DATE", "FUTURE_REF"),
    ("The sale should close by year's end.", "year's end", "DATE", "2020"),
    ("Pilgrims walk to the shrine each July.", "each July", "SET", "XXXX-07"),
    ("He moved out a week or so ago.", "a week or so ago", "DATE", "2020-W33"),
    ("Shares closed lower on Friday, Aug. 14, than the previous Friday.", "the previous Friday", "DATE",
     "2020-08-07"),
    ("The market closed on Aug. 10; by the following Thursday it had recovered.", "the following Thursday", "DATE",
     "2020-08-13"),
    ("It rained last night.", "last night", "TIME", "2020-08-17TNI"),
    ("It was quiet over the weekend.", "the weekend", "DATE", "2020-W33-WE"),
    ("earlier this month", "this month", "DATE", "2020-08"),
    ("It ends at the end of the year.", "the end of the year", "DATE", "2020"),
    ("in the nineties", "the nineties", "DATE", "199"),
    ("in nineteen ninety-six", "nineteen ninety-six", "DATE", "1996"),
    ("It fell for the nine months.", "the nine months", "DURATION", "P9M"),
    ("Prices rose over the past 20 years.", "the past 20 years", "DURATION", "P20Y"),
    ("last summer", "last summer", "DATE", "2019-SU"),
    ("He served 2 1/2 years in jail.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The siege lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("It took half an hour.", "half an hour", "DURATION", "PT30M"),
    ("It went on for a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"),
    ("The group could leave as early as Tuesday.", "Tuesday", "DATE", "2020-08-25"),
    ("The stock rose from Thursday's closing price.", "Thursday", "DATE", "2020-08-13"),
    ("The loan was to be repaid by February.", "February", "DATE", "2021-02"),
    ("Sales rose this year through June.", "June", "DATE", "2020-06"),
    ("Ratification began in February this year.", "February this year", "DATE", "2020-02"),
]


@pytest.mark.parametrize(("text", "extent", "kind", "value"), VALUES, ids=[v[1] + "|" + v[3] for v in VALUES])
def test_time_tag_extent_type_value(text: str, extent: str, kind: str, value: str) -> None:
    found = [t for t in tag(text, DCT) if t.text == extent]
    assert found, [t.text for t in tag(text, DCT)]
    assert (found[0].type, found[0].value) == (kind, value)
    assert text[found[0].start:found[0].end] == extent


NOT_TIMES = [
    "About 2000 people marched.",
    "He may go home.",
    "It contributed to the fall of northern Mali.",
    "A three-year-old boy was hurt.",
    "The bill costs 1,998 dollars.",
    "Thousands joined the annual March for Peace in the capital.",
    "The party daily Pravda printed the letter.",
    "The index closed at 2014.6 points.",
]


@pytest.mark.parametrize("text", NOT_TIMES, ids=NOT_TIMES)
def test_time_tag_ignores_non_times(text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("on Tuesday", "XXXX-WXX-2"), ("on Aug. 18", "XXXX-08-18"), ("in 2012", "2012"), ("last week", None),
     ("two years", "P2Y")],
    ids=["weekday", "month-day", "year", "relative", "duration"],
)
def test_time_tag_without_anchor_keeps_only_absolute(text: str, value: str | None) -> None:
    (found,) = tag(text, None)
    assert found.value == value


def test_time_find_times_seed(seed_text: str) -> None:
    from tocsin import nlp

    article = make_article(seed_text)
    found = {t.text: t.value for t in time.find_times(nlp.blank()(seed_text), article)}
    assert found["Tuesday"] == "2020-08-18"
    assert found["2012"] == "2012"
    assert found["June"] == "2020-06"
    assert found["this morning"] == "2020-08-18TMO"
    assert found["Aug. 18"] == "2020-08-18"
    assert found["Thursday morning"] == "2020-08-13TMO"


def test_time_find_times_offsets_slice_text(seed_text: str) -> None:
    from tocsin import nlp

    article = make_article(seed_text)
    for expr in time.find_times(nlp.blank()(seed_text), article):
        assert seed_text[expr.start:expr.end] == expr.text


# --- publication date ----------------------------------------------------------------------------------------------
def test_time_infer_published_keeps_given(seed_text: str) -> None:
    article = make_article(seed_text, published="2020-08-18")
    assert time.infer_published(article, today=TODAY) is article


def test_time_infer_published_seed_candidates(seed_text: str) -> None:
    article = time.infer_published(make_article(seed_text, published=None), today=TODAY)
    assert article.published_source == "inferred"
    assert {"2015-08-18", "2020-08-18", "2026-08-18"} <= set(article.published_candidates)
    assert article.published in article.published_candidates
    assert article.published != TODAY.isoformat()
    assert "Tuesday" in (article.published_reason or "")


def test_time_infer_published_never_after_today(seed_text: str) -> None:
    article = time.infer_published(make_article(seed_text, published=None), today=dt.date(2021, 1, 1))
    assert article.published == "2020-08-18"
    assert "2026-08-18" not in article.published_candidates


@pytest.mark.parametrize(
    ("text", "source", "published"),
    [("KABUL, Aug. 3, 2021 (AP) - A blast hit the city.", "inferred", "2021-08-03"),
     ("Police said on Friday, March 5, that the road was shut.", "inferred", "2021-03-05"),
     ("Shots were fired near the market.", "unknown", None),
     ("Gunmen attacked a bus near Kati on Monday.", "unknown", None),
     ("The vote is set for Oct. 4.", "inferred", "2026-10-04")],
    ids=["full-date-in-lead", "weekday-date-pair", "no-date", "weekday-only", "yearless-date"],
)
def test_time_infer_published_table(text: str, source: str, published: str | None) -> None:
    article = time.infer_published(make_article(text, published=None), today=TODAY)
    assert (article.published_source, article.published) == (source, published)
    assert article.published_reason


# --- event dates -----------------------------------------------------------------------------------------------------
def _sentence_events(doc, kinds: dict[str, str]) -> list[Event]:  # type: ignore[no-untyped-def]
    events = []
    for sent in doc.sents:
        kind = next((k for key, k in kinds.items() if key in sent.text), "Battles")
        events.append(Event(kind, "x", sentence_start=sent.start_char, sentence_end=sent.end_char))
    return events


@needs_model
def test_time_date_events_seed(seed_text: str) -> None:
    from tocsin import nlp

    article = make_article(seed_text)
    doc = nlp.parse(seed_text)
    times = time.find_times(doc, article)
    events = time.date_events(_sentence_events(doc, {"protests since": "Protests"}), doc, article, times)
    by_start = {seed_text[e.sentence_start:e.sentence_end][:24]: e for e in events}  # type: ignore[index]
    lead = by_start["BAMAKO (Reuters) – Gunfi"]
    assert (lead.event_date, lead.time_precision, lead.historical) == ("2020-08-18", 1, False)
    kati = by_start["Local residents and secu"]  # holds "where a mutiny in 2012 led to a coup": not its date
    assert (kati.event_date, kati.historical) == ("2020-08-18", False)
    protests = by_start["Opponents of the current"]
    assert (protests.event_date, protests.time_precision, protests.historical) == ("2020-06-01", 3, False)
    background = by_start["The 2012 mutiny at the b"]
    assert (background.event_date, background.time_precision, background.historical) == ("2012-01-01", 3, True)
    date_evidence = [ev for ev in background.evidence if ev.field == "event_date"]
    assert seed_text[date_evidence[0].start:date_evidence[0].end] == "2012"


@needs_model
@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision"),
    [("Police said on Monday that gunmen killed two farmers.", "killed", "2020-08-17", 2),
     ("The UN on Sunday called for an inquiry into a fire that killed nine migrants.", "killed", "2020-08-16", 2),
     ("The pastor was freed on Monday after being kidnapped on Christmas Eve.", "kidnapped", "2019-12-24", 1),
     ("The pastor was freed on Monday after being kidnapped on Christmas Eve.", "freed", "2020-08-17", 1),
     ("Gunmen raided the village on Monday, killing five people.", "killing", "2020-08-17", 1),
     ("In a statement released on Friday, the governors condemned the law.", "statement", "2020-08-14", 1),
     ("By Aug. 14, at least eight protesters had been killed.", "killed", "2020-08-14", 2),
     ("On Oct. 3, the office was raided by the police.", "raided", "2019-10-03", 1),
     ("On Oct. 3, the police will raid the office.", "raid", "2020-10-03", 1),
     ("The town was calm on Sunday, when soldiers raided a clinic and detained two nurses.", "detained",
      "2020-08-16", 1),
     ("The town was calm on Sunday, when officials said soldiers had raided a clinic.", "raided", "2020-08-16", 2),
     ("Eleven people have been killed and more than 300 others wounded in the clashes next to the stadium in the "
      "capital on Friday.", "killed", "2020-08-14", 1),
     ("Students marched in the capital on Saturday and were planning to rally outside parliament on Monday.",
      "rally", "2020-08-24", 1),
     ("In contrast to Sunday, when hundreds of marchers were detained and riot police were forced to fire tear gas "
      "at the crowd, the capital was calm Monday.", "forced", "2020-08-16", 1),
     ("The court convicted a man charged in the Jan. 7, 2016, shooting at a nightclub that killed five guests.",
      "shooting", "2016-01-07", 1),
     ("The doctor was shot in his garden shortly after he returned home from work on Friday.", "shot",
      "2020-08-14", 2)],
    ids=["reported", "relative-clause", "after-clause", "main-clause", "participle", "clause-on-trigger", "deadline",
         "past-incident-after-report", "planned-incident", "when-clause-on-date", "reported-in-when-clause",
         "elided-participle", "date-of-the-trigger-verb", "when-clause-after-date", "date-before-trigger-noun",
         "after-a-dated-clause"],
)
def test_time_date_events_reads_the_trigger_clause(text: str, trigger: str, date: str, precision: int) -> None:
    from tocsin import nlp
    from tocsin.model import Evidence

    article = make_article(text)
    doc = nlp.parse(text)
    at = text.index(trigger)
    events = [Event("Violence against civilians", "Attack", sentence_start=0, sentence_end=len(text),
                    evidence=(Evidence("event_type", at, at + len(trigger)),))]
    (event,) = time.date_events(events, doc, article, time.find_times(doc, article))
    assert (event.event_date, event.time_precision) == (date, precision)


@needs_model
def test_time_date_events_prefer_a_day_tied_by_before_to_the_neighbour() -> None:
    from tocsin import nlp
    from tocsin.model import Evidence

    text = "Rebels shelled the town on Saturday. The minister toured the ruins on Monday before leaving for the border."
    article = make_article(text)
    doc = nlp.parse(text)
    split = text.index("The minister")
    events = [Event("Battles", "Armed clash", sentence_start=start, sentence_end=end,
                    evidence=(Evidence("event_type", text.index(word), text.index(word) + len(word)),))
              for start, end, word in ((0, split - 1, "shelled"), (split, len(text), "leaving"))]
    shelled, leaving = time.date_events(events, doc, article, time.find_times(doc, article))
    assert (shelled.event_date, shelled.time_precision) == ("2020-08-15", 1)
    assert (leaving.event_date, leaving.time_precision) == ("2020-08-17", 2)


@needs_model
@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [("The march began on Aug. 2 in the capital. Police then arrested forty people.", "2020-08-02", 2),
     ("The march began on Aug. 2 in the capital.\n\nPolice then arrested forty people.", "2020-08-18", 2)],
    ids=["same-paragraph", "next-paragraph"],
)
def test_time_date_events_carry_the_day_of_the_sentence_before(text: str, date: str, precision: int) -> None:
    from tocsin import nlp

    article = make_article(text)
    doc = nlp.parse(text)
    start = text.index("Police")
    events = [Event("Strategic developments", "Arrests", sentence_start=start, sentence_end=len(text))]
    (event,) = time.date_events(events, doc, article, time.find_times(doc, article))
    assert (event.event_date, event.time_precision) == (date, precision)


def test_time_find_times_anchors_on_the_dateline_day() -> None:
    from tocsin import nlp

    text = "KABUL, Aug. 16 (Xinhua) -- Police raided a market yesterday."
    article = make_article(text)  # published 2020-08-18, two days after the dateline
    found = {t.text: t.value for t in time.find_times(nlp.blank()(text), article)}
    assert found["yesterday"] == "2020-08-15"


def test_time_date_events_falls_back_to_publication() -> None:
    from tocsin import nlp

    text = "Gunmen attacked a village. Ten people were killed."
    article = make_article(text)
    doc = nlp.blank()(text)
    events = [Event("Violence against civilians", "Attack", sentence_start=0, sentence_end=26)]
    (event,) = time.date_events(events, doc, article, time.find_times(doc, article))
    assert (event.event_date, event.time_precision, event.historical) == ("2020-08-18", 2, False)


def test_time_date_events_without_date_stay_unknown() -> None:
    from tocsin import nlp

    text = "Gunmen attacked a village."
    article = make_article(text, published=None)
    doc = nlp.blank()(text)
    events = [Event("Violence against civilians", "Attack", sentence_start=0, sentence_end=len(text))]
    (event,) = time.date_events(events, doc, article, time.find_times(doc, article))
    assert event.event_date is None


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [("2020-08-18", "day", 1), ("2020-W33", "week", 2), ("2020-06", "month", 3), ("2012", "year", 3),
     ("PRESENT_REF", None, None), ("P1M", None, None)],
    ids=["day", "week", "month", "year", "present-ref", "duration"],
)
def test_time_event_precision(value: str, precision: str | None, expected: int | None) -> None:
    assert time.event_precision(TimeExpr("x", 0, 1, "DATE", value, precision)) == expected


# --- weekday / date checks ---------------------------------------------------------------------------------------------
def test_time_weekday_conflicts_seed(seed_text: str) -> None:
    from tocsin import nlp

    article = make_article(seed_text)
    conflicts = time.weekday_conflicts(time.find_times(nlp.blank()(seed_text), article), article)
    assert [(w.text, d.text) for w, d, _ in conflicts] == [("Thursday morning", "Aug. 18")]
    assert "Tuesday" in conflicts[0][2]


@pytest.mark.parametrize(
    ("text", "conflict"),
    [("It opened on Thursday, Aug. 18, 2022.", False),
     ("It opened on Friday, Aug. 18, 2022.", True),
     ("On Monday, officials said the vote of Aug. 20 was postponed.", False)],
    ids=["fits", "contradicts", "untied"],
)
def test_time_weekday_conflicts_table(text: str, conflict: bool) -> None:
    article = make_article(text)
    conflicts = time.weekday_conflicts(tag(text, DCT), article)
    assert bool(conflicts) is conflict
    for weekday, date, _ in conflicts:
        assert text[weekday.start:weekday.end] == weekday.text and text[date.start:date.end] == date.text


@needs_model
@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [("Officials said talks would resume on Thursday.", "Thursday", "2020-08-20"),
     ("Talks resumed on Thursday, officials said.", "Thursday", "2020-08-13"),
     ("The army has controlled the town since June.", "June", "2020-06"),
     ("The council is to vote on the budget Thursday.", "Thursday", "2020-08-20"),
     ("The rebels agreed to hand over their weapons in March.", "March", "2021-03"),
     ("The mayor has scheduled a public hearing Thursday.", "Thursday", "2020-08-20"),
     ("On Friday the ministry planned to pay the teachers.", "Friday", "2020-08-14"),
     ("The ceasefire had been due to expire on Saturday.", "Saturday", "2020-08-15"),
     ("Eleven people have been killed and more than 300 others wounded in the clashes next to the stadium in the "
      "capital on Friday.", "Friday", "2020-08-14"),
     ("The board was likely to approve the merger as soon as markets opened Monday.", "Monday", "2020-08-24"),
     ("The judge adjourned the trial of the three activists until Thursday.", "Thursday", "2020-08-20"),
     ("The judge had adjourned the trial of the three activists until Thursday.", "Thursday", "2020-08-13")],
    ids=["reported-future", "past", "since", "is-to", "agreed-to", "has-scheduled", "planned-past", "past-perfect-plan",
         "elided-participle", "time-clause-ahead", "deferred-until", "deferral-over"],
)
def test_time_find_times_reads_tense_from_parse(text: str, extent: str, value: str) -> None:
    from tocsin import nlp

    found = {t.text: t.value for t in time.find_times(nlp.parse(text), make_article(text))}
    assert found[extent] == value
