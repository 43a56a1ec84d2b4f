"""Feedback on recorded leads."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from service.access.audit import log_access
from service.access.auth import caseload_units
from service.api.mappers import recorded_lead_out
from service.api.schemas import core as schemas
from service.deps import DbDep, LeadsDep, ParticipantsDep, UserDep

router = APIRouter(prefix="/leads", tags=["leads"])


@router.post("/{lead_id}/feedback", status_code=201, response_model=schemas.RecordedLeadOut)
def give_feedback(
    lead_id: UUID,
    body: schemas.FeedbackIn,
    user: UserDep,
    recorded: LeadsDep,
    people: ParticipantsDep,
    db: DbDep,
) -> schemas.RecordedLeadOut:
    """Record what the specialist did with a lead (404 for leads of participants outside your unit)."""
    lead = recorded.get(lead_id=str(lead_id))
    people.get(participant_id=lead.participant_id, unit_ids=caseload_units(user))  # visibility check
    updated = recorded.add_feedback(
        lead_id=lead.id, feedback=body.feedback, note=body.note, actor=user.username
    )
    log_access(db, user_id=user.id, action="feedback", entity="participant", entity_ids=[lead.participant_id])
    return recorded_lead_out(updated)
