"""Pages for job developers: employer search and timeline, dormant employers, duplicate review, week.

Each page calls the use case the JSON route serving the same data calls, so a page can never show
something the API would not (or skip an audit entry the API writes).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from service.deps import ActivityDep, DbDep, DuplicatesDep, EmployersDep, ProgrammeDep, TimelineDep
from service.usecases import activity
from service.usecases.duplicates import list_duplicates
from service.usecases.employers import find_employers
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/employers", response_class=HTMLResponse)
def employers(
    request: Request, user: PageUser, store: EmployersDep, q: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    """The employer network, or fuzzy search results for ``q``."""
    hits = find_employers(store=store, q=q or None, limit=200, after=None)
    return render(request, "employers.html", user=user, employers=[rec for rec, _ in hits], q=q)


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


@router.get("/employers/duplicates", response_class=HTMLResponse)
def duplicates(request: Request, user: PageUser, store: DuplicatesDep) -> Response:
    """The duplicate review queue with "not a duplicate" and "merge" actions."""
    pairs, _ = list_duplicates(store=store, after=0, limit=100)
    return render(request, "duplicates.html", user=user, pairs=pairs)


@router.get("/employers/{employer_id}", response_class=HTMLResponse)
def employer(
    request: Request, employer_id: UUID, user: PageUser, store: EmployersDep, timeline: TimelineDep, db: DbDep
) -> Response:
    """One employer with its timeline, newest first."""
    record = store.get(employer_id=str(employer_id))
    events = activity.list_timeline(
        store=timeline, db=db, user=user, employer_id=str(employer_id), limit=100, before=None
    )
    return render(request, "employer.html", user=user, employer=record, events=events)


@router.get("/week", response_class=HTMLResponse)
def week(
    request: Request,
    user: PageUser,
    store: ActivityDep,
    db: DbDep,
    programme: ProgrammeDep,
    week: Annotated[str | None, Query(pattern=r"^\d{4}-W\d{2}$")] = None,
) -> Response:
    """The caller's ISO week: contacts, face-to-face count, follow-ups, support contacts due."""
    data = activity.summarise_week(
        store=store, db=db, user=user, username=user.username, week=week, programme=programme
    )
    return render(request, "week.html", user=user, week=data)
