"""Education episodes of a participant."""

from __future__ import annotations

from fastapi import APIRouter

from participants import EducationStore
from service.api.episode_routes import EpisodeRoutes, episode_cases
from service.api.schemas.education import EducationIn, EducationList, EducationOut, EducationPatch
from service.api.schemas.problems import error_responses

router = APIRouter(
    prefix="/participants/{participant_id}/education",
    tags=["jobs and follow-along"],
    responses=error_responses(),
)
routes = EpisodeRoutes(
    router,
    names=("education", "education"),
    id_name="education_id",
    get_cases=episode_cases(EducationStore),
    out_model=EducationOut,
    list_model=EducationList,
)
routes.add_create(EducationIn, "Record a course or programme the person starts (404 outside your unit).")
routes.add_list("The participant's education episodes by start day.")
routes.add_get("One education episode of the participant.")
routes.add_change(EducationPatch, "Change an episode, e.g. mark it completed with its end date.")
