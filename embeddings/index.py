"""Exact top-k inner-product search: the oracle every faster index is tested against."""

from __future__ import annotations

import numpy as np


class ExactIndex:
    """Brute-force maximum inner product (= cosine for unit vectors) with a row filter.

    Example:
        >>> idx = ExactIndex().fit(np.eye(3, dtype=np.float32))
        >>> scores, rows = idx.search(np.array([[1, 0, 0]], np.float32), 2)
        >>> rows.tolist()
        [[0, 1]]
    """

    def fit(self, vectors: np.ndarray) -> ExactIndex:
        """Index (n, d) float32 vectors; returns self."""
        v = np.asarray(vectors)
        if v.ndim != 2 or v.dtype != np.float32:
            raise ValueError(f"vectors must be 2-D float32, got {v.dtype} {v.shape}")
        self.vectors_ = np.ascontiguousarray(v)
        return self

    def search(
        self, queries: np.ndarray, k: int, *, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k rows per query, best first, equal scores in row order.

        Args:
            queries: (q, d) float32.
            k: Results per query.
            rows: Optional (m,) int64 allowed rows; only these are searched (gather, then
                search: filtering before the search never loses results).

        Returns:
            scores (q, k') float32 and rows (q, k') int64 with k' = min(k, allowed rows).
        """
        allowed = np.arange(len(self.vectors_)) if rows is None else np.asarray(rows, np.int64)
        sims = np.asarray(queries, np.float32) @ self.vectors_[allowed].T
        k = min(k, len(allowed))
        out_rows = np.zeros((len(sims), k), np.int64)
        out_scores = np.zeros((len(sims), k), np.float32)
        for qi, row in enumerate(sims):
            pool = np.argpartition(-row, k - 1)[:k] if 0 < k < len(row) else np.arange(k)
            kth = row[pool].min() if k else 0.0
            pool = np.flatnonzero(row >= kth)  # keep every tie at the boundary
            order = np.lexsort((allowed[pool], -row[pool]))[:k]
            out_rows[qi] = allowed[pool[order]]
            out_scores[qi] = row[pool[order]]
        return out_scores, out_rows
