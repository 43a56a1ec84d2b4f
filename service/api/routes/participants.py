"""Participants: create, read, update, list (unit-scoped, every read audit-logged), history, leads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Depends, Query

from participants import ParticipantRecord
from participants.values import ParticipantValues
from service.api.pagination import Limit, after_id, id_page
from service.api.schemas.history import HistoryOut
from service.api.schemas.leads import LeadsRequest, LeadsResponse, RecordedLeadOut, RecordedLeads
from service.api.schemas.participants import ParticipantIn, ParticipantOut, ParticipantPage, ParticipantPatch
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EngineDep, LeadsDep, ParticipantsDep, SettingsDep, UserDep
from service.usecases import leads as lead_cases
from service.usecases import participants as workflows
from service.usecases import plans as plan_cases

router = APIRouter(prefix="/participants", tags=["participants"], responses=error_responses())


def participant_out(settings: SettingsDep) -> Callable[[ParticipantRecord], ParticipantOut]:
    """How a participant is answered here: `ParticipantOut` with the settings' programme-entry date."""
    return partial(ParticipantOut.from_record, entry_field=settings.entry_date_field)


#: A route's ``to_out(record) -> ParticipantOut``; the routes need not know which date counts as entry.
ToOutDep = Annotated[Callable[[ParticipantRecord], ParticipantOut], Depends(participant_out)]


@router.post("", status_code=201, response_model=ParticipantOut)
def create_participant(
    body: ParticipantIn,
    user: UserDep,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
    to_out: ToOutDep,
) -> ParticipantOut:
    """Add a participant to the caller's unit; stated occupations are linked to ESCO."""
    values = body.model_dump(exclude_none=False)
    rec = workflows.create_participant(
        store=store, engine=engine, db=db, user=user, values=cast(ParticipantValues, values)
    )
    return to_out(rec)


@router.get("", response_model=ParticipantPage)
def list_participants(
    user: UserDep,
    store: ParticipantsDep,
    db: DbDep,
    to_out: ToOutDep,
    limit: Limit = 50,
    after: UUID | None = None,
    status: Annotated[str | None, Query(pattern="^(active|on_hold|closed)$")] = None,
) -> ParticipantPage:
    """List participants of the caller's unit, ordered by id (cursor pagination)."""
    records = workflows.list_participants(
        store=store, db=db, user=user, status=status, limit=limit, after=after_id(after)
    )
    return id_page(ParticipantPage, records, limit, to_out)


@router.get("/{participant_id}", response_model=ParticipantOut)
def get_participant(
    participant_id: UUID, user: UserDep, store: ParticipantsDep, db: DbDep, to_out: ToOutDep
) -> ParticipantOut:
    """Read one participant of the caller's unit (404 for anyone else's)."""
    rec = workflows.get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    return to_out(rec)


@router.patch("/{participant_id}", response_model=ParticipantOut)
def update_participant(
    participant_id: UUID,
    body: ParticipantPatch,
    user: UserDep,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
    to_out: ToOutDep,
) -> ParticipantOut:
    """Change any fields; each change is logged (field, old, new), phases and specialists in their history.

    Closing (``phase: closed``) needs an allowed ``closure_reason``; reasons that break zero
    exclusion are refused with a 422 naming ``closure_reason``.
    """
    values = body.model_dump(exclude_unset=True)
    rec = workflows.update_participant(
        store=store, engine=engine, db=db, user=user, participant_id=str(participant_id), values=values
    )
    return to_out(rec)


@router.get("/{participant_id}/history", response_model=HistoryOut)
def participant_history(participant_id: UUID, user: UserDep, store: ParticipantsDep, db: DbDep) -> HistoryOut:
    """The participant's phases (status history) and specialists, oldest first, with who and when."""
    statuses, assignments = plan_cases.histories(
        store=store, db=db, user=user, participant_id=str(participant_id)
    )
    return HistoryOut.from_rows(statuses, assignments)


@router.post("/{participant_id}/leads", response_model=LeadsResponse)
def leads_for_participant(
    participant_id: UUID,
    user: UserDep,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
    settings: SettingsDep,
    body: LeadsRequest | None = None,
) -> LeadsResponse:
    """Rank openings and network employers for a participant, each lead explained and recorded."""
    body = body or LeadsRequest()
    person = workflows.visible_participant(store=store, user=user, participant_id=str(participant_id))
    served = lead_cases.serve_leads(
        person=person,
        user=user,
        engine=engine,
        db=db,
        n=min(body.n, settings.max_leads),
        kinds=body.kinds,
        exclude=body.exclude,
        reuse_within=timedelta(hours=settings.lead_set_hours) if body.reuse else None,
    )
    return LeadsResponse.from_served(served)


@router.get("/{participant_id}/leads", response_model=RecordedLeads)
def recorded_leads(
    participant_id: UUID,
    user: UserDep,
    store: ParticipantsDep,
    recorded: LeadsDep,
    db: DbDep,
    limit: Limit = 50,
) -> RecordedLeads:
    """Leads shown for a participant before, newest first, with the feedback given."""
    person = workflows.visible_participant(store=store, user=user, participant_id=str(participant_id))
    items = lead_cases.list_recorded_leads(store=recorded, db=db, user=user, person=person, limit=limit)
    return RecordedLeads(items=[RecordedLeadOut.from_record(r) for r in items])
