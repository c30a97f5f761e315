"""Benchmark the TIMEX3 tagger: sentences per CPU second through ``timex_rules.tag`` on one core.

Texts: the TBAQ documents in ../shared/data/time/tempeval3-tbaq/ when present, else the seed and the example
dispatches shipped in data/ (repeated). CPU time (``process_time``) is reported next to wall time, because on a shared machine
wall time measures the neighbours too.

Usage: python bench/time_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from tocsin.extract.timex_rules import tag
from tocsin.nlp import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "time" / "tempeval3-tbaq"
SEED = ROOT / "data" / "seed"
EXAMPLES = ROOT / "data" / "examples" / "dispatches.jsonl"
TARGET = 10_000


def _texts() -> tuple[str, list[str]]:
    if CORPUS.exists():
        sys.path.insert(0, str(ROOT / "eval"))
        from time_eval import read_tml

        return "TBAQ", [read_tml(p).text for p in sorted(CORPUS.glob("*/*.tml"))]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
    if EXAMPLES.exists():
        lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return "data/seed and data/examples (x50)", texts * 50


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    name, texts = _texts()
    dct = dt.date(2020, 8, 18)
    prepared = [(text, sentence_spans(text)) for text in texts]
    sentences = sum(len(s) for _, s in prepared)
    expressions = sum(len(tag(text, dct, sentences=s)) for text, s in prepared)
    best_cpu = best_wall = float("inf")
    for _ in range(args.rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        for text, spans in prepared:
            tag(text, dct, sentences=spans)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    rate = sentences / best_cpu
    print(f"texts: {name}, {len(texts)} documents, {sentences:,} sentences, {expressions:,} expressions")
    print(f"tagger: {rate:,.0f} sentences per CPU second ({sentences / best_wall:,.0f} per wall second), "
          f"target {TARGET:,}: {'met' if rate >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
