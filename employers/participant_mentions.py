"""Where the CRM names a participant: contacts linked to them and what those contacts made.

The employer store never reads the caseload; the service passes a participant id and gets back
the CRM rows that name it (for a GDPR export), or has their free texts removed (for erasure).
Rows are kept, with the participant id (a pseudonymous key) and unit, so contact counts per
employer and per unit stay what they were; only the texts that can name or describe the person
go: a contact's ``learned`` and ``next_step``, the title of the follow-up task made from it,
those fields' old and new values in the change log, and the import rows that carried them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storekit.connection import Connection
from storekit.rows import uuid_of
from storekit.store import Store

#: Contact fields that are free text about the person (cleared on erasure).
CONTACT_TEXTS = ("learned", "next_step")
ERASED_TITLE = "[erased]"


class ParticipantMentions(Store):
    """CRM rows naming one participant, on an injected DuckDB connection."""

    def rows(self, *, participant_id: str) -> dict[str, list[dict[str, Any]]]:
        """Table -> rows (column -> value) of contacts naming the person and their follow-up tasks.

        Soft-deleted contacts are included: they are still held.
        """
        pid = uuid_of("participant_id", participant_id)
        contacts = _dicts(
            self.con, "SELECT * FROM crm_contacts WHERE participant_id = ? ORDER BY occurred_at", [pid]
        )
        ids = [c["id"] for c in contacts]
        tasks = _dicts(
            self.con, "SELECT * FROM crm_tasks WHERE list_contains(?, contact_id) ORDER BY id", [ids]
        )
        return {"crm_contacts": contacts, "crm_tasks": tasks}

    def redact(self, *, participant_id: str) -> dict[str, int]:
        """Remove the free texts naming the person (one transaction); counts of rows changed."""
        with self.transaction() as con:
            return redact_mentions(con, participant_id)


def redact_mentions(con: Connection, participant_id: str) -> dict[str, int]:
    """`ParticipantMentions.redact` inside the caller's open transaction."""
    pid = uuid_of("participant_id", participant_id)
    contact_ids = [
        r[0] for r in con.execute("SELECT id FROM crm_contacts WHERE participant_id = ?", [pid]).fetchall()
    ]
    if not contact_ids:
        return {"contacts": 0, "tasks": 0, "change_log": 0, "import_rows": 0}
    con.execute("UPDATE crm_contacts SET learned = '', next_step = '' WHERE participant_id = ?", [pid])
    task_ids = [
        r[0]
        for r in con.execute(
            "SELECT id FROM crm_tasks WHERE list_contains(?, contact_id)", [contact_ids]
        ).fetchall()
    ]
    con.execute("UPDATE crm_tasks SET title = ? WHERE list_contains(?, id)", [ERASED_TITLE, task_ids])
    logged = con.execute(
        "UPDATE crm_change_log SET old_value = NULL, new_value = NULL WHERE (entity = 'contact' "
        "AND list_contains(?::VARCHAR[], entity_id::VARCHAR) AND list_contains(?, field)) "
        "OR (entity = 'task' AND list_contains(?::VARCHAR[], entity_id::VARCHAR) AND field = 'title') "
        "RETURNING id",
        [[str(i) for i in contact_ids], list(CONTACT_TEXTS), [str(i) for i in task_ids]],
    ).fetchall()
    return {
        "contacts": len(contact_ids),
        "tasks": len(task_ids),
        "change_log": len(logged),
        "import_rows": _redact_import_rows(con, contact_ids, str(pid)),
    }


def _redact_import_rows(con: Connection, contact_ids: Sequence[Any], pid: str) -> int:
    """Blank the contact texts in imported cells and before/after values (keys kept, for reverts)."""
    rows = con.execute(
        "SELECT import_id, row_number, cells, before, after FROM crm_import_rows "
        "WHERE list_contains(?, entity_id) OR contains(cells, ?)",
        [list(contact_ids), pid],
    ).fetchall()
    for import_id, number, *texts in rows:
        cells, before, after = (_blank(t) for t in texts)
        con.execute(
            "UPDATE crm_import_rows SET cells = ?, before = ?, after = ? "
            "WHERE import_id = ? AND row_number = ?",
            [cells, before, after, import_id, number],
        )
    return len(rows)


def _blank(text: str | None) -> str | None:
    """The JSON object ``text`` with its contact free-text keys (if any) set to ''."""
    if text is None:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return "{}"
    if not isinstance(values, dict):
        return "{}"
    keys = {k for k in values if k.split(".")[-1] in CONTACT_TEXTS}
    return json.dumps({k: ("" if k in keys else v) for k, v in values.items()})


def _dicts(con: Connection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur: Any = con.execute(sql, params)  # a DuckDB cursor: its description names the columns
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
