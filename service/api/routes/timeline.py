"""Views job developers live in: an employer's timeline, dormant employers, a specialist's week."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query

from employers import FACE_TO_FACE_TARGET, InvalidError, NotFoundError
from service.access.auth import caseload_units
from service.access.users import get_user
from service.access.visibility import audit_participants
from service.api import pagination as cursors
from service.api.mappers_crm import contact_out, timeline_out
from service.api.routes.tasks import task_out
from service.api.schemas import views as schemas_views
from service.deps import ActivityDep, DbDep, TimelineDep, UserDep

router = APIRouter(tags=["views"])
Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]


@router.get("/employers/dormant", response_model=schemas_views.DormantPage)
def dormant_employers(
    user: UserDep,
    store: ActivityDep,
    days: Annotated[int, Query(ge=1, le=3650, description="Not contacted for this many days")] = 30,
    owner: Annotated[str | None, Query(max_length=100, description="Owner username")] = None,
    limit: Limit = 50,
    after: Cursor = None,
) -> schemas_views.DormantPage:
    """Employers with no held contact in the last ``days`` days (never contacted first, then oldest)."""
    now = datetime.now(UTC)
    rows = store.dormant(
        cutoff=now - timedelta(days=days), owner=owner, limit=limit, after=cursors.decode(after)
    )
    items = [
        schemas_views.DormantOut(
            employer_id=r.employer_id,
            name=r.name,
            owner=r.owner,
            stage=r.stage,
            last_contact_at=r.last_contact_at,
            days_since=(now - r.last_contact_at).days if r.last_contact_at else None,
        )
        for r in rows
    ]
    cursor = cursors.encode(rows[-1].last_contact_at, rows[-1].employer_id) if len(rows) == limit else None
    return schemas_views.DormantPage(items=items, next_cursor=cursor)


@router.get("/employers/{employer_id}/timeline", response_model=schemas_views.TimelinePage)
def employer_timeline(
    employer_id: UUID, user: UserDep, store: TimelineDep, db: DbDep, limit: Limit = 50, after: Cursor = None
) -> schemas_views.TimelinePage:
    """An employer's contacts, notes, tasks, openings, stage and field changes (and its people's).

    Newest first; pass ``next_cursor`` as ``after`` for older events.
    """
    before = cursors.decode(after)
    if before is not None and before[0] is None:
        raise InvalidError("query.after", "is not a cursor from this list")
    items = store.list(employer_id=str(employer_id), limit=limit, before=before)  # type: ignore[arg-type]
    audit_participants(db, user, items, detail=f"timeline of employer {employer_id}")
    units = caseload_units(user)
    cursor = cursors.encode(items[-1].occurred_at, items[-1].id) if len(items) == limit else None
    return schemas_views.TimelinePage(items=[timeline_out(i, units) for i in items], next_cursor=cursor)


@router.get("/specialists/{username}/week", response_model=schemas_views.WeekOut)
def specialist_week(
    username: Annotated[str, Path(max_length=100)],
    user: UserDep,
    store: ActivityDep,
    db: DbDep,
    week: Annotated[str | None, Query(pattern=r"^\d{4}-W\d{2}$", examples=["2026-W48"])] = None,
) -> schemas_views.WeekOut:
    """A specialist's ISO week: contacts, face-to-face count against the target of 6, follow-ups."""
    if get_user(db, username=username) is None:
        raise NotFoundError("specialist", username)
    monday = _monday(week)
    start = datetime.combine(monday, time(), tzinfo=UTC)
    data = store.week(specialist=username, start=start, end=start + timedelta(days=7), today=date.today())
    held = [c for c in data.contacts if c.status == "held"]
    audit_participants(db, user, data.contacts, detail=f"week of {username}")
    units = caseload_units(user)
    iso = monday.isocalendar()
    return schemas_views.WeekOut(
        specialist=username,
        week=f"{iso.year}-W{iso.week:02d}",
        starts_on=monday,
        ends_on=monday + timedelta(days=6),
        contacts=[contact_out(c, units) for c in data.contacts],
        held=len(held),
        planned=sum(c.status == "planned" for c in data.contacts),
        face_to_face_held=data.face_to_face_held,
        face_to_face_target=FACE_TO_FACE_TARGET,
        target_met=data.face_to_face_held >= FACE_TO_FACE_TARGET,
        by_mode=dict(Counter(c.mode for c in held)),
        by_purpose=dict(Counter(c.purpose for c in held)),
        follow_ups_due=[task_out(t) for t in data.due],
        follow_ups_overdue=[task_out(t) for t in data.overdue],
    )


def _monday(week: str | None) -> date:
    if week is None:
        today = date.today()
        return today - timedelta(days=today.weekday())
    year, number = int(week[:4]), int(week[6:])
    try:
        return date.fromisocalendar(year, number, 1)
    except ValueError:
        raise InvalidError("query.week", f"{week} is not an ISO week") from None
