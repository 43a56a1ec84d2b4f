"""One write transaction per command, serialised by the process-wide writer lock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime

from storekit.connection import Connection


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


@contextmanager
def write_transaction(con: Connection, lock: AbstractContextManager[object]) -> Iterator[Connection]:
    """Hold the writer lock, BEGIN, yield the connection, COMMIT (ROLLBACK on any error)."""
    with lock:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
