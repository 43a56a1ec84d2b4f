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


def _add_save(kind: str, body_model: Any, doc: str) -> None:
    """Add ``PUT /participants/{participant_id}/plans/<kind>`` (``save_<kind>_plan``): save a version."""

    def save(
        participant_id: UUID, body: Any, user: UserDep, store: ParticipantsDep, crm: EmployersDep, db: DbDep
    ) -> PlanVersionOut:
        saved = cases.save_plan(
            store=store,
            crm=crm,
            db=db,
            user=user,
            participant_id=str(participant_id),
            kind=kind,
            values=body.model_dump(mode="json", exclude={"confirm_warnings"}),
            confirm_warnings=getattr(body, "confirm_warnings", False),
        )
        return PlanVersionOut.from_version(saved)

    save.__annotations__["body"] = body_model  # each plan has its own body model
    save.__doc__ = doc
    path = f"/{{participant_id}}/plans/{kind}"
    router.add_api_route(path, save, methods=["PUT"], name=f"save_{kind}_plan", response_model=PlanVersionOut)


_add_save(
    "job_search",
    JobSearchPlanIn,
    "Save the job search plan as a new version; targets a person refused are a 422.",
)
_add_save(
    "disclosure",
    DisclosurePlanIn,
    """Save the disclosure plan as a new version; the ranking and the contact log follow it.

    Level ``none`` with employer contact allowed is refused as contradictory (422); approved
    statements naming a diagnosis, medication, hospital stay, benefit or criminal record give a
    422 of type ``needs_confirmation`` unless ``confirm_warnings`` is true.
    """,
)
_add_save(
    "benefits",
    BenefitsPlanIn,
    "Save the benefits plan as a new version (its status never reaches the ranking).",
)


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
