"""Views job developers live in: an employer's timeline, dormant employers, a specialist's week."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query

from service.access.auth import caseload_units
from service.api import pagination
from service.api.pagination import Limit
from service.api.schemas.problems import error_responses
from service.api.schemas.timeline import DormantOut, DormantPage, TimelineItemOut, TimelinePage, WeekOut
from service.deps import ActivityDep, DbDep, ProgrammeDep, TimelineDep, UserDep
from service.usecases import activity

router = APIRouter(tags=["views"], responses=error_responses())
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]


@router.get("/employers/dormant", response_model=DormantPage)
def dormant_employers(
    user: UserDep,
    store: ActivityDep,
    days: Annotated[int, Query(ge=1, le=3650, description="Not contacted for this many days")] = 30,
    owner: Annotated[str | None, Query(max_length=100, description="Owner username")] = None,
    limit: Limit = 50,
    after: Cursor = None,
) -> DormantPage:
    """Employers with no held contact in the last ``days`` days (never contacted first, then oldest)."""
    rows = activity.list_dormant(
        store=store, days=days, owner=owner, limit=limit, after=pagination.decode(after)
    )
    return pagination.page(
        DormantPage,
        rows,
        limit,
        DormantOut.from_fields,
        lambda r: pagination.encode(r.last_contact_at, r.employer_id),
    )


@router.get("/employers/{employer_id}/timeline", response_model=TimelinePage)
def employer_timeline(
    employer_id: UUID, user: UserDep, store: TimelineDep, db: DbDep, limit: Limit = 50, after: Cursor = None
) -> TimelinePage:
    """An employer's contacts, notes, tasks, openings, stage and field changes (and its people's).

    Newest first; pass ``next_cursor`` as ``after`` for older events.
    """
    before = pagination.decode_dated(after)
    items = activity.list_timeline(
        store=store, db=db, user=user, employer_id=str(employer_id), limit=limit, before=before
    )
    units = caseload_units(user)
    return pagination.page(
        TimelinePage,
        items,
        limit,
        lambda i: TimelineItemOut.from_record(i, units),
        lambda i: pagination.encode(i.occurred_at, i.id),
    )


@router.get("/specialists/{username}/week", response_model=WeekOut)
def specialist_week(
    username: Annotated[str, Path(max_length=100)],
    user: UserDep,
    store: ActivityDep,
    db: DbDep,
    programme: ProgrammeDep,
    week: Annotated[str | None, Query(pattern=r"^\d{4}-W\d{2}$", examples=["2026-W48"])] = None,
) -> WeekOut:
    """A specialist's ISO week: contacts, face-to-face count against the target of 6, follow-ups.

    Also the follow-along support contacts due, overdue and met for their participants.
    """
    summary = activity.summarise_week(
        store=store, db=db, user=user, username=username, week=week, programme=programme
    )
    return WeekOut.from_summary(summary, caseload_units(user))
