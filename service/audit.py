"""Audit log of participant-data reads and exports (app_audit_log, append-only)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from service.db import Database


def log_access(
    db: Database,
    *,
    user_id: str,
    action: str,
    entity: str,
    entity_ids: Sequence[str | None],
    detail: str = "",
) -> None:
    """Record that ``user_id`` did ``action`` on each of ``entity_ids`` (one row each)."""
    at = datetime.now(UTC)
    rows = [(uuid.uuid4(), at, user_id, action, entity, eid, detail) for eid in entity_ids]
    if not rows:
        return
    cur = db.cursor()
    with db.write_lock:
        cur.executemany("INSERT INTO app_audit_log VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


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
