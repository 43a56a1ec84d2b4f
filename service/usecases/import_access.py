"""Imports as one unit's work: who may read, download and revert a run, and the audit of each.

`service.usecases.imports` runs imports; this module puts the unit line and the audit around
it (kept apart so either can change alone). Another unit's import answers exactly like an import
that does not exist (`service.access.visibility.check_import`).
"""

from __future__ import annotations

from typing import Any

from employers.imports import ImportRecord, ImportStore
from service.access.auth import CASELOAD_ROLES
from service.access.users import User, unit_usernames
from service.access.visibility import audit_import, check_import
from service.runtime.database import Database
from service.usecases import imports
from service.usecases.lead_engine import LeadEngine


def run(db: Database, engine: LeadEngine | None, user: User, **kwargs: Any) -> ImportRecord:
    """`imports.run_import` for a signed-in user, audit-logged (action "import", dry runs too)."""
    record = imports.run_import(db, engine, user, **kwargs)
    audit_import(db, user, record, action="import", detail=f"file={record.file_name!r}")
    return record


def get(db: Database, user: User, *, import_id: str) -> ImportRecord:
    """An import run the caller may see (NotFoundError otherwise)."""
    return check_import(db, user, imports.get_import(db, import_id=import_id))


def recent(db: Database, user: User, *, limit: int = 20) -> list[ImportRecord]:
    """The newest runs the caller may see: their unit's (an admin's: those of users without one)."""
    names = [user.username]  # the same line as `check_import`: own runs, the unit's, an admin's unitless
    if user.unit_id is not None and user.role in CASELOAD_ROLES:
        names += unit_usernames(db, unit_id=user.unit_id)
    elif user.role == "admin":
        names += unit_usernames(db, unit_id=None)
    return ImportStore(db.handle(), db.write_lock).recent(created_by=sorted(set(names)), limit=limit)


def failed_rows(db: Database, user: User, *, import_id: str, fmt: str) -> bytes:
    """The bad rows of a run the caller may see, audit-logged (action "failed_rows")."""
    record = get(db, user, import_id=import_id)
    data = imports.failed_rows(db, import_id=record.id, fmt=fmt)
    audit_import(db, user, record, action="failed_rows", detail=fmt)
    return data


def revert(db: Database, engine: LeadEngine, user: User, *, import_id: str) -> ImportRecord:
    """Undo a run the caller may see, audit-logged (action "revert")."""
    get(db, user, import_id=import_id)
    record = imports.revert_import(db, engine, import_id=import_id, actor=user.username)
    audit_import(db, user, record, action="revert")
    return record
