"""Geo throughput: gazetteer load time, gold-span resolution (toponyms/s) and find_places on parsed text.

Usage: ``python bench/geo_bench.py [--articles N]``. Reads LGL from ``../shared/data/geoparsing/`` (skips when
absent) and prints its figures; nothing is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from geo_eval import LGL, read_lgl  # noqa: E402

from tocsin import geo, nlp  # noqa: E402
from tocsin.geo import gazetteer  # noqa: E402
from tocsin.model import Article, article_id  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="geo throughput")
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if not LGL.exists():
        print(f"geo_bench: {LGL} is absent; skipped")
        return
    t0 = time.perf_counter()
    gazetteer.ensure_index()
    t1 = time.perf_counter()
    gazetteer.load()
    t2 = time.perf_counter()
    print(f"index check {1000 * (t1 - t0):.0f} ms, open {1000 * (t2 - t1):.0f} ms")
    docs = read_lgl(LGL)[: args.articles]
    n = sum(len(d.gold) for d in docs)
    t0 = time.perf_counter()
    for d in docs:
        geo.resolve(d.text, [(g.start, g.end) for g in d.gold])
    dt = time.perf_counter() - t0
    print(f"resolve (gold spans): {n} toponyms in {dt:.2f} s = {n / dt:.0f} toponyms/s (one core)")
    parsed = [(nlp.parse(d.text), d.text) for d in docs]
    t0 = time.perf_counter()
    found = 0
    for doc, text in parsed:
        found += len(geo.find_places(doc, Article(id=article_id(text), text=text)))
    dt = time.perf_counter() - t0
    print(f"find_places (parsed docs, no parsing time): {len(parsed)} articles, {found} places in {dt:.2f} s = "
          f"{len(parsed) / dt:.0f} articles/s, {found / dt:.0f} toponyms/s")


if __name__ == "__main__":
    main()
