"""Field-level updates, soft delete and restore, each written with its change-log rows.

Table and column names come from the stores' own constants, never from callers; values are
always parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from employers.change_log import CHANGE_LOG
from employers.errors import NotFoundError
from storekit.connection import Connection
from storekit.rows import clean, row_by_id, uuid_of
from storekit.transactions import now


def current(
    con: Connection, *, table: str, entity: str, entity_id: str, columns: Sequence[str]
) -> dict[str, Any]:
    """The live row's ``columns`` as record values; NotFoundError when missing or deleted."""
    row = row_by_id(con, table, columns, entity, entity_id, live=True)
    return clean(columns, row)


def update_row(
    con: Connection,
    *,
    table: str,
    entity: str,
    entity_id: str,
    values: Mapping[str, Any],
    actor: str,
    action: str = "update",
) -> dict[str, tuple[Any, Any]]:
    """Set the changed ``values`` on a live row and log one change row per field.

    Returns:
        field -> (old, new) for the fields that actually changed (empty: nothing written).
    """
    if not values:
        return {}
    before = current(con, table=table, entity=entity, entity_id=entity_id, columns=list(values))
    changes = {k: (before[k], v) for k, v in values.items() if _norm(before[k]) != _norm(v)}
    if not changes:
        return {}
    sets = ", ".join(f"{k} = ?" for k in changes)
    con.execute(
        f"UPDATE {table} SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
        [*(_param(v) for _, v in changes.values()), now(), actor, uuid_of("id", entity_id)],
    )
    CHANGE_LOG.log_change(
        con, actor=actor, entity=entity, entity_id=entity_id, action=action, changes=changes
    )
    return changes


def soft_delete(con: Connection, *, table: str, entity: str, entity_id: str, actor: str) -> None:
    """Mark a live row deleted (it stays in the table, restorable)."""
    current(con, table=table, entity=entity, entity_id=entity_id, columns=["id"])
    con.execute(
        f"UPDATE {table} SET deleted_at = ?, deleted_by = ? WHERE id = ?",
        [now(), actor, uuid_of("id", entity_id)],
    )
    CHANGE_LOG.log_change(con, actor=actor, entity=entity, entity_id=entity_id, action="delete")


def restore(con: Connection, *, table: str, entity: str, entity_id: str, actor: str) -> None:
    """Undelete a soft-deleted row; NotFoundError when it does not exist or is live."""
    row_by_id(con, table, ["id"], entity, entity_id, live=False)
    con.execute(
        f"UPDATE {table} SET deleted_at = NULL, deleted_by = NULL, updated_at = ?, updated_by = ? "
        "WHERE id = ?",
        [now(), actor, uuid_of("id", entity_id)],
    )
    CHANGE_LOG.log_change(con, actor=actor, entity=entity, entity_id=entity_id, action="restore")


def require_live(con: Connection, *, table: str, entity: str, ids: Sequence[str | None]) -> None:
    """NotFoundError naming the first of ``ids`` (None skipped) with no live row in ``table``."""
    wanted = {str(uuid_of(f"{entity}_id", i)) for i in ids if i}
    if not wanted:
        return
    keys = [uuid_of("id", w) for w in wanted]
    match = "id = ?" if len(keys) == 1 else "list_contains(?, id)"  # one id: an index lookup
    rows = con.execute(
        f"SELECT id FROM {table} WHERE deleted_at IS NULL AND {match}", [keys[0] if len(keys) == 1 else keys]
    ).fetchall()
    missing = wanted - {str(r[0]) for r in rows}
    if missing:
        raise NotFoundError(entity, sorted(missing)[0])


def _norm(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


def _param(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
