"""Employers: create (with the duplicate check), read, update, soft delete, restore, list and search."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Header, Query

from employers.values import EmployerValues, SiteValues
from service.api.pagination import Limit, after_id, page
from service.api.record_routes import RecordRoutes
from service.api.schemas.common import StageIn
from service.api.schemas.employers import (
    DuplicateConflictOut,
    EmployerIn,
    EmployerOut,
    EmployerPage,
    EmployerPatch,
    SiteCreate,
)
from service.api.schemas.problems import ConflictOut, error_responses
from service.deps import EmployersDep, EngineDep, UserDep, get_indexed_employers
from service.usecases import employers as workflows

router = APIRouter(tags=["employers"], responses=error_responses())
routes = RecordRoutes(
    router,
    entity="employer",
    get_store=get_indexed_employers,
    out_model=EmployerOut,
    to_out=EmployerOut.from_record,
    path="/employers",
)


@router.post(
    "/employers",
    status_code=201,
    response_model=EmployerOut,
    responses={
        409: {
            "model": DuplicateConflictOut | ConflictOut,
            "description": "Likely duplicate (with candidates), or a registry number already taken",
        }
    },
)
def create_employer(
    body: EmployerIn,
    user: UserDep,
    store: EmployersDep,
    engine: EngineDep,
    x_skip_duplicate_check: Annotated[bool, Header()] = False,
) -> EmployerOut:
    """Add an employer. A likely duplicate of a live one gives 409 with the candidates."""
    skip = body.skip_duplicate_check or x_skip_duplicate_check
    values = body.model_dump(exclude={"skip_duplicate_check"})
    rec = workflows.create_employer(
        store=store,
        engine=engine,
        values=cast(EmployerValues, values),
        actor=user.username,
        check_duplicates=not skip,
    )
    return EmployerOut.from_record(rec)


@router.get("/employers", response_model=EmployerPage)
def list_employers(
    user: UserDep,
    store: EmployersDep,
    limit: Limit = 50,
    after: UUID | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Fuzzy search over names and aliases")] = None,
    stage: StageIn | None = None,
    sector: Annotated[str | None, Query(max_length=10, description="NACE code")] = None,
    owner: Annotated[str | None, Query(max_length=100)] = None,
    do_not_contact: bool | None = None,
) -> EmployerPage:
    """List employers by id, or by match score when searching with ``q`` (cursor pagination)."""
    filters = {"stage": stage, "sector": sector, "owner": owner, "do_not_contact": do_not_contact}
    hits = workflows.find_employers(store=store, q=q, limit=limit, after=after_id(after), **filters)
    return page(EmployerPage, hits, limit, lambda hit: EmployerOut.from_record(*hit), lambda hit: hit[0].id)


routes.add_get("Read one employer.")
routes.add_update(
    EmployerPatch,
    "Change fields; each change is logged (field, old, new), a stage change in the stage history.",
)
routes.add_delete_and_restore(
    param="employer_id",
    docs=(
        "Soft-delete an employer (restorable; its registry number is free for a new record).",
        "Undelete an employer (409 if a live employer has taken its registry number).",
    ),
)


@router.post("/employers/{employer_id}/sites", status_code=201, response_model=EmployerOut)
def create_site(
    employer_id: UUID, body: SiteCreate, user: UserDep, store: EmployersDep, engine: EngineDep
) -> EmployerOut:
    """Add a site (with its address and coordinates) to an employer."""
    rec = workflows.create_site(
        store=store,
        engine=engine,
        employer_id=str(employer_id),
        values=cast(SiteValues, body.model_dump()),
        actor=user.username,
    )
    return EmployerOut.from_record(rec)
