"""The specialist's caseload writes from the browser: a participant's preferences, a job start.

Plain HTML forms under ``/ui`` (session cookie, Origin checked, `pages.browser_user`), each calling
the use case of its JSON twin: ``PATCH /participants/{id}`` (`participants.update_participant`)
and ``POST /participants/{id}/jobs`` (`jobs.add_job`). The person is read first, so another
unit's participant is a 404 exactly like a missing one, before any field is looked at. A field
that fails shows the form again as typed with the field's message (422).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from participants import ParticipantRecord
from participants.jobs import JOB_CONTRACT_TYPES
from participants.support_contacts import SUPPORT_MODES, WITH_WHOM, SupportContactStore
from service.access.users import User
from service.deps import DbDep, EmployersDep, EngineDep, ParticipantsDep, ProgrammeDep
from service.usecases.episodes import add_record
from service.usecases.jobs import add_job
from service.usecases.participants import get_participant, update_participant
from service.web.contact_form import employer_choices
from service.web.forms import FORM, NOTHING_SENT, REQUIRED, Posted
from service.web.pages import PageUser
from service.web.profile_form import PROFILE_FIELDS, profile_fields, profile_values
from service.web.record_forms import PostedDep, form_page

router = APIRouter(prefix="/ui", include_in_schema=False)
JOB_FIELDS = ("lead_id", "employer_id", "start_date", "title", "hours_week", "wage_hourly", "contract_type")


@router.get("/participants/{participant_id}/profile", response_class=HTMLResponse)
def edit_profile(
    request: Request, participant_id: UUID, user: PageUser, store: ParticipantsDep, db: DbDep
) -> Response:
    """The preferences form, filled with what the person stated so far."""
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    return _profile_page(request, user, person, Posted(profile_fields(person)), status_code=200)


@router.post("/participants/{participant_id}/profile", response_class=HTMLResponse)
def save_profile(
    request: Request,
    participant_id: UUID,
    user: PageUser,
    form: PostedDep,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
) -> Response:
    """Save the changed preferences (occupations typed anew are linked to ESCO) and show the person."""
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    values = profile_values(form, person)
    write = partial(
        update_participant,
        store=store,
        engine=engine,
        db=db,
        user=user,
        participant_id=person.id,
        values=values,
    )
    if form.saved(write, PROFILE_FIELDS):
        return RedirectResponse(f"/ui/participants/{person.id}", status_code=303)
    return _profile_page(request, user, person, form, status_code=422)


def _profile_page(
    request: Request, user: User, person: ParticipantRecord, form: Posted, *, status_code: int
) -> Response:
    return form_page(
        request, "profile_form.html", user=user, form=form, status_code=status_code, person=person
    )


@router.get("/participants/{participant_id}/jobs/new", response_class=HTMLResponse)
def new_job(
    request: Request,
    participant_id: UUID,
    user: PageUser,
    store: ParticipantsDep,
    employers: EmployersDep,
    db: DbDep,
    lead_id: Annotated[UUID | None, Query()] = None,
    title: Annotated[str, Query(max_length=300)] = "",
) -> Response:
    """The job-start form; from a lead card the lead names the employer (and opening)."""
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    fields = {
        "lead_id": [str(lead_id) if lead_id else ""],
        "title": [title],
        "start_date": [date.today().isoformat()],
    }
    return _job_page(request, user, person, employers, Posted(fields), status_code=200)


@router.post("/participants/{participant_id}/jobs", response_class=HTMLResponse)
def start_job(
    request: Request,
    participant_id: UUID,
    user: PageUser,
    form: PostedDep,
    store: ParticipantsDep,
    employers: EmployersDep,
    engine: EngineDep,
    db: DbDep,
    programme: ProgrammeDep,
) -> Response:
    """Record the job start (status, lead and employer stage follow) and show the person's page."""
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    values = job_values(form)
    write = partial(
        add_job, db=db, engine=engine, user=user, participant_id=person.id, values=values, programme=programme
    )
    if form.saved(write, JOB_FIELDS):
        return RedirectResponse(f"/ui/participants/{person.id}", status_code=303)
    return _job_page(request, user, person, employers, form, status_code=422)


def _job_page(
    request: Request,
    user: User,
    person: ParticipantRecord,
    employers: EmployersDep,
    form: Posted,
    *,
    status_code: int,
) -> Response:
    return form_page(
        request,
        "job_form.html",
        user=user,
        form=form,
        status_code=status_code,
        person=person,
        employers=() if form.raw("lead_id") else employer_choices(employers, user),
        contracts=JOB_CONTRACT_TYPES,
    )


def job_values(form: Posted) -> dict[str, Any]:
    """The job start's store values (only the fields given); failures noted on ``form``."""
    if not form.given("start_date"):
        form.fail(FORM, NOTHING_SENT)
    values: dict[str, Any] = {
        "lead_id": form.record_id("lead_id"),
        "employer_id": form.record_id("employer_id"),
        "start_date": form.day("start_date", required=True),
        "title": form.text("title", max_length=300) or None,
        "hours_week": form.number("hours_week", low=0.5, high=80),
        "wage_hourly": form.number("wage_hourly", low=0.01, high=10_000),
        "contract_type": form.choice("contract_type", JOB_CONTRACT_TYPES, required=False),
    }
    if not values["lead_id"] and not values["employer_id"] and form.given("start_date"):
        form.fail("employer_id", REQUIRED)
    return {k: v for k, v in values.items() if v is not None}


SUPPORT_FIELDS = ("contact_date", "mode", "with_whom", "note")


@router.post("/participants/{participant_id}/support-contacts", response_class=HTMLResponse)
def log_support_contact(
    request: Request, participant_id: UUID, user: PageUser, form: PostedDep, store: ParticipantsDep, db: DbDep
) -> Response:
    """Log a follow-along support contact (face to face with the person ticks a due item off)."""
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    if not form.given("contact_date"):
        form.fail(FORM, NOTHING_SENT)
    values = {
        "contact_date": form.day("contact_date", required=True),
        "mode": form.choice("mode", SUPPORT_MODES),
        "with_whom": form.choices("with_whom", WITH_WHOM),
        "note": form.text("note", max_length=2000),
    }
    write = partial(
        add_record, db=db, user=user, participant_id=person.id, kind=SupportContactStore, values=values
    )
    if form.saved(write, SUPPORT_FIELDS):
        return RedirectResponse(f"/ui/participants/{person.id}", status_code=303)
    return form_page(
        request,
        "support_form.html",
        user=user,
        form=form,
        status_code=422,
        person=person,
        modes=SUPPORT_MODES,
        with_whom=WITH_WHOM,
    )
