"""Exact top-n with an upper bound on every score: score the promising rows first, stop early.

A lead's score is a weighted sum of parts. Six parts are the same for every row of a group
(`matching.ranking.groups`), so before any similarity is computed each allowed row has an upper bound:
its group's static parts plus the largest possible preference and commute parts. The rows with
the highest bounds are scored exactly; the n-th best exact score is then a threshold, and only
rows whose bound reaches it can still enter the top n. Those are scored too, and the result is the
exact top n (the same as scoring every row), usually after scoring a small share of the rows.

Leads are ordered by (travel tier, score, id) (`matching.ranking.travel`): the top n of the
lowest tier come first, then the next tier fills what is left, each tier found the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.ranking.parts import PartMatrix

#: Allowed sets up to this size are scored in one pass (bounding would not pay for itself).
SMALL = 512
#: Slack on the bound comparison: bounds and scores add the same parts in a different order.
TOLERANCE = 1e-9

#: rows -> (their exact scores, their parts): (m,) int64 -> ((m,) float64, PartMatrix).
Evaluate = Callable[[npt.NDArray[np.int64]], tuple[npt.NDArray[np.float64], PartMatrix]]
#: rows -> upper bounds of their scores: (m,) int64 -> (m,) float64.
Upper = Callable[[npt.NDArray[np.int64]], npt.NDArray[np.float64]]


@dataclass(frozen=True, slots=True)
class Ranked:
    """The best rows for one person, best first, with what their explanations need.

    Attributes:
        rows: (k,) int64 item rows.
        scores: (k,) float64 exact scores.
        parts: Parts of those rows; column j belongs to ``rows[j]``.
        scored: How many rows had their exact score computed (the rest were bounded out).
        allowed: How many rows the person's constraints allowed.
        tiers: (k,) int8 travel tier of each row, None when not worked out (`Ranker.score_ids`).
    """

    rows: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float64]
    parts: PartMatrix
    scored: int
    allowed: int
    tiers: npt.NDArray[np.int8] | None = None


def best_tiered(
    rows: npt.NDArray[np.int64],
    tiers: npt.NDArray[np.int8],
    n: int,
    search: Callable[[npt.NDArray[np.int64], int], Ranked],
) -> Ranked:
    """The exact top ``n`` of ``rows`` by (tier, score, id): ``search`` per tier, lowest first.

    Args:
        rows: (m,) int64 allowed rows.
        tiers: (m,) int8 travel tier of each row.
        n: How many rows are wanted.
        search: (rows, k) -> the exact top k of those rows by score (`best_rows` with the
            person's bounds, evaluator and ids bound).
    """
    found: list[tuple[int, Ranked]] = []
    left = n
    for tier in np.unique(tiers).tolist():
        if left <= 0 and found:
            break
        part = search(rows[tiers == tier], left)
        found.append((tier, part))
        left -= len(part.rows)
    if not found:
        empty = search(rows, n)
        return Ranked(empty.rows, empty.scores, empty.parts, 0, 0, np.zeros(0, np.int8))
    return Ranked(
        np.concatenate([f.rows for _, f in found]),
        np.concatenate([f.scores for _, f in found]),
        PartMatrix.concat([f.parts for _, f in found]),
        sum(f.scored for _, f in found),
        len(rows),
        np.concatenate([np.full(len(f.rows), t, np.int8) for t, f in found]),
    )


def best_rows(
    rows: npt.NDArray[np.int64],
    upper: Upper | None,
    n: int,
    evaluate: Evaluate,
    ids: npt.NDArray[np.object_],
) -> Ranked:
    """The exact top ``n`` of ``rows``; equal scores in id order.

    Args:
        rows: (m,) int64 allowed rows.
        upper: Computes (m,) float64 bounds of ``rows``, ``bounds[i]`` >= the score of ``rows[i]``;
            called only when the allowed set is large enough for bounding to pay. None: score
            every row.
        n: How many rows are wanted.
        evaluate: rows -> ((len(rows),) float64 exact scores, their parts).
        ids: (capacity,) object item ids by row (the tie-breaker).
    """
    if n <= 0 or len(rows) == 0:
        scores, parts = evaluate(rows[:0])
        return Ranked(rows[:0], scores, parts, 0, len(rows))
    if upper is None or len(rows) <= max(SMALL, 4 * n):
        scores, parts = evaluate(rows)
        return _top(rows, scores, parts, n, ids, len(rows), len(rows))
    bounds = upper(rows)
    head = np.argpartition(-bounds, max(SMALL, 4 * n) - 1)[: max(SMALL, 4 * n)]
    scores, parts = evaluate(rows[head])
    threshold = -np.partition(-scores, n - 1)[n - 1]
    more = bounds >= threshold - TOLERANCE
    more[head] = False
    tail = np.flatnonzero(more)
    if len(tail):
        tail_scores, tail_parts = evaluate(rows[tail])
        head = np.concatenate([head, tail])
        scores = np.concatenate([scores, tail_scores])
        parts = PartMatrix.concat([parts, tail_parts])
    return _top(rows[head], scores, parts, n, ids, len(head), len(rows))


def _top(
    rows: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    parts: PartMatrix,
    n: int,
    ids: npt.NDArray[np.object_],
    scored: int,
    allowed: int,
) -> Ranked:
    if n < len(scores):
        kth = np.partition(-scores, n - 1)[n - 1]
        pool = np.flatnonzero(-scores <= kth)  # every tie at the boundary stays in the pool
    else:
        pool = np.arange(len(scores))
    keys = ids[rows[pool]]
    order = sorted(range(len(pool)), key=lambda i: (-scores[pool[i]], keys[i]))[:n]
    top = pool[np.asarray(order, np.int64)]
    return Ranked(rows[top], scores[top], parts.take(top), scored, allowed)
