"""Creating and editing an employer from the browser (``POST /employers``, ``PATCH /employers/{id}``).

Plain HTML forms under ``/ui`` (session cookie, Origin checked by `pages.browser_user`). A new
employer goes through `usecases.employers.create_employer` with the duplicate check: a likely
duplicate shows the form again (409) with its candidates, "is it one of these?", linked to their
pages, and a "save anyway" button that posts the same fields with ``skip_duplicate_check``. An
edit goes through `indexed_employers(...).update`, so the lead index follows. A field that fails
shows the form as typed with its message (422); success is a 303 to the employer's page.
"""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import ConflictError, DuplicateError, EmployerRecord, InvalidError
from employers.models import REGISTRY_KINDS, SIZE_BANDS
from employers.values import EmployerValues
from matching.types import STAGES
from service.access.users import User
from service.deps import DbDep, EmployersDep, EngineDep
from service.usecases.employers import create_employer, indexed_employers
from service.web.countries import country_choices
from service.web.employer_fields import (
    EMPLOYER_FIELDS,
    SITE_FIELDS,
    employer_fields,
    employer_values,
    new_employer_fields,
    site_values,
)
from service.web.forms import Posted
from service.web.pages import PageUser
from service.web.record_forms import PostedDep, form_page, home_unit, known_user

router = APIRouter(prefix="/ui", include_in_schema=False)
_NAMES = (*EMPLOYER_FIELDS, *SITE_FIELDS)


@router.get("/employers/new", response_class=HTMLResponse)
def new_employer(request: Request, user: PageUser, db: DbDep) -> Response:
    """The new-employer form: a prospect owned by the caller, in the caller's unit's country."""
    unit = home_unit(db, user)
    fields = new_employer_fields(owner=user.username, country=unit.country if unit else "")
    return _employer_page(request, user, Posted(fields), None, status_code=200)


@router.post("/employers/new", response_class=HTMLResponse)
def add_employer(
    request: Request, user: PageUser, form: PostedDep, store: EmployersDep, engine: EngineDep, db: DbDep
) -> Response:
    """Add the employer (unless it looks like one already there) and show its page."""
    values = employer_values(form, known_user=known_user(db))
    values["sites"] = site_values(form, country=values["country"])
    if not form.ok:
        return _employer_page(request, user, form, None, status_code=422)
    try:
        rec = create_employer(
            store=store,
            engine=engine,
            values=cast(EmployerValues, values),
            actor=user.username,
            check_duplicates=not form.given("skip_duplicate_check"),
        )
    except DuplicateError as exc:
        return _employer_page(request, user, form, None, status_code=409, candidates=exc.candidates)
    except (InvalidError, ConflictError) as exc:
        return _failed(request, user, form, None, exc)
    return RedirectResponse(f"/ui/employers/{rec.id}", status_code=303)


@router.get("/employers/{employer_id}/edit", response_class=HTMLResponse)
def edit_employer(
    request: Request, employer_id: UUID, user: PageUser, store: EmployersDep, engine: EngineDep
) -> Response:
    """The employer's fields in a form (a missing or deleted employer is a 404)."""
    rec = indexed_employers(store, engine).get(record_id=str(employer_id))
    return _employer_page(request, user, Posted(employer_fields(rec)), rec, status_code=200)


@router.post("/employers/{employer_id}/edit", response_class=HTMLResponse)
def save_employer(
    request: Request,
    employer_id: UUID,
    user: PageUser,
    form: PostedDep,
    store: EmployersDep,
    engine: EngineDep,
    db: DbDep,
) -> Response:
    """Save the changed fields (each change logged; the lead index follows) and show the employer."""
    indexed = indexed_employers(store, engine)
    rec = indexed.get(record_id=str(employer_id))  # 404 first: a missing employer is no form error
    is_user = known_user(db)  # an owner kept as it was need not be a user (an imported name)
    values = employer_values(form, known_user=lambda name: name == rec.owner or is_user(name))
    if not form.ok:
        return _employer_page(request, user, form, rec, status_code=422)
    try:
        indexed.update(record_id=rec.id, values=cast(EmployerValues, values), actor=user.username)
    except (InvalidError, ConflictError) as exc:
        return _failed(request, user, form, rec, exc)
    return RedirectResponse(f"/ui/employers/{rec.id}", status_code=303)


def _failed(
    request: Request,
    user: User,
    form: Posted,
    rec: EmployerRecord | None,
    exc: InvalidError | ConflictError,
) -> Response:
    """The form again with the store's message on its field (409 for a taken registry number)."""
    form.store_error(exc, _NAMES)
    status = 409 if isinstance(exc, ConflictError) else 422
    return _employer_page(request, user, form, rec, status_code=status)


def _employer_page(
    request: Request,
    user: User,
    form: Posted,
    rec: EmployerRecord | None,
    *,
    status_code: int,
    candidates: list[dict[str, Any]] | None = None,
) -> Response:
    return form_page(
        request,
        "employer_form.html",
        user=user,
        form=form,
        status_code=status_code,
        employer=rec,
        candidates=candidates or [],
        countries=country_choices,  # called while the page renders, in its language
        stages=STAGES,
        registry_kinds=REGISTRY_KINDS,
        size_bands=SIZE_BANDS,
    )
