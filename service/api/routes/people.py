"""People at employers and their links (role, active/left dates)."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query, Response

from employers import NotFoundError, PeopleStore, PersonLinkValues, PersonValues
from service.api.mappers_crm import fields_of, person_out
from service.api.routes.soft_delete import add_delete_and_restore
from service.api.schemas import crm as schemas_crm
from service.deps import PeopleDep, UserDep, get_people_store

router = APIRouter(prefix="/people", tags=["people"])


@router.post("", status_code=201, response_model=schemas_crm.PersonOut)
def create_person(body: schemas_crm.PersonIn, user: UserDep, store: PeopleDep) -> schemas_crm.PersonOut:
    """Add a person, optionally linked to employers with a role and dates."""
    values = body.model_dump()
    values["employers"] = [{**link, "employer_id": str(link["employer_id"])} for link in values["employers"]]
    return person_out(store.create(values=cast(PersonValues, values), actor=user.username))


@router.get("", response_model=schemas_crm.PersonPage)
def list_people(
    user: UserDep,
    store: PeopleDep,
    employer_id: UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: UUID | None = None,
) -> schemas_crm.PersonPage:
    """People ordered by id, optionally only those linked to one employer (cursor pagination)."""
    records = store.list(
        limit=limit,
        after=str(after) if after else None,
        filters={"employer_id": str(employer_id) if employer_id else None},
    )
    cursor = records[-1].id if len(records) == limit else None
    return schemas_crm.PersonPage(items=[person_out(r) for r in records], next_cursor=cursor)


@router.get("/{person_id}", response_model=schemas_crm.PersonOut)
def get_person(person_id: UUID, user: UserDep, store: PeopleDep) -> schemas_crm.PersonOut:
    """Read one person with their employer links."""
    return person_out(store.get(record_id=str(person_id)))


@router.patch("/{person_id}", response_model=schemas_crm.PersonOut)
def update_person(
    person_id: UUID, body: schemas_crm.PersonPatch, user: UserDep, store: PeopleDep
) -> schemas_crm.PersonOut:
    """Change fields of a person (each change logged with old and new)."""
    values = body.model_dump(exclude_unset=True)
    return person_out(
        store.update(record_id=str(person_id), values=cast(PersonValues, values), actor=user.username)
    )


@router.post("/{person_id}/employers", status_code=201, response_model=schemas_crm.PersonOut)
def link_person(
    person_id: UUID, body: schemas_crm.PersonLinkIn, user: UserDep, store: PeopleDep
) -> schemas_crm.PersonOut:
    """Link a person to another employer (people move between employers and keep their history)."""
    values = body.model_dump()
    values["employer_id"] = str(values["employer_id"])
    return person_out(
        store.add_link(person_id=str(person_id), values=cast(PersonLinkValues, values), actor=user.username)
    )


@router.patch("/{person_id}/employers/{link_id}", response_model=schemas_crm.PersonLinkOut)
def update_link(
    person_id: UUID, link_id: UUID, body: schemas_crm.PersonLinkPatch, user: UserDep, store: PeopleDep
) -> schemas_crm.PersonLinkOut:
    """Change a role or dates (set ``left_on`` when the person leaves)."""
    _own_link(store, person_id, link_id)
    values = body.model_dump(exclude_unset=True)
    link = store.update_link(link_id=str(link_id), values=cast(PersonLinkValues, values), actor=user.username)
    return fields_of(link, schemas_crm.PersonLinkOut)


@router.delete("/{person_id}/employers/{link_id}", status_code=204)
def delete_link(person_id: UUID, link_id: UUID, user: UserDep, store: PeopleDep) -> Response:
    """Remove a link entered by mistake (soft delete)."""
    _own_link(store, person_id, link_id)
    store.delete_link(link_id=str(link_id), actor=user.username)
    return Response(status_code=204)


def _own_link(store: PeopleStore, person_id: UUID, link_id: UUID) -> None:
    if store.get_link(link_id=str(link_id)).person_id != str(person_id):
        raise NotFoundError("person link", str(link_id))


add_delete_and_restore(
    router,
    path="",
    entity="person",
    get_store=get_people_store,
    to_out=lambda rec, _user, _db: person_out(rec),
    out_model=schemas_crm.PersonOut,
)
