"""Wire copies: a MinHash signature of an article's word shingles and the test that two articles are one story.

A wire story syndicated by twenty outlets is one source, not twenty (``resolve.independent_sources``); the store
keeps each article's signature so that a copy arriving later is recognised without its text.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re

import numpy as np

__all__ = ["MINHASH_SIZE", "SHINGLE_WORDS", "SYNDICATION_CONTAINMENT", "Signature", "resemblance", "signature",
           "syndicated"]

# Share of the shorter article's shingles found in the longer one that makes it a copy.
SYNDICATION_CONTAINMENT = 0.5
SHINGLE_WORDS = 5
MINHASH_SIZE = 64

@dataclasses.dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature of an article's word shingles, with the number of distinct shingles."""

    values: tuple[int, ...]
    size: int

    def to_hex(self) -> str:
        """Return the signature as one hex string (8 digits per value), the form the store keeps."""
        return "".join(f"{v:08x}" for v in self.values)

    @classmethod
    def from_hex(cls, text: str, size: int) -> Signature:
        """Rebuild a signature from ``to_hex`` output and its shingle count."""
        return cls(tuple(int(text[i:i + 8], 16) for i in range(0, len(text), 8)), size)


@functools.lru_cache(maxsize=1)
def _minhash_params() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20200818)
    a = rng.integers(1, 2**63, size=MINHASH_SIZE, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=MINHASH_SIZE, dtype=np.uint64)
    return a, b


def signature(text: str) -> Signature:
    """Return the MinHash signature of ``text`` over shingles of five lower-cased words.

    >>> a = signature("Gunmen killed five villagers in Kati on Tuesday, residents said.")
    >>> resemblance(a, signature("Gunmen killed five villagers in Kati on Tuesday, residents said."))
    1.0
    """
    words = re.findall(r"\w+", text.lower())
    if not words:
        return Signature((), 0)
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little") for s in shingles),
        dtype=np.uint64, count=len(shingles))
    a, b = _minhash_params()
    with np.errstate(over="ignore"):
        mixed = (hashes[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
    return Signature(tuple(int(v) for v in mixed.min(axis=0)), len(shingles))


def resemblance(first: Signature, second: Signature) -> float:
    """Return the estimated Jaccard similarity of two articles' shingle sets (0 when either is empty)."""
    if not first.values or len(first.values) != len(second.values):
        return 0.0
    return sum(x == y for x, y in zip(first.values, second.values, strict=True)) / len(first.values)


def syndicated(first: Signature, second: Signature) -> bool:
    """Return whether two articles are copies of one story: most of the shorter one is in the longer one.

    Containment rather than resemblance, so that a wire story cut short by a subscriber still counts as a copy.
    """
    jaccard = resemblance(first, second)
    if jaccard == 0.0:
        return False
    shared = jaccard * (first.size + second.size) / (1.0 + jaccard)
    return shared / max(1, min(first.size, second.size)) >= SYNDICATION_CONTAINMENT
