"""Job episodes of a participant: record a start, read them, record changes such as the end."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter

from service.api.episode_routes import BoundCases, EpisodeRoutes
from service.api.schemas.jobs import JobIn, JobList, JobOut, JobPatch
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EngineDep, ProgrammeDep, UserDep
from service.usecases import jobs

router = APIRouter(
    prefix="/participants/{participant_id}/jobs", tags=["jobs and follow-along"], responses=error_responses()
)


def job_cases(user: UserDep, db: DbDep, engine: EngineDep, programme: ProgrammeDep) -> BoundCases:
    """The job use cases (`service.usecases.jobs`) for the request's caller."""
    bound: dict[str, Any] = {"db": db, "user": user, "programme": programme}
    return BoundCases(
        partial(jobs.add_job, engine=engine, **bound),
        partial(jobs.list_jobs, **bound),
        partial(jobs.get_job, **bound),
        partial(jobs.change_job, engine=engine, **bound),
        id_name="job_id",
    )


routes = EpisodeRoutes(
    router,
    names=("job", "jobs"),
    id_name="job_id",
    get_cases=job_cases,
    out_model=JobOut,
    list_model=JobList,
    to_out=JobOut.from_view,
)
routes.add_create(
    JobIn,
    """Record a job start (the person moves to working, the lead to hired, the employer on).

    The lead (if any) is marked hired and the employer moves to hired_from_us; ``competitive`` is
    derived from the programme's rules, never typed in.
    """,
    exclude_none=True,
)
routes.add_list("The participant's jobs by start day (404 outside your unit).")
routes.add_get("One job of the participant.")
routes.add_change(
    JobPatch, "Change a job; an end with ``end_learned_at`` makes a support contact due within 3 days."
)
