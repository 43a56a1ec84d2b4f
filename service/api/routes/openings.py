"""Openings at network employers: create, read, update (status lead -> open -> filled/closed), delete."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query, Response

from employers.values import OpeningValues
from service.api.pagination import Limit, after_id, id_page
from service.api.schemas.openings import OpeningIn, OpeningOut, OpeningPage, OpeningPatch
from service.deps import EngineDep, OpeningsDep, UserDep
from service.usecases import openings as workflows

router = APIRouter(tags=["openings"])


@router.post("/openings", status_code=201, response_model=OpeningOut)
def create_opening(body: OpeningIn, user: UserDep, store: OpeningsDep, engine: EngineDep) -> OpeningOut:
    """Add an opening; its ESCO occupation is linked from the title when not given."""
    values = body.store_values(mode="python")
    return OpeningOut.from_fields(
        workflows.create_opening(
            store=store, engine=engine, values=cast(OpeningValues, values), actor=user.username
        )
    )


@router.get("/openings", response_model=OpeningPage)
def list_openings(
    user: UserDep,
    store: OpeningsDep,
    employer_id: UUID | None = None,
    status: Annotated[str | None, Query(pattern="^(lead|open|filled|closed)$")] = None,
    limit: Limit = 50,
    after: UUID | None = None,
) -> OpeningPage:
    """List openings ordered by id, optionally of one employer and status (cursor pagination)."""
    records = store.list(employer_id=after_id(employer_id), status=status, limit=limit, after=after_id(after))
    return id_page(OpeningPage, records, limit, OpeningOut.from_fields)


@router.get("/openings/{opening_id}", response_model=OpeningOut)
def get_opening(opening_id: UUID, user: UserDep, store: OpeningsDep) -> OpeningOut:
    """Read one opening."""
    return OpeningOut.from_fields(store.get(opening_id=str(opening_id)))


@router.patch("/openings/{opening_id}", response_model=OpeningOut)
def update_opening(
    opening_id: UUID, body: OpeningPatch, user: UserDep, store: OpeningsDep, engine: EngineDep
) -> OpeningOut:
    """Change fields (each change logged with old and new); status changes must follow the flow."""
    values = body.model_dump(exclude_unset=True)
    rec = workflows.update_opening(
        store=store,
        engine=engine,
        opening_id=str(opening_id),
        values=cast(OpeningValues, values),
        actor=user.username,
    )
    return OpeningOut.from_fields(rec)


@router.delete("/openings/{opening_id}", status_code=204)
def delete_opening(opening_id: UUID, user: UserDep, store: OpeningsDep, engine: EngineDep) -> Response:
    """Soft-delete an opening (restorable)."""
    workflows.delete_opening(store=store, engine=engine, opening_id=str(opening_id), actor=user.username)
    return Response(status_code=204)


@router.post("/openings/{opening_id}/restore", response_model=OpeningOut)
def restore_opening(opening_id: UUID, user: UserDep, store: OpeningsDep, engine: EngineDep) -> OpeningOut:
    """Undelete an opening."""
    rec = workflows.restore_opening(
        store=store, engine=engine, opening_id=str(opening_id), actor=user.username
    )
    return OpeningOut.from_fields(rec)
