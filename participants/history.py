"""Status (phase) and specialist-assignment history: one row per change, with who and when."""

from __future__ import annotations

import builtins
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from storekit.connection import Connection
from storekit.rows import insert_many, uuid_of
from storekit.store import Store

#: A phase (IPS status) change, or a change of the specialist assigned.
History = Literal["status", "specialist"]


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """A change: ``value`` from ``effective_on`` on (``previous`` before it), recorded by whom, when."""

    participant_id: str
    value: str | None
    previous: str | None
    effective_on: dt.date
    recorded_at: dt.datetime
    recorded_by: str
    note: str


#: The two histories: which one -> (its table, the column holding the value that changed).
HISTORIES: dict[History, tuple[str, str]] = {
    "status": ("caseload_status_history", "status"),
    "specialist": ("caseload_specialist_history", "specialist_id"),
}


def record_change(
    con: Connection,
    history: History,
    pid: Any,
    value: str | None,
    previous: str | None,
    on: dt.date,
    at: Any,
    actor: str,
    note: str = "",
) -> None:
    """Append a row to one history (``value`` from day ``on``) inside the caller's transaction."""
    row = [uuid.uuid4(), uuid_of("participant_id", pid), value, previous, on, at, actor, note]
    record_changes(con, history, [row])


def record_changes(con: Connection, history: History, rows: Sequence[Sequence[Any]]) -> None:
    """Append rows to one history in one statement, inside the caller's transaction.

    Each row is (id, participant_id, value, previous, effective_on, recorded_at, recorded_by, note).
    """
    table, column = HISTORIES[history]
    columns = (
        "id",
        "participant_id",
        column,
        "previous",
        "effective_on",
        "recorded_at",
        "recorded_by",
        "note",
    )
    insert_many(con, table, columns, rows)


class HistoryStore(Store):
    """Reads of the two histories; visibility is the caller's job."""

    def statuses(self, *, participant_id: str) -> builtins.list[HistoryRow]:
        """The participant's phases, oldest first (by effective day, then by recording time)."""
        return self._read("status", participant_id)

    def assignments(self, *, participant_id: str) -> builtins.list[HistoryRow]:
        """The participant's specialists, oldest first."""
        return self._read("specialist", participant_id)

    def _read(self, history: History, participant_id: str) -> builtins.list[HistoryRow]:
        table, column = HISTORIES[history]
        rows = self.con.execute(
            f"SELECT participant_id, {column}, previous, effective_on, recorded_at, recorded_by, note "
            f"FROM {table} WHERE participant_id = ? ORDER BY effective_on, recorded_at",
            [uuid_of("participant_id", participant_id)],
        ).fetchall()
        return [HistoryRow(str(r[0]), *r[1:]) for r in rows]
