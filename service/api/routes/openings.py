"""Openings at network employers: create, read, update (status lead -> open -> filled/closed), delete."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query

from employers.values import OpeningValues
from service.api.record_routes import RecordRoutes
from service.api.schemas.openings import OpeningIn, OpeningOut, OpeningPage, OpeningPatch
from service.api.schemas.problems import error_responses
from service.deps import EngineDep, OpeningsDep, UserDep, get_indexed_openings, get_opening_store
from service.usecases import openings as workflows

router = APIRouter(tags=["openings"], responses=error_responses())
routes = RecordRoutes(
    router, entity="opening", get_store=get_indexed_openings, out_model=OpeningOut, path="/openings"
)


@router.post("/openings", status_code=201, response_model=OpeningOut)
def create_opening(body: OpeningIn, user: UserDep, store: OpeningsDep, engine: EngineDep) -> OpeningOut:
    """Add an opening; its ESCO occupation is linked from the title when not given."""
    values = body.store_values(mode="python")
    return OpeningOut.from_fields(
        workflows.create_opening(
            store=store, engine=engine, values=cast(OpeningValues, values), actor=user.username
        )
    )


routes.add_list(
    OpeningPage,
    "List openings ordered by id, optionally of one employer and status (cursor pagination).",
    name="list_openings",
    store=get_opening_store,  # the listing needs no lead index
    employer_id=UUID | None,
    status=Annotated[str | None, Query(pattern="^(lead|open|filled|closed)$")],
)
routes.add_get("Read one opening.")
routes.add_update(
    OpeningPatch, "Change fields (each change logged with old and new); status changes must follow the flow."
)
routes.add_delete_and_restore(
    param="opening_id", docs=("Soft-delete an opening (restorable).", "Undelete an opening.")
)
