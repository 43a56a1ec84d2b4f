"""What the versioned bodies (career profiles, plans) share: a saved version, its owner, the next number.

Both append a JSON body per save to a ``caseload_*_versions`` table keyed by the participant (and,
for plans, the plan's kind), numbered 1, 2, ... per key.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from participants.screening import Warning
from storekit.connection import Connection
from storekit.rows import row_by_id, uuid_of


@dataclass(frozen=True, slots=True, kw_only=True)
class SavedVersion:
    """One saved version of a participant's body; ``warnings`` are those the saver confirmed."""

    participant_id: str
    version: int
    saved_at: dt.datetime
    saved_by: str
    body: Mapping[str, Any]
    warnings: tuple[Warning, ...] = ()


def live_participant(con: Connection, participant_id: str) -> uuid.UUID:
    """The id of a live (not soft-deleted) participant.

    Raises:
        InvalidError: ``participant_id`` is not a UUID.
        NotFoundError: No such participant, or a deleted one.
    """
    row_by_id(
        con,
        "caseload_participants",
        ("id",),
        "participant",
        participant_id,
        id_field="participant_id",
        live=True,
    )
    return uuid_of("participant_id", participant_id)


def next_version(con: Connection, table: str, pid: uuid.UUID, kind: str | None = None) -> int:
    """The number the next body saved to ``table`` for ``pid`` (of ``kind``, for plans) gets: 1 first."""
    of_kind = "" if kind is None else " AND kind = ?"  # profiles have no kind column
    row = con.execute(
        f"SELECT coalesce(max(version), 0) FROM {table} WHERE participant_id = ?{of_kind}",
        [pid] if kind is None else [pid, kind],
    ).fetchone()
    return int(row[0] if row else 0) + 1
