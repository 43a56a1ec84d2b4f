"""Job episodes of a participant: record a start, read them, record changes such as the end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter

from service.access.users import User
from service.api.episode_routes import EpisodeRoutes
from service.api.schemas.jobs import JobIn, JobList, JobOut, JobPatch
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EngineDep, ProgrammeDep, UserDep
from service.runtime.database import Database
from service.usecases import jobs
from service.usecases.jobs import JobView
from service.usecases.lead_engine import LeadEngine
from service.usecases.programme_rules import Programme

router = APIRouter(
    prefix="/participants/{participant_id}/jobs", tags=["jobs and follow-along"], responses=error_responses()
)


@dataclass(frozen=True)
class JobCases:
    """The job use cases (`service.usecases.jobs`) for one request's caller."""

    user: User
    db: Database
    engine: LeadEngine
    programme: Programme

    def add(self, participant_id: str, values: Mapping[str, Any]) -> JobView:
        """See `jobs.add_job`."""
        return jobs.add_job(
            db=self.db,
            engine=self.engine,
            user=self.user,
            participant_id=participant_id,
            values=values,
            programme=self.programme,
        )

    def read_all(self, participant_id: str) -> list[JobView]:
        """See `jobs.list_jobs`."""
        return jobs.list_jobs(
            db=self.db, user=self.user, participant_id=participant_id, programme=self.programme
        )

    def read(self, participant_id: str, record_id: str) -> JobView:
        """See `jobs.get_job`."""
        return jobs.get_job(
            db=self.db,
            user=self.user,
            participant_id=participant_id,
            job_id=record_id,
            programme=self.programme,
        )

    def change(self, participant_id: str, record_id: str, values: Mapping[str, Any]) -> JobView:
        """See `jobs.change_job`."""
        return jobs.change_job(
            db=self.db,
            engine=self.engine,
            user=self.user,
            participant_id=participant_id,
            job_id=record_id,
            values=values,
            programme=self.programme,
        )


def job_cases(user: UserDep, db: DbDep, engine: EngineDep, programme: ProgrammeDep) -> JobCases:
    """The job use cases for the request's caller."""
    return JobCases(user, db, engine, programme)


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
