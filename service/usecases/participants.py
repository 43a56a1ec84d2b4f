"""Participant workflows: unit-scoped, ESCO-normalised on the way in, every read audit-logged."""

from __future__ import annotations

from typing import Any, cast

from participants import ParticipantRecord, ParticipantStore
from participants.values import ParticipantValues
from service.access.audit import log_access
from service.access.auth import caseload_units, require_caseload_role
from service.access.errors import ForbiddenError
from service.access.users import User
from service.access.visibility import participant_scope
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine
from service.usecases.participant_access import log_participant, visible_participant


def create_participant(
    *, store: ParticipantStore, engine: LeadEngine, db: Database, user: User, values: ParticipantValues
) -> ParticipantRecord:
    """Add a participant to the caller's unit; stated occupations and skills are linked to ESCO.

    Args:
        store: The participant store.
        engine: Links occupations and skills.
        db: For the audit log.
        user: The caller; must have a caseload role.
        values: The participant's fields; ``unit_id`` None or the caller's, ``home`` None for none.
    """
    unit = require_caseload_role(user)
    if values.get("unit_id") not in (None, unit):
        raise ForbiddenError("participants can only be added to your own unit")
    values = {**values, "unit_id": unit}
    values["specialist_id"] = values.get("specialist_id") or (user.id if user.role == "specialist" else None)
    if values.get("home") is None:
        values.pop("home", None)
    rec = store.create(values=engine.normalise_participant(values), actor=user.username)
    log_participant(db, user, rec.id, "create")
    return rec


def list_participants(
    *, store: ParticipantStore, db: Database, user: User, status: str | None, limit: int, after: str | None
) -> list[ParticipantRecord]:
    """Participants of the caller's unit they may see (`participant_scope`), by id; audit-logged."""
    records = store.list(**participant_scope(user), status=status, limit=limit, after=after)
    log_access(db, user_id=user.id, action="list", entity="participant", entity_ids=[r.id for r in records])
    return records


def get_participant(
    *, store: ParticipantStore, db: Database, user: User, participant_id: str
) -> ParticipantRecord:
    """One participant of the caller's unit (NotFoundError for anyone else's); the read is logged."""
    person = visible_participant(store=store, user=user, participant_id=participant_id)
    log_participant(db, user, person.id, "read")
    return person


def update_participant(
    *,
    store: ParticipantStore,
    engine: LeadEngine,
    db: Database,
    user: User,
    participant_id: str,
    values: dict[str, Any],
) -> ParticipantRecord:
    """Change fields of a participant of the caller's unit (`ParticipantStore.update`); logged.

    Stated occupations and skills in ``values`` are linked to ESCO as on create; the change is
    audit-logged (the store's change log keeps each field's old and new value).

    Raises:
        NotFoundError: Not a participant of the caller's unit.
        ForbiddenError: The caller has no caseload role, or asks to move the person to another unit.
    """
    unit = require_caseload_role(user)
    if values.get("unit_id") not in (None, unit):
        raise ForbiddenError("participants can only be kept in your own unit")
    before = visible_participant(store=store, user=user, participant_id=participant_id)
    if "preferences" in values or "skills" in values:
        linked = engine.normalise_participant(
            cast(
                ParticipantValues, {"language": values.get("language") or before.language, **_nested(values)}
            )
        )
        given = values.get("preferences") or {}
        prefs = {k: v for k, v in (linked.get("preferences") or {}).items() if k in given}  # only those sent
        values = {**values, **({"preferences": prefs} if "preferences" in values else {})}
        if "skills" in values:
            values["skills"] = linked.get("skills") or []
    rec = store.update(
        participant_id=before.id, values=values, actor=user.username, unit_ids=caseload_units(user)
    )
    log_participant(db, user, rec.id, "update", _fields(values))
    return rec


def _nested(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"preferences": values.get("preferences") or {}}
    if "skills" in values:
        out["skills"] = values["skills"] or []
    return out


def _fields(values: dict[str, Any]) -> str:
    """The changed field names, for the audit row (never their values)."""
    return "fields: " + ", ".join(sorted(values))
