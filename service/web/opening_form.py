"""Adding and editing an employer's openings from its page (``POST /openings``, ``PATCH /openings/{id}``).

Plain HTML forms under ``/ui`` (session cookie, Origin checked). The employer is read first (a
missing one is a 404 before any field is read), and an opening of another employer is a 404
like a missing one (`usecases.openings.opening_at`). A new opening goes through
`openings.create_opening` (its ESCO occupation linked from the title), an edit through
`openings.change_opening` (re-linked when the title or language changes); both keep the lead
index current in place. A failed field: the form as typed with its message (422), the store's
rules (hours in order, the status flow) on their fields too; success: a 303 to the employer.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import EmployerRecord, OpeningRecord
from employers.values import OpeningValues
from matching.types import APPLICATION_ROUTES, CONTRACT_TYPES, LANGUAGES, OPENING_STATUSES
from service.access.users import User
from service.deps import DbDep, EngineDep, OpeningsDep
from service.usecases import openings
from service.web.forms import Posted
from service.web.opening_fields import (
    CURRENCIES,
    OPENING_FIELDS,
    new_opening_fields,
    opening_fields,
    opening_values,
    place_of,
)
from service.web.pages import PageUser
from service.web.record_forms import PathEmployer, PostedDep, form_page, home_unit

router = APIRouter(prefix="/ui", include_in_schema=False)


def path_opening(opening_id: UUID, employer: PathEmployer, store: OpeningsDep) -> OpeningRecord:
    """The opening the path names, of the path's employer (another employer's is a 404 like a missing one)."""
    return openings.opening_at(store=store, employer_id=employer.id, opening_id=str(opening_id))


PathOpening = Annotated[OpeningRecord, Depends(path_opening)]


@router.get("/employers/{employer_id}/openings/new", response_class=HTMLResponse)
def new_opening(request: Request, user: PageUser, employer: PathEmployer, db: DbDep) -> Response:
    """The form for a new opening at this employer, in the caller's unit's language."""
    unit = home_unit(db, user)
    form = Posted(new_opening_fields(employer, language=unit.language if unit else "en"))
    return _opening_page(request, user, employer, None, form, status_code=200)


@router.post("/employers/{employer_id}/openings/new", response_class=HTMLResponse)
def add_opening(
    request: Request,
    user: PageUser,
    form: PostedDep,
    employer: PathEmployer,
    store: OpeningsDep,
    engine: EngineDep,
) -> Response:
    """Add the opening (linked to ESCO, ranked at once) and show the employer."""
    values = opening_values(form)
    place = place_of(employer, values["city"])
    new = cast(OpeningValues, {**values, **place, "employer_id": employer.id})
    write = partial(openings.create_opening, store=store, engine=engine, values=new, actor=user.username)
    if form.saved(write, OPENING_FIELDS):
        return RedirectResponse(f"/ui/employers/{employer.id}", status_code=303)
    return _opening_page(request, user, employer, None, form, status_code=422)


@router.get("/employers/{employer_id}/openings/{opening_id}/edit", response_class=HTMLResponse)
def edit_opening(request: Request, user: PageUser, employer: PathEmployer, rec: PathOpening) -> Response:
    """The opening's fields in a form."""
    return _opening_page(request, user, employer, rec, Posted(opening_fields(rec)), status_code=200)


@router.post("/employers/{employer_id}/openings/{opening_id}/edit", response_class=HTMLResponse)
def save_opening(
    request: Request,
    user: PageUser,
    form: PostedDep,
    employer: PathEmployer,
    rec: PathOpening,
    store: OpeningsDep,
    engine: EngineDep,
) -> Response:
    """Save the changed fields (the ranking follows at once) and show the employer."""
    values = opening_values(form)
    if values["city"] != rec.city:  # moved: to another site of the employer's, or off the map
        values |= place_of(employer, values["city"])
    write = partial(
        openings.change_opening,
        store=store,
        engine=engine,
        record_id=rec.id,
        values=cast(OpeningValues, values),
        actor=user.username,
    )
    if form.saved(write, OPENING_FIELDS):
        return RedirectResponse(f"/ui/employers/{employer.id}", status_code=303)
    return _opening_page(request, user, employer, rec, form, status_code=422)


def _opening_page(
    request: Request,
    user: User,
    employer: EmployerRecord,
    rec: OpeningRecord | None,
    form: Posted,
    *,
    status_code: int,
) -> Response:
    return form_page(
        request,
        "opening_form.html",
        user=user,
        form=form,
        status_code=status_code,
        employer=employer,
        opening=rec,
        opening_languages=LANGUAGES,
        contracts=CONTRACT_TYPES,
        routes=APPLICATION_ROUTES,
        statuses=OPENING_STATUSES,
        currencies=CURRENCIES,
    )
