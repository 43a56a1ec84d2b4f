"""People at employers and their links (role, active/left dates)."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from fastapi import APIRouter, Response

from employers.values import PersonLinkValues, PersonValues
from service.api.record_routes import RecordRoutes
from service.api.schemas.people import (
    PersonIn,
    PersonLinkIn,
    PersonLinkOut,
    PersonLinkPatch,
    PersonOut,
    PersonPage,
    PersonPatch,
)
from service.api.schemas.problems import error_responses
from service.deps import PeopleDep, UserDep, get_people_store
from service.usecases import people

router = APIRouter(prefix="/people", tags=["people"], responses=error_responses())
routes = RecordRoutes(
    router, entity="person", get_store=get_people_store, out_model=PersonOut, to_out=PersonOut.from_record
)


@router.post("", status_code=201, response_model=PersonOut)
def create_person(body: PersonIn, user: UserDep, store: PeopleDep) -> PersonOut:
    """Add a person, optionally linked to employers with a role and dates."""
    values = body.model_dump() | {"employers": [link.store_values() for link in body.employers]}
    return PersonOut.from_record(
        people.add_person(store=store, values=cast(PersonValues, values), actor=user.username)
    )


routes.add_list(
    PersonPage,
    "People ordered by id, optionally only those linked to one employer (cursor pagination).",
    name="list_people",
    employer_id=UUID | None,
)
routes.add_get("Read one person with their employer links.")
routes.add_update(
    PersonPatch,
    "Change fields of a person (each change logged with old and new).",
    change=people.change_person,
)


@router.post("/{person_id}/employers", status_code=201, response_model=PersonOut)
def link_person(person_id: UUID, body: PersonLinkIn, user: UserDep, store: PeopleDep) -> PersonOut:
    """Link a person to another employer (people move between employers and keep their history)."""
    values = body.store_values()
    rec = people.link_to_employer(
        store=store, person_id=str(person_id), values=cast(PersonLinkValues, values), actor=user.username
    )
    return PersonOut.from_record(rec)


@router.patch("/{person_id}/employers/{link_id}", response_model=PersonLinkOut)
def update_link(
    person_id: UUID, link_id: UUID, body: PersonLinkPatch, user: UserDep, store: PeopleDep
) -> PersonLinkOut:
    """Change a role or dates (set ``left_on`` when the person leaves)."""
    link = people.change_link(
        store=store,
        person_id=str(person_id),
        link_id=str(link_id),
        values=cast(PersonLinkValues, body.model_dump(exclude_unset=True)),
        actor=user.username,
    )
    return PersonLinkOut.from_fields(link)


@router.delete("/{person_id}/employers/{link_id}", status_code=204)
def delete_link(person_id: UUID, link_id: UUID, user: UserDep, store: PeopleDep) -> Response:
    """Remove a link entered by mistake (soft delete)."""
    people.remove_link(store=store, person_id=str(person_id), link_id=str(link_id), actor=user.username)
    return Response(status_code=204)


routes.add_delete_and_restore()
