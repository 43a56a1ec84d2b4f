"""Support contacts with a participant, and the follow-along schedule their jobs call for."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from fastapi import APIRouter

from participants import SupportContactStore
from service.api.schemas.problems import error_responses
from service.api.schemas.support_contacts import (
    DueContactOut,
    FollowAlong,
    SupportContactIn,
    SupportContactList,
    SupportContactOut,
    SupportContactPatch,
)
from service.deps import DbDep, ProgrammeDep, UserDep
from service.usecases import episodes

router = APIRouter(
    prefix="/participants/{participant_id}", tags=["jobs and follow-along"], responses=error_responses()
)


@router.post("/support-contacts", status_code=201, response_model=SupportContactOut)
def add_support_contact(
    participant_id: UUID, body: SupportContactIn, user: UserDep, db: DbDep
) -> SupportContactOut:
    """Log a support contact; a face-to-face one with the participant ticks off a due item."""
    rec = episodes.add_record(
        db=db,
        user=user,
        participant_id=str(participant_id),
        kind=SupportContactStore,
        values=body.store_values(),
    )
    return SupportContactOut.from_fields(rec)


@router.get("/support-contacts", response_model=SupportContactList)
def list_support_contacts(participant_id: UUID, user: UserDep, db: DbDep) -> SupportContactList:
    """The participant's support contacts, oldest first."""
    recs = episodes.list_records(
        db=db, user=user, participant_id=str(participant_id), kind=SupportContactStore
    )
    return SupportContactList(items=[SupportContactOut.from_fields(r) for r in recs])


@router.patch("/support-contacts/{contact_id}", response_model=SupportContactOut)
def change_support_contact(
    participant_id: UUID, contact_id: UUID, body: SupportContactPatch, user: UserDep, db: DbDep
) -> SupportContactOut:
    """Correct a logged support contact."""
    rec = episodes.change_record(
        db=db,
        user=user,
        participant_id=str(participant_id),
        record_id=str(contact_id),
        kind=SupportContactStore,
        values=body.store_values(exclude_unset=True),
    )
    return SupportContactOut.from_fields(rec)


@router.get("/follow-along", response_model=FollowAlong)
def follow_along(participant_id: UUID, user: UserDep, db: DbDep, programme: ProgrammeDep) -> FollowAlong:
    """Every support contact the participant's jobs call for, with its status today (UTC)."""
    items = episodes.follow_along_of(
        db=db,
        user=user,
        participant_id=str(participant_id),
        today=datetime.now(UTC).date(),
        programme=programme,
    )
    return FollowAlong(items=[DueContactOut.from_item(i) for i in items])
