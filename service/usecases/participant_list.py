"""The caseload list the page shows: the caller's unit only, filtered, sorted, paged; audit-logged."""

from __future__ import annotations

from participants import ParticipantRecord, ParticipantStore
from participants.listing import ParticipantFilter, ParticipantListing
from service.access.audit import log_access
from service.access.users import User, unit_users
from service.access.visibility import participant_scope
from service.runtime.database import Database
from service.usecases.list_page import PAGE_SIZE, ListPage, offset_of


def list_caseload(
    *,
    store: ParticipantStore,
    db: Database,
    user: User,
    where: ParticipantFilter,
    sort: str,
    number: int,
    size: int = PAGE_SIZE,
) -> ListPage[ParticipantRecord]:
    """Page ``number`` of the participants the caller may see (`participant_scope`) matching ``where``.

    Never another unit's person, whatever the filters; the people shown are audit-logged (one
    ``list`` row each, as for the API's list).
    """
    scope = participant_scope(user)
    ids, total = ParticipantListing(db.handle()).page(
        unit_ids=scope["unit_ids"],
        viewer=scope["viewer"],
        where=where,
        sort=sort,
        offset=offset_of(number, size),
        limit=size,
    )
    units = set(scope["unit_ids"])
    records = [r for r in store.get_many(participant_ids=ids) if r.unit_id in units]
    log_access(db, user_id=user.id, action="list", entity="participant", entity_ids=[r.id for r in records])
    return ListPage(records, total, number, size)


def unit_specialists(db: Database, user: User) -> list[User]:
    """The caller's unit's employment specialists (the caseload list's specialist filter)."""
    return [u for u in unit_users(db, unit_id=user.unit_id) if u.role == "specialist"]
