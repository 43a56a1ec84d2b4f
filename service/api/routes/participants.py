"""Participants: create, read, list (unit-scoped, every read audit-logged), and their leads."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query

from participants import ParticipantValues
from service.access.audit import log_access
from service.access.auth import caseload_units, require_caseload_role
from service.access.errors import ForbiddenError
from service.api.mappers import participant_out, recorded_lead_out
from service.api.schemas import core as schemas
from service.deps import DbDep, EngineDep, LeadsDep, ParticipantsDep, SettingsDep, UserDep
from service.usecases.serve_leads import serve_leads

router = APIRouter(prefix="/participants", tags=["participants"])


@router.post("", status_code=201, response_model=schemas.ParticipantOut)
def create_participant(
    body: schemas.ParticipantIn, user: UserDep, store: ParticipantsDep, engine: EngineDep, db: DbDep
) -> schemas.ParticipantOut:
    """Add a participant to the caller's unit; stated occupations are linked to ESCO."""
    unit = require_caseload_role(user)
    if body.unit_id not in (None, unit):
        raise ForbiddenError("participants can only be added to your own unit")
    values = body.model_dump(exclude_none=False)
    values["unit_id"] = unit
    values["specialist_id"] = body.specialist_id or (user.id if user.role == "specialist" else None)
    if body.home is None:
        values.pop("home")
    rec = store.create(
        values=cast(ParticipantValues, engine.normalise_participant(values)), actor=user.username
    )
    log_access(db, user_id=user.id, action="create", entity="participant", entity_ids=[rec.id])
    return participant_out(rec)


@router.get("", response_model=schemas.ParticipantPage)
def list_participants(
    user: UserDep,
    store: ParticipantsDep,
    db: DbDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
    status: Annotated[str | None, Query(pattern="^(active|on_hold|closed)$")] = None,
) -> schemas.ParticipantPage:
    """List participants of the caller's unit, ordered by id (cursor pagination)."""
    units = caseload_units(user)
    records = store.list(unit_ids=units, status=status, limit=limit, after=str(after) if after else None)
    log_access(db, user_id=user.id, action="list", entity="participant", entity_ids=[r.id for r in records])
    cursor = records[-1].id if len(records) == limit else None
    return schemas.ParticipantPage(items=[participant_out(r) for r in records], next_cursor=cursor)


@router.get("/{participant_id}", response_model=schemas.ParticipantOut)
def get_participant(
    participant_id: UUID, user: UserDep, store: ParticipantsDep, db: DbDep
) -> schemas.ParticipantOut:
    """Read one participant of the caller's unit (404 for anyone else's)."""
    rec = store.get(participant_id=str(participant_id), unit_ids=caseload_units(user))
    log_access(db, user_id=user.id, action="read", entity="participant", entity_ids=[rec.id])
    return participant_out(rec)


@router.post("/{participant_id}/leads", response_model=schemas.LeadsResponse)
def leads_for_participant(
    participant_id: UUID,
    user: UserDep,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
    settings: SettingsDep,
    body: schemas.LeadsRequest | None = None,
) -> schemas.LeadsResponse:
    """Rank openings and network employers for a participant, each lead explained and recorded."""
    body = body or schemas.LeadsRequest()
    rec = store.get(participant_id=str(participant_id), unit_ids=caseload_units(user))
    n = min(body.n, settings.max_leads)
    return serve_leads(
        person=rec,
        user=user,
        engine=engine,
        db=db,
        n=n,
        kinds=body.kinds,
        exclude=body.exclude,
    )


@router.get("/{participant_id}/leads", response_model=schemas.RecordedLeads)
def recorded_leads(
    participant_id: UUID,
    user: UserDep,
    store: ParticipantsDep,
    recorded: LeadsDep,
    db: DbDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> schemas.RecordedLeads:
    """Leads shown for a participant before, newest first, with the feedback given."""
    rec = store.get(participant_id=str(participant_id), unit_ids=caseload_units(user))
    log_access(db, user_id=user.id, action="read_leads", entity="participant", entity_ids=[rec.id])
    items = recorded.list(participant_id=rec.id, limit=limit)
    return schemas.RecordedLeads(items=[recorded_lead_out(r) for r in items])
