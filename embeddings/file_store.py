"""A `VectorStore` in one ``.npz`` file, for offline tools that run without the service database.

The evaluation harness caches corpus and query vectors here between runs. Vectors are kept in
memory and written back by `flush`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np


class FileVectorStore:
    """Float16 vectors keyed by (model id, text key), loaded from and flushed to ``path``.

    float16 keeps cosine similarities within ~1e-3 and halves the file.

    Args:
        path: The cache file; created (with its folder) on the first `flush`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._data: dict[tuple[str, str], np.ndarray] = {}
        self._dirty = False
        if self.path.is_file():
            with np.load(self.path) as z:
                models, keys, vectors = z["models"], z["keys"], z["vectors"]
            for model, key, vec in zip(models.tolist(), keys.tolist(), vectors, strict=True):
                self._data[(model, key)] = vec

    def __len__(self) -> int:
        return len(self._data)

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return (dim,) float32 vectors for the keys present."""
        out = {}
        for key in keys:
            vec = self._data.get((model_id, key))
            if vec is not None:
                out[key] = vec.astype(np.float32)
        return out

    def put_many(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Keep vectors in memory until `flush`."""
        for key, vec in vectors.items():
            self._data[(model_id, key)] = np.asarray(vec, np.float16)
            self._dirty = True

    def flush(self) -> None:
        """Write the file if anything changed (atomically: temp file, then rename)."""
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        items = sorted(self._data.items())
        dims = {len(v) for _, v in items}
        if len(dims) > 1:  # several models of different sizes: keep the file per model instead
            raise ValueError(f"{self.path}: vectors of different sizes {sorted(dims)}")
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(
            tmp,
            models=np.array([m for (m, _), _ in items]),
            keys=np.array([k for (_, k), _ in items]),
            vectors=np.stack([v for _, v in items]) if items else np.zeros((0, 0), np.float16),
        )
        os.replace(tmp, self.path)
        self._dirty = False
