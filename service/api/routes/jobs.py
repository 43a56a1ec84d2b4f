"""Job episodes of a participant: record a start, read them, record changes such as the end."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from service.api.schemas.jobs import JobIn, JobList, JobOut, JobPatch
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EngineDep, ProgrammeDep, UserDep
from service.usecases import jobs

router = APIRouter(
    prefix="/participants/{participant_id}/jobs", tags=["jobs and follow-along"], responses=error_responses()
)


@router.post("", status_code=201, response_model=JobOut)
def add_job(
    participant_id: UUID, body: JobIn, user: UserDep, db: DbDep, engine: EngineDep, programme: ProgrammeDep
) -> JobOut:
    """Record a job start (the person moves to working, the lead to hired, the employer on).

    The lead (if any) is marked hired and the employer moves to hired_from_us; ``competitive`` is
    derived from the programme's rules, never typed in.
    """
    view = jobs.add_job(
        db=db,
        engine=engine,
        user=user,
        participant_id=str(participant_id),
        values=body.store_values(exclude_none=True),
        programme=programme,
    )
    return JobOut.from_view(view)


@router.get("", response_model=JobList)
def list_jobs(participant_id: UUID, user: UserDep, db: DbDep, programme: ProgrammeDep) -> JobList:
    """The participant's jobs by start day (404 outside your unit)."""
    views = jobs.list_jobs(db=db, user=user, participant_id=str(participant_id), programme=programme)
    return JobList(items=[JobOut.from_view(v) for v in views])


@router.get("/{job_id}", response_model=JobOut)
def get_job(participant_id: UUID, job_id: UUID, user: UserDep, db: DbDep, programme: ProgrammeDep) -> JobOut:
    """One job of the participant."""
    view = jobs.get_job(
        db=db, user=user, participant_id=str(participant_id), job_id=str(job_id), programme=programme
    )
    return JobOut.from_view(view)


@router.patch("/{job_id}", response_model=JobOut)
def change_job(
    participant_id: UUID,
    job_id: UUID,
    body: JobPatch,
    user: UserDep,
    db: DbDep,
    engine: EngineDep,
    programme: ProgrammeDep,
) -> JobOut:
    """Change a job; an end with ``end_learned_at`` makes a support contact due within 3 days."""
    view = jobs.change_job(
        db=db,
        engine=engine,
        user=user,
        participant_id=str(participant_id),
        job_id=str(job_id),
        values=body.store_values(exclude_unset=True),
        programme=programme,
    )
    return JobOut.from_view(view)
