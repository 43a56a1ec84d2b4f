"""Checks on the vectors the ranker is given: item vectors in `fit`/`upsert`, goal vectors in `rank`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from matching.types import Opening


def checked_item_vectors(
    openings: Sequence[Opening], vectors: npt.ArrayLike, dim: int | None = None
) -> npt.NDArray[np.float32]:
    """Validate item vectors, making nearly unit rows exactly unit.

    Args:
        openings: The items, row i for ``vectors[i]``; ids must be unique.
        vectors: (len(openings), d) float32, L2-normalised (to 1e-3).
        dim: The dimension d the vectors must have; None accepts any.

    Returns:
        (len(openings), d) float32 vectors, the input itself when already unit to 1e-6.

    Raises:
        ValueError: On mismatched lengths or dimension, a wrong dtype, non-unit vectors or
            repeated ids.
    """
    array = np.asarray(vectors)
    if array.ndim != 2 or array.shape[0] != len(openings):
        raise ValueError(f"vectors must be (n_openings, d); got {array.shape} for {len(openings)}")
    if dim is not None and array.shape[1] != dim:
        raise ValueError(f"vectors must have d={dim}; got {array.shape[1]}")
    if array.dtype != np.float32:
        raise ValueError(f"vectors must be float32, got {array.dtype}")
    unit: npt.NDArray[np.float32] = array
    norms = np.linalg.norm(unit, axis=1) if len(unit) else np.ones(0)
    if not np.allclose(norms, 1.0, atol=1e-3):
        raise ValueError("vectors must be L2-normalised")
    if not np.allclose(norms, 1.0, atol=1e-6):
        # Nearly unit vectors are accepted but made exactly unit: the score bounds
        # (`matching.ranking.groups.SimilarityCaps`) allow only 1e-5 of slack.
        unit = (unit / norms[:, None]).astype(np.float32)
    if len({o.id for o in openings}) != len(openings):
        raise ValueError("item ids must be unique")
    return unit


def as_goals(vector: npt.ArrayLike, dim: int) -> npt.NDArray[np.float32]:
    """One or several goal vectors as a C-contiguous (k, d) float32 matrix.

    Args:
        vector: (d,) or (k, d) L2-normalised goal vector(s), k >= 1.
        dim: The dimension d of the fitted item vectors.

    Raises:
        ValueError: On a wrong shape or dimension.
    """
    goals = np.asarray(vector, np.float32)
    goals = goals[None, :] if goals.ndim == 1 else goals
    if goals.ndim != 2 or goals.shape[1] != dim or goals.shape[0] == 0:
        raise ValueError(f"vector must be (d,) or (k, d) with d={dim}; got {np.shape(vector)}")
    return np.ascontiguousarray(goals)
