"""GDPR right of access: everything held about one participant, as JSON or a zip of CSVs.

The export holds the caseload rows (profile, preferences, skills, plans, consents, leads, lead
sets, feedback, batch rows, change log), the CRM contacts naming the person and the tasks made
from them, and the audit rows about the person. Only their own unit's supervisor or their own
specialist may take it (anyone else in the unit: 403; another unit: 404, as for any read), and
taking it is audit-logged as ``export``.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from employers.participant_mentions import ParticipantMentions
from participants import ParticipantRecord, ParticipantStore
from participants.erasure import SubjectData
from service.access.audit import list_access, log_access
from service.access.auth import caseload_units
from service.access.errors import ForbiddenError
from service.access.users import User
from service.access.visibility import participant_scope
from service.runtime.database import Database

FORMATS = ("json", "zip")
#: Every audit row about a person is exported; a bound only so one export cannot exhaust memory.
_AUDIT_ROWS = 1_000_000
Tables = dict[str, list[dict[str, Any]]]


def may_export(user: User, person: ParticipantRecord) -> bool:
    """The person's own unit's supervisor, or their own specialist."""
    if person.unit_id not in caseload_units(user):
        return False
    return user.role == "supervisor" or (user.role == "specialist" and person.specialist_id == user.id)


def export_participant(*, db: Database, user: User, participant_id: str, fmt: str = "json") -> Tables:
    """Table -> rows held about the person (JSON-ready values); the export is audit-logged.

    Raises:
        participants.NotFoundError: Not a live participant of the caller's unit.
        ForbiddenError: In the unit, but the caller is neither its supervisor nor their specialist.
    """
    person = ParticipantStore(db.cursor()).get(participant_id=participant_id, **participant_scope(user))
    if not may_export(user, person):
        raise ForbiddenError(
            "only the participant's specialist or their unit's supervisor may export their data"
        )
    tables = gather(db, person.id)
    log_access(db, user_id=user.id, action="export", entity="participant", entity_ids=[person.id], detail=fmt)
    return tables


def gather(db: Database, participant_id: str) -> Tables:
    """Every row about the person, from the caseload, the CRM and the audit log (no checks)."""
    cur = db.cursor()
    raw: dict[str, list[dict[str, Any]]] = {
        **SubjectData(cur).rows(participant_id=participant_id),
        **ParticipantMentions(cur).rows(participant_id=participant_id),
        "app_audit_log": list_access(db, entity_id=participant_id, limit=_AUDIT_ROWS),
    }
    return {table: [{k: plain(v) for k, v in row.items()} for row in rows] for table, rows in raw.items()}


def plain(value: Any) -> Any:
    """A DuckDB value as JSON: UUID and dates as ISO text, lists and structs recursively."""
    if isinstance(value, UUID | datetime | date):
        return str(value) if isinstance(value, UUID) else value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def to_json(participant_id: str, tables: Tables) -> bytes:
    """One JSON document: ``{"participant_id", "exported_at", "tables": {table: [row, ...]}}``."""
    doc = {
        "participant_id": participant_id,
        "exported_at": datetime.now().astimezone().isoformat(),
        "tables": tables,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode()


def to_zip(tables: Tables) -> bytes:
    """A zip with one ``<table>.csv`` per table (empty when it has no rows; lists and objects as JSON)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, rows in tables.items():
            archive.writestr(f"{table}.csv", _csv(rows))
    return out.getvalue()


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    names = list(rows[0]) if rows else []
    writer = csv.writer(buf)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row[n]) for n in names])
    return buf.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula starts with ' (OWASP CSV injection)."""
    if value is None:
        return ""
    if not isinstance(value, str):  # numbers (a negative longitude) are not formulas
        return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
