"""Adding and editing someone at an employer from its page (``POST /people``, ``PATCH /people/{id}``).

Plain HTML forms under ``/ui`` (session cookie, Origin checked). The employer is read first, so
a missing one is a 404 before any field is read; a person not linked to this employer is a 404
too (`usecases.people.person_at`), like a missing one. A new person is created already linked
to the employer with their role (`people.add_person`); an edit changes the person's fields and
that role in one transaction (`people.change_person_at`). A failed field: the form as typed,
with its message (422); success: a 303 to the employer's page.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, cast
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import EmployerRecord, PersonLinkRecord, PersonRecord
from employers.values import PersonValues
from service.access.users import User
from service.deps import PeopleDep
from service.usecases import people
from service.web.forms import FORM, NOTHING_SENT, Posted
from service.web.pages import PageUser
from service.web.record_forms import PathEmployer, PostedDep, form_page

router = APIRouter(prefix="/ui", include_in_schema=False)
PERSON_FIELDS = ("full_name", "role", "email", "phone", "notes")


def path_person(
    person_id: UUID, employer: PathEmployer, store: PeopleDep
) -> tuple[PersonRecord, PersonLinkRecord]:
    """The person the path names and their link to the path's employer (none: a 404 like a missing one)."""
    return people.person_at(store=store, employer_id=employer.id, person_id=str(person_id))


PathPerson = Annotated[tuple[PersonRecord, PersonLinkRecord], Depends(path_person)]


@router.get("/employers/{employer_id}/people/new", response_class=HTMLResponse)
def new_person(request: Request, user: PageUser, employer: PathEmployer) -> Response:
    """The form for someone new at this employer."""
    return _person_page(request, user, employer, None, Posted({}), status_code=200)


@router.post("/employers/{employer_id}/people/new", response_class=HTMLResponse)
def add_person(
    request: Request, user: PageUser, form: PostedDep, employer: PathEmployer, store: PeopleDep
) -> Response:
    """Add the person, linked to this employer with their role, and show the employer."""
    values, role = person_values(form)
    linked = cast(PersonValues, {**values, "employers": [{"employer_id": employer.id, "role": role}]})
    if form.saved(partial(people.add_person, store=store, values=linked, actor=user.username), PERSON_FIELDS):
        return RedirectResponse(f"/ui/employers/{employer.id}", status_code=303)
    return _person_page(request, user, employer, None, form, status_code=422)


@router.get("/employers/{employer_id}/people/{person_id}/edit", response_class=HTMLResponse)
def edit_person(request: Request, user: PageUser, employer: PathEmployer, at: PathPerson) -> Response:
    """The person's fields and role here in a form."""
    person, link = at
    fields = {name: [str(getattr(person, name) or "")] for name in PERSON_FIELDS if name != "role"}
    form = Posted({**fields, "role": [link.role]})
    return _person_page(request, user, employer, person, form, status_code=200)


@router.post("/employers/{employer_id}/people/{person_id}/edit", response_class=HTMLResponse)
def save_person(
    request: Request,
    user: PageUser,
    form: PostedDep,
    employer: PathEmployer,
    at: PathPerson,
    store: PeopleDep,
) -> Response:
    """Save the person's changed fields and role, and show the employer."""
    person, _ = at
    values, role = person_values(form)
    write = partial(
        people.change_person_at,
        store=store,
        employer_id=employer.id,
        person_id=person.id,
        values=cast(PersonValues, values),
        role=role,
        actor=user.username,
    )
    if form.saved(write, PERSON_FIELDS):
        return RedirectResponse(f"/ui/employers/{employer.id}", status_code=303)
    return _person_page(request, user, employer, person, form, status_code=422)


def person_values(form: Posted) -> tuple[dict[str, Any], str]:
    """The person's store values and their role at the employer; failures noted on ``form``."""
    if not form.given("full_name"):
        form.fail(FORM, NOTHING_SENT)
    values = {
        "full_name": form.text("full_name", max_length=300, required=True),
        "email": form.text("email", max_length=300) or None,
        "phone": form.text("phone", max_length=40) or None,
        "notes": form.text("notes", max_length=4000),
    }
    return values, form.text("role", max_length=200)


def _person_page(
    request: Request,
    user: User,
    employer: EmployerRecord,
    person: PersonRecord | None,
    form: Posted,
    *,
    status_code: int,
) -> Response:
    return form_page(
        request,
        "person_form.html",
        user=user,
        form=form,
        status_code=status_code,
        employer=employer,
        person=person,
    )
