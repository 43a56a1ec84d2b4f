"""Employers and their openings (shared across the programme)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from service import schemas
from service.deps import EmployersDep, EngineDep, OpeningsDep, UserDep
from service.views import employer_out, opening_out

router = APIRouter(tags=["employers"])


@router.post("/employers", status_code=201, response_model=schemas.EmployerOut)
def create_employer(
    body: schemas.EmployerIn, user: UserDep, store: EmployersDep, engine: EngineDep
) -> schemas.EmployerOut:
    """Add an employer to the network."""
    rec = store.create(values=body.model_dump(), actor=user.username)
    engine.upsert_employers([rec.id])  # in place: no rebuild of the index
    return employer_out(rec)


@router.get("/employers", response_model=schemas.EmployerPage)
def list_employers(
    user: UserDep,
    store: EmployersDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
) -> schemas.EmployerPage:
    """List employers ordered by id (cursor pagination)."""
    records = store.list(limit=limit, after=str(after) if after else None)
    cursor = records[-1].id if len(records) == limit else None
    return schemas.EmployerPage(items=[employer_out(r) for r in records], next_cursor=cursor)


@router.get("/employers/{employer_id}", response_model=schemas.EmployerOut)
def get_employer(employer_id: UUID, user: UserDep, store: EmployersDep) -> schemas.EmployerOut:
    """Read one employer."""
    return employer_out(store.get(employer_id=str(employer_id)))


@router.post("/openings", status_code=201, response_model=schemas.OpeningOut)
def create_opening(
    body: schemas.OpeningIn, user: UserDep, store: OpeningsDep, engine: EngineDep
) -> schemas.OpeningOut:
    """Add an opening; its ESCO occupation is linked from the title when not given."""
    values = engine.normalise_opening(body.model_dump(mode="python"))
    values["employer_id"] = str(values["employer_id"])
    values["site_id"] = str(values["site_id"]) if values.get("site_id") else None
    rec = store.create(values=values, actor=user.username)
    engine.upsert_openings([rec.id])  # in place; the employer's own lead gives way to it
    return opening_out(rec)


@router.get("/openings", response_model=schemas.OpeningPage)
def list_openings(
    user: UserDep,
    store: OpeningsDep,
    employer_id: UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
) -> schemas.OpeningPage:
    """List openings ordered by id, optionally of one employer (cursor pagination)."""
    records = store.list(
        employer_id=str(employer_id) if employer_id else None,
        limit=limit,
        after=str(after) if after else None,
    )
    cursor = records[-1].id if len(records) == limit else None
    return schemas.OpeningPage(items=[opening_out(r) for r in records], next_cursor=cursor)


@router.get("/openings/{opening_id}", response_model=schemas.OpeningOut)
def get_opening(opening_id: UUID, user: UserDep, store: OpeningsDep) -> schemas.OpeningOut:
    """Read one opening."""
    return opening_out(store.get(opening_id=str(opening_id)))
