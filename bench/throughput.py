"""Throughput of `tocsin analyze --jsonl` against the bare spaCy pipeline on the same real news articles.

Prints articles/s and words/s for both and their ratio (target: analyze at most 1.5x the bare pipeline's time).
Both runs are separate processes that load the model, so start-up is counted alike.
Usage: python bench/throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "dev" / "text"
BARE = ("import sys, json\nfrom tocsin import nlp\ntexts = [json.loads(l)['text'] for l in open(sys.argv[1])]\n"
        "for doc in nlp.load().pipe(texts, batch_size=16):\n    pass\n")


def _articles(limit: int) -> list[str]:
    paths = sorted(TEXTS.glob("*.txt"))[:limit]
    return [p.read_text(encoding="utf-8") for p in paths]


def _timed(cmd: list[str], stdin_path: Path | None = None) -> float:
    start = time.perf_counter()
    with open(stdin_path or "/dev/null", "rb") as stdin:
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    if not TEXTS.exists():
        print(f"skipped: {TEXTS} is absent")
        return
    texts = _articles(args.limit)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        jsonl.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
        tocsin = str(Path(sys.executable).with_name("tocsin"))
        bare = _timed([sys.executable, "-c", BARE, str(jsonl)])
        full = _timed([tocsin, "analyze", "--jsonl", "-"], jsonl)
    print(f"articles: {len(texts)}  words: {words}")
    print(f"bare spaCy pipeline : {len(texts) / bare:8.1f} articles/s  {words / bare:10.0f} words/s  ({bare:.1f} s)")
    print(f"tocsin analyze      : {len(texts) / full:8.1f} articles/s  {words / full:10.0f} words/s  ({full:.1f} s)")
    print(f"ratio analyze / bare: {full / bare:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
