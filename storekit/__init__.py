"""DuckDB plumbing both stores share: connection protocol, transactions, change log, rows, errors."""

from __future__ import annotations

from storekit.change_log import ChangeLog, Changes
from storekit.connection import Connection, Result, Row
from storekit.errors import ConflictError, InvalidError, NotFoundError, StoreError
from storekit.store import Store
from storekit.transactions import now, write_transaction

__all__ = [
    "ChangeLog",
    "Changes",
    "ConflictError",
    "Connection",
    "InvalidError",
    "NotFoundError",
    "Result",
    "Row",
    "Store",
    "StoreError",
    "now",
    "write_transaction",
]
