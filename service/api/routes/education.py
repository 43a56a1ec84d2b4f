"""Education episodes of a participant."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from participants import EducationStore
from service.api.schemas.education import EducationIn, EducationList, EducationOut, EducationPatch
from service.api.schemas.problems import error_responses
from service.deps import DbDep, UserDep
from service.usecases import episodes

router = APIRouter(
    prefix="/participants/{participant_id}/education",
    tags=["jobs and follow-along"],
    responses=error_responses(),
)


@router.post("", status_code=201, response_model=EducationOut)
def add_education(participant_id: UUID, body: EducationIn, user: UserDep, db: DbDep) -> EducationOut:
    """Record a course or programme the person starts (404 outside your unit)."""
    rec = episodes.add_record(
        db=db, user=user, participant_id=str(participant_id), kind=EducationStore, values=body.store_values()
    )
    return EducationOut.from_fields(rec)


@router.get("", response_model=EducationList)
def list_education(participant_id: UUID, user: UserDep, db: DbDep) -> EducationList:
    """The participant's education episodes by start day."""
    recs = episodes.list_records(db=db, user=user, participant_id=str(participant_id), kind=EducationStore)
    return EducationList(items=[EducationOut.from_fields(r) for r in recs])


@router.get("/{education_id}", response_model=EducationOut)
def get_education(participant_id: UUID, education_id: UUID, user: UserDep, db: DbDep) -> EducationOut:
    """One education episode of the participant."""
    rec = episodes.get_record(
        db=db, user=user, participant_id=str(participant_id), record_id=str(education_id), kind=EducationStore
    )
    return EducationOut.from_fields(rec)


@router.patch("/{education_id}", response_model=EducationOut)
def change_education(
    participant_id: UUID, education_id: UUID, body: EducationPatch, user: UserDep, db: DbDep
) -> EducationOut:
    """Change an episode, e.g. mark it completed with its end date."""
    rec = episodes.change_record(
        db=db,
        user=user,
        participant_id=str(participant_id),
        record_id=str(education_id),
        kind=EducationStore,
        values=body.store_values(exclude_unset=True),
    )
    return EducationOut.from_fields(rec)
