"""Measures event detection and typing on external data; writes the "events" section of docs/quality.md.

- CASE 2021 Task 2 (dev half): each snippet is classified as a document, by the sub-type of the main event that
  ``find_events`` returns; when it finds none, by the document-level model (best class other than NONE).
  Weighted F1 over the 25 ACLED classes (snippets whose gold is one of them) and over all 30.
- GLOCON gold sample: is a document about a protest? (any Protests or Riots event).
- IndiaPoliceEvents: document-level KILL (an event with fatalities > 0 or a killing), ARREST (an Arrests event),
  FORCE (police force against people: protest intervention or excessive force, police attacks).
- conflibert-satp: armed assault / bombing / kidnapping per narrative (dev split).
- HRDsAttack: killing / detention / kidnapping violation types per article (dev split).

Run: ``python eval/events_eval.py [--limit N]``; skips cleanly when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import ast
import csv
import html
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from _quality import DATA, QUALITY, write_section

from tocsin import nlp, taxonomy
from tocsin.extract import eventmodel
from tocsin.extract.events import (
    ARRESTS_BY_ACTOR2,
    FATALITIES_BY_ACTOR2,
    FORCE_BY_ACTOR2,
    find_events,
)
from tocsin.extract.triggers import sentence_sub_types
from tocsin.model import Article, Event, article_id

EVENTS = DATA / "events"
ACLED_CODES = [c for c, s in taxonomy.CASE_CODES.items() if taxonomy.event_type_of(s) not in taxonomy.HAZARD_TYPES]
CODE_OF = {s.value: c for c, s in taxonomy.CASE_CODES.items()}
csv.field_size_limit(sys.maxsize)


def analyse(texts: list[str]) -> list[list[Event]]:
    """Run the language pipeline and ``find_events`` over texts (no geo/time stages: they do not change types)."""
    out = []
    pairs = ((text, None) for text in texts)
    for doc, _ in nlp.pipe(pairs, batch_size=64):
        article = Article(id=article_id(doc.text), text=doc.text, published=None)
        out.append(find_events(doc, article, places=[], times=[], claims=[]))
    return out


def doc_label(text: str, events: list[Event]) -> str:
    """The snippet's class: the main event's CASE code, else the document model's best non-NONE class."""
    if events:
        return CODE_OF[events[0].sub_event_type]
    model = eventmodel.load()
    if model is None:
        return "OTHER"
    hits = sorted({sub.name for sub, _, _ in sentence_sub_types(text)})
    probs = model.scores(["bias", *eventmodel.features(text, hits)])
    ranked = sorted(zip(probs, model.classes, strict=True), reverse=True)
    return next(c for _, c in ranked if c != eventmodel.NONE)


def weighted_f1(gold: list[str], pred: list[str], labels: Iterable[str]) -> tuple[float, dict[str, tuple[float, float, float, int]]]:
    """Return support-weighted F1 over ``labels`` and per-label (precision, recall, F1, support)."""
    per: dict[str, tuple[float, float, float, int]] = {}
    total = 0
    score = 0.0
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        support = tp + fn
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = (precision, recall, f1, support)
        score += f1 * support
        total += support
    return (score / total if total else 0.0), per


def binary(gold: list[bool], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def eval_case(limit: int | None) -> str:
    path = EVENTS / "case2021-task2-dev" / "case2021_task2_dev.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))[:limit]
    texts = [r["EventSnippet"] for r in rows]
    gold = [r["SubType"] for r in rows]
    started = time.perf_counter()
    found = analyse(texts)
    seconds = time.perf_counter() - started
    pred = [doc_label(t, e) for t, e in zip(texts, found, strict=True)]
    acled = [i for i, g in enumerate(gold) if g in ACLED_CODES]
    f25, _ = weighted_f1([gold[i] for i in acled], [pred[i] for i in acled], ACLED_CODES)
    f30, per = weighted_f1(gold, pred, list(taxonomy.CASE_CODES))
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    worst = sorted(((v[2], k, v[3]) for k, v in per.items() if v[3]), key=lambda t: t[0])[:8]
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p).most_common(8)
    lines = [
        "### CASE 2021 Task 2 (dev half, 510 snippets; `case2021-task2-dev`)",
        "",
        "| measure | tocsin | target |",
        "|---|---|---|",
        f"| weighted F1, 25 ACLED classes ({len(acled)} snippets) | {f25:.3f} | 0.85 |",
        f"| weighted F1, all 30 classes ({len(gold)} snippets) | {f30:.3f} | 0.80 |",
        f"| accuracy, 30 classes | {accuracy:.3f} | |",
        f"| speed (language pipeline + events, 1 process) | {len(texts) / seconds:.0f} snippets/s | |",
        "",
        "Weakest classes (F1, support): " + ", ".join(f"{k} {f:.2f} ({n})" for f, k, n in worst) + ".",
        "",
        "Most frequent confusions (gold → predicted, count): "
        + ", ".join(f"{g} → {p} ({n})" for (g, p), n in confusions) + ".",
    ]
    print("\n".join(lines))
    return "\n".join(lines)


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _contentious(event: Event, text: str) -> bool:
    """Whether the event is contentious collective action, GLOCON's "protest event" (``taxonomy.contentious``)."""
    spans = [(e.start, e.end) for e in event.evidence if e.field in ("actor1", "actor2")]
    spans.append((event.sentence_start or 0, event.sentence_end or 0))
    words = " ".join(text[start:end] for start, end in spans)
    return taxonomy.contentious(event.sub_event_type, event.interaction, words)


def eval_glocon(limit: int | None) -> str:
    rows = _read_jsonl(EVENTS / "glocon-gold-sample" / "document" / "Sabinet_R.json")
    rows = [r for r in rows if int(str(r["label"])) in (0, 1)][:limit]
    texts = [str(r["text"]) for r in rows]
    gold = [int(str(r["label"])) == 1 for r in rows]
    found = analyse(texts)
    p, r, f = binary(gold, [any(_contentious(e, t) for e in evs) for t, evs in zip(texts, found, strict=True)])
    p1, r1, f1 = binary(gold, [any(e.event_type in ("Protests", "Riots") for e in evs) for evs in found])
    violent = ("Battles", "Explosions/Remote violence", "Violence against civilians")
    p2, r2, f2 = binary(gold, [any(e.event_type in ("Protests", "Riots", *violent) for e in evs) for evs in found])
    lines = [
        "### GLOCON gold sample (documents; contentious politics or not)",
        "",
        f"{len(rows)} documents ({sum(gold)} positive; the 5 labelled 2 are left out). GLOCON's \"protest event\" is",
        "any contentious-politics event (demonstrations, industrial action, group clashes, armed militancy); a",
        "document counts when `find_events` returns an event that `taxonomy.contentious` accepts.",
        "",
        "| measure | tocsin | target |",
        "|---|---|---|",
        f"| contentious-politics precision | {p:.3f} | |",
        f"| contentious-politics recall | {r:.3f} | |",
        f"| contentious-politics F1 | {f:.3f} | 0.85 |",
        f"| F1 when only Protests or Riots count | {f1:.3f} (P {p1:.3f}, R {r1:.3f}) | |",
        f"| F1 when any demonstration or political-violence event counts | {f2:.3f} (P {p2:.3f}, R {r2:.3f}) | |",
        "",
        GLOCON_NOTE,
    ]
    print("\n".join(lines))
    return "\n".join(lines)


GLOCON_NOTE = """\
The mapping follows GLOCON's definitions, not its labels: its protest event is a contentious-politics event
(Tilly's repertoire of contention) of four kinds, demonstration, industrial action, group clash and armed militancy,
that happened (a threat or a call to protest is none). Demonstrations and strikes are Protests, riots and group
clashes are Riots, and armed militancy is political violence whose actors include a challenger: rebels, an identity
militia, rioters or protesters, or attackers the report calls militants, rebels or terrorists, or who attacked a
councillor, a party official or an activist; bombs (IED, grenade) count unless only state forces took
part, and a suicide bombing always counts (no state force bombs that way). An attack claimed by, or blamed on,
rebels, an identity militia or attackers called militants is their militancy, though the codebook files the claim
as a strategic development. Other killings by unidentified gunmen (as likely crime), the state acting alone
(arrests, air strikes: an air strike is the state's unless it is a drone strike with no state in it) and other
strategic developments do not count. The last two rows are the narrower and the wider reading for comparison."""


def _by_state(event: Event) -> bool:
    names = (event.actor1 or "", event.actor2 or "")
    return any(n.startswith(("Police Forces", "Military Forces")) for n in names)


def _by_actor2(event: Event, *fields: str) -> bool:
    """Whether state forces are actor 2 of a demonstration and its evidence says they did the act (``fields``)."""
    return (event.actor2 or "").startswith(("Police Forces", "Military Forces")) and any(
        ev.field in fields for ev in event.evidence)


def _ipe_kill(events: list[Event]) -> bool:
    # A killing by the police: a violent event (not an arrest or a statement that mentions deaths) with state
    # forces as the doer and fatalities. The doer is actor 1, except in demonstrations, where ACLED codes the
    # protesters or rioters as actor 1 and the forces that met them as actor 2: excessive force is lethal force
    # by its actor 2, and a riot counts when its evidence makes actor 2 the killers ("killed in police firing"),
    # as does a fight in which state forces are actor 2 ("militants attacked the post; police killed one").
    violent = ("Battles", "Violence against civilians", "Explosions/Remote violence")
    state = ("Police Forces", "Military Forces")
    return any((e.fatalities or 0) > 0 and (
        e.event_type in violent and ((e.actor1 or "").startswith(state) or _by_actor2(e, FATALITIES_BY_ACTOR2))
        or e.sub_event_type == "Excessive force against protesters" and (e.actor2 or "").startswith(state)
        or e.event_type == "Riots" and _by_actor2(e, FATALITIES_BY_ACTOR2))
        for e in events)


def _ipe_arrest(events: list[Event]) -> bool:
    # an Arrests event, or a demonstration whose evidence says its actor 2 arrested people (the codebook folds
    # arrests at a protest into the intervention, and those at a riot into the riot)
    return any(e.sub_event_type == "Arrests" and _by_state(e)
               or e.event_type in ("Protests", "Riots") and _by_actor2(e, ARRESTS_BY_ACTOR2) for e in events)


def _ipe_force(events: list[Event]) -> bool:
    # Force by the police: excessive force, state forces in a battle or an attack, or a demonstration whose
    # evidence says its actor 2, state forces, used force on the crowd (fired, tear gas, a baton charge). An
    # intervention that only arrested or stopped a protest is no force.
    return any(e.sub_event_type == "Excessive force against protesters"
               or _by_state(e) and e.event_type in ("Violence against civilians", "Battles")
               or e.event_type == "Explosions/Remote violence" and (e.actor1 or "").startswith(("Police", "Military"))
               or e.event_type in ("Protests", "Riots") and _by_actor2(e, FORCE_BY_ACTOR2, FATALITIES_BY_ACTOR2)
               for e in events)


def eval_ipe(limit: int | None) -> str:
    rows = _read_jsonl(EVENTS / "indiapoliceevents" / "docs.jsonl")[:limit]
    texts = [str(r["doc_text"]) for r in rows]
    labels = [set(r["doc_labels"]) for r in rows]  # type: ignore[call-overload]
    found = analyse(texts)
    lines = [
        "### IndiaPoliceEvents (Times of India, lower-cased; document level)",
        "",
        f"{len(rows)} documents (labels are police actions). KILL: a violent event with fatalities and state forces",
        "as the doer (actor 1; actor 2 of excessive force against protesters, where ACLED codes the protesters",
        "first, or of a riot whose evidence makes actor 2 the killers); ARREST: an Arrests event with state forces,",
        "or a protest or riot whose evidence says its actor 2 arrested people; FORCE: excessive force, state forces",
        "in a battle or an attack (or as the doer of an explosion: grenades used on a mob), or a protest or riot",
        "whose evidence says its actor 2, state forces, used force on the crowd (an arrest is no force).",
        "",
        "| class | gold docs | precision | recall | F1 | target |",
        "|---|---|---|---|---|---|",
    ]
    rules: dict[str, Callable[[list[Event]], bool]] = {"KILL": _ipe_kill, "ARREST": _ipe_arrest, "FORCE": _ipe_force}
    for name, rule in rules.items():
        gold = [name in lab for lab in labels]
        p, r, f = binary(gold, [rule(e) for e in found])
        target = "0.80" if name in ("KILL", "ARREST") else ""
        lines.append(f"| {name} | {sum(gold)} | {p:.3f} | {r:.3f} | {f:.3f} | {target} |")
    print("\n".join(lines))
    return "\n".join(lines)


def eval_satp(limit: int | None) -> str:
    with (EVENTS / "conflibert-satp" / "dev.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if len(r) >= 5][:limit]
    texts = [r[0] for r in rows]
    found = analyse(texts)
    groups = {
        "armed assault": lambda e: e.event_type in ("Battles", "Violence against civilians")
        and e.sub_event_type != "Abduction/forced disappearance",
        "bombing/explosion": lambda e: e.event_type == "Explosions/Remote violence",
        "kidnapping": lambda e: e.sub_event_type == "Abduction/forced disappearance",
    }
    lines = [
        "### conflibert-satp (SATP narratives, dev split; column order as the data README believes)",
        "",
        f"{len(rows)} narratives; a label is predicted when any event of the matching types is found.",
        "",
        "| label | gold | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    for column, (name, rule) in enumerate(groups.items(), start=1):
        gold = [r[column].strip() == "1" for r in rows]
        p, r, f = binary(gold, [any(rule(e) for e in evs) for evs in found])
        lines.append(f"| {name} | {sum(gold)} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print("\n".join(lines))
    return "\n".join(lines)


def eval_hrds(limit: int | None) -> str:
    rows = json.loads((EVENTS / "hrdsattack" / "dev.json").read_text(encoding="utf-8"))[:limit]
    texts = [re.sub(r"<[^>]+>", " ", html.unescape(str(r["sample"]["Input.article_interface"]))) for r in rows]
    gold_types = []
    for r in rows:
        merged = r["merged_sample"]
        merged = ast.literal_eval(merged) if isinstance(merged, str) else merged
        gold_types.append(set(merged.get("violation_types") or []))
    found = analyse(texts)
    groups = {
        "killing": lambda e: (e.fatalities or 0) > 0 or e.sub_event_type == "Attack",
        "arbitrary detention": lambda e: e.sub_event_type == "Arrests",
        "kidnapping": lambda e: e.sub_event_type == "Abduction/forced disappearance",
    }
    lines = [
        "### HRDsAttack (articles on attacks against human-rights defenders, dev split)",
        "",
        f"{len(rows)} articles; a violation type is predicted when any matching event is found.",
        "",
        "| violation type | gold | precision | recall | F1 |",
        "|---|---|---|---|---|",
    ]
    for name, rule in groups.items():
        gold = [any(name.split()[-1] in t for t in types) for types in gold_types]
        p, r, f = binary(gold, [any(rule(e) for e in evs) for evs in found])
        lines.append(f"| {name} | {sum(gold)} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print("\n".join(lines))
    return "\n".join(lines)


METHOD = """\
How tocsin codes events: a relevance gate (one pattern of every codebook trigger), codebook trigger rules for the
30 classes with negation/modality checks on the dependency parse (events under "after", "amid" or "despite" are
taken as fact; looming, planned or voted-on events are not yet news; background is no news either: events dated by a
year before the report's or "N years ago", standing conflicts ("years of fighting", "a five-year war"), trends ("the
rise in attacks"), memories, the crime of a court case, claims that are denied, battle words that only describe a
noun ("fighting age"), ground told by its extent), codebook rules between co-occurring triggers
(a change of territory over the battle behind it, in one sentence or across sentences; a defused bomb over an
explosion; arrests at a protest as an intervention unless the arrest is the protest's grievance; protesters who
clash or a protest that descends into violence as a violent demonstration; deaths at a protest as excessive force
unless they are mourned; a suicide bomb over the gunfire around it; harm done in a riot as the riot; battle words in
a background clause ("as fighting continues") below the weapon; violence named as the cause of sanctions or
expulsions as background to the diplomatic act; advice to residents as no diplomatic event; an explosion at a plant
or in a crash with no attacker as an accident; riot, blockade and bare strike words that need a crowd and no
weapon; sport reports whose clashes, strikes and rallies are games), who takes territory from the subject of the
trigger's verb on the parse (a passive subject lost it), actor roles from the dependency parse (the agent and the
patient of the event's trigger: "shot dead by police", "killed in police firing", "were killed when soldiers
opened fire"; forces named only as the source of a report, or doing something else, are not the perpetrator;
state forces killing protesters is one excessive-force event with its dead; what state forces that are actor 2 did
at a demonstration or in a fight, such as firing on rioters, killing them or arresting them, is kept as evidence,
since the codebook's type does not say it), a killing and an arrest or a crime raid
told as separate acts of one clause (coordinated verbs, a participle: "opened fire, killing two, and arrested five") as
two events, while one nested in the other ("arrested for killing", a relative clause, "after"/"when") stays one, then a numpy softmax model over word n-grams
(function words left out as single words) and trigger hits, trained only on `train/events_corpus.jsonl` (7,260
snippets the project generated from its own templates: wire and local-press paraphrases, labour and South Asian
protest vocabulary, passive killings and arrests, accusations, diplomatic acts that name the violence they answer,
hard negatives such as advice to the public, and neutral clauses added to every class alike), which rejects non-news
clauses and arbitrates between event types when no battle word settles it. Precedence inside one event type is the
codebook's. Mentions of one incident merge inside the article (same family, compatible dates and sites). The
language pipeline is `en_core_web_sm`."""

BEHIND = """\
**Where we are behind, and why.** CASE now meets its targets on this dev half; the best published systems,
fine-tuned transformers, reached 0.839 on the full test, so treat our figure with care: **error analysis was done
on the dev sets, by category** (CASE confusions, GLOCON sentence- and document-level misses, IndiaPoliceEvents
changes), the trigger lexicon and the codebook rules between triggers were widened after reading those errors
(round 4: missing plural and verb forms, rule spaces that now match double spaces and line breaks, labour
action and bare strike nouns, road blockades, stoning, die-ins, arrest words that report no arrest (cardiac arrest,
warrants, arrests demanded or ordered), accidents that caught fire or leaked, gas leaks that are no chemical attack, missile tests, adjectival "occupied",
treaties withdrawn from, diplomatic acts over named attacks, advice to residents, the subject of a territory verb,
background "as fighting continues" clauses, suicide bombs and territory across sentences, mourning rallies,
grievance arrests, harm inside a riot), and new templates were written for the weak classes, though no weight or
threshold was fitted on the dev sets, no dev text was copied, and the corpus size and training settings were left
as they were; so these figures are optimistic for unseen text. Where the codebook's precedence and CASE's labels
differ (a grenade or an artillery strike inside a battle is one Battles event; CASE labels the weapon), we follow
the codebook: these are now the most frequent remaining confusion. GLOCON's "protest event" is any
contentious-politics event (its annotation manual's demonstrations, industrial action, group clashes and armed
militancy that happened; this sample's positives include events abroad, so the final database's focus-country
rule is not applied), so its documents are scored with `taxonomy.contentious`, a mapping written from those
definitions and ACLED's actor types, not fitted to the labels (see the GLOCON note above). It raised recall (armed
militancy: bombings, rebels, militants, targeted killings of councillors and activists) at some cost in precision,
but F1 stayed well below the target. New repertoire triggers (petitions handed over, purpose-named rallies,
walk-offs, shutdowns, land invasions and occupations, clashes between rival supporters) found no further GLOCON
document and cost one false positive (a court story that retells a land invasion). This round read GLOCON by
category twice, no phrase of it copied. Recall: an attack named inside a condemnation is its own event beside the
diplomatic one, and a condemnation explains no deaths; claims of responsibility by armed challengers and suicide
bombings count (see the note above); attacks named by kind or doer ("terrorist attack", "rebel attack", "an attack
by suspected jihadists"), violence named by its sides ("ethnic", "sectarian", "post-election violence"), fights
between rival supporters with the place before "between", rallies with a quoted name, blockades and occupations
with a stated demand, refusing to return to work, chanting crowds, workers who "struck", and Southern African press
vocabulary (rolling mass action, public violence charges, faction fighting, xenophobic attacks); "al-Qaida"
spellings; a cue word whose subject is an expletive "there" is a parse error, not a cue. Precision: background is
no event (a trigger dated years before the report, "N years ago", standing conflicts such as "years of fighting",
trends such as "the rise in attacks", memories, the crime behind a court case, a claim the sentence denies, ground
told only by its extent, a battle word that only describes a noun, attacks named only as what a thing is for); a
shot in sport is no blast; mining explosions are accidents; an air strike is the state's unless it is a drone with
no state in it. The background checks cost a few positives that the labels count: GLOCON documents whose only
contentious event the report dates years back, and killings, abductions and arrests of years before (or a
court's charges) that IndiaPoliceEvents and HRDsAttack count. The misses left are mostly online or court petitions
(no ACLED event: nobody gathered), threats, killings whose political target is named only in another sentence
("arrested for the murder of two party officials": the codebook keeps that clause one arrest), attacks whose doer
the parse gets wrong, and documents whose contentious clause is buried in business news. The false positives left
are mostly real events GLOCON leaves out (a coup, a clash in a markets report, shelling in a wire brief), crime
bombings, allegations and stative talk (a country "fighting the insurgency"). Both rounds were chosen after
reading GLOCON's errors by category, so its figure is optimistic for unseen text. IndiaPoliceEvents asks whether *the police* killed, arrested
or used force. Actor roles come from the dependency parse (who did what to whom), so police who only report,
recover bodies or keep a vigil near a killing are not its perpetrators. The codebook codes police firing on
rioters as the riot (rioters as actor 1, the police as actor 2) and folds force and arrests at a protest into the
protest, so the event type cannot say that the police killed, fired or arrested; a demonstration, and a fight
whose actor 2 is state forces, now carries that as evidence (`fatalities_by_actor2`, `force_by_actor2`,
`arrests_by_actor2`: the span of the act where the parse makes the state-force actor 2 its doer; tear gas, water
cannon and baton charges are the state's whatever the parse; only the state arrests), and the KILL, FORCE and
ARREST rules read it (an intervention that only arrested or stopped a march is no force, tear gas is no arrest).
Deaths "in police firing" told beside arrests are their own event, an age ("a 19-year-old") or a percentage is
no death count, and lower-cased South Asian force words (constables, crpf, bsf, jawans, paramilitary forces) are
actors. The misses left are killings told as background or statistics (deaths "as a result" of orders to fire),
lists of related headlines, and parses and sentence splits that go wrong in long, lower-cased sentences (a killing
verb hung off a participle, a full stop with no space after it); these mechanisms were chosen after
reading IndiaPoliceEvents misses by category, so its figures are optimistic too. HRDsAttack's killing recall fell by
one article whose "12-year-old" had been read as twelve dead. Role error analysis on IndiaPoliceEvents and HRDsAttack
was by category too (agents in "by" phrases and force nouns, victims as agents, bystander police, killers' counts
read as deaths). The next steps are a broader corpus (more styles and languages of the press), and reading "the strike" and
"the march" across sentences (coreference)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="read only the first N items of each set")
    parser.add_argument("--only", default=None, help="comma-separated subset: case,glocon,ipe,satp,hrds")
    args = parser.parse_args()
    if not EVENTS.exists():
        print(f"skipped: {EVENTS} is absent")
        return
    runs = {"case": eval_case, "glocon": eval_glocon, "ipe": eval_ipe, "satp": eval_satp, "hrds": eval_hrds}
    chosen = args.only.split(",") if args.only else list(runs)
    parts = ["## Events (`eval/events_eval.py`)", "", METHOD, ""]
    for name in chosen:
        parts += [runs[name](args.limit), ""]
    parts += [BEHIND]
    if args.limit is None and args.only is None:
        write_section("events", "\n".join(parts))
    elif args.limit is None:
        write_section("events", _with_subsections(parts[4:-1]))


def _with_subsections(fresh: list[str]) -> str:
    """Return the events section of docs/quality.md with the subsections just measured (and the prose) replaced.

    An ``--only`` run measures some sets; the figures of the others stay as their last full run wrote them. A
    subsection is found by its heading up to the first parenthesis and runs to the next heading or the prose.
    """
    text = QUALITY.read_text(encoding="utf-8")
    block = re.search(r"<!-- BEGIN events -->\n(.*?)\n+_Measured [^\n]*\n<!-- END events -->", text, re.S)
    if block is None:
        return "\n".join(["## Events (`eval/events_eval.py`)", "", METHOD, "", *fresh, BEHIND])
    body = block.group(1)
    subsections = re.findall(r"^### .*?(?=^### |^\*\*Where we are behind|\Z)", body, re.M | re.S)
    for part in fresh:
        if not part:
            continue
        key = part.split(" (", 1)[0]
        hits = [i for i, old in enumerate(subsections) if old.split(" (", 1)[0] == key]
        if hits:
            subsections[hits[0]] = part.rstrip() + "\n\n"
        else:
            subsections.append(part.rstrip() + "\n\n")
    return "## Events (`eval/events_eval.py`)\n\n" + METHOD + "\n\n" + "".join(subsections) + BEHIND


if __name__ == "__main__":
    main()
