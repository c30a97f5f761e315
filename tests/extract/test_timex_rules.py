"""Tests for extract/timex_rules.py: the rule table, triggers, sentence splitting, tense and the doctests."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from tocsin.extract import timex_periods, timex_rules, timex_values
from tocsin.extract.timex_rules import regex_tense, tag
from tocsin.nlp import sentence_spans

DCT = dt.date(2020, 8, 18)


def test_timex_rules_doctests() -> None:
    result = doctest.testmod(timex_rules)
    assert result.attempted > 0 and result.failed == 0


def test_timex_rules_every_rule_has_a_normaliser_a_reach_and_a_trigger() -> None:
    assert not timex_values.NORMALISERS.keys() & timex_periods.NORMALISERS.keys()  # one normaliser per name
    triggered = {name for _, _, names in timex_rules.TRIGGERS for name in names}
    for _, name in timex_rules.RULES:
        assert name in timex_rules.NORMALISERS
        assert name in timex_rules.REACH
        assert name in triggered or name == "clock"


def test_timex_rules_sentence_spans_cover_text() -> None:
    text = "Shots were fired on Tuesday. Police said on Wednesday that two men died.\nA curfew followed."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Shots were fired on Tuesday.", "Police said on Wednesday that two men died.", "A curfew followed."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("They will meet on Friday.", "future"), ("They met on Friday.", "past"), ("On Friday, he'll go.", "future"),
     ("Talks are due to resume on Friday.", "future"), ("Friday.", None)],
    ids=["will", "past-verb", "clitic", "due-to", "no-cue"],
)
def test_timex_rules_regex_tense(text: str, expected: str | None) -> None:
    at = text.index("Friday")
    assert regex_tense(text, sentence_spans(text))(at, at + 6) == expected


NOT_TIMES = [
    "Eastern Mali was calm.",
    "About three-quarters of the vote was counted.",
    "Results for the 1988 second quarter.",
]


@pytest.mark.parametrize("text", NOT_TIMES, ids=NOT_TIMES)
def test_timex_rules_no_false_time(text: str) -> None:
    found = [(t.text, t.value) for t in tag(text, DCT)]
    assert all("Eastern" not in t and "quarters" not in t and "second" != t for t, _ in found), found
    assert all(value is None or not value.startswith("PT1988") for _, value in found), found


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [("Net income fell in the quarter.", "the quarter", "2020-Q2"),
     ("Sales rose 5% for the year.", "the year", "2020"),
     ("Revenue was flat in the year ended March 31.", "the year", "P1Y"),
     ("It expects a loss for the fiscal year ending June 30.", "the fiscal year", "P1Y"),
     ("Margins improved in the current fiscal year.", "the current fiscal year", "2020"),
     ("Membership grew sharply over the past year.", "the past year", "P1Y"),
     ("The mill will be shut over the next year or so.", "the next year", "P1Y"),
     ("Stocks rose 2% for the week ended June 12.", "June 12", "2020-06-12"),
     ("Profit doubled in the year to March 31.", "the year", "P1Y"),
     ("the 1988 second quarter", "the 1988 second quarter", "1988-Q2"),
     ("at the end of the year", "the end of the year", "2020"),
     ("Losses narrowed in last year's fourth quarter.", "last year's fourth quarter", "2019-Q4"),
     ("It expects a profit in next year's first half.", "next year's first half", "2021-H1")],
    ids=["the-quarter", "for-the-year", "year-ended", "fiscal-year-ending", "current-fiscal-year", "the-past-year", "the-next-year", "week-ended", "year-to", "year-quarter", "end-of-year", "possessive-year-quarter",
         "possessive-year-half"],
)
def test_timex_rules_financial_periods(text: str, extent: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, DCT)}
    assert found.get(extent) == value, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The current talks have stalled.", [("current", "PRESENT_REF")]),
     ("Holders may buy at half the then current price.", [("then current", "PAST_REF")]),
     ("The current account deficit widened.", []),
     ("The current in the river was strong.", [])],
    ids=["current", "then-current", "current-account", "noun"],
)
def test_timex_rules_current_is_a_temporal_adjective(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [("Hiring will pick up in the spring.", dt.date(1995, 11, 3), [("the spring", "1996-SP")]),
     ("The plant ran short of parts over the summer.", dt.date(1995, 11, 3), [("the summer", "1995-SU")]),
     ("Sales slowed during the winter.", dt.date(1995, 3, 8), [("the winter", "1995-WI")]),
     ("Rents rose from the lows of the early summer.", dt.date(1995, 11, 3), [("the early summer", "1995-SU")]),
     ("They marched in the Spring of Hope rally.", dt.date(1995, 11, 3), []),
     ("Prices fall in the fall of a regime.", dt.date(1995, 11, 3), []),
     ("The pitcher was hurt in spring training.", dt.date(1995, 11, 3), [])],
    ids=["future-spring", "past-summer", "winter", "early-summer", "name", "fall-of", "attributive"],
)
def test_timex_rules_bare_season_after_a_preposition(text: str, dct: dt.date, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, dct)] == expected


def test_timex_rules_plural_part_of_weekday_is_a_set() -> None:
    found = [(t.text, t.type, t.value) for t in tag("The ferry sails on Thursday evenings.", DCT)]
    assert found == [("Thursday evenings", "SET", "XXXX-WXX-4TEV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("By mid-afternoon the road was open again.", [("mid-afternoon", "TIME", "2020-08-18TAF")]),
     ("Troops left at mid-morning yesterday.", [("mid-morning yesterday", "TIME", "2020-08-17TMO")]),
     ("The market fell Monday. Buyers returned in the afternoon.",
      [("Monday", "DATE", "2020-08-17"), ("the afternoon", "TIME", "2020-08-17TAF")]),
     ("He read the evening paper.", [])],
    ids=["mid-afternoon", "with-deictic", "day-named-before", "attributive"],
)
def test_timex_rules_part_of_day_alone(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("It happened in March nineteen eighty-eight.", [("March nineteen eighty-eight", "1988-03")]),
     ("Prices sank in the spring of nineteen eighty-six.", [("the spring of nineteen eighty-six", "1986-SP")])],
    ids=["month", "season"],
)
def test_timex_rules_spoken_year_with_month_or_season(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Regulators will soon rule on the merger.", [("soon", "FUTURE_REF")]),
     ("Send the forms as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
     ("The hostages were soon freed.", []),
     ("Soon after the vote, crowds gathered.", []),
     ("The town emptied as soon as the shelling began.", [])],
    ids=["future", "asap", "past", "soon-after", "as-soon-as"],
)
def test_timex_rules_soon_looks_ahead_of_the_dct(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "extent", "value", "mod"),
    [("Output should double over the next couple of years.", "the next couple of years", "P2Y", None),
     ("Analysts expect volatility in the weeks ahead.", "the weeks ahead", "PXW", None),
     ("The siege lasted over three weeks.", "three weeks", "P3W", "MORE_THAN")],
    ids=["couple-of", "weeks-ahead", "over-is-more-than"],
)
def test_timex_rules_vague_and_prepositional_durations(text: str, extent: str, value: str, mod: str | None) -> None:
    found = {t.text: (t.value, t.mod) for t in tag(text, DCT)}
    assert found.get(extent) == (value, mod), found


@pytest.mark.parametrize(
    ("text", "value"),
    [("Two guards were hurt in the blast next to the consulate on Friday.", "2020-08-14"),
     ("Lawyers said they would seek to overturn Thursday's verdict.", "2020-08-13"),
     ("Thursday's vote is expected to be close.", "2020-08-20")],
    ids=["next-to-is-a-place", "reported-would", "plainly-ahead"],
)
def test_timex_rules_weekday_direction_cues(text: str, value: str) -> None:
    assert [t.value for t in tag(text, DCT)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The bank named a new board, effective March 3.", "2021-03-03"),
     ("The bank named a new board on March 3.", "2020-03-03")],
    ids=["effective-looks-ahead", "plain-past"],
)
def test_timex_rules_effective_date_lies_ahead(text: str, value: str) -> None:
    assert [t.value for t in tag(text, DCT)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [('The senator, speaking on NBC\'s "Meet the Press This Week," said no.', []),
     ("You are listening to Radio Today.", []),
     ("He loved the western ``High Noon.''", []),
     ("Now the talks resume. This week they stall.", ["Now", "This week"]),
     ('He said: "Today we begin."', ["Today"])],
    ids=["show", "programme", "film", "sentence-start", "quotation-start"],
)
def test_timex_rules_capitalised_time_words_in_names(text: str, expected: list[str]) -> None:
    assert [t.text for t in tag(text, DCT)] == expected


def test_timex_rules_reporting_period_takes_the_quarter_named_before() -> None:
    text = ("Profit rose in the second quarter. Revenue in the latest period was flat; in the 1994 period it had "
            "fallen, and the 1994 quarter had a charge.")
    found = [(t.text, t.value) for t in tag(text, DCT)]
    assert found == [("the second quarter", "2020-Q2"), ("the latest period", "2020-Q2"),
                     ("the 1994 period", "1994-Q2"), ("the 1994 quarter", "1994-Q2")]


def test_timex_rules_reporting_period_alone() -> None:
    found = [(t.text, t.value) for t in tag("Sales in the latest period rose; the 1994 period was weak.", DCT)]
    assert found == [("the latest period", "2020-Q2"), ("the 1994 period", "1994")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The pact was signed in March last year.", [("March last year", "2019-03")]),
     ("Talks resume in early May next year.", [("early May next year", "2021-05")]),
     ("He was freed on Jan. 9 this year.", [("Jan. 9 this year", "2020-01-09")]),
     ("Last year's harvest failed in June.", [("Last year", "2019"), ("June", "2020-06")])],
    ids=["month-last-year", "month-next-year", "day-this-year", "possessive-is-separate"],
)
def test_timex_rules_month_with_relative_year_is_one_expression(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [("Net rose in the second quarter; in the quarter a year earlier it fell.", "the quarter a year earlier",
      "2019-Q2"),
     ("Profit rose in the second quarter from the comparable period last year.",
      "the comparable period last year", "2019-Q2"),
     ("Sales in last year's quarter were weak.", "last year's quarter", "2019-Q2"),
     ("It expects a loss in the first two quarters of 2021.", "the first two quarters of 2021", "2021-H1"),
     ("Hearings are set for the week of Nov. 9.", "the week of Nov. 9", "2020-W46")],
    ids=["quarter-a-year-earlier", "comparable-period", "last-years-quarter", "first-two-quarters", "week-of"],
)
def test_timex_rules_written_out_periods(text: str, extent: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, DCT)}
    assert found.get(extent) == value, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The war with Spain ended in 1898.", [("1898", "1898")]),
     ("Clinics were hit in 1994, 1995 and 1997.", [("1994", "1994"), ("1995", "1995"), ("1997", "1997")]),
     ("The summit will meet on May 14 and 15.", [("May 14", "2021-05-14"), ("15", "2021-05-15")]),
     ("Polls opened on Oct. 3 and 4, 1995.", [("Oct. 3", "1995-10-03"), ("4, 1995", "1995-10-04")]),
     ("The set costs $1,995.", [])],
    ids=["nineteenth-century", "list-of-years", "two-days", "two-days-one-year", "price"],
)
def test_timex_rules_years_and_day_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


def test_timex_rules_hyphenated_duration_leaves_the_article_to_its_noun() -> None:
    assert [t.text for t in tag("The rebels ended the 12-year war.", DCT)] == ["12-year"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Patrols pass the border twice a week.", [("twice a week", "SET", "P1W")]),
     ("The council meets three times a year.", [("three times a year", "SET", "P1Y")]),
     ("Police imposed a week-long curfew.", [("week-long", "DURATION", "P1W")]),
     ("The clans ended a decades-long feud.", [("decades-long", "DURATION", "PXDE")]),
     ("Output fell in Q2 2018.", [("Q2 2018", "DATE", "2018-Q2")]),
     ("He was detained three times.", [])],
    ids=["twice-a-week", "times-a-year", "week-long", "decades-long", "coded-quarter", "count-not-frequency"],
)
def test_timex_rules_frequencies_adjectives_and_codes(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Talks are set for Jan. 5-7.", [("Jan. 5", "2021-01-05"), ("7", "2021-01-07")]),
     ("The board upheld it in a June 5-2 vote.", []),
     ("Prices doubled over the past year and a half.", [("the past year and a half", "P1Y6M")])],
    ids=["day-range", "score", "year-and-a-half"],
)
def test_timex_rules_day_ranges_and_halves(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("They left at 2:30 in the morning.", [("2:30 in the morning", "2020-08-18T02:30")]),
     ("The camp was raided Jan. 14-17, 2018.", [("Jan. 14", "2018-01-14"), ("17, 2018", "2018-01-17")]),
     ("Stay current on the news.", [])],
    ids=["clock-minutes-of-day", "range-shared-year", "predicative-current"],
)
def test_timex_rules_review_fixes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == expected


def test_timex_rules_coordinated_seasons_share_the_year() -> None:
    found = [(t.text, t.value) for t in tag("Letters from during the spring and summer of 2011 were requested.", DCT)]
    assert found == [("the spring", "2011-SP"), ("summer of 2011", "2011-SU")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("By Ann Lee  \n Last week, rebels struck.", ["Last week"]),
     ("Advertisement   Now the truth is out.", ["Now"]),
     ("The group Peace Now said settlers moved in.", [])],
    ids=["byline-then-paragraph", "paragraph-gap", "organisation"],
)
def test_timex_rules_title_filter_respects_paragraphs(text: str, expected: list[str]) -> None:
    assert [t.text for t in tag(text, DCT)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The region may one day be free.", [("one day", "DATE", "FUTURE_REF")]),
     ("The blockade lasted one day.", [("one day", "DURATION", "P1D")]),
     ("Fines reach up to one day of pay.", [("one day", "DURATION", "P1D")])],
    ids=["someday", "duration", "up-to"],
)
def test_timex_rules_one_day_after_a_modal_is_the_future(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, DCT)] == expected


def test_timex_rules_week_ended_is_not_this_week() -> None:
    assert [t.text for t in tag("Stocks rose 2% for the week ended June 12.", DCT)] == ["June 12"]
