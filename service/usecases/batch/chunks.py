"""The batch's chunk functions (phases 1 and 3) and the executors (the caps are in `caps.py`).

Chunk functions take the fitted ranker and a chunk, so `LocalExecutor` runs them here and
`RayExecutor` on workers with the same results.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from matching import Ranker
from matching.types import Lead
from service.usecases.batch.caps import Candidates
from service.usecases.batch.options import BatchOptions

Chunk = list[tuple[str, Any, np.ndarray, list[str]]]  # (participant id, profile, goals, planned ids)


def rank_chunk(ranker: Ranker, chunk: Chunk, n: int) -> list[Candidates]:
    """Phase 1 for one chunk: each person's candidates best first (by travel tier, then score), removals."""
    out = []
    for pid, profile, goals, _ in chunk:
        best, removed = ranker.best(profile, goals, n=n)
        items = ranker.store_.items_at(best.rows)
        ids, emps = [i.id for i in items], [i.employer_id for i in items]
        tiers = best.tiers if best.tiers is not None else np.zeros(len(ids), np.int8)
        out.append(Candidates(pid, ids, emps, best.scores, tuple(sorted(removed.items())), tiers))
    return out


def explain_chunk(ranker: Ranker, chunk: Chunk) -> dict[str, list[Lead]]:
    """Phase 3 for one chunk: each participant's planned leads, explained, ranked 1, 2, ..."""
    return {
        pid: ranker.leads(profile, ranker.score_ids(profile, goals, ids))
        for pid, profile, goals, ids in chunk
    }


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
