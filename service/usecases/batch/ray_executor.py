"""Ray scale-out for the batch: chunks go to workers; the ranker is put in the object store once.

Workers only compute (rank a chunk, explain a chunk); the driver reads participants and alone
writes to DuckDB. Point it at a cluster with ``IPSMATCH_RAY_ADDRESS`` (``ray://head:10001`` or
``auto``); empty starts a local Ray with one worker per core.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from matching import Ranker


def _call(fn: Any, ranker: Ranker, chunk: Any, *args: Any) -> Any:
    return fn(ranker, chunk, *args)


class RayExecutor:
    """Runs chunk functions on Ray workers, a bounded number in flight, results in order.

    Args:
        ranker: The fitted ranker (put in the object store once; workers map it zero-copy).
        address: Ray cluster address; "" starts a local Ray.
        num_cpus: CPUs for a local Ray (None: all).
    """

    def __init__(self, ranker: Ranker, address: str = "", num_cpus: int | None = None) -> None:
        import ray

        self.ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            ray.init(
                address=address or None,
                num_cpus=None if address else num_cpus,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        self.ranker_ref = ray.put(ranker)
        self.remote = ray.remote(num_cpus=1)(_call)
        self.in_flight = max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))

    def map(self, fn: Any, chunks: Iterator[Any], *args: Any) -> Iterator[Any]:
        """fn(ranker, chunk, *args) for each chunk on a worker; yields results in chunk order."""
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(self.remote.remote(fn, self.ranker_ref, chunk, *args))
            if len(pending) >= self.in_flight:
                yield self.ray.get(pending.popleft())
        while pending:
            yield self.ray.get(pending.popleft())

    def close(self) -> None:
        """Shut down a Ray this executor started."""
        if self._started:
            self.ray.shutdown()
