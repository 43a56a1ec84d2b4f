"""The employer contact log.

Contacts naming a participant are participant data: the link is checked against the person's
disclosure plan, hidden from other units, and every read is audit-logged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query

from service.access.auth import caseload_units
from service.access.users import User
from service.access.visibility import audit_participants, participant_link
from service.api.delete_restore import add_delete_and_restore
from service.api.pagination import after_id, id_page
from service.api.schemas.contacts import (
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    ContactStatusIn,
    ModeIn,
    PurposeIn,
)
from service.deps import ContactsDep, DbDep, ParticipantsDep, UserDep, get_contact_store
from service.runtime.database import Database

router = APIRouter(prefix="/contacts", tags=["contacts"])


@router.post("", status_code=201, response_model=ContactOut)
def create_contact(
    body: ContactIn, user: UserDep, store: ContactsDep, caseload: ParticipantsDep, db: DbDep
) -> ContactOut:
    """Log a held contact or plan one. A next step with a due date opens a follow-up task.

    ``participant_id`` is stored only if you can see that person and their disclosure plan lets
    the specialist contact employers; otherwise 422 on ``participant_id``.
    """
    values: dict[str, Any] = body.store_values(exclude={"participant_id"})
    values["specialist"] = body.specialist or user.username
    if body.participant_id is not None:
        values |= participant_link(caseload, user, body.participant_id)
    rec = store.create(values=values, actor=user.username)
    audit_participants(db, user, [rec], action="create", detail=f"contact {rec.id}")
    return ContactOut.from_record(rec, caseload_units(user))


@router.get("", response_model=ContactPage)
def list_contacts(
    user: UserDep,
    store: ContactsDep,
    db: DbDep,
    employer_id: UUID | None = None,
    person_id: UUID | None = None,
    specialist: Annotated[str | None, Query(max_length=100)] = None,
    mode: ModeIn | None = None,
    status: ContactStatusIn | None = None,
    purpose: PurposeIn | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
) -> ContactPage:
    """Contacts ordered by id, filtered (``since`` inclusive, ``until`` exclusive); cursor pagination."""
    filters = {
        "employer_id": employer_id,
        "person_id": person_id,
        "specialist": specialist,
        "mode": mode,
        "status": status,
        "purpose": purpose,
    }
    records = store.list(limit=limit, after=after_id(after), filters=filters, since=since, until=until)
    audit_participants(db, user, records, action="list", detail="contacts")
    units = caseload_units(user)
    return id_page(ContactPage, records, limit, lambda r: ContactOut.from_record(r, units))


@router.get("/{contact_id}", response_model=ContactOut)
def get_contact(contact_id: UUID, user: UserDep, store: ContactsDep, db: DbDep) -> ContactOut:
    """Read one contact."""
    rec = store.get(record_id=str(contact_id))
    audit_participants(db, user, [rec], detail=f"contact {rec.id}")
    return ContactOut.from_record(rec, caseload_units(user))


@router.patch("/{contact_id}", response_model=ContactOut)
def update_contact(
    contact_id: UUID, body: ContactPatch, user: UserDep, store: ContactsDep, db: DbDep
) -> ContactOut:
    """Change fields of a contact (e.g. mark a planned visit held); each change is logged."""
    values = body.store_values(exclude_unset=True)
    rec = store.update(record_id=str(contact_id), values=values, actor=user.username)
    audit_participants(db, user, [rec], action="update", detail=f"contact {rec.id}")
    return ContactOut.from_record(rec, caseload_units(user))


def _restored(rec: Any, user: User, db: Database) -> ContactOut:
    audit_participants(db, user, [rec], detail=f"contact {rec.id}")
    return ContactOut.from_record(rec, caseload_units(user))


add_delete_and_restore(
    router, entity="contact", get_store=get_contact_store, out_model=ContactOut, to_out=_restored
)
