"""Ranking quality metrics with bootstrap confidence intervals (pure numpy).

Definitions follow the evaluation protocol (reference/matching-anchors.md §5): MRR@k is the mean of
1/rank of the first relevant item when it is within the top k (else 0); hit@k is the share of
queries with a relevant item in the top k (= recall@k with one gold item); NDCG@k uses graded gains
with a log2 discount, normalised by the ideal ranking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

#: A rank for queries whose relevant item was never retrieved.
NOT_FOUND = np.iinfo(np.int64).max


def reciprocal_ranks(ranks: npt.NDArray[np.int64], k: int = 10) -> npt.NDArray[np.float64]:
    """(q,) float64: 1/rank where rank <= k, else 0. ``ranks`` are 1-based int64."""
    r = np.asarray(ranks, np.int64)
    return np.where(r <= k, 1.0 / np.maximum(r, 1), 0.0)


def hits(ranks: npt.NDArray[np.int64], k: int) -> npt.NDArray[np.float64]:
    """(q,) float64: 1.0 where the first relevant item is within the top k."""
    return (np.asarray(ranks, np.int64) <= k).astype(np.float64)


def first_relevant_rank(scores: npt.NDArray[np.floating[Any]], relevant: npt.NDArray[np.bool_]) -> int:
    """1-based rank of the best-placed relevant item when items are sorted by score.

    Ties are broken by item position (earlier first), as a stable sort would, so equal scores
    never flatter a system.

    Args:
        scores: (n,) float scores, higher is better.
        relevant: (n,) bool.

    Returns:
        The rank, or NOT_FOUND when nothing is relevant.
    """
    rel = np.flatnonzero(relevant)
    if len(rel) == 0:
        return int(NOT_FOUND)
    best = scores[rel].max()
    first = rel[scores[rel] == best].min()
    ahead = (scores > best).sum() + (scores[:first] == best).sum()
    return int(ahead) + 1


def ndcg_at_k(
    scores: npt.NDArray[np.floating[Any]], gains: npt.NDArray[np.number[Any]], k: int = 10
) -> float:
    """NDCG@k of one ranking.

    Args:
        scores: (n,) float scores, higher is better (ties by position).
        gains: (n,) graded relevance, e.g. essential=2, optional=1, else 0.
        k: Cut-off.

    Returns:
        NDCG in [0, 1]; 0.0 when no item has a gain.
    """
    order = np.lexsort((np.arange(len(scores)), -np.asarray(scores)))[:k]
    discount = 1.0 / np.log2(np.arange(2, k + 2))
    dcg = float((np.asarray(gains, np.float64)[order] * discount[: len(order)]).sum())
    ideal = np.sort(np.asarray(gains, np.float64))[::-1][:k]
    idcg = float((ideal * discount[: len(ideal)]).sum())
    return dcg / idcg if idcg > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Estimate:
    """A mean with its 95% bootstrap percentile interval."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def bootstrap(
    per_query: npt.NDArray[np.floating[Any]],
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    statistic: Callable[[npt.NDArray[np.float64]], npt.NDArray[np.float64]] | None = None,
) -> Estimate:
    """Mean of per-query values with a 95% percentile bootstrap interval over queries.

    Args:
        per_query: (q,) float values (reciprocal ranks, hits, NDCG per query).
        n_resamples: Bootstrap resamples.
        seed: RNG seed, so reports are reproducible.
        statistic: Maps a (resamples, q) array to (resamples,); the mean by default.

    Returns:
        The estimate; an all-NaN estimate for no queries.
    """
    values = np.asarray(per_query, np.float64)
    if len(values) == 0:
        return Estimate(float("nan"), float("nan"), float("nan"))
    stat = statistic or (lambda a: a.mean(axis=-1))
    rng = np.random.default_rng(seed)
    samples = stat(values[rng.integers(0, len(values), (n_resamples, len(values)))])
    low, high = np.percentile(samples, [2.5, 97.5])
    return Estimate(float(stat(values[None, :])[0]), float(low), float(high))
