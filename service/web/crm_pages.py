"""Pages for job developers: employer timeline, dormant employers, duplicate review, week.

Each page calls the use case the JSON route serving the same data calls, so a page can never show
something the API would not (or skip an audit entry the API writes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from employers import DuplicateStore, EmployerStore, OpeningStore, PeopleStore, TaskStore, TimelineStore
from matching.types import STAGES
from participants import ParticipantStore
from service.access.users import User
from service.deps import (
    ActivityDep,
    DbDep,
    DuplicatesDep,
    EmployersDep,
    OpeningsDep,
    ParticipantsDep,
    PeopleDep,
    ProgrammeDep,
    TasksDep,
    TimelineDep,
)
from service.runtime.database import Database
from service.usecases import activity
from service.usecases.activity import week_of
from service.usecases.duplicates import list_duplicates, list_not_duplicates
from service.web.contact_form import contact_form, prefilled
from service.web.forms import Posted, messages
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/employers/dormant", response_class=HTMLResponse)
def dormant(
    request: Request,
    user: PageUser,
    store: ActivityDep,
    days: Annotated[int, Query(ge=1, le=3650)] = 30,
    mine: bool = True,
) -> Response:
    """Employers nobody has met for ``days`` days (the caller's own by default)."""
    owner = user.username if mine else None
    rows = activity.list_dormant(store=store, days=days, owner=owner, limit=200, after=None)
    return render(request, "dormant.html", user=user, rows=rows, days=days, mine=mine)


@dataclass(frozen=True)
class DuplicatesPageStores:
    """What the duplicates page reads: the queue and decisions, and the database (the unit's users)."""

    duplicates: DuplicateStore
    db: Database


def duplicates_page_stores(store: DuplicatesDep, db: DbDep) -> DuplicatesPageStores:
    """The duplicates page's stores, as one dependency."""
    return DuplicatesPageStores(store, db)


DuplicatesPageDep = Annotated[DuplicatesPageStores, Depends(duplicates_page_stores)]


@router.get("/employers/duplicates", response_class=HTMLResponse)
def duplicates(request: Request, user: PageUser, pages: DuplicatesPageDep) -> Response:
    """The duplicate review queue (compare and merge, or "not a duplicate"), and its undo list.

    The pairs your unit marked "not a duplicate" are listed under the queue, each with its undo.
    """
    return duplicates_page(request, user, pages)


def duplicates_page(
    request: Request,
    user: User,
    pages: DuplicatesPageStores,
    *,
    status_code: int = 200,
    errors: dict[str, str] | None = None,
) -> Response:
    """The duplicates page; ``errors`` (a failed undo form) shown above the decisions."""
    pairs, _ = list_duplicates(store=pages.duplicates, after=0, limit=100)
    decisions = list_not_duplicates(store=pages.duplicates, db=pages.db, user=user)
    return render(request, "duplicates.html", status_code=status_code, user=user, pairs=pairs,
                  decisions=decisions, errors=errors or {})  # fmt: skip


@dataclass(frozen=True)
class EmployerPageStores:
    """What the employer page reads: the employer, its timeline, tasks, people and openings, the caseload."""

    employers: EmployerStore
    timeline: TimelineStore
    tasks: TaskStore
    caseload: ParticipantStore
    db: Database
    people: PeopleStore
    openings: OpeningStore


def employer_page_stores(
    employers: EmployersDep,
    timeline: TimelineDep,
    tasks: TasksDep,
    caseload: ParticipantsDep,
    db: DbDep,
    people: PeopleDep,
    openings: OpeningsDep,
) -> EmployerPageStores:
    """The employer page's stores, as one dependency."""
    return EmployerPageStores(employers, timeline, tasks, caseload, db, people, openings)


EmployerPageDep = Annotated[EmployerPageStores, Depends(employer_page_stores)]


@router.get("/employers/{employer_id}", response_class=HTMLResponse)
def employer(
    request: Request,
    employer_id: UUID,
    user: PageUser,
    stores: EmployerPageDep,
) -> Response:
    """One employer with its open follow-ups, its timeline (newest first) and the day's forms."""
    return employer_page(request, user, stores, str(employer_id))


def employer_page(
    request: Request,
    user: User,
    stores: EmployerPageStores,
    employer_id: str,
    *,
    contact: Posted | None = None,
    note: Posted | None = None,
    stage: Posted | None = None,
) -> Response:
    """The employer page; a form given (posted with an error) is shown as typed, with a 422."""
    record = stores.employers.get(employer_id=employer_id)
    events = activity.list_timeline(
        store=stores.timeline, db=stores.db, user=user, employer_id=employer_id, limit=100, before=None
    )
    open_tasks = stores.tasks.list(
        limit=100, after=None, filters={"employer_id": employer_id, "status": "open"}, since=None, until=None
    )
    here = f"/ui/employers/{employer_id}"
    form = contact_form(
        form=contact or prefilled(employer=record),
        back=here,
        employers=stores.employers,
        caseload=stores.caseload,
        db=stores.db,
        user=user,
        employer=record,
    )
    failed = next((f for f in (contact, note, stage) if f is not None), None)
    at_employer = {"employer_id": employer_id}
    return render(
        request,
        "employer.html",
        status_code=422 if failed is not None else 200,
        user=user,
        employer=record,
        events=events,
        tasks=sorted(open_tasks, key=lambda t: (t.due_on is None, t.due_on or date.max)),
        people=stores.people.list(limit=200, filters=at_employer),
        openings=stores.openings.list(limit=200, filters=at_employer),
        contact=form,
        note=note or Posted({}),
        stage=stage or Posted({"stage": [record.stage]}),
        errors=messages(request, failed) if failed is not None else {},
        stages=STAGES,
        today=date.today(),
    )


@router.get("/week", response_class=HTMLResponse)
def week(
    request: Request,
    user: PageUser,
    store: ActivityDep,
    db: DbDep,
    programme: ProgrammeDep,
    employers: EmployersDep,
    caseload: ParticipantsDep,
    week: Annotated[str | None, Query(pattern=r"^\d{4}-W\d{2}$")] = None,
) -> Response:
    """The caller's ISO week: contacts, face-to-face count, follow-ups, support contacts due.

    With the "log a contact" form (the employer to choose) and a "done" button on each follow-up.
    """
    data = activity.summarise_week(
        store=store, db=db, user=user, username=user.username, week=week, programme=programme
    )
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    form = contact_form(form=prefilled(), back=here, employers=employers, caseload=caseload, db=db, user=user)
    weeks = {k: week_of(data.starts_on + timedelta(days=d)) for k, d in (("previous", -7), ("next", 7))}
    return render(request, "week.html", user=user, week=data, contact=form, errors={}, weeks=weeks)
