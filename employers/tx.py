"""One write transaction per command, serialised by the process-wide writer lock."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from employers.rows import AUDIT_COLUMNS, insert_many


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
    rows: list[tuple[str | None, str | None, str | None]] = [
        (f, _text(old), _text(new)) for f, (old, new) in (changes or {}).items()
    ] or [(None, None, None)]
    con.executemany(
        "INSERT INTO crm_change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(uuid.uuid4(), at, actor, entity, entity_id, action, f, o, n) for f, o, n in rows],
    )


def insert_records(
    con: Any,
    *,
    table: str,
    columns: Sequence[str],
    records: Sequence[Mapping[str, Any]],
    actor: str,
    entity: str | None,
) -> list[str]:
    """Insert records (their ``columns`` plus created/updated stamps) and log each creation.

    Returns:
        The records' ids. ``entity`` None writes no change-log rows (e.g. stage history).
    """
    stamp = [now(), actor, now(), actor]
    insert_many(con, table, [*columns, *AUDIT_COLUMNS], [[r[c] for c in columns] + stamp for r in records])
    ids = [str(r["id"]) for r in records]
    if entity is not None:
        log_creates(con, actor=actor, entity=entity, entity_ids=ids)
    return ids


def log_creates(con: Any, *, actor: str, entity: str, entity_ids: Sequence[str]) -> None:
    """Append one "create" row per new record to crm_change_log, in one statement."""
    at = now()
    insert_many(
        con,
        "crm_change_log",
        ("id", "changed_at", "actor", "entity", "entity_id", "action"),
        [(str(uuid.uuid4()), at, actor, entity, i, "create") for i in entity_ids],
    )


def _text(value: Any) -> str | None:
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    return None if value is None else str(value)
