"""Status (phase) and specialist-assignment history: one row per change, with who and when."""

from __future__ import annotations

import builtins
import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from storekit.connection import Connection
from storekit.rows import uuid_of
from storekit.store import Store


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


def record_phase(
    con: Connection,
    pid: Any,
    phase: str,
    previous: str | None,
    on: dt.date,
    at: Any,
    actor: str,
    note: str = "",
) -> None:
    """Append a status-history row inside the caller's transaction."""
    con.execute(
        "INSERT INTO caseload_status_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [uuid.uuid4(), uuid_of("participant_id", pid), phase, previous, on, at, actor, note],
    )


def record_assignment(
    con: Connection,
    pid: Any,
    specialist: str | None,
    previous: str | None,
    on: dt.date,
    at: Any,
    actor: str,
    note: str = "",
) -> None:
    """Append a specialist-assignment row inside the caller's transaction."""
    con.execute(
        "INSERT INTO caseload_specialist_history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [uuid.uuid4(), uuid_of("participant_id", pid), specialist, previous, on, at, actor, note],
    )


class HistoryStore(Store):
    """Reads of the two histories; visibility is the caller's job."""

    def statuses(self, *, participant_id: str) -> builtins.list[HistoryRow]:
        """The participant's phases, oldest first (by effective day, then by recording time)."""
        return self._read("caseload_status_history", "status", participant_id)

    def assignments(self, *, participant_id: str) -> builtins.list[HistoryRow]:
        """The participant's specialists, oldest first."""
        return self._read("caseload_specialist_history", "specialist_id", participant_id)

    def _read(self, table: str, column: str, participant_id: str) -> builtins.list[HistoryRow]:
        rows = self.con.execute(
            f"SELECT participant_id, {column}, previous, effective_on, recorded_at, recorded_by, note "
            f"FROM {table} WHERE participant_id = ? ORDER BY effective_on, recorded_at",
            [uuid_of("participant_id", participant_id)],
        ).fetchall()
        return [HistoryRow(str(r[0]), *r[1:]) for r in rows]
