"""The job developer's writes from the browser: log a contact, tick a follow-up, add a note, move a stage.

Plain HTML forms (they work without script): a POST under ``/ui`` with the session cookie, its
Origin checked like every cookie write (`pages.browser_user`), answered with a 303 back to the page
the form was on. Each calls the use case its JSON twin calls (``POST /contacts``, ``PATCH
/tasks/{id}``, ``POST /notes``, ``PATCH /employers/{id}``). A field that fails shows the page again
with what was typed and the field's message (422), never a 500.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import InvalidError, NotFoundError
from employers.values import NoteValues
from matching.types import STAGES
from service.deps import ContactsDep, DbDep, EmployersDep, EngineDep, NotesDep, ParticipantsDep, TasksDep
from service.usecases import contacts as contact_log
from service.usecases import tasks as follow_ups
from service.usecases.employers import indexed_employers
from service.web.contact_form import FIELDS, contact_form, contact_values, prefilled
from service.web.crm_pages import EmployerPageDep, employer_page
from service.web.forms import Posted, back_to
from service.web.pages import PageUser
from service.web.record_forms import PostedDep, form_page

router = APIRouter(prefix="/ui", include_in_schema=False)
_Id = Annotated[str | None, Query(max_length=36, pattern=r"^[0-9a-fA-F-]{32,36}$")]


@router.get("/contacts/new", response_class=HTMLResponse)
def new_contact(
    request: Request,
    user: PageUser,
    employers: EmployersDep,
    caseload: ParticipantsDep,
    db: DbDep,
    employer_id: _Id = None,
    participant_id: _Id = None,
    purpose: Annotated[str | None, Query(max_length=40)] = None,
    next_step: Annotated[str, Query(max_length=500)] = "",
    back: Annotated[str, Query(alias="next", max_length=2000)] = "/ui/week",
) -> Response:
    """The contact form on its own page, pre-filled from the link (a follow-up, a lead card)."""
    employer = employers.get(employer_id=employer_id) if employer_id else None
    form = prefilled(employer=employer, purpose=purpose, participant_id=participant_id, next_step=next_step)
    back = back_to(Posted({"next": [back]}), "/ui/week")
    return _contact_page(request, user, employers, caseload, db, form, back, status_code=200)


@router.post("/contacts", response_class=HTMLResponse)
def log_contact(
    request: Request,
    user: PageUser,
    form: PostedDep,
    contacts: ContactsDep,
    employers: EmployersDep,
    caseload: ParticipantsDep,
    db: DbDep,
) -> Response:
    """Log the contact (a next step with a due date opens the follow-up task) and go back."""
    back = back_to(form, "/ui/week")
    values, participant_id = contact_values(form)

    def write() -> None:
        try:
            contact_log.log_contact(
                store=contacts,
                caseload=caseload,
                db=db,
                user=user,
                values=values,
                participant_id=participant_id,
            )
        except NotFoundError as exc:  # the employer chosen went away meanwhile: a message on its field
            raise InvalidError(f"{exc.entity}_id", str(exc)) from exc

    if form.saved(write, FIELDS):
        return RedirectResponse(back, status_code=303)
    return _contact_page(request, user, employers, caseload, db, form, back, status_code=422)


def _contact_page(
    request: Request,
    user: PageUser,
    employers: EmployersDep,
    caseload: ParticipantsDep,
    db: DbDep,
    form: Posted,
    back: str,
    *,
    status_code: int,
) -> Response:
    ctx = contact_form(form=form, back=back, employers=employers, caseload=caseload, db=db, user=user)
    return form_page(request, "contact_form.html", user=user, form=form, status_code=status_code, contact=ctx)


@router.post("/tasks/{task_id}/done", response_class=RedirectResponse)
def tick_task(task_id: UUID, user: PageUser, form: PostedDep, tasks: TasksDep) -> RedirectResponse:
    """Mark a follow-up done (its ``done_at`` stamped) and go back to the page it was ticked on."""
    follow_ups.change_task(
        store=tasks, record_id=str(task_id), values={"status": "done"}, actor=user.username
    )
    return RedirectResponse(back_to(form, "/ui/week"), status_code=303)


@router.post("/employers/{employer_id}/notes", response_class=HTMLResponse)
def add_note(
    request: Request,
    employer_id: UUID,
    user: PageUser,
    form: PostedDep,
    stores: EmployerPageDep,
    notes: NotesDep,
) -> Response:
    """Add a note about the employer; the page again with the note's message when it is empty."""
    stores.employers.get(employer_id=str(employer_id))  # 404 first: a missing employer is no form error
    body = form.text("body", max_length=4000, required=True)
    values = cast(NoteValues, {"employer_id": str(employer_id), "body": body})
    if form.saved(partial(follow_ups.add_note, store=notes, values=values, actor=user.username), ("body",)):
        return RedirectResponse(f"/ui/employers/{employer_id}", status_code=303)
    return employer_page(request, user, stores, str(employer_id), note=form)


@router.post("/employers/{employer_id}/stage", response_class=HTMLResponse)
def change_stage(
    request: Request,
    employer_id: UUID,
    user: PageUser,
    form: PostedDep,
    stores: EmployerPageDep,
    engine: EngineDep,
) -> Response:
    """Move the employer to another relationship stage (the lead index follows)."""
    stores.employers.get(employer_id=str(employer_id))
    stage = form.choice("stage", STAGES)
    if form.ok:
        indexed_employers(stores.employers, engine).update(
            record_id=str(employer_id), values={"stage": stage}, actor=user.username
        )
        return RedirectResponse(f"/ui/employers/{employer_id}", status_code=303)
    return employer_page(request, user, stores, str(employer_id), stage=form)
