"""`ConsentStore`: the consent register, per participant and purpose, with its full history.

A consent row is never changed or deleted: recording a purpose again (given or withdrawn)
supersedes the earlier row, so the current state is the latest row by ``recorded_at`` and the
history is every row. What each purpose means, and where it is consulted (docs/privacy.md):

- ``team_sharing``: the person agreed that their unit's team (not only their own specialist)
  works with their data. When its latest row is ``withdrawn``, reads made for a ``viewer``
  (`team_scope`: a colleague who is not the unit's supervisor) leave the person out unless the
  viewer is their own specialist. No row at all: shared with the team (the IPS default).
- ``employer_disclosure``: the person agreed that their specialist speaks to employers about
  them. When its latest row is ``withdrawn``, every caseload read returns the most private
  disclosure plan (`DisclosurePlan()`: level ``none``, no employer contact), whatever plan is
  stored, so ranking, the contact log and imports treat them as no-disclosure. No row at all
  leaves the stored disclosure plan as it is (the plan is itself the person's recorded choice).
- ``national_register_export``: opt-in; only a latest ``given`` row allows a participant into
  an export to a national register (``allows``).
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from participants.change_log import CHANGE_LOG
from participants.errors import InvalidError
from storekit.connection import Connection
from storekit.rows import select_records, uuid_of
from storekit.store import Store
from storekit.transactions import now

PURPOSES = ("team_sharing", "employer_disclosure", "national_register_export")
STATES = ("given", "withdrawn")
_COLUMNS = ("id", "participant_id", "purpose", "state", "effective_on", "recorded_at", "recorded_by")


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One entry of the register: ``state`` of ``purpose`` from ``effective_on``."""

    id: str
    participant_id: str
    purpose: str
    state: str
    effective_on: date
    recorded_at: datetime
    recorded_by: str


class ConsentStore(Store):
    """The consent register (``caseload_consents``) on an injected DuckDB connection."""

    def record(
        self, *, participant_id: str, purpose: str, state: str, effective_on: date | None, actor: str
    ) -> ConsentRecord:
        """Append one entry (the caller checked the participant is theirs); return it.

        Raises:
            InvalidError: Unknown purpose or state, or a date in the future.
        """
        if purpose not in PURPOSES:
            raise InvalidError("purpose", f"must be one of {', '.join(PURPOSES)}; got {purpose!r}")
        if state not in STATES:
            raise InvalidError("state", f"must be one of {', '.join(STATES)}; got {state!r}")
        at = now()
        on = effective_on or at.date()
        if on > at.date():
            raise InvalidError("effective_on", "must not be in the future")
        row = (
            str(uuid.uuid4()),
            str(uuid_of("participant_id", participant_id)),
            purpose,
            state,
            on,
            at,
            actor,
        )
        with self.transaction() as con:
            insert_consent(con, row)
        return ConsentRecord(*row)

    def history(self, *, participant_id: str) -> builtins.list[ConsentRecord]:
        """Every entry for one participant, oldest first."""
        pid = uuid_of("participant_id", participant_id)
        return select_records(
            self.con,
            ConsentRecord,
            "caseload_consents",
            _COLUMNS,
            "participant_id = ?",
            [pid],
            order="recorded_at, id",
        )

    def current(self, *, participant_ids: Sequence[str]) -> dict[str, dict[str, str]]:
        """Participant id -> purpose -> latest state (purposes never recorded are absent)."""
        return current_states(self.con, [uuid_of("participant_id", p) for p in participant_ids])

    def allows(self, *, participant_ids: Sequence[str], purpose: str) -> dict[str, bool]:
        """Participant id -> whether ``purpose`` is currently given (opt-in: no entry is False)."""
        states = self.current(participant_ids=participant_ids)
        return {p: states.get(p, {}).get(purpose) == "given" for p in participant_ids}


def insert_consent(con: Connection, row: Sequence[Any]) -> None:
    """Write one register row and its change-log row inside the caller's transaction.

    The participant's ``updated_at`` moves too: what may be done with the person changed, so
    leads ranked before (an overnight batch's, a reused set) must not be adopted after it.
    """
    con.execute(f"INSERT INTO caseload_consents ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    con.execute(
        "UPDATE caseload_participants SET updated_at = ?, updated_by = ? WHERE id = ?",
        [row[5], row[6], row[1]],
    )
    CHANGE_LOG.log_change(
        con,
        actor=str(row[6]),
        entity="participant",
        entity_id=str(row[1]),
        action="consent",
        changes={f"consent.{row[2]}": (None, row[3])},
    )


def current_states(con: Connection, uuids: Sequence[uuid.UUID]) -> dict[str, dict[str, str]]:
    """Participant id -> purpose -> latest state, for these participant UUIDs."""
    if not uuids:
        return {}
    rows = con.execute(
        "SELECT participant_id, purpose, arg_max(state, recorded_at) FROM caseload_consents "
        "WHERE list_contains(?, participant_id) GROUP BY participant_id, purpose",
        [list(uuids)],
    ).fetchall()
    out: dict[str, dict[str, str]] = {}
    for pid, purpose, state in rows:
        out.setdefault(str(pid), {})[purpose] = state
    return out


#: True for a ``caseload_participants`` row whose latest ``team_sharing`` entry is ``withdrawn``.
_TEAM_WITHDRAWN = (
    "(SELECT arg_max(c.state, c.recorded_at) FROM caseload_consents c "
    "WHERE c.participant_id = caseload_participants.id AND c.purpose = 'team_sharing') "
    "IS NOT DISTINCT FROM 'withdrawn'"
)


def team_scope(viewer: str | None) -> tuple[str, list[Any]]:
    """A WHERE condition on ``caseload_participants`` and its two arguments: the rows ``viewer`` sees.

    Args:
        viewer: A user id whose reads honour ``team_sharing``: people who withdrew it are seen only
            by their own specialist (``specialist_id``); None: no such narrowing (supervisors,
            the batch, the operator).
    """
    return f"(?::VARCHAR IS NULL OR specialist_id = ? OR NOT {_TEAM_WITHDRAWN})", [viewer, viewer]
