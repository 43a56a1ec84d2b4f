"""Vector cache keyed by (model id, text hash): only texts never seen before are encoded."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from embeddings.encoder import Encoder, TextKind


def text_key(text: str, kind: TextKind) -> str:
    """Stable 32-hex-digit key of a text as embedded with ``kind``."""
    return hashlib.sha256(f"{kind}\x00{text}".encode()).hexdigest()[:32]


class VectorStore(Protocol):
    """Where cached vectors live (memory here; the service keeps them in DuckDB)."""

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the stored (dim,) float32 vectors for the keys that are present."""
        ...

    def put_many(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store (dim,) float32 vectors by key."""
        ...


class MemoryVectorStore:
    """A dict-backed `VectorStore`."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], np.ndarray] = {}

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the vectors present for ``keys``."""
        return {k: self._data[(model_id, k)] for k in keys if (model_id, k) in self._data}

    def put_many(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store vectors by key."""
        for key, vec in vectors.items():
            self._data[(model_id, key)] = np.asarray(vec, np.float32)

    def __len__(self) -> int:
        return len(self._data)


class CachedEncoder:
    """Wrap an `Encoder` so repeated texts are read from a `VectorStore` instead.

    Args:
        encoder: The model.
        store: Where vectors are kept between calls (and, for a persistent store, runs).

    Attributes:
        hits: Texts served from the store so far.
        misses: Texts the model had to encode so far.
    """

    def __init__(self, encoder: Encoder, store: VectorStore | None = None) -> None:
        self.encoder = encoder
        self.store: VectorStore = store if store is not None else MemoryVectorStore()
        self.model_id = encoder.model_id
        self.dim = encoder.dim
        self.similarity_floor = encoder.similarity_floor
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str], *, kind: TextKind = "query") -> np.ndarray:
        """Return (len(texts), dim) float32 unit vectors, encoding only unseen texts."""
        keys = [text_key(t, kind) for t in texts]
        found = self.store.get_many(self.model_id, list(dict.fromkeys(keys)))
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if todo:
            fresh = self.encoder.encode(todo, kind=kind)
            new = {text_key(t, kind): v for t, v in zip(todo, fresh, strict=True)}
            self.store.put_many(self.model_id, new)
            found.update(new)
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, key in enumerate(keys):
            out[i] = found[key]
        return out
