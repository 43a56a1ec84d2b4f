"""Plans of participants: job search, disclosure and benefits plans (each save a version), discussions."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from fastapi import APIRouter

from participants import NotFoundError
from service.api.schemas.plans import (
    BenefitsPlanIn,
    DisclosurePlanIn,
    DiscussionIn,
    DiscussionOut,
    Discussions,
    JobSearchPlanIn,
    PlanVersionOut,
    PlanVersions,
)
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EmployersDep, ParticipantsDep, UserDep
from service.usecases import plans as cases

router = APIRouter(prefix="/participants", tags=["plans"], responses=error_responses())
Kind = Literal["job_search", "disclosure", "benefits"]


def _save(
    participant_id: UUID, kind: str, body: Any, user: Any, store: Any, crm: Any, db: Any
) -> PlanVersionOut:
    values = body.model_dump(mode="json", exclude={"confirm_warnings"})
    saved = cases.save_plan(
        store=store,
        crm=crm,
        db=db,
        user=user,
        participant_id=str(participant_id),
        kind=kind,
        values=values,
        confirm_warnings=getattr(body, "confirm_warnings", False),
    )
    return PlanVersionOut.from_version(saved)


@router.put("/{participant_id}/plans/job_search", response_model=PlanVersionOut)
def save_job_search_plan(
    participant_id: UUID,
    body: JobSearchPlanIn,
    user: UserDep,
    store: ParticipantsDep,
    crm: EmployersDep,
    db: DbDep,
) -> PlanVersionOut:
    """Save the job search plan as a new version; targets a person refused are a 422."""
    return _save(participant_id, "job_search", body, user, store, crm, db)


@router.put("/{participant_id}/plans/disclosure", response_model=PlanVersionOut)
def save_disclosure_plan(
    participant_id: UUID,
    body: DisclosurePlanIn,
    user: UserDep,
    store: ParticipantsDep,
    crm: EmployersDep,
    db: DbDep,
) -> PlanVersionOut:
    """Save the disclosure plan as a new version; the ranking and the contact log follow it.

    Level ``none`` with employer contact allowed is refused as contradictory (422); approved
    statements naming a diagnosis, medication, hospital stay, benefit or criminal record give a
    422 of type ``needs_confirmation`` unless ``confirm_warnings`` is true.
    """
    return _save(participant_id, "disclosure", body, user, store, crm, db)


@router.put("/{participant_id}/plans/benefits", response_model=PlanVersionOut)
def save_benefits_plan(
    participant_id: UUID,
    body: BenefitsPlanIn,
    user: UserDep,
    store: ParticipantsDep,
    crm: EmployersDep,
    db: DbDep,
) -> PlanVersionOut:
    """Save the benefits plan as a new version (its status never reaches the ranking)."""
    return _save(participant_id, "benefits", body, user, store, crm, db)


@router.get("/{participant_id}/plans/{kind}", response_model=PlanVersionOut)
def current_plan(
    participant_id: UUID, kind: Kind, user: UserDep, store: ParticipantsDep, db: DbDep
) -> PlanVersionOut:
    """The current version of one plan (404 when it was never saved)."""
    found = cases.plan_versions(store=store, db=db, user=user, participant_id=str(participant_id), kind=kind)
    if not found:
        raise NotFoundError(f"{kind} plan of participant", str(participant_id))
    return PlanVersionOut.from_version(found[0])


@router.get("/{participant_id}/plans/{kind}/versions", response_model=PlanVersions)
def plan_versions(
    participant_id: UUID, kind: Kind, user: UserDep, store: ParticipantsDep, db: DbDep
) -> PlanVersions:
    """Every saved version of one plan, newest first."""
    found = cases.plan_versions(store=store, db=db, user=user, participant_id=str(participant_id), kind=kind)
    return PlanVersions(items=[PlanVersionOut.from_version(v) for v in found])


@router.post("/{participant_id}/plans/disclosure/discussions", status_code=201, response_model=DiscussionOut)
def add_discussion(
    participant_id: UUID, body: DiscussionIn, user: UserDep, store: ParticipantsDep, db: DbDep
) -> DiscussionOut:
    """Record a day the disclosure plan was discussed (pros and cons, accommodations, wording, revisit)."""
    found = cases.add_discussion(
        store=store, db=db, user=user, participant_id=str(participant_id), values=body.model_dump()
    )
    return DiscussionOut.from_record(found)


@router.get("/{participant_id}/plans/disclosure/discussions", response_model=Discussions)
def list_discussions(participant_id: UUID, user: UserDep, store: ParticipantsDep, db: DbDep) -> Discussions:
    """The disclosure discussions, newest first."""
    found = cases.discussions(store=store, db=db, user=user, participant_id=str(participant_id))
    return Discussions(items=[DiscussionOut.from_record(d) for d in found])
