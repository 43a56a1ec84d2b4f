"""Feedback on recorded leads."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from service.api.schemas.leads import FeedbackIn, RecordedLeadOut
from service.api.schemas.problems import error_responses
from service.deps import DbDep, LeadsDep, ParticipantsDep, UserDep
from service.usecases.leads import record_feedback

router = APIRouter(prefix="/leads", tags=["leads"], responses=error_responses())


@router.post("/{lead_id}/feedback", status_code=201, response_model=RecordedLeadOut)
def give_feedback(
    lead_id: UUID,
    body: FeedbackIn,
    user: UserDep,
    recorded: LeadsDep,
    people: ParticipantsDep,
    db: DbDep,
) -> RecordedLeadOut:
    """Record what the specialist did with a lead (404 for leads of participants outside your unit)."""
    updated = record_feedback(
        store=recorded,
        people=people,
        db=db,
        user=user,
        lead_id=str(lead_id),
        feedback=body.feedback,
        note=body.note,
        reason=body.reason,
    )
    return RecordedLeadOut.from_record(updated)
