"""Imports and exports as the service runs them, for HTTP and the CLI alike.

The service adds what the employer store must not know: ESCO linking of imported openings, the
disclosure check for participant links on imported contacts, visibility of participant-linked
contacts in exports, and the audit log of every export.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from employers import ContactStore, InvalidError
from employers.exports import export_file
from employers.import_mappings import ImportMappings
from employers.import_rows import Hooks
from employers.imports import ImportRecord, ImportStore
from participants import ParticipantStore
from service.access.audit import log_access
from service.access.auth import caseload_units
from service.access.users import User, get_user
from service.access.visibility import contact_changeable, participant_link
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine


def run_import(
    db: Database,
    engine: LeadEngine | None,
    user: User | None,
    *,
    entity: str,
    mode: str,
    file_name: str,
    data: bytes,
    actor: str,
    dry_run: bool,
    skip_bad_rows: bool,
    skip_duplicate_check: bool = False,
    mapping: Mapping[str, str] | None = None,
) -> ImportRecord:
    """Run an import with the service's hooks; participant links need a signed-in ``user``.

    ``mapping`` (file column -> field, "" ignored) is saved for files of the same headers; an
    owner must be an active user of the importer's unit (of any unit for a user without one).
    """
    con = db.handle()
    hooks = Hooks(
        normalise_opening=engine.normalise_opening if engine is not None else None,
        participant_link=(lambda pid: participant_link(ParticipantStore(con), user, pid)) if user else None,
        check_duplicates=not skip_duplicate_check,
        may_change=contact_changeable(ContactStore(con), user),
        known_owner=lambda name: _known_owner(db, user, name),
    )
    record = ImportStore(con, db.write_lock).create(
        entity=entity,
        mode=mode,
        file_name=file_name,
        data=data,
        actor=actor,
        dry_run=dry_run,
        skip_bad_rows=skip_bad_rows,
        hooks=hooks,
        mapping=mapping,
    )
    if engine is not None and record.status == "applied" and entity in ("employers", "openings"):
        engine.invalidate()
    return record


def parse_mapping(text: str | None) -> dict[str, str] | None:
    """A mapping sent as JSON text; InvalidError("mapping") unless it is an object of strings."""
    if text is None or not text.strip():
        return None
    try:
        value = json.loads(text)
    except ValueError:
        raise InvalidError("mapping", "must be a JSON object") from None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise InvalidError("mapping", 'must map each column to a field name or "" (ignore)')
    return {str(k): v for k, v in value.items()}


def propose_mapping(db: Database, *, entity: str, headers: list[str]) -> tuple[dict[str, str], bool]:
    """(header -> field or "", whether the file shape's saved mapping) for the wizard's step 2."""
    return ImportMappings(db.handle(), db.write_lock).propose(entity=entity, headers=headers)


def _known_owner(db: Database, user: User | None, name: str) -> bool:
    owner = get_user(db, username=name)
    if owner is None:
        return False
    return user is None or user.unit_id is None or owner.unit_id == user.unit_id


def recover_imports(db: Database) -> list[str]:
    """Revert imports a crash left half-written (status ``failed``); call once after opening ``db``."""
    return ImportStore(db.handle(), db.write_lock).recover(actor="system")


def get_import(db: Database, *, import_id: str) -> ImportRecord:
    """An import run with every row's outcome."""
    return ImportStore(db.handle(), db.write_lock).get(import_id=import_id)


def failed_rows(db: Database, *, import_id: str, fmt: str) -> bytes:
    """The bad rows of an import with their original columns plus ``error``, as csv or xlsx."""
    return ImportStore(db.handle(), db.write_lock).failed_rows(import_id=import_id, fmt=fmt)


def revert_import(db: Database, engine: LeadEngine, *, import_id: str, actor: str) -> ImportRecord:
    """Undo an applied import (delete what it created, restore what it updated); the index is rebuilt."""
    record = ImportStore(db.handle(), db.write_lock).revert(import_id=import_id, actor=actor)
    engine.invalidate()
    return record


def run_export(db: Database, user: User | None, *, entity: str, fmt: str, user_id: str) -> tuple[bytes, int]:
    """The export file and its row count, audit-logged (action "export").

    Contacts that name a participant are included only for the caller's caseload units; each
    such participant is audit-logged too.
    """
    units = caseload_units(user) if user is not None else []
    data, count = export_file(db.handle(), entity, fmt, units=units)
    log_access(
        db, user_id=user_id, action="export", entity=entity, entity_ids=[None], detail=f"{fmt} rows={count}"
    )
    if entity == "contacts":
        shown = _exported_participants(db, units)
        if shown:
            log_access(
                db,
                user_id=user_id,
                action="export",
                entity="participant",
                entity_ids=shown,
                detail="contacts",
            )
    return data, count


def _exported_participants(db: Database, units: list[str]) -> list[str]:
    contacts = ContactStore(db.handle()).list(limit=1_000_000)
    return sorted({c.participant_id for c in contacts if c.participant_id and c.participant_unit in units})
