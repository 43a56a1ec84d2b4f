"""The employer contact log: participant links checked against disclosure plans, every read audited.

Contacts naming a participant are participant data: the link is stored only when the caller can
see that person and their disclosure plan lets the specialist contact employers, every contact
shown that names a participant is audit-logged, and other units see such a contact without its
participant text and cannot change, delete or restore it (`service.access.visibility`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from employers import ContactRecord, ContactStore
from employers.values import ContactValues
from participants import ParticipantStore
from service.access.users import User
from service.access.visibility import audit_participants, check_contact_change, participant_link, redacted
from service.runtime.database import Database


def log_contact(
    *,
    store: ContactStore,
    caseload: ParticipantStore,
    db: Database,
    user: User,
    values: ContactValues,
    participant_id: str | None,
) -> ContactRecord:
    """Log a held contact or plan one (a next step with a due date opens a follow-up task).

    Args:
        store: The contact store.
        caseload: To check the participant link.
        db: For the audit log.
        user: The caller; ``specialist`` defaults to them.
        values: The contact's fields (ids as text) without ``participant_id``.
        participant_id: The participant the contact is about, if any.

    Raises:
        employers.InvalidError: On ``participant_id`` when the caller may not link that person.
    """
    values = {**values, "specialist": values.get("specialist") or user.username}
    if participant_id is not None:
        link = participant_link(caseload, user, participant_id, values.get("employer_id"))
        values = {
            **values,
            "participant_id": link["participant_id"],
            "participant_unit": link["participant_unit"],
        }
    rec = store.create(values=values, actor=user.username)
    audit_participants(db, user, [rec], action="create", detail=f"contact {rec.id}")
    return rec


def list_contacts(
    *,
    store: ContactStore,
    db: Database,
    user: User,
    limit: int,
    after: str | None,
    filters: dict[str, Any],
    since: datetime | None,
    until: datetime | None,
) -> list[ContactRecord]:
    """Contacts ordered by id, filtered (``since`` inclusive, ``until`` exclusive), audit-logged."""
    found = store.list(limit=limit, after=after, filters=filters, since=since, until=until)
    records = redacted(db, user, found)
    audit_participants(db, user, records, action="list", detail="contacts")
    return records


def read_contact(*, store: ContactStore, db: Database, user: User, contact_id: str) -> ContactRecord:
    """One contact, audit-logged when it names a participant."""
    return audit_shown(db, user, store.get(record_id=contact_id))


def change_contact(
    *, store: ContactStore, db: Database, user: User, contact_id: str, values: ContactValues
) -> ContactRecord:
    """Change fields of a contact (e.g. mark a planned visit held); each change is logged.

    Raises:
        employers.NotFoundError: Missing, deleted, or naming another unit's participant (alike).
    """
    check_contact_change(store, user, contact_id)
    rec = store.update(record_id=contact_id, values=values, actor=user.username)
    audit_participants(db, user, [rec], action="update", detail=f"contact {rec.id}")
    return rec


def audit_shown(db: Database, user: User, rec: ContactRecord) -> ContactRecord:
    """Audit-log the participant a contact shown to ``user`` names (if any); the contact as shown."""
    rec = redacted(db, user, [rec])[0]
    audit_participants(db, user, [rec], detail=f"contact {rec.id}")
    return rec


def guard_contact(store: ContactStore, user: User, contact_id: str, deleted: bool) -> None:
    """Before a delete (``deleted`` False) or restore (True): NotFoundError for another unit's."""
    check_contact_change(store, user, contact_id, deleted=deleted)
