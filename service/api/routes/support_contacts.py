"""Support contacts with a participant, and the follow-along schedule their jobs call for."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from fastapi import APIRouter

from participants import SupportContactStore
from service.api.episode_routes import EpisodeRoutes, episode_cases
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


routes = EpisodeRoutes(
    router,
    names=("support_contact", "support_contacts"),
    id_name="contact_id",
    get_cases=episode_cases(SupportContactStore),
    out_model=SupportContactOut,
    list_model=SupportContactList,
    path="/support-contacts",
)
routes.add_create(
    SupportContactIn, "Log a support contact; a face-to-face one with the participant ticks off a due item."
)
routes.add_list("The participant's support contacts, oldest first.")
routes.add_change(SupportContactPatch, "Correct a logged support contact.")


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
