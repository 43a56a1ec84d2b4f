"""Erasure of the caseload's history tables: versioned profiles and plans, notes on history rows.

The rows stay (their dates and triggers feed the fidelity items: V2 disclosure discussions, V3
profile updated after a job, the phase history), so aggregate reports are unchanged; what goes
is what words the person: notes everywhere, and in the versioned JSON bodies the free-text
parts (``pseudonymise``) or the whole body (``erase``: ``{}``).
"""

from __future__ import annotations

import json
from typing import Any

from storekit.connection import Connection

#: Tables keyed by participant_id that hold the person's history (exported, and erased here).
HISTORY_TABLES = (
    "caseload_status_history",
    "caseload_specialist_history",
    "caseload_profile_versions",
    "caseload_plan_versions",
    "caseload_disclosure_discussions",
    "caseload_jobs",
    "caseload_education",
    "caseload_support_contacts",
)
#: Tables whose ``note`` column is the specialist's words about the person.
_NOTED = (
    "caseload_status_history",
    "caseload_specialist_history",
    "caseload_disclosure_discussions",
    "caseload_support_contacts",
)
#: Free-text keys of profile and plan bodies (participants/profile_body.py, plan_body.py).
_TEXT_KEYS = frozenset(
    {
        "goals",
        "strengths",
        "conditions_for_success",
        "work_history",
        "education",
        "approved_statements",
        "notes",
    }
)
#: Keys inside list items that are free text (a skill's evidence, a plan action's wording).
_ITEM_TEXT_KEYS = frozenset({"evidence", "what"})


def erase_history(con: Connection, pid: Any, mode: str) -> dict[str, int]:
    """Clear the history tables' words about participant ``pid``; table -> rows changed."""
    done = {
        table: len(
            con.execute(
                f"UPDATE {table} SET note = '' WHERE participant_id = ? AND note <> '' RETURNING 1",
                [pid],
            ).fetchall()
        )
        for table in _NOTED
    }
    con.execute("UPDATE caseload_participants SET closure_note = '' WHERE id = ?", [pid])
    for table, key in (("caseload_profile_versions", "version"), ("caseload_plan_versions", "kind, version")):
        rows = con.execute(f"SELECT {key}, body FROM {table} WHERE participant_id = ?", [pid]).fetchall()
        where = " AND ".join(f"{k.strip()} = ?" for k in key.split(","))
        for *keys, body in rows:
            kept = {} if mode == "erase" else _without_text(json.loads(body))
            con.execute(
                f"UPDATE {table} SET body = ? WHERE participant_id = ? AND {where}",
                [json.dumps(kept), pid, *keys],
            )
        done[table] = len(rows)
    return done


def _without_text(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` without its free-text keys, list items without theirs (structure and codes kept)."""
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key in _TEXT_KEYS:
            continue
        if isinstance(value, list):
            value = [
                {k: ("" if k in _ITEM_TEXT_KEYS else v) for k, v in item.items()}
                if isinstance(item, dict)
                else item
                for item in value
            ]
        out[key] = value
    return out
