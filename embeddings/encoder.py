"""The one `Encoder` protocol every backend implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, runtime_checkable

import numpy as np

#: E5-style models embed search queries and documents with different prefixes.
TextKind = Literal["query", "passage"]


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into unit vectors.

    Attributes:
        model_id: Stable id of the model and its settings; part of every cache key.
        dim: Vector dimension.
        similarity_floor: Cosine similarity typical of unrelated short texts for this model; the
            ranker maps it to a preference value of 0.
    """

    model_id: str
    dim: int
    similarity_floor: float

    def encode(self, texts: Sequence[str], *, kind: TextKind = "query") -> np.ndarray:
        """Return (len(texts), dim) float32 L2-normalised vectors."""
        ...


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit length; all-zero rows stay zero.

    Args:
        vectors: (n, d) array of any float dtype.

    Returns:
        (n, d) float32, each non-zero row with L2 norm 1.

    Example:
        >>> l2_normalise(np.array([[3.0, 4.0]])).tolist()
        [[0.6000000238418579, 0.800000011920929]]
    """
    v = np.asarray(vectors, np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)
