"""The employer contact log.

Contacts naming a participant are participant data: the link is checked against the person's
disclosure plan, hidden from other units, and every read is audit-logged.
"""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query

from employers import ContactRecord
from employers.values import ContactValues
from service.access.auth import caseload_units
from service.access.users import User
from service.api.pagination import Limit, after_id, id_page
from service.api.record_routes import RecordRoutes
from service.api.schemas.common import Moment
from service.api.schemas.contacts import (
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    ContactStatusIn,
    ModeIn,
    PurposeIn,
)
from service.api.schemas.problems import error_responses
from service.deps import ContactsDep, DbDep, ParticipantsDep, UserDep, get_contact_store
from service.runtime.database import Database
from service.usecases import contacts as contact_log

router = APIRouter(prefix="/contacts", tags=["contacts"], responses=error_responses())


@router.post("", status_code=201, response_model=ContactOut)
def create_contact(
    body: ContactIn, user: UserDep, store: ContactsDep, caseload: ParticipantsDep, db: DbDep
) -> ContactOut:
    """Log a held contact or plan one. A next step with a due date opens a follow-up task.

    ``participant_id`` is stored only if you can see that person and their disclosure plan lets
    the specialist contact employers; otherwise 422 on ``participant_id``.
    """
    rec = contact_log.log_contact(
        store=store,
        caseload=caseload,
        db=db,
        user=user,
        values=cast(ContactValues, body.store_values(exclude={"participant_id"})),
        participant_id=str(body.participant_id) if body.participant_id else None,
    )
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
    since: Moment | None = None,
    until: Moment | None = None,
    limit: Limit = 50,
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
    records = contact_log.list_contacts(
        store=store,
        db=db,
        user=user,
        limit=limit,
        after=after_id(after),
        filters=filters,
        since=since,
        until=until,
    )
    units = caseload_units(user)
    return id_page(ContactPage, records, limit, lambda r: ContactOut.from_record(r, units))


@router.get("/{contact_id}", response_model=ContactOut)
def get_contact(contact_id: UUID, user: UserDep, store: ContactsDep, db: DbDep) -> ContactOut:
    """Read one contact."""
    rec = contact_log.read_contact(store=store, db=db, user=user, contact_id=str(contact_id))
    return ContactOut.from_record(rec, caseload_units(user))


@router.patch("/{contact_id}", response_model=ContactOut)
def update_contact(
    contact_id: UUID, body: ContactPatch, user: UserDep, store: ContactsDep, db: DbDep
) -> ContactOut:
    """Change fields of a contact (e.g. mark a planned visit held); each change is logged."""
    values = body.store_values(exclude_unset=True)
    rec = contact_log.change_contact(
        store=store, db=db, user=user, contact_id=str(contact_id), values=cast(ContactValues, values)
    )
    return ContactOut.from_record(rec, caseload_units(user))


def _restored(rec: ContactRecord, user: User, db: Database) -> ContactOut:
    return ContactOut.from_record(contact_log.audit_shown(db, user, rec), caseload_units(user))


routes = RecordRoutes(router, entity="contact", get_store=get_contact_store, out_model=ContactOut)
routes.add_delete_and_restore(restored=_restored, guard=contact_log.guard_contact)
