"""The full score for peers: what a team would build on a similarity index, and how it is judged.

A lead list is ordered by (travel tier, score, id) over eight score parts (`matching.ranking`).
A peer that retrieves by similarity alone answers a different question, so every peer here is
made to answer ours: it retrieves ``fetch`` candidates by similarity under the person's filter,
then orders them by our full score (the parts computed with `matching.ranking.scoring`, the tiers
with `matching.ranking.travel`), and keeps the top k. Its recall@k is the share of our exact
top k it returns. `NumpyFullPeer` does the same over every allowed row: the exact baseline.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from matching import Ranker
from matching.ranking.scoring import score_parts
from matching.ranking.travel import travel_tiers
from matching.types import Profile

#: Scores closer than this are compared again exactly (tier * 10 - score merges tiny gaps).
_SLACK = 1e-9


class FullScorer:
    """Order any rows of a fitted ranker by (travel tier, score, id), as `Ranker.best` does."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker
        ids = np.asarray(ranker.table_.ids, dtype=str)
        self.id_rank = np.empty(len(ids), np.int64)  # row -> position of its id in sorted order
        self.id_rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))

    def top(self, profile: Profile, goals: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
        """(<= k,) int64 the best of ``rows`` (int64, any order), best first."""
        r = self.ranker
        rows = np.asarray(rows, np.int64)
        parts = score_parts(
            r.table_,
            r.store_.vectors,
            rows,
            profile,
            np.ascontiguousarray(goals, np.float32),
            similarity_floor=r.similarity_floor,
            stage_values=r.stage_values_,
        )
        return order(
            parts.total(r.weights_), travel_tiers(r.table_, rows, profile), self.id_rank[rows], rows, k
        )


def order(scores: np.ndarray, tiers: np.ndarray, id_rank: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """(<= k,) rows of the k best by (tier ascending, score descending, id ascending).

    Args:
        scores: (m,) float64 full scores.
        tiers: (m,) int travel tiers.
        id_rank: (m,) int64 rank of each row's id among all ids (the tie-breaker).
        rows: (m,) int64 the rows themselves.
        k: How many are wanted.
    """
    key = tiers.astype(np.float64) * 10.0 - scores
    if len(key) > k:
        kth = np.partition(key, k - 1)[k - 1]
        pool = np.flatnonzero(key <= kth + _SLACK)  # every near-tie at the boundary stays
    else:
        pool = np.arange(len(key))
    best = pool[np.lexsort((id_rank[pool], -scores[pool], tiers[pool]))][:k]
    return rows[best]


class NumpyFullPeer:
    """The exact baseline: numpy filter columns, then the full score of every allowed row."""

    name, exact = "numpy_full", True

    def __init__(self, scorer: FullScorer, cols: Any, nbytes: int) -> None:
        self.scorer, self.cols, self.nbytes = scorer, cols, nbytes

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        return self.scorer.top(p, goals, np.flatnonzero(self.cols.mask(p)), k)


class Rescored:
    """A similarity peer's ``fetch`` candidates, ordered by our full score."""

    def __init__(self, peer: Any, scorer: FullScorer, fetch: int) -> None:
        self.peer, self.scorer, self.fetch = peer, scorer, fetch
        self.name, self.nbytes = f"{peer.name}+rescore", peer.nbytes
        self.exact = False  # retrieval by similarity can miss leads the other parts lift

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:  # noqa: D102
        candidates = self.peer.query(p, goals, self.fetch)
        return self.scorer.top(p, goals, candidates, k)


def recall(found: np.ndarray, exact: np.ndarray) -> float:
    """Share of the exact top k (``exact``, rows) that ``found`` contains; 1.0 when exact is empty.

    The order (tier, score, id) is total, so the exact top k is one set: a peer that returns a
    different row tied on score with one of ours has still missed that row.
    """
    if len(exact) == 0:
        return 1.0
    return len(set(np.asarray(found).tolist()) & set(np.asarray(exact).tolist())) / len(exact)
