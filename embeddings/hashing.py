"""A deterministic, dependency-free encoder for fast tests (and a lexical baseline).

Character n-grams of each text are hashed (blake2b, so it does not depend on PYTHONHASHSEED) into
``dim`` signed buckets. Similar spellings give similar vectors; meaning is not modelled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from embeddings.encoder import TextKind, l2_normalise


class HashingEncoder:
    """Signed feature hashing of character 3-grams (word-bounded), L2-normalised.

    Args:
        dim: Vector dimension.
        ngram: Character n-gram length.
    """

    similarity_floor = 0.0

    def __init__(self, dim: int = 64, ngram: int = 3) -> None:
        self.dim = dim
        self.ngram = ngram
        self.model_id = f"hashing-{dim}-{ngram}"
        self.calls = 0  # texts encoded, so tests can check the cache

    def encode(self, texts: Sequence[str], *, kind: TextKind = "query") -> np.ndarray:
        """Return (len(texts), dim) float32 unit vectors; ``kind`` is ignored."""
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, text in enumerate(texts):
            for gram in _grams(text.lower(), self.ngram):
                h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        self.calls += len(texts)
        return l2_normalise(out)


def _grams(text: str, n: int) -> list[str]:
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams
