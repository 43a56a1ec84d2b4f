"""Audit log of participant-data reads and exports (app_audit_log, append-only)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from service.runtime.database import Database


def log_access(
    db: Database,
    *,
    user_id: str,
    action: str,
    entity: str,
    entity_ids: Sequence[str | None],
    detail: str = "",
) -> None:
    """Record that ``user_id`` did ``action`` on each of ``entity_ids`` (one row each).

    Committed before it returns, in a group with other waiting audit rows, without waiting for the
    writer lock (`Database.append_commit`): an import or any long write never holds up a read's
    audit row, so it never holds up the read.
    """
    rows = access_rows(user_id=user_id, action=action, entity=entity, entity_ids=entity_ids, detail=detail)
    if rows:
        db.append_commit(lambda cur: insert_access(cur, rows))


def access_rows(
    *, user_id: str, action: str, entity: str, entity_ids: Sequence[str | None], detail: str = ""
) -> list[tuple[object, ...]]:
    """Audit rows for `insert_access`, one per entity id."""
    at = datetime.now(UTC)
    return [(uuid.uuid4(), at, user_id, action, entity, eid, detail) for eid in entity_ids]


def insert_access(cur: Any, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert audit rows inside the caller's open transaction (one statement)."""
    if rows:
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        cur.execute(f"INSERT INTO app_audit_log VALUES {values}", [v for row in rows for v in row])


def list_access(db: Database, *, entity_id: str | None = None, limit: int = 100) -> list[dict[str, object]]:
    """Newest audit rows first, optionally for one entity."""
    rows = (
        db.cursor()
        .execute(
            "SELECT logged_at, user_id, action, entity, entity_id, detail FROM app_audit_log "
            "WHERE (?::VARCHAR IS NULL OR entity_id = ?) ORDER BY logged_at DESC LIMIT ?",
            [entity_id, entity_id, limit],
        )
        .fetchall()
    )
    keys = ("logged_at", "user_id", "action", "entity", "entity_id", "detail")
    return [dict(zip(keys, r, strict=True)) for r in rows]
