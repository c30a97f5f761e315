"""Measure event dating on HRDsAttack articles and write the "event dates" section of docs/quality.md.

HRDsAttack (dataminr-ai, MIT) codes one incident per news article with its year, month and day. The target is "event
dates exact for >= 95 % of events whose sentence states a day". Which articles and events count:

- an article counts when its gold date has a year, a month and a day, and tocsin finds at least one event whose own
  sentence holds an expression of day granularity (a TIMEX3 DATE or TIME valued to a day: "March 7", "on Monday",
  "yesterday", "2021-03-07"), as found by tocsin's own tagger;
- the event judged is the gold incident's counterpart: the first such event in text order whose type fits one of
  the gold violation types (a killing: an attack or an event with deaths; a detention: an arrest; a kidnapping or
  enforced disappearance: an abduction), else the first such event (news leads state the main incident first).

For each counted article the script reports whether that event's ``event_date`` is the gold day (exact) and whether
the gold day lies within the event's ACLED ``time_precision`` (1: the same day; 2: within 7 days of the date; 3:
the same month). A second line counts, over all articles with a gold day, how often any event carries the gold day
(the day was found but given to another event) and how often no event sentence states a day at all.

The full pipeline runs (``tocsin.pipeline``), with each article's publication date given, so the figure includes
event detection: an incident that tocsin does not detect as an event cannot be dated. The train split is for error
analysis; the dev split is reported beside it and is not looked at.

Usage: python eval/event_dates_eval.py [--limit N] [--split train|dev|both] [--errors FILE] [--no-write]
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import datetime as dt
import html
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _quality import DATA, publish

from tocsin.extract.time import parse_date
from tocsin.model import Analysis, Article, Event, TimeExpr
from tocsin.pipeline import analyze_stream

CORPUS = DATA / "events" / "hrdsattack"
SPLITS = ("train", "dev")
_MONTHS = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"), start=1)}  # fmt: skip
WEEK_DAYS = 7  # ACLED time_precision 2: the event happened within a week of the date given
# Which tocsin events can stand for a gold violation type (the same grouping as events_eval's HRDsAttack table).
FITS: dict[str, Callable[[Event], bool]] = {
    "killing": lambda e: (e.fatalities or 0) > 0 or e.sub_event_type == "Attack",
    "arbitrary detention": lambda e: e.sub_event_type == "Arrests",
    "kidnapping": lambda e: e.sub_event_type == "Abduction/forced disappearance",
    "enforced disappearance": lambda e: e.sub_event_type == "Abduction/forced disappearance",
}


@dataclasses.dataclass(frozen=True)
class Item:
    """One article with its gold day."""

    split: str
    index: int
    article: Article
    gold: dt.date
    violations: frozenset[str] = frozenset()


def _number(value: Any) -> int | None:
    """Return the integer of a gold field ("2021.0", "02", "26.0"), else None ("None", "nan", "")."""
    try:
        number = float(str(value))
    except ValueError:
        return None
    return int(number) if number == number else None


def gold_day(merged: dict[str, Any]) -> dt.date | None:
    """Return the gold event day, or None when the year, month or day is missing or invalid."""
    year, day = _number(merged.get("year")), _number(merged.get("date"))
    month_text = str(merged.get("month") or "").strip().lower()
    month = _number(month_text) or _MONTHS.get(month_text)
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def article_text(interface: str) -> str:
    """The article's text: its HTML paragraphs, unescaped, one blank line apart."""
    paragraphs = re.findall(r"<p>(.*?)</p>", interface, re.S) or [interface]
    cleaned = (html.unescape(re.sub(r"<[^>]+>", " ", p)) for p in paragraphs)
    return "\n\n".join(re.sub(r"[ \t]+", " ", p).strip() for p in cleaned if p.strip())


def read_items(splits: tuple[str, ...], limit: int | None) -> Iterator[Item]:
    """Yield the articles whose gold date has a day (the first ``limit`` of each split)."""
    for split in splits:
        rows = json.loads((CORPUS / f"{split}.json").read_text(encoding="utf-8"))
        for index, row in enumerate(rows[:limit]):
            merged = row["merged_sample"]
            merged = ast.literal_eval(merged) if isinstance(merged, str) else merged
            day = gold_day(merged)
            sample = row["sample"]
            if day is None:
                continue
            article = Article(id=f"{split}-{index}", text=article_text(str(sample["Input.article_interface"])),
                              title=sample.get("Input.title"), published=str(sample["Input.publish_date"])[:10],
                              published_source="given")
            yield Item(split, index, article, day, frozenset(merged.get("violation_types") or ()))


def day_times(times: tuple[TimeExpr, ...]) -> list[TimeExpr]:
    """The expressions of day granularity: DATE or TIME values that name one day."""
    return [t for t in times if t.type in ("DATE", "TIME") and parse_date(t.value) is not None]


def states_day(event: Event, days: list[TimeExpr]) -> bool:
    """True when the event's own sentence holds an expression of day granularity."""
    if event.sentence_start is None or event.sentence_end is None:
        return False
    return any(event.sentence_start <= t.start and t.end <= event.sentence_end for t in days)


def within_precision(event: Event, gold: dt.date) -> bool:
    """True when the gold day lies within the event's date at its ACLED time_precision."""
    day = parse_date(event.event_date)
    if day is None:
        return False
    if event.time_precision == 1:
        return day == gold
    if event.time_precision == 2:
        return abs((gold - day).days) <= WEEK_DAYS
    return (day.year, day.month) == (gold.year, gold.month)


@dataclasses.dataclass
class Tally:
    articles: int = 0  # articles with a gold day
    counted: int = 0  # ... of which an event's sentence states a day
    exact: int = 0
    within: int = 0
    any_exact: int = 0  # articles where some event carries the gold day
    fitting: int = 0  # counted articles whose judged event fits a gold violation type
    fitting_exact: int = 0
    fitting_within: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)

    def add(self, item: Item, analysis: Analysis) -> None:
        self.articles += 1
        events = sorted(analysis.events, key=lambda e: (e.sentence_start or 0))
        gold = item.gold.isoformat()
        self.any_exact += any(e.event_date == gold for e in events)
        days = day_times(analysis.times)
        stating = [e for e in events if states_day(e, days)]
        fitting = [e for e in stating if any(FITS[v](e) for v in item.violations if v in FITS)]
        if not stating:
            return
        judged = (fitting or stating)[0]
        self.counted += 1
        self.exact += judged.event_date == gold
        self.within += within_precision(judged, item.gold)
        if fitting:
            self.fitting += 1
            self.fitting_exact += judged.event_date == gold
            self.fitting_within += within_precision(judged, item.gold)
        if judged.event_date != gold:
            text = item.article.text
            sentence = text[judged.sentence_start or 0:judged.sentence_end or 0].replace("\n", " ")
            self.errors.append(f"{item.article.id}\tpub {item.article.published}\tgold {gold}\tgot "
                               f"{judged.event_date} p{judged.time_precision}\t{judged.sub_event_type}\t{sentence}")


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N articles of each split")
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--errors", type=Path, help="write each wrongly dated judged event to this file")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/quality.md alone")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skip: {CORPUS} is absent")
        return 0
    splits = SPLITS if args.split == "both" else (args.split,)
    tallies = {split: Tally() for split in splits}
    began = time.perf_counter()
    items = read_items(splits, args.limit)
    for analysis, item in analyze_stream((item.article, item) for item in items):
        tallies[item.split].add(item, analysis)
    elapsed = time.perf_counter() - began
    lines = [
        "## event dates",
        "",
        "Event dating (`time.date_events`) through the whole pipeline on HRDsAttack (one coded incident per article,",
        "publication date given). An article counts when its gold date has a day and tocsin finds an event whose own",
        "sentence holds an expression of day granularity (\"March 7\", \"on Monday\", \"yesterday\"). Judged against the",
        "gold day: the first such event whose type fits a gold violation type (killing: an attack or deaths;",
        "detention: an arrest; kidnapping or disappearance: an abduction), else the first such event. Within",
        f"precision: the gold day lies inside the event's ACLED `time_precision` (1 the day, 2 within {WEEK_DAYS} days,",
        "3 the month).",
        "",
        "| split | judged events | exact day | within time_precision | any event on the gold day | target |",
        "|---|---|---|---|---|---|",
    ]
    for split, tally in tallies.items():
        lines.append(f"| {split}, all counted | {tally.counted} of {tally.articles} articles | "
                     f"{share(tally.exact, tally.counted)} | {share(tally.within, tally.counted)} | "
                     f"{share(tally.any_exact, tally.articles)} | ≥ 0.95 exact |")
        lines.append(f"| {split}, type fits the gold | {tally.fitting} | {share(tally.fitting_exact, tally.fitting)} | "
                     f"{share(tally.fitting_within, tally.fitting)} | | |")
    lines += [
        "",
        f"This run took {elapsed:.0f} s wall (full pipeline). The train split is used for error analysis, the dev split",
        "is not looked at. The figure includes event detection and the choice of the judged event: an incident",
        "tocsin misses, or a background event in the first day-stating sentence, counts as a wrong date.",
        "",
        "Where the figure stays behind its target, and why (categories of the 42 wrong train dates): the gold codes",
        "one incident per article, and in about 16 the judged sentence's day belongs to another step of the story: a",
        "court hearing, a charge, a release, a report or statement (\"called Monday for the release of journalists",
        "detained ...\": tocsin now gives such a reported event the speech day only as a bound, precision 2, but the",
        "incident's own day is not in the sentence); about 8 judged events are page furniture, photo captions or",
        "quotes that the event stage took for incidents; about 7 are stretches (\"detained since the Feb. 1 coup\",",
        "\"by February 27th\", \"(9-11 August)\") whose day is not one incident's; in about 4 the gold day disagrees",
        "with the text's own (\"Nov 25 -- ... raided ... yesterday\" coded Nov 25). Date reading itself (tense,",
        "weekday direction, clause of the date) is rarely the cause, so the exact share moves little with dating rules",
        "alone; choosing the coded incident among the article's events (the events stage) is the larger lever.",
        "The dating step alone, event by event with TimeML's gold links, is measured in \"event anchors\" below.",
        "Two rounds of dating rules ago the same script gave train 0.429 (33/77) exact, 0.455 within precision;",
        "dev 0.524 (11/21) both; before the last round (days tied by \"after\"/\"before\", a \"when\" clause after a",
        "date, elided participles, time clauses and deferrals that look ahead) train 0.447 (34/76), 0.500 (38/76),",
        "dev as now: in the round one more train article is counted, and dated right, and one wrong date changed to",
        "another wrong one (a page header's day instead of a year); nothing else moved.",
    ]
    publish("event dates", "\n".join(lines), write=not args.no_write and args.limit is None and args.split == "both",
            errors=(e for t in tallies.values() for e in t.errors), errors_path=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
