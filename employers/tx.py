"""One write transaction per command, serialised by the process-wide writer lock."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


@contextmanager
def write_transaction(con: Any, lock: AbstractContextManager[Any]) -> Iterator[Any]:
    """Hold the writer lock, BEGIN, yield the connection, COMMIT (ROLLBACK on any error)."""
    with lock:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")


def log_change(
    con: Any,
    *,
    actor: str,
    entity: str,
    entity_id: str,
    action: str,
    changes: dict[str, tuple[Any, Any]] | None = None,
) -> None:
    """Append to crm_change_log: one row per changed field, or one row for the action."""
    at = now()
    rows = [(f, _text(old), _text(new)) for f, (old, new) in (changes or {}).items()] or [(None, None, None)]
    con.executemany(
        "INSERT INTO crm_change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(uuid.uuid4(), at, actor, entity, entity_id, action, f, o, n) for f, o, n in rows],
    )


def _text(value: Any) -> str | None:
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    return None if value is None else str(value)
