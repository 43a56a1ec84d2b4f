"""`Store`: the base of every store class, holding the injected connection and writer lock."""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager

from storekit.connection import Connection
from storekit.transactions import write_transaction


class Store:
    """Records in an injected DuckDB connection.

    Args:
        con: A DuckDB connection or cursor (one per thread).
        lock: The process-wide writer lock; a private lock when omitted (tests, scripts).
    """

    def __init__(self, con: Connection, lock: AbstractContextManager[object] | None = None) -> None:
        self.con = con
        self.lock: AbstractContextManager[object] = lock if lock is not None else threading.Lock()

    def transaction(self) -> AbstractContextManager[Connection]:
        """One write transaction under the writer lock; yields the connection to write with."""
        return write_transaction(self.con, self.lock)
