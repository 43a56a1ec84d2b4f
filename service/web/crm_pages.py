"""Pages for job developers: employer search and timeline, dormant employers, duplicate review, week.

Each page calls the JSON route function that serves the same data, so a page can never show
something the API would not (or skip an audit entry the API writes).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from service.api.mappers import employer_out
from service.api.routes.duplicates import duplicate_queue
from service.api.routes.employers import list_employers
from service.api.routes.timeline import dormant_employers, employer_timeline, specialist_week
from service.deps import ActivityDep, DbDep, DuplicatesDep, EmployersDep, TimelineDep
from service.web.pages import TEMPLATES, PageUser

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.get("/employers", response_class=HTMLResponse)
def employers(
    request: Request, user: PageUser, store: EmployersDep, q: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    """The employer network, or fuzzy search results for ``q``."""
    page = list_employers(user, store, limit=200, q=q or None)
    return TEMPLATES.TemplateResponse(
        request, "employers.html", {"user": user, "employers": page.items, "q": q}
    )


@router.get("/employers/dormant", response_class=HTMLResponse)
def dormant(
    request: Request,
    user: PageUser,
    store: ActivityDep,
    days: Annotated[int, Query(ge=1, le=3650)] = 30,
    mine: bool = True,
) -> Response:
    """Employers nobody has met for ``days`` days (the caller's own by default)."""
    page = dormant_employers(user, store, days=days, owner=user.username if mine else None, limit=200)
    context = {"user": user, "rows": page.items, "days": days, "mine": mine}
    return TEMPLATES.TemplateResponse(request, "dormant.html", context)


@router.get("/employers/duplicates", response_class=HTMLResponse)
def duplicates(request: Request, user: PageUser, store: DuplicatesDep) -> Response:
    """The duplicate review queue with "not a duplicate" and "merge" actions."""
    queue = duplicate_queue(user, store, limit=100, after=0)
    return TEMPLATES.TemplateResponse(request, "duplicates.html", {"user": user, "pairs": queue.items})


@router.get("/employers/{employer_id}", response_class=HTMLResponse)
def employer(
    request: Request, employer_id: UUID, user: PageUser, store: EmployersDep, timeline: TimelineDep, db: DbDep
) -> Response:
    """One employer with its timeline, newest first."""
    record = employer_out(store.get(employer_id=str(employer_id)))
    events = employer_timeline(employer_id, user, timeline, db, limit=100, after=None)
    context = {"user": user, "employer": record, "events": events.items}
    return TEMPLATES.TemplateResponse(request, "employer.html", context)


@router.get("/week", response_class=HTMLResponse)
def week(
    request: Request,
    user: PageUser,
    store: ActivityDep,
    db: DbDep,
    week: Annotated[str | None, Query(pattern=r"^\d{4}-W\d{2}$")] = None,
) -> Response:
    """The caller's ISO week: contacts, face-to-face count against the target, follow-ups."""
    data = specialist_week(user.username, user, store, db, week=week)
    return TEMPLATES.TemplateResponse(request, "week.html", {"user": user, "week": data})
