"""The employer contact log.

Contacts naming a participant are participant data: the link is checked against the person's
disclosure plan, hidden from other units, and every read is audit-logged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, cast
from uuid import UUID

from fastapi import APIRouter, Query

from employers import ContactValues
from service.access.auth import caseload_units
from service.access.users import User
from service.access.visibility import audit_participants, participant_link
from service.api.mappers_crm import contact_out, ids_as_text
from service.api.routes.soft_delete import add_delete_and_restore
from service.api.schemas import crm as schemas_crm
from service.deps import ContactsDep, DbDep, ParticipantsDep, UserDep, get_contact_store
from service.runtime.database import Database

router = APIRouter(prefix="/contacts", tags=["contacts"])


@router.post("", status_code=201, response_model=schemas_crm.ContactOut)
def create_contact(
    body: schemas_crm.ContactIn, user: UserDep, store: ContactsDep, caseload: ParticipantsDep, db: DbDep
) -> schemas_crm.ContactOut:
    """Log a held contact or plan one. A next step with a due date opens a follow-up task.

    ``participant_id`` is stored only if you can see that person and their disclosure plan lets
    the specialist contact employers; otherwise 422 on ``participant_id``.
    """
    values: dict[str, Any] = ids_as_text(body.model_dump(exclude={"participant_id"}))
    values["specialist"] = body.specialist or user.username
    if body.participant_id is not None:
        values |= participant_link(caseload, user, body.participant_id)
    rec = store.create(values=cast(ContactValues, values), actor=user.username)
    audit_participants(db, user, [rec], action="create", detail=f"contact {rec.id}")
    return contact_out(rec, caseload_units(user))


@router.get("", response_model=schemas_crm.ContactPage)
def list_contacts(
    user: UserDep,
    store: ContactsDep,
    db: DbDep,
    employer_id: UUID | None = None,
    person_id: UUID | None = None,
    specialist: Annotated[str | None, Query(max_length=100)] = None,
    mode: schemas_crm.ModeIn | None = None,
    status: schemas_crm.ContactStatusIn | None = None,
    purpose: schemas_crm.PurposeIn | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
) -> schemas_crm.ContactPage:
    """Contacts ordered by id, filtered (``since`` inclusive, ``until`` exclusive); cursor pagination."""
    filters = {
        "employer_id": employer_id,
        "person_id": person_id,
        "specialist": specialist,
        "mode": mode,
        "status": status,
        "purpose": purpose,
    }
    records = store.list(
        limit=limit, after=str(after) if after else None, filters=filters, since=since, until=until
    )
    audit_participants(db, user, records, action="list", detail="contacts")
    cursor = records[-1].id if len(records) == limit else None
    units = caseload_units(user)
    return schemas_crm.ContactPage(items=[contact_out(r, units) for r in records], next_cursor=cursor)


@router.get("/{contact_id}", response_model=schemas_crm.ContactOut)
def get_contact(contact_id: UUID, user: UserDep, store: ContactsDep, db: DbDep) -> schemas_crm.ContactOut:
    """Read one contact."""
    rec = store.get(record_id=str(contact_id))
    audit_participants(db, user, [rec], detail=f"contact {rec.id}")
    return contact_out(rec, caseload_units(user))


@router.patch("/{contact_id}", response_model=schemas_crm.ContactOut)
def update_contact(
    contact_id: UUID, body: schemas_crm.ContactPatch, user: UserDep, store: ContactsDep, db: DbDep
) -> schemas_crm.ContactOut:
    """Change fields of a contact (e.g. mark a planned visit held); each change is logged."""
    values = ids_as_text(body.model_dump(exclude_unset=True))
    rec = store.update(record_id=str(contact_id), values=cast(ContactValues, values), actor=user.username)
    audit_participants(db, user, [rec], action="update", detail=f"contact {rec.id}")
    return contact_out(rec, caseload_units(user))


def _restored(rec: Any, user: User, db: Database) -> schemas_crm.ContactOut:
    audit_participants(db, user, [rec], detail=f"contact {rec.id}")
    return contact_out(rec, caseload_units(user))


add_delete_and_restore(
    router,
    path="",
    entity="contact",
    get_store=get_contact_store,
    to_out=_restored,
    out_model=schemas_crm.ContactOut,
)
