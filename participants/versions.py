"""What the versioned bodies (career profiles, plans) share: a saved version, its owner, the next number.

Both append a JSON body per save to a ``caseload_*_versions`` table keyed by the participant (and,
for plans, the plan's kind), numbered 1, 2, ... per key.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from participants.screening import Warning, require_confirmed
from storekit.connection import Connection
from storekit.rows import row_by_id, select_records, uuid_of
from storekit.store import Store
from storekit.transactions import now


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


V = TypeVar("V", bound=SavedVersion)


def read_versions(
    con: Connection, make: type[V], table: str, where: str, parameters: Sequence[object]
) -> list[V]:
    """The versions in ``table`` matching ``where``, newest first, read into ``make`` by field name.

    ``body`` is decoded from its JSON text; ``warnings`` are not stored (only a save returns them).
    """
    columns = tuple(f.name for f in fields(make) if f.name != "warnings")

    def version(body: str, **stored: Any) -> V:
        return make(body=json.loads(body), **stored)

    return select_records(con, version, table, columns, where, parameters, order="version DESC")


B = TypeVar("B", bound=Mapping[str, Any])


def save_confirmed(
    store: Store,
    make: Callable[..., V],
    built: tuple[B, Sequence[Warning]],
    write: Callable[[Connection, B, dt.datetime], int],
    *,
    confirm_warnings: bool,
) -> V:
    """Save a ``built`` (body, warnings) as a new version; ``make`` gives the answer.

    ``write(con, body, saved_at)`` appends the body in one transaction and gives its number;
    ``make(version=, saved_at=, body=, warnings=)`` is the version type with its other fields
    (``participant_id``, ``saved_by``, a plan's ``kind``...) already bound.

    Raises:
        NeedsConfirmationError: There are warnings and ``confirm_warnings`` is False (nothing is
            written).
    """
    body, warnings = built
    confirmed = require_confirmed(warnings, confirmed=confirm_warnings)
    at = now()
    with store.transaction() as con:
        version = write(con, body, at)
    return make(version=version, saved_at=at, body=body, warnings=confirmed)
