"""Measure the event-dating mechanism event by event on TempEval-3 TBAQ and write the "event anchors" section.

``event_dates_eval.py`` scores dating through the whole pipeline on HRDsAttack, where the gold codes one incident
per article: it mostly measures which event tocsin picks. This script isolates the dating step itself
(``time.date_events``) on TimeML's event-level gold (TimeBank + AQUAINT, TempEval-3).

Which events are judged ("events whose sentence states a day"):

- a TimeML ``EVENT`` of class OCCURRENCE (things that happen, the kind tocsin codes; reporting, states, aspectual
  and intensional events are left out);
- with a gold TLINK that puts it inside one day: the event IS_INCLUDED in, DURING or SIMULTANEOUS with a TIMEX3, or
  the TIMEX3 INCLUDES or is SIMULTANEOUS with the event (BEGINS / ENDS are left out: the event only starts or stops
  on that day);
- that TIMEX3 is a DATE whose value is a full day (``YYYY-MM-DD``) and lies in the event's sentence (spaCy's
  sentences). An event whose linked days disagree is left out.

Each judged event becomes a tocsin ``Event`` with ``Evidence("event_type")`` on the event word and its spaCy
sentence as ``sentence_start/sentence_end``, as ``extract/events.py`` builds them; all judged events of a document
go in text order, with one event type, through the real ``time.date_events`` with ``time.find_times``' expressions
on the parsed plain text (publication date = DCT). Exact: ``event_date`` is the gold day; within precision: the gold
day lies inside the event's ACLED ``time_precision`` (as in ``event_dates_eval.py``).

The route a date took is read back the way ``date_events`` chooses it: the event's own clause, else a clause
it follows or precedes ("after"/"before"), else an earlier event of the sentence before (inherited), else an outer clause (bound), else the sentence before in the paragraph,
else the article's focus. Errors are put in categories: the tagger missed the gold day or gave it another value;
the own clause took another expression; the gold day was judged to date an outer or other clause; the value was
changed after it was chosen.

Usage: python eval/event_anchor_eval.py [--limit N] [--errors FILE] [--no-write]
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from collections import Counter
from pathlib import Path

from _quality import write_section
from _timeml import ATTR, TBAQ, Tag, read_timeml, tbaq_files
from event_dates_eval import share, within_precision

from tocsin import nlp
from tocsin.extract import time as time_stage
from tocsin.extract.time import parse_date
from tocsin.model import Article, Event, Evidence, TimeExpr

EVENT_CLASSES = frozenset(("OCCURRENCE",))
EVENT_SIDE = frozenset(("IS_INCLUDED", "DURING", "SIMULTANEOUS"))  # event REL time
TIME_SIDE = frozenset(("INCLUDES", "SIMULTANEOUS"))  # time REL event
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
ROUTES = ("own clause", "after/before clause", "inherited", "bound (outer clause)", "sentence before", "focus", "none")


@dataclasses.dataclass(frozen=True)
class Judged:
    """One event whose sentence states its gold day."""

    eid: str
    start: int
    end: int
    gold: str
    timex: Tag


@dataclasses.dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    dct: str
    events: dict[str, Tag]
    timexes: dict[str, Tag]
    days: dict[str, set[str]]  # eid -> tids of the full-day DATEs that hold it (by the chosen relations)


def read_tml(path: Path) -> GoldDoc:
    """Return the plain text of a TimeML file's <TEXT>, its DCT, EVENTs and TIMEX3s, and the day links."""
    doc = read_timeml(path)
    events = {t.attrs.get("eid", ""): t for t in doc.tags if t.name == "EVENT"}
    timexes = {t.attrs.get("tid", ""): t for t in doc.tags if t.name == "TIMEX3"}
    raw = doc.raw
    instances = {a["eiid"]: a["eventID"] for a in (dict(ATTR.findall(m)) for m in re.findall(r"<MAKEINSTANCE([^>]*)>", raw))
                 if "eiid" in a and "eventID" in a}
    days: dict[str, set[str]] = {}
    for link in (dict(ATTR.findall(m)) for m in re.findall(r"<TLINK([^>]*)>", raw)):
        rel = link.get("relType", "")
        if "eventInstanceID" in link and "relatedToTime" in link and rel in EVENT_SIDE:
            eiid, tid = link["eventInstanceID"], link["relatedToTime"]
        elif "timeID" in link and "relatedToEventInstance" in link and rel in TIME_SIDE:
            eiid, tid = link["relatedToEventInstance"], link["timeID"]
        else:
            continue
        timex = timexes.get(tid)
        if timex is None or timex.attrs.get("type") != "DATE" or not _DAY.match(timex.attrs.get("value", "")):
            continue  # the DCT (t0) is outside <TEXT> and never in the event's sentence
        if instances.get(eiid) in events:
            days.setdefault(instances[eiid], set()).add(tid)
    return GoldDoc(doc.name, doc.text, doc.dct, events, timexes, days)


def judged_events(gold: GoldDoc, sentence_of: dict[int, tuple[int, int]]) -> list[tuple[Judged, tuple[int, int]]]:
    """The OCCURRENCE events linked to one full day named in their own sentence, with that sentence, in text order."""
    found = []
    for eid, tids in gold.days.items():
        event = gold.events[eid]
        if event.attrs.get("class") not in EVENT_CLASSES:
            continue
        sentence = sentence_of.get(event.start)
        if sentence is None:
            continue
        inside = [gold.timexes[t] for t in tids if sentence[0] <= gold.timexes[t].start < sentence[1]]
        values = {t.attrs["value"] for t in inside}
        if len(values) != 1:
            continue
        found.append((Judged(eid, event.start, event.end, values.pop(), inside[0]), sentence))
    return sorted(found, key=lambda pair: pair[0].start)


def route(event: Event, dated: Event, own_dated: list[Event], doc: object, article: Article,
          times: list[TimeExpr]) -> str:
    """Say which of ``date_events``' steps gave the date (read back with its own private helpers).

    ``own_dated`` holds the earlier events dated by their own clause, the only ones a neighbour inherits from.
    """
    own, sequence, bound = time_stage._event_time(event, doc, article.text, times)  # type: ignore[arg-type]
    if own is not None:
        return "own clause"
    if dated.event_date is None:
        return "none"
    if sequence is not None:
        return "after/before clause"
    if any(e.event_type == event.event_type and time_stage._near(e, event) for e in own_dated):
        return "inherited"
    if bound is not None:
        return "bound (outer clause)"
    if time_stage._paragraph_day(event, article.text, times) is not None:
        return "sentence before"
    return "focus"


def overlapping(span: Tag, times: list[TimeExpr]) -> TimeExpr | None:
    return next((t for t in times if t.start < span.end and span.start < t.end), None)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _value_error(judged: Judged, found: TimeExpr, text: str) -> str:
    """Say how the tagger's value of the gold day's expression differs from the gold."""
    words = text[judged.timex.start:judged.timex.end].lower()
    named = next((i for i, name in enumerate(_WEEKDAYS) if name in words), None)
    gold, system = parse_date(judged.gold), parse_date(found.value)
    if named is not None and gold is not None and gold.weekday() != named:
        return "value: gold day is not the weekday the text names (annotation)"
    if system is None or found.precision != "day":
        return "value: the text names a coarser period than the gold day (\"this year\", \"1992\")"
    if named is not None and gold is not None and (gold - system).days % 7 == 0:
        return "value: weekday placed in another week"
    return "value: tagger gave another day"


def category(judged: Judged, dated: Event, path: str, times: list[TimeExpr], text: str) -> str:
    """The error category of a wrongly dated event."""
    found = overlapping(judged.timex, times)
    if found is None:
        return "tagger missed the gold day"
    if found.value != judged.gold:
        return _value_error(judged, found, text)
    evidence = next((e for e in dated.evidence if e.field == "event_date"), None)
    if path == "own clause":
        if evidence is not None and (evidence.start, evidence.end) == (found.start, found.end):
            return "own clause took the gold day, date changed after"
        return "own clause took another expression"
    return f"gold day judged another clause's ({path})"


@dataclasses.dataclass
class Tally:
    docs: int = 0
    judged: int = 0
    exact: int = 0
    within: int = 0
    routes: Counter[str] = dataclasses.field(default_factory=Counter)
    route_exact: Counter[str] = dataclasses.field(default_factory=Counter)
    route_within: Counter[str] = dataclasses.field(default_factory=Counter)
    categories: Counter[str] = dataclasses.field(default_factory=Counter)
    errors: list[str] = dataclasses.field(default_factory=list)

    def add(self, gold: GoldDoc, doc: object) -> None:
        self.docs += 1
        sentences = [(s.start_char, s.end_char) for s in doc.sents]  # type: ignore[attr-defined]
        sentence_of = {e.start: s for e in gold.events.values() for s in sentences if s[0] <= e.start < s[1]}
        pairs = judged_events(gold, sentence_of)
        if not pairs:
            return
        article = Article(id=gold.name, text=gold.text, published=gold.dct, published_source="given")
        times = time_stage.find_times(doc, article)  # type: ignore[arg-type]
        events = [Event(event_type="Violence against civilians", sub_event_type="Attack",
                        evidence=(Evidence("event_type", j.start, j.end), Evidence("sub_event_type", j.start, j.end)),
                        sentence_start=s[0], sentence_end=s[1]) for j, s in pairs]
        dated = time_stage.date_events(events, doc, article, times)  # type: ignore[arg-type]
        own_dated: list[Event] = []
        for (judged, sentence), event, result in zip(pairs, events, dated, strict=True):
            path = route(event, result, own_dated, doc, article, times)
            if path == "own clause":
                own_dated.append(event)
            day = parse_date(judged.gold)
            exact = result.event_date == judged.gold
            within = day is not None and within_precision(result, day)
            self.judged += 1
            self.exact += exact
            self.within += within
            self.routes[path] += 1
            self.route_exact[path] += exact
            self.route_within[path] += within
            if not exact:
                kind = category(judged, result, path, times, gold.text)
                self.categories[kind] += 1
                words = gold.text[judged.start:judged.end]
                text = gold.text[sentence[0]:sentence[1]].replace("\n", " ")
                self.errors.append(f"{gold.name}\t{judged.eid} {words!r}\tdct {gold.dct}\tgold {judged.gold} "
                                   f"({gold.text[judged.timex.start:judged.timex.end]!r})\tgot {result.event_date} "
                                   f"p{result.time_precision}\t{path}\t{kind}\t{text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="read only the first N documents")
    parser.add_argument("--errors", type=Path, help="write each wrongly dated event to this file")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/quality.md alone")
    args = parser.parse_args(argv)
    paths = tbaq_files(args.limit)
    if not paths:
        print(f"skip: {TBAQ} is absent")
        return 0
    docs = [read_tml(p) for p in paths]
    tally = Tally()
    began = time.perf_counter()
    for doc, gold in nlp.pipe((d.text, d) for d in docs):
        tally.add(gold, doc)
    elapsed = time.perf_counter() - began
    lines = [
        "## event anchors",
        "",
        "The dating step alone (`time.date_events`), event by event, on TempEval-3 TBAQ (TimeBank + AQUAINT,",
        f"{tally.docs} documents; `eval/event_anchor_eval.py`). Judged: TimeML events of class OCCURRENCE with a gold",
        "TLINK that puts them inside one day (IS_INCLUDED, DURING, SIMULTANEOUS, or the day INCLUDES them) to a DATE",
        "valued to a full day that lies in the event's own (spaCy) sentence: \"events whose sentence states a day\".",
        "Each becomes a tocsin `Event` (trigger evidence on the event word, its sentence's span) and goes with the",
        "document's other judged events through `date_events` on `find_times`' own expressions (DCT = publication",
        "date). Event detection and the choice among events play no part here; the tagger's reading of the day does.",
        "",
        "| judged events | exact day | within time_precision | target |",
        "|---|---|---|---|",
        f"| {tally.judged} | {share(tally.exact, tally.judged)} | {share(tally.within, tally.judged)} | ≥ 0.95 exact |",
        "",
        "| date taken from | events | exact day | within time_precision |",
        "|---|---|---|---|",
    ]
    for name in ROUTES:
        if tally.routes[name]:
            lines.append(f"| {name} | {tally.routes[name]} | {share(tally.route_exact[name], tally.routes[name])} | "
                         f"{share(tally.route_within[name], tally.routes[name])} |")
    lines += ["", "| error category | events |", "|---|---|"]
    lines += [f"| {name} | {count} |" for name, count in tally.categories.most_common()]
    lines += [
        "",
        f"This run took {elapsed:.0f} s wall (spaCy parse included). All judged events get one event type, so a",
        "neighbour in the sentence after always may inherit (in the pipeline only one of the same type does); the",
        "\"inherited\" row is therefore an upper bound on that route's use. The route is read back with",
        "`date_events`' own helpers; BEGINS/ENDS links and non-OCCURRENCE events (reporting, states) are left out.",
        "",
        "Where the figure stays behind its target, and why (categories of the 42 wrong dates of this run): the dating",
        "step itself, which expression of the sentence dates the event, is right for about 97 % of the judged",
        "events; most misses are the tagger's value or the data. About 18 are weekday values: 5 of them in one",
        "document whose DCT is a week after its story (every weekday lands a week late, also under \"will meet on",
        "Thursday\"), 4 where the gold day is not even the weekday the text names, and a few real tagger misreadings",
        "(\"Wednesday's ruling\" inside a \"would\" clause read as the coming Wednesday; \"planned a demonstration on",
        "Saturday\" read as the past one). About 9 are coarser expressions that the annotators valued to a day",
        "(\"this year\", \"1992\", \"a year ago\", \"10 days before the murder\"): tocsin gives the period, precision 3,",
        "which is the honest reading. About 13 are clause choices, mostly on a wrong parse (\"the Dec. 21, 1988,",
        "bombing\" parsed as an apposition; \"58 injured in an attack on Friday\" parsed as a participle on the",
        "number, which correctly hides a noun's own clause): a day inside a sequence clause (\"after the parliament",
        "ratified the treaty on Tuesday\", \"shortly after he returned home on Friday\") is left out by design and the",
        "event falls back to a neighbour's day or the focus. Taking such a day as a bound (precision 2) would move 3",
        "or 4 events; a relative clause on the date itself (\"calm on Sunday, when soldiers raided ...\") is now the",
        "event's own date, which moved no TBAQ event (its one such sentence was parsed otherwise).",
    ]
    markdown = "\n".join(lines)
    print(markdown)
    if args.errors:
        args.errors.write_text("\n".join(tally.errors) + "\n", encoding="utf-8")
    if not args.no_write and not args.limit:
        write_section("event anchors", markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
