"""Openings at network employers: create, read, update (status lead -> open -> filled/closed), delete."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query, Response

from employers import OpeningValues
from service.api.mappers import opening_out
from service.api.schemas import core as schemas
from service.api.schemas import crm as schemas_crm
from service.deps import EngineDep, OpeningsDep, UserDep

router = APIRouter(tags=["openings"])


@router.post("/openings", status_code=201, response_model=schemas.OpeningOut)
def create_opening(
    body: schemas.OpeningIn, user: UserDep, store: OpeningsDep, engine: EngineDep
) -> schemas.OpeningOut:
    """Add an opening; its ESCO occupation is linked from the title when not given."""
    values = engine.normalise_opening(body.model_dump(mode="python"))
    values["employer_id"] = str(values["employer_id"])
    values["site_id"] = str(values["site_id"]) if values.get("site_id") else None
    rec = store.create(values=cast(OpeningValues, values), actor=user.username)
    engine.upsert_openings([rec.id])  # in place; the employer's own lead gives way to it
    return opening_out(rec)


@router.get("/openings", response_model=schemas.OpeningPage)
def list_openings(
    user: UserDep,
    store: OpeningsDep,
    employer_id: UUID | None = None,
    status: Annotated[str | None, Query(pattern="^(lead|open|filled|closed)$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
) -> schemas.OpeningPage:
    """List openings ordered by id, optionally of one employer and status (cursor pagination)."""
    records = store.list(
        employer_id=str(employer_id) if employer_id else None,
        status=status,
        limit=limit,
        after=str(after) if after else None,
    )
    cursor = records[-1].id if len(records) == limit else None
    return schemas.OpeningPage(items=[opening_out(r) for r in records], next_cursor=cursor)


@router.get("/openings/{opening_id}", response_model=schemas.OpeningOut)
def get_opening(opening_id: UUID, user: UserDep, store: OpeningsDep) -> schemas.OpeningOut:
    """Read one opening."""
    return opening_out(store.get(opening_id=str(opening_id)))


@router.patch("/openings/{opening_id}", response_model=schemas.OpeningOut)
def update_opening(
    opening_id: UUID, body: schemas_crm.OpeningPatch, user: UserDep, store: OpeningsDep, engine: EngineDep
) -> schemas.OpeningOut:
    """Change fields (each change logged with old and new); status changes must follow the flow."""
    rec = store.update(
        opening_id=str(opening_id),
        values=cast(OpeningValues, body.model_dump(exclude_unset=True)),
        actor=user.username,
    )
    engine.upsert_openings([rec.id])
    return opening_out(rec)


@router.delete("/openings/{opening_id}", status_code=204)
def delete_opening(opening_id: UUID, user: UserDep, store: OpeningsDep, engine: EngineDep) -> Response:
    """Soft-delete an opening (restorable)."""
    store.delete(opening_id=str(opening_id), actor=user.username)
    engine.upsert_openings([str(opening_id)])
    return Response(status_code=204)


@router.post("/openings/{opening_id}/restore", response_model=schemas.OpeningOut)
def restore_opening(
    opening_id: UUID, user: UserDep, store: OpeningsDep, engine: EngineDep
) -> schemas.OpeningOut:
    """Undelete an opening."""
    rec = store.restore(opening_id=str(opening_id), actor=user.username)
    engine.upsert_openings([rec.id])
    return opening_out(rec)
