"""The batch's chunk functions (phases 1 and 3), the greedy capped assignment, and the executors.

Chunk functions take the fitted ranker and a chunk, so `LocalExecutor` runs them here and
`RayExecutor` on workers with the same results.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from matching import Ranker
from matching.types import Lead
from service.usecases.batch.options import BatchOptions

Chunk = list[tuple[str, Any, np.ndarray, list[str]]]  # (participant id, profile, goals, planned ids)


def rank_chunk(ranker: Ranker, chunk: Chunk, n: int) -> list[tuple[str, list[str], list[str], np.ndarray]]:
    """Phase 1 for one chunk: (participant id, item ids, employer ids, scores) best first."""
    out = []
    for pid, profile, goals, _ in chunk:
        best, _removed = ranker.best(profile, goals, n=n)
        items = ranker.store_.items_at(best.rows)
        out.append((pid, [i.id for i in items], [i.employer_id for i in items], best.scores))
    return out


def explain_chunk(ranker: Ranker, chunk: Chunk) -> dict[str, list[Lead]]:
    """Phase 3 for one chunk: each participant's planned leads, explained, ranked 1, 2, ..."""
    return {
        pid: ranker.leads(profile, ranker.score_ids(profile, goals, ids))
        for pid, profile, goals, ids in chunk
    }


def assign(
    candidates: list[tuple[str, list[str], list[str], np.ndarray]], options: BatchOptions
) -> tuple[dict[str, list[tuple[str, float]]], int, int]:
    """Greedy by score over all pairs under the caps.

    Returns:
        participant id -> [(item id, score)] in rank order; how many participants lost at least
        one of their top ``leads`` to a cap; how many such leads were lost in all.
    """
    pidx = np.concatenate([np.full(len(c[1]), i) for i, c in enumerate(candidates)] or [np.zeros(0, int)])
    rank = np.concatenate([np.arange(len(c[1])) for c in candidates] or [np.zeros(0, int)])
    score = np.concatenate([c[3] for c in candidates] or [np.zeros(0)])
    items = [i for c in candidates for i in c[1]]
    emps = [e for c in candidates for e in c[2]]
    order = np.lexsort((rank, pidx, -score))  # best score first; ties by participant, then rank
    taken = np.zeros(len(candidates), int)
    per_item: dict[str, int] = {}
    per_emp: dict[str, int] = {}
    lost = np.zeros(len(candidates), int)
    chosen: list[list[tuple[int, str, float]]] = [[] for _ in candidates]
    for k in order.tolist():
        p, item, emp = pidx[k], items[k], emps[k]
        if taken[p] >= options.leads:
            continue
        if (
            per_item.get(item, 0) >= options.max_per_opening
            or per_emp.get(emp, 0) >= options.max_per_employer
        ):
            lost[p] += rank[k] < options.leads
            continue
        per_item[item] = per_item.get(item, 0) + 1
        per_emp[emp] = per_emp.get(emp, 0) + 1
        taken[p] += 1
        chosen[p].append((int(rank[k]), item, float(score[k])))
    plan = {c[0]: [(item, s) for _, item, s in sorted(chosen[i])] for i, c in enumerate(candidates)}
    return plan, int((lost > 0).sum()), int(lost.sum())


class LocalExecutor:
    """Runs chunk functions in this process."""

    def __init__(self, ranker: Ranker) -> None:
        self.ranker = ranker

    def map(self, fn: Any, chunks: Iterator[Chunk], *args: Any) -> Iterator[Any]:
        """fn(ranker, chunk, *args) for each chunk, in order."""
        for chunk in chunks:
            yield fn(self.ranker, chunk, *args)

    def close(self) -> None:
        """Nothing to release."""


def executor_for(ranker: Ranker, options: BatchOptions) -> Any:
    """The executor ``options.engine`` names (local or ray); ValueError for any other."""
    if options.engine == "ray":
        from service.usecases.batch.ray_executor import RayExecutor

        return RayExecutor(ranker, options.ray_address)
    if options.engine != "local":
        raise ValueError(f"unknown batch engine {options.engine!r}; use local or ray")
    return LocalExecutor(ranker)
