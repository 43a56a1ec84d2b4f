"""Group commit: small writes from concurrent requests share one DuckDB transaction.

Every leads request records its leads and an audit row; every participant read writes an audit
row. Each alone is a tiny transaction whose commit costs far more than its rows (~8 ms on the
development machine under load), and all of them queue behind the one writer lock. Here a
request hands its write to a single writer thread and waits; the thread takes every write that
is waiting, runs them in one transaction under the writer lock and commits once. A request still
returns only after its rows are committed, so durability is unchanged; with k requests waiting,
the commit is paid once instead of k times. Audit rows have a writer of their own that takes no
writer lock (`Database.append_commit`), so a long write never holds up a read.

A job is a function of a cursor that only writes (INSERT/UPDATE) inside the open transaction and
returns a value. If one job of a group fails, the group is rolled back and each job is re-run in
a transaction of its own, so one bad job never fails the others.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
_STOP = object()


@dataclass
class _Job:
    fn: Callable[[Any], Any]
    done: Future[Any] = field(default_factory=Future)


class GroupWriter:
    """One thread that commits queued writes in groups.

    Args:
        cursor_factory: Returns the writer thread's own DuckDB cursor (called in that thread).
        lock: The process-wide writer lock, held for each group's transaction.
        max_group: Most jobs in one transaction.
        name: The thread's name (after ``ipsmatch-``).
    """

    def __init__(
        self,
        cursor_factory: Callable[[], Any],
        lock: AbstractContextManager[Any],
        *,
        max_group: int = 256,
        name: str = "group-commit",
    ) -> None:
        self._cursor_factory = cursor_factory
        self._lock = lock
        self._max_group = max_group
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=f"ipsmatch-{name}", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(cursor)`` in the next group's transaction; return its result once committed.

        Raises:
            Whatever ``fn`` raised (its own writes are rolled back; other jobs are unaffected).
        """
        if threading.current_thread() is self._thread:
            raise RuntimeError("a group-commit job may not submit another job")
        job = _Job(fn)
        self._queue.put(job)
        return job.done.result()

    def close(self) -> None:
        """Commit what is queued, then stop the thread."""
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        cur = self._cursor_factory()
        while True:
            first = self._queue.get()
            if first is _STOP:
                return
            group, stop = [first], False
            while len(group) < self._max_group:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is _STOP:
                    stop = True
                    break
                group.append(nxt)
            with self._lock:
                self._commit(cur, group)
            if stop:
                return

    def _commit(self, cur: Any, group: list[_Job]) -> None:
        cur.execute("BEGIN TRANSACTION")
        try:
            results = [job.fn(cur) for job in group]
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            for job in group:  # isolate the job that failed
                self._commit_one(cur, job)
            return
        for job, result in zip(group, results, strict=True):
            job.done.set_result(result)

    @staticmethod
    def _commit_one(cur: Any, job: _Job) -> None:
        cur.execute("BEGIN TRANSACTION")
        try:
            result = job.fn(cur)
            cur.execute("COMMIT")
        except Exception as exc:
            cur.execute("ROLLBACK")
            job.done.set_exception(exc)
            return
        job.done.set_result(result)
