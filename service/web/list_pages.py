"""The list pages: employers, openings and the caseload, filtered, sorted and paged (GET forms).

Each reads its filters with `list_filters` (a value the list does not offer: 422 with the field's
message, never a 500) and asks a use case for one page; the stores filter, sort and page in SQL.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from employers.listing import EMPLOYER_SORTS
from employers.opening_listing import OPENING_SORTS, OPENING_SOURCES
from matching.types import OPENING_STATUSES, STAGES
from participants.lifecycle import PHASES
from participants.listing import PARTICIPANT_SORTS
from service.deps import DbDep, ParticipantsDep
from service.usecases.employer_list import employer_choices, home_country, list_employers, list_openings
from service.usecases.list_page import ListPage
from service.usecases.participant_list import list_caseload, unit_specialists
from service.web.forms import messages
from service.web.labels import SECTORS
from service.web.list_filters import (
    ListQuery,
    employer_filter,
    opening_filter,
    pager_links,
    participant_filter,
    query_form,
    read_list,
)
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)


def _render(
    request: Request, template: str, query: ListQuery, page: ListPage[Any] | None, **context: Any
) -> Response:
    """The list page; with a bad filter (``page`` None) the filters as typed and a 422."""
    previous, following = pager_links(request, page) if page is not None else (None, None)
    return render(
        request,
        template,
        status_code=422 if page is None else 200,
        form=query.form,
        errors=messages(request, query.form),
        sort=query.sort,
        page=page,
        previous=previous,
        next=following,
        sectors=sorted(SECTORS),
        **context,
    )


@router.get("/employers", response_class=HTMLResponse)
def employers(request: Request, user: PageUser, db: DbDep) -> Response:
    """The employer network: country (the unit's by default), owner, stage, sector, dormant, search."""
    home = home_country(db, user)
    form = query_form(request)
    countries, owners, _ = employer_choices(db, country=None)
    where = employer_filter(form, countries=countries, owners=owners, home=home)
    q = form.text("q", max_length=200)
    query = read_list(form, EMPLOYER_SORTS, "relevance" if q else "name")
    page = None
    if form.ok:
        page = list_employers(db=db, where=where, q=q, sort=query.sort, number=query.number)
    return _render(
        request,
        "employers.html",
        query,
        page,
        user=user,
        q=q,
        country=where.country or "",
        countries=countries,
        owners=owners,
        stages=STAGES,
        sorts=EMPLOYER_SORTS,
    )


@router.get("/openings", response_class=HTMLResponse)
def openings(request: Request, user: PageUser, db: DbDep) -> Response:
    """Openings: country (the unit's by default), employer, status, source, sector; by closing date."""
    home = home_country(db, user)
    form = query_form(request)
    countries, _, everyone = employer_choices(db, country=None)
    where = opening_filter(form, countries=countries, employer_ids=[i for i, _ in everyone], home=home)
    # the select offers the chosen country's employers (and keeps one chosen elsewhere)
    _, _, names = employer_choices(db, country=where.country)
    if where.employer_id and where.employer_id not in dict(names):
        names = [(where.employer_id, dict(everyone)[where.employer_id]), *names]
    query = read_list(form, OPENING_SORTS, "closes")
    page = list_openings(db=db, where=where, sort=query.sort, number=query.number) if form.ok else None
    return _render(
        request,
        "openings.html",
        query,
        page,
        user=user,
        country=where.country or "",
        countries=countries,
        employers=names,
        statuses=OPENING_STATUSES,
        sources=OPENING_SOURCES,
        sorts=OPENING_SORTS,
    )


@router.get("/participants", response_class=HTMLResponse)
def caseload(request: Request, user: PageUser, store: ParticipantsDep, db: DbDep) -> Response:
    """The caller's unit's participants (never another unit's): phase, specialist, name; audit-logged."""
    form = query_form(request)
    specialists = unit_specialists(db, user)
    where = participant_filter(form, specialist_ids=[s.id for s in specialists])
    query = read_list(form, PARTICIPANT_SORTS, "name")
    page = None
    if form.ok:
        page = list_caseload(store=store, db=db, user=user, where=where, sort=query.sort, number=query.number)
    return _render(
        request,
        "participants.html",
        query,
        page,
        user=user,
        people=page.rows if page is not None else [],
        phases=PHASES,
        specialists=[(s.id, s.display_name) for s in specialists],
        sorts=PARTICIPANT_SORTS,
    )
