"""An append-only change log table, written in the same transaction as the change.

Each store has one (``crm_change_log``, ``caseload_change_log``) with the columns
``id, changed_at, actor, entity, entity_id, action, field, old_value, new_value``.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storekit.connection import Connection
from storekit.rows import insert_many
from storekit.transactions import now

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
#: field -> (old value, new value) of one change.
Changes = Mapping[str, tuple[Any, Any]]


@dataclass(frozen=True, slots=True)
class ChangeLog:
    """One store's change-log table.

    Args:
        table: The table name, a store constant (checked to be a plain SQL identifier).
    """

    table: str

    def __post_init__(self) -> None:
        if not _IDENTIFIER.fullmatch(self.table):
            raise ValueError(f"not a table name: {self.table!r}")

    def log_change(
        self,
        con: Connection,
        *,
        actor: str,
        entity: str,
        entity_id: str,
        action: str,
        changes: Changes | None = None,
    ) -> None:
        """Append one row per changed field, or one row for the action when ``changes`` is empty.

        Old and new values are stored as text; lists and tuples as JSON arrays.
        """
        at = now()
        rows: list[tuple[str | None, str | None, str | None]] = [
            (f, _text(old), _text(new)) for f, (old, new) in (changes or {}).items()
        ] or [(None, None, None)]
        con.executemany(
            f"INSERT INTO {self.table} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(uuid.uuid4(), at, actor, entity, entity_id, action, f, o, n) for f, o, n in rows],
        )

    def log_creates(self, con: Connection, *, actor: str, entity: str, entity_ids: Sequence[str]) -> None:
        """Append one ``create`` row per new record, in one statement."""
        at = now()
        insert_many(
            con,
            self.table,
            ("id", "changed_at", "actor", "entity", "entity_id", "action"),
            [(str(uuid.uuid4()), at, actor, entity, i, "create") for i in entity_ids],
        )


def _text(value: object) -> str | None:
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    return None if value is None else str(value)
