"""Everything the caseload holds about one person: read it out (GDPR export) or erase it.

Two modes, both leaving the ``caseload_participants`` row as a tombstone (id, unit, specialist,
status, language, created/updated dates, ``erased_at``), so counts of participants, leads and
outcomes per unit stay what they were:

- ``pseudonymise``: the direct identifiers and free texts go (name -> a code from the id, home
  place, goals, approved disclosure statements, feedback notes); the structured profile
  (preferences, skills, plans), leads and feedback codes stay, linked by the id.
- ``erase``: as above, and the profile's parts (preferences, skills, disclosure and benefits
  plans, licences) are deleted, and the change log's old/new values about the person cleared.

Leads, lead sets, batch rows and the consent register are kept: they hold ids, codes, scores and
dates, not words about the person.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from participants.change_log import CHANGE_LOG
from participants.erasure_history import HISTORY_TABLES, erase_history
from participants.errors import InvalidError
from storekit.connection import Connection
from storekit.rows import uuid_of
from storekit.store import Store
from storekit.transactions import now

MODES = ("erase", "pseudonymise")
ERASED_NAME = "[erased]"
#: Tables keyed by participant_id, in the order an export lists them.
PARTICIPANT_TABLES = (
    "caseload_preferences",
    "caseload_skills",
    "caseload_disclosure_plans",
    "caseload_benefits_plans",
    "caseload_consents",
    "caseload_leads",
    "caseload_lead_feedback",
    "caseload_lead_sets",
    "caseload_lead_batch_plan",
    "caseload_lead_batch_effects",
    "caseload_lead_batch_done",
    *HISTORY_TABLES,
)
#: Profile parts deleted by ``erase`` (pseudonymise keeps them).
_PROFILE_PARTS = PARTICIPANT_TABLES[:4]


class SubjectData(Store):
    """One participant's caseload rows, on an injected DuckDB connection (visibility: caller's job)."""

    def rows(self, *, participant_id: str) -> dict[str, builtins.list[dict[str, Any]]]:
        """Table -> rows (column -> DuckDB value) about the person, tombstone included.

        ``caseload_change_log`` holds the rows about the person and about their leads.
        """
        pid = uuid_of("participant_id", participant_id)
        out = {
            "caseload_participants": _dicts(
                self.con, "SELECT * FROM caseload_participants WHERE id = ?", [pid]
            )
        }
        for table in PARTICIPANT_TABLES:
            out[table] = _dicts(self.con, f"SELECT * FROM {table} WHERE participant_id = ?", [pid])
        lead_ids = [str(r["id"]) for r in out["caseload_leads"]]
        out["caseload_change_log"] = _dicts(
            self.con,
            "SELECT * FROM caseload_change_log WHERE entity_id = ? OR list_contains(?::UUID[], entity_id) "
            "ORDER BY changed_at",
            [pid, lead_ids],
        )
        return out

    def closed_before(self, *, cutoff: datetime) -> builtins.list[dict[str, Any]]:
        """Participants closed before ``cutoff`` (UTC) and not yet erased, oldest closure first.

        The closure date (``closed_on``) is ``closed_at``, else the day of the latest move to
        ``closed`` in ``caseload_status_history`` (the rows migration 010 wrote for older records
        start from the creation day, not a closure, so they are not counted), else, for a record
        closed before the lifecycle existed, the day of ``updated_at`` (its last change, at the
        latest its closing: it can only keep data longer). A closed day counts whole: the
        person is due once that day has ended before ``cutoff``.

        Returns:
            Dicts with id, unit_id, status, closed_on (date) and updated_at.
        """
        return _dicts(self.con, _CLOSED_BEFORE, [cutoff.date()])


#: Closed people and their closure day (see `SubjectData.closed_before`).
_CLOSED_BEFORE = """
SELECT * FROM (
    SELECT p.id, p.unit_id, p.status, COALESCE(
        p.closed_at,
        (SELECT max(h.effective_on) FROM caseload_status_history h
          WHERE h.participant_id = p.id AND h.status = 'closed' AND h.previous IS NOT NULL),
        CAST(p.updated_at AS DATE)
    ) AS closed_on, p.updated_at
    FROM caseload_participants p
    WHERE p.status = 'closed' AND p.erased_at IS NULL
) WHERE closed_on < ? ORDER BY closed_on, id
"""


def erase_participant(con: Connection, *, participant_id: str, mode: str, actor: str) -> dict[str, int]:
    """Erase or pseudonymise one participant inside the caller's open transaction.

    Returns:
        table -> rows changed or deleted.

    Raises:
        InvalidError: Unknown mode, or no such participant (erased ones included: erasing twice is
            allowed, ``pseudonymise`` after ``erase`` is refused as it would change nothing).
    """
    if mode not in MODES:
        raise InvalidError("mode", f"must be one of {', '.join(MODES)}; got {mode!r}")
    pid = uuid_of("participant_id", participant_id)
    row = con.execute("SELECT erasure_mode FROM caseload_participants WHERE id = ?", [pid]).fetchone()
    if row is None:
        raise InvalidError("participant_id", "no such participant")
    mode = "erase" if row[0] == "erase" else mode  # never weaken an earlier erasure
    name = ERASED_NAME if mode == "erase" else f"participant {str(pid)[:8]}"
    done = {"caseload_participants": 1}
    con.execute(
        "UPDATE caseload_participants SET display_name = ?, home_city = '', home_lat = NULL, "
        "home_lon = NULL, licences = CASE WHEN ? THEN []::VARCHAR[] ELSE licences END, "
        "erased_at = coalesce(erased_at, ?), "
        "erasure_mode = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        [name, mode == "erase", now(), mode, now(), actor, pid],
    )
    done["caseload_lead_feedback"] = _count(
        con,
        "UPDATE caseload_lead_feedback SET note = '' WHERE participant_id = ? AND note <> '' RETURNING id",
        pid,
    )
    if mode == "erase":
        for table in _PROFILE_PARTS:
            done[table] = _count(
                con, f"DELETE FROM {table} WHERE participant_id = ? RETURNING participant_id", pid
            )
        done["caseload_change_log"] = _count(
            con,
            "UPDATE caseload_change_log SET old_value = NULL, new_value = NULL WHERE entity_id = ? "
            "AND (old_value IS NOT NULL OR new_value IS NOT NULL) RETURNING id",
            pid,
        )
    else:
        con.execute("UPDATE caseload_preferences SET goals = '' WHERE participant_id = ?", [pid])
        con.execute(
            "UPDATE caseload_disclosure_plans SET approved_statements = [] WHERE participant_id = ?", [pid]
        )
    done |= erase_history(con, pid, mode)
    CHANGE_LOG.log_change(con, actor=actor, entity="participant", entity_id=str(pid), action=mode)
    return done


def _count(con: Connection, sql: str, pid: Any) -> int:
    return len(con.execute(sql, [pid]).fetchall())


def _dicts(con: Connection, sql: str, params: Sequence[Any]) -> builtins.list[dict[str, Any]]:
    cur: Any = con.execute(sql, list(params))  # a DuckDB cursor: its description names the columns
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
