"""Vector cache keyed by (model id, text hash): only texts never seen before are encoded."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
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
    """Wrap an `Encoder` so repeated texts are read from memory or a `VectorStore` instead.

    Look-ups go to a bounded in-process LRU first (hot texts such as participants' goals never
    reach the store again), then to the store, and only then to the model.

    Args:
        encoder: The model.
        store: Where vectors are kept between calls (and, for a persistent store, runs).
        memory: How many vectors the in-process LRU keeps (0 turns it off); 20,000 x 384 float32
            is ~31 MB.

    Attributes:
        hits: Texts served from memory or the store so far.
        misses: Texts the model had to encode so far.
    """

    def __init__(self, encoder: Encoder, store: VectorStore | None = None, *, memory: int = 20_000) -> None:
        self.encoder = encoder
        self.store: VectorStore = store if store is not None else MemoryVectorStore()
        self.model_id = encoder.model_id
        self.dim = encoder.dim
        self.similarity_floor = encoder.similarity_floor
        self.hits = 0
        self.misses = 0
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memory_size = memory
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], *, kind: TextKind = "query") -> np.ndarray:
        """Return (len(texts), dim) float32 unit vectors, encoding only unseen texts."""
        keys = [text_key(t, kind) for t in texts]
        found = self._recall(keys)
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            found.update(self.store.get_many(self.model_id, missing))
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if todo:
            fresh = self.encoder.encode(todo, kind=kind)
            new = {text_key(t, kind): v for t, v in zip(todo, fresh, strict=True)}
            self.store.put_many(self.model_id, new)
            found.update(new)
        self._remember(found)
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, key in enumerate(keys):
            out[i] = found[key]
        return out

    def _recall(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            found = {k: self._memory[k] for k in keys if k in self._memory}
            for key in found:
                self._memory.move_to_end(key)
        return found

    def _remember(self, vectors: dict[str, np.ndarray]) -> None:
        if self._memory_size <= 0:
            return
        with self._lock:
            for key, vec in vectors.items():
                self._memory[key] = vec
                self._memory.move_to_end(key)
            while len(self._memory) > self._memory_size:
                self._memory.popitem(last=False)
