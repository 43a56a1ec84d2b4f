"""Employers: create (with the duplicate check), read, update, soft delete, restore, list and search."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Header, Query, Response

from employers import EmployerValues, SiteValues
from service.api.mappers import employer_out
from service.api.schemas import core as schemas
from service.api.schemas import crm as schemas_crm
from service.deps import EmployersDep, EngineDep, UserDep

router = APIRouter(tags=["employers"])
Limit = Annotated[int, Query(ge=1, le=500)]


@router.post(
    "/employers",
    status_code=201,
    response_model=schemas.EmployerOut,
    responses={409: {"model": schemas_crm.DuplicateConflictOut, "description": "Likely duplicate"}},
)
def create_employer(
    body: schemas.EmployerIn,
    user: UserDep,
    store: EmployersDep,
    engine: EngineDep,
    x_skip_duplicate_check: Annotated[bool, Header()] = False,
) -> schemas.EmployerOut:
    """Add an employer. A likely duplicate of a live one gives 409 with the candidates."""
    skip = body.skip_duplicate_check or x_skip_duplicate_check
    values = body.model_dump(exclude={"skip_duplicate_check"})
    rec = store.create(values=cast(EmployerValues, values), actor=user.username, check_duplicates=not skip)
    engine.upsert_employers([rec.id])  # in place: no rebuild of the index
    return employer_out(rec)


@router.get("/employers", response_model=schemas.EmployerPage)
def list_employers(
    user: UserDep,
    store: EmployersDep,
    limit: Limit = 50,
    after: UUID | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Fuzzy search over names and aliases")] = None,
    stage: schemas.StageIn | None = None,
    sector: Annotated[str | None, Query(max_length=10, description="NACE code")] = None,
    owner: Annotated[str | None, Query(max_length=100)] = None,
    do_not_contact: bool | None = None,
) -> schemas.EmployerPage:
    """List employers by id, or by match score when searching with ``q`` (cursor pagination)."""
    cursor_after = str(after) if after else None
    if q and q.strip():
        hits = store.search(
            q=q,
            limit=limit,
            after=cursor_after,
            stage=stage,
            sector=sector,
            owner=owner,
            do_not_contact=do_not_contact,
        )
        items = [employer_out(r).model_copy(update={"score": score}) for r, score in hits]
    else:
        records = store.list(
            limit=limit,
            after=cursor_after,
            stage=stage,
            sector=sector,
            owner=owner,
            do_not_contact=do_not_contact,
        )
        items = [employer_out(r) for r in records]
    cursor = items[-1].id if len(items) == limit else None
    return schemas.EmployerPage(items=items, next_cursor=cursor)


@router.get("/employers/{employer_id}", response_model=schemas.EmployerOut)
def get_employer(employer_id: UUID, user: UserDep, store: EmployersDep) -> schemas.EmployerOut:
    """Read one employer."""
    return employer_out(store.get(employer_id=str(employer_id)))


@router.patch("/employers/{employer_id}", response_model=schemas.EmployerOut)
def update_employer(
    employer_id: UUID, body: schemas_crm.EmployerPatch, user: UserDep, store: EmployersDep, engine: EngineDep
) -> schemas.EmployerOut:
    """Change fields; each change is logged (field, old, new), a stage change in the stage history."""
    rec = store.update(
        employer_id=str(employer_id),
        values=cast(EmployerValues, body.model_dump(exclude_unset=True)),
        actor=user.username,
    )
    engine.upsert_employers([rec.id])
    return employer_out(rec)


@router.delete("/employers/{employer_id}", status_code=204)
def delete_employer(employer_id: UUID, user: UserDep, store: EmployersDep, engine: EngineDep) -> Response:
    """Soft-delete an employer (restorable; its registry number is free for a new record)."""
    store.delete(employer_id=str(employer_id), actor=user.username)
    engine.upsert_employers([str(employer_id)])  # its openings and employer lead leave the index
    return Response(status_code=204)


@router.post("/employers/{employer_id}/restore", response_model=schemas.EmployerOut)
def restore_employer(
    employer_id: UUID, user: UserDep, store: EmployersDep, engine: EngineDep
) -> schemas.EmployerOut:
    """Undelete an employer (409 if a live employer has taken its registry number)."""
    rec = store.restore(employer_id=str(employer_id), actor=user.username)
    engine.upsert_employers([rec.id])
    return employer_out(rec)


@router.post("/employers/{employer_id}/sites", status_code=201, response_model=schemas.EmployerOut)
def create_site(
    employer_id: UUID, body: schemas_crm.SiteCreate, user: UserDep, store: EmployersDep, engine: EngineDep
) -> schemas.EmployerOut:
    """Add a site (with its address and coordinates) to an employer."""
    rec = store.create_site(
        employer_id=str(employer_id), values=cast(SiteValues, body.model_dump()), actor=user.username
    )
    engine.upsert_employers([rec.id])
    return employer_out(rec)
