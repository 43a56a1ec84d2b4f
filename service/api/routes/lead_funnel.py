"""A participant's lead history as a funnel."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from participants import REASONS
from service.api.schemas.lead_funnel import FunnelOut
from service.api.schemas.problems import error_responses
from service.deps import DbDep, UserDep
from service.usecases.lead_funnel import lead_funnel

router = APIRouter(prefix="/participants/{participant_id}/leads", tags=["leads"], responses=error_responses())


@router.get("/funnel", response_model=FunnelOut)
def funnel(participant_id: UUID, user: UserDep, db: DbDep) -> FunnelOut:
    """How far the person's leads got (shown -> discussed -> ... -> hired), and when.

    Also closings with their reasons, events per month, and every lead with its history (404
    outside your unit).
    """
    result = lead_funnel(db=db, user=user, participant_id=str(participant_id))
    return FunnelOut.from_funnel(result, {k: list(v) for k, v in REASONS.items()})
