"""The light event-type model: a linear classifier over word n-grams and codebook-trigger features.

Trained by ``train/train_events.py`` on the corpus the project wrote (``train/events_corpus.jsonl``), never on
evaluation data. The model is a plain softmax over sparse features, stored as one small ``.npz`` file in
``extract/data/``; scoring a sentence is a handful of dictionary look-ups and one sum, so it runs at tens of
thousands of sentences a second on one CPU core, and every score can be explained by the features behind it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["MODEL_PATH", "MODEL_VERSION", "NONE", "Model", "features", "load", "predict"]

MODEL_VERSION = "events.linear.v2"
MODEL_PATH = Path(__file__).resolve().parent / "data" / "events_model.npz"
NONE = "NONE"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


@dataclasses.dataclass(frozen=True)
class Model:
    """A trained softmax model: class names, feature vocabulary, weights (features x classes) and bias."""

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]

    def scores(self, feats: Iterable[str]) -> npt.NDArray[np.float64]:
        """Return the class probabilities for a bag of features."""
        index = [self.vocabulary[f] for f in set(feats) if f in self.vocabulary]
        logits = self.bias.astype(np.float64) + (self.weights[index].sum(axis=0) if index else 0.0)
        logits = logits - logits.max()
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(), dtype=np.float64)

    def explain(self, feats: Iterable[str], label: str, top: int = 5) -> list[tuple[str, float]]:
        """Return the features that pushed most towards ``label``, with their weights."""
        column = self.classes.index(label)
        pairs = [(f, float(self.weights[self.vocabulary[f], column])) for f in set(feats) if f in self.vocabulary]
        return sorted(pairs, key=lambda p: -p[1])[:top]


def features(text: str, rule_hits: Iterable[str] = ()) -> list[str]:
    """Return the features of a text: words and word pairs (numbers folded) plus codebook-trigger hits.

    >>> features("Two soldiers killed", ["Attack"])
    ['w=<num>', 'w=soldiers', 'w=killed', 'b=<num>_soldiers', 'b=soldiers_killed', 'r=Attack']
    """
    words = ["<num>" if w.isdigit() or w in _NUMBER_WORDS else w for w in _WORD.findall(text.lower())]
    feats = [f"w={w}" for w in words if w not in _STOP]
    feats += [f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False) if not (a in _STOP and b in _STOP)]
    feats += [f"r={hit}" for hit in rule_hits]
    return feats


# Function words say nothing about an event's type, but a template corpus lets them stand in for its styles
# (long discursive sentences read as "not news"); they are left out as single words. Negation, modality and
# condition words are kept: they are what makes a clause not news.
_STOP = frozenset(
    "a an the of in on at to for from by with as and or but that this these those it its is was were be been being "
    "are has have had he she they them their his her we our you i which who whom whose when where after before "
    "during into over about than then there here also said says say".split()
)
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve dozen dozens".split())


@functools.lru_cache(maxsize=2)
def load(path: Path = MODEL_PATH) -> Model | None:
    """Return the shipped model, or ``None`` when it has not been trained (the rules then work alone)."""
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        vocab = [str(v) for v in data["vocabulary"]]
        return Model(
            classes=tuple(str(c) for c in data["classes"]),
            vocabulary={v: i for i, v in enumerate(vocab)},
            weights=np.asarray(data["weights"], dtype=np.float32),
            bias=np.asarray(data["bias"], dtype=np.float32),
        )


def predict(text: str, rule_hits: Iterable[str] = (), *, model_loader: Callable[[], Model | None] = load) -> tuple[str, float] | None:
    """Return the most likely class of ``text`` and its probability, or ``None`` without a model."""
    model = model_loader()
    if model is None:
        return None
    probs = model.scores(features(text, rule_hits))
    best = int(np.argmax(probs))
    return model.classes[best], float(probs[best])
