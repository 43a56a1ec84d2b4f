"""Audit log (app_audit_log): who read, exported, ranked, imported, merged, deleted or was refused what.

Append-only: this module is the only code that touches the table and it only ever INSERTs and
SELECTs (``tests/service/test_audit.py`` checks that no statement anywhere updates or deletes
it, and that the HTTP API has no route that could). Rows are written in the same transaction as
the write they describe where the use case has one (leads), otherwise committed through the group
writer before the answer goes out.

A row: ``logged_at`` (UTC), ``user_id`` (``app_users.id``; ``""`` for a caller who could not be
identified), ``action`` (read, list, leads, export, import, revert, merge, delete, restore,
batch, denied, ...), ``entity`` (participant, contact, import, batch, request, ...),
``entity_id`` (may be NULL) and a free-text ``detail``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from service.runtime.database import Database

_COLUMNS = ("id", "logged_at", "user_id", "username", "action", "entity", "entity_id", "detail")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit row as supervisors read it; ``username`` is None for unknown callers."""

    id: str
    logged_at: datetime
    user_id: str
    username: str | None
    action: str
    entity: str
    entity_id: str | None
    detail: str


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
    """Audit rows for `insert_access`, one per entity id (details cut at 2,000 characters)."""
    at = datetime.now(UTC)
    return [(uuid.uuid4(), at, user_id, action, entity, eid, detail[:2000]) for eid in entity_ids]


def insert_access(cur: Any, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert audit rows inside the caller's open transaction (one statement)."""
    if rows:
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        cur.execute(f"INSERT INTO app_audit_log VALUES {values}", [v for row in rows for v in row])


def list_access(db: Database, *, entity_id: str | None = None, limit: int = 100) -> list[dict[str, object]]:
    """Newest audit rows first, optionally for one entity (all units: for tests and the CLI)."""
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


# Rows a reader in $units may see: what their unit's users did, and anything done to (or tried
# on) their unit's participants. NULL $units: every row (admins).
_QUERY = """
SELECT a.id::VARCHAR, a.logged_at, a.user_id, u.username, a.action, a.entity, a.entity_id, a.detail
  FROM app_audit_log a
  LEFT JOIN app_users u ON u.id = a.user_id
  LEFT JOIN caseload_participants p ON a.entity = 'participant' AND p.id::VARCHAR = a.entity_id
 WHERE ($units::VARCHAR[] IS NULL OR list_contains($units, u.unit_id) OR list_contains($units, p.unit_id))
   AND ($pid::VARCHAR IS NULL OR (a.entity = 'participant' AND a.entity_id = $pid))
   AND ($user::VARCHAR IS NULL OR a.user_id = $user OR u.username = $user)
   AND ($since::TIMESTAMPTZ IS NULL OR a.logged_at >= $since)
   AND ($until::TIMESTAMPTZ IS NULL OR a.logged_at < $until)
   AND ($at::TIMESTAMPTZ IS NULL OR a.logged_at < $at OR (a.logged_at = $at AND a.id::VARCHAR < $last))
 ORDER BY a.logged_at DESC, a.id::VARCHAR DESC
 LIMIT $limit
"""


def query_audit(
    db: Database,
    *,
    units: Sequence[str] | None,
    participant_id: str | None = None,
    user: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    before: tuple[datetime, str] | None = None,
) -> list[AuditEntry]:
    """Audit rows newest first (ties by id, descending), ``limit`` of them after the cursor.

    Args:
        db: The database.
        units: The reader's units (a supervisor's own); None for every unit (admins).
        participant_id: Only rows about this participant.
        user: Only rows by this user (their id or username).
        since: From this time (inclusive).
        until: Before this time (exclusive).
        limit: Page size.
        before: (logged_at, id) of the last row of the previous page.
    """
    at, last = before if before else (None, None)
    params = {
        "units": list(units) if units is not None else None,
        "pid": participant_id,
        "user": user,
        "since": since,
        "until": until,
        "at": at,
        "last": last,
        "limit": limit,
    }
    rows = db.cursor().execute(_QUERY, params).fetchall()
    return [AuditEntry(*r) for r in rows]
