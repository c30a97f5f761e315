"""Trains the event-type model (src/tocsin/extract/data/events_model.npz) from train/events_corpus.jsonl.

A multinomial logistic regression over the features of ``tocsin.extract.eventmodel.features`` (words, word pairs
and codebook-trigger hits), fitted with full-batch Adam and L2 regularisation in plain numpy. Prints the accuracy
on a held-out fifth of the corpus (our own data; the evaluation sets are never used here).
Run: ``python train/events_corpus.py && python train/train_events.py``.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from tocsin.extract.eventmodel import MODEL_PATH, features
from tocsin.extract.triggers import sentence_sub_types

CORPUS = Path(__file__).resolve().parent / "events_corpus.jsonl"
EPOCHS = 160
RATE = 0.05
L2 = 2e-4
MIN_COUNT = 2


def _featurise(text: str) -> list[str]:
    hits = sorted({sub.name for sub, _, _ in sentence_sub_types(text)})
    return ["bias", *features(text, hits)]


def _matrix(rows: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    doc_ids, cols = [], []
    for i, feats in enumerate(rows):
        for col in sorted({vocab[f] for f in feats if f in vocab}):
            doc_ids.append(i)
            cols.append(col)
    doc = np.asarray(doc_ids, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    starts = np.searchsorted(doc, np.arange(len(rows)))
    return doc, col, starts


def _logits(weights: np.ndarray, bias: np.ndarray, col: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.add.reduceat(weights[col], starts, axis=0) + bias


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)


def train(rows: list[list[str]], labels: list[int], n_classes: int, vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Fit softmax weights (features x classes) and bias with full-batch Adam."""
    doc, col, starts = _matrix(rows, vocab)
    order = np.argsort(col, kind="stable")
    col_sorted = col[order]
    col_starts = np.flatnonzero(np.r_[True, col_sorted[1:] != col_sorted[:-1]])
    col_ids = col_sorted[col_starts]
    target = np.zeros((len(rows), n_classes))
    target[np.arange(len(rows)), labels] = 1.0
    weights = np.zeros((len(vocab), n_classes))
    bias = np.zeros(n_classes)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias), np.zeros_like(bias)]
    for step in range(1, EPOCHS + 1):
        grad = (_softmax(_logits(weights, bias, col, starts)) - target) / len(rows)
        grad_w = np.zeros_like(weights)
        grad_w[col_ids] = np.add.reduceat(grad[doc[order]], col_starts, axis=0)
        grad_w += L2 * weights
        for param, g, m, v in ((weights, grad_w, moments[0], moments[1]), (bias, grad.sum(axis=0), moments[2], moments[3])):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            param -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return weights, bias


def main() -> None:
    data = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    classes = sorted({row["label"] for row in data})
    rows = [_featurise(row["text"]) for row in data]
    labels = [classes.index(row["label"]) for row in data]
    counts = Counter(f for feats in rows for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    # Hold out whole templates (a fifth of them), so the figure says how the model generalises to wording it
    # has not seen, not how well it remembers a template.
    templates = sorted({row["template"] for row in data})
    random.Random(7).shuffle(templates)
    unseen = set(templates[: len(templates) // 5])
    held = [i for i, row in enumerate(data) if row["template"] in unseen]
    fit = [i for i, row in enumerate(data) if row["template"] not in unseen]
    weights, bias = train([rows[i] for i in fit], [labels[i] for i in fit], len(classes), vocab)
    _, col, starts = _matrix([rows[i] for i in held], vocab)
    predicted = _logits(weights, bias, col, starts).argmax(axis=1)
    accuracy = float(np.mean(predicted == np.asarray([labels[i] for i in held])))
    print(f"accuracy on held-out templates of our own corpus: {accuracy:.3f} ({len(held)} snippets)", file=sys.stderr)
    weights, bias = train(rows, labels, len(classes), vocab)
    keep = np.abs(weights).max(axis=1) > 1e-3
    names = np.asarray(sorted(vocab, key=vocab.__getitem__))[keep]
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        MODEL_PATH,
        classes=np.asarray(classes),
        vocabulary=names,
        weights=weights[keep].astype(np.float16),
        bias=bias.astype(np.float32),
    )
    print(f"wrote {MODEL_PATH} ({len(names)} features, {len(classes)} classes)", file=sys.stderr)


if __name__ == "__main__":
    main()
