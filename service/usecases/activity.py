"""What job developers look at: an employer's timeline, dormant employers, a specialist's week.

Shared by the JSON routes and the pages, so both read the same rows and write the same audit entries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from employers import (
    FACE_TO_FACE_TARGET,
    ActivityStore,
    ContactRecord,
    DormantEmployer,
    InvalidError,
    NotFoundError,
    TaskRecord,
    TimelineItem,
    TimelineStore,
)
from service.access.users import User, get_user
from service.access.visibility import audit_participants, redacted
from service.runtime.database import Database
from service.usecases.programme_rules import Programme
from service.usecases.support_week import WeekSupport, week_support
from storekit.checks import sane_day


@dataclass(frozen=True, slots=True)
class DormantRow(DormantEmployer):
    """An employer without a held contact since the cutoff; ``days_since`` None: never contacted."""

    days_since: int | None


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """A specialist's ISO week: contacts, the face-to-face count against the IPS target, follow-ups."""

    specialist: str
    week: str
    starts_on: date
    ends_on: date
    contacts: tuple[ContactRecord, ...]
    held: int
    planned: int
    face_to_face_held: int
    face_to_face_target: int
    target_met: bool
    by_mode: dict[str, int]
    by_purpose: dict[str, int]
    follow_ups_due: tuple[TaskRecord, ...]
    follow_ups_overdue: tuple[TaskRecord, ...]
    support: WeekSupport = field(default_factory=WeekSupport)


def list_dormant(
    *,
    store: ActivityStore,
    days: int,
    owner: str | None,
    limit: int,
    after: tuple[datetime | None, str] | None,
) -> list[DormantRow]:
    """Employers with no held contact in the last ``days`` days, never contacted first, then oldest."""
    now = datetime.now(UTC)
    rows = store.dormant(cutoff=now - timedelta(days=days), owner=owner, limit=limit, after=after)
    return [
        DormantRow(**asdict(r), days_since=(now - r.last_contact_at).days if r.last_contact_at else None)
        for r in rows
    ]


def list_timeline(
    *,
    store: TimelineStore,
    db: Database,
    user: User,
    employer_id: str,
    limit: int,
    before: tuple[datetime, str] | None,
) -> list[TimelineItem]:
    """An employer's events, newest first, older than ``before``; participants shown are audit-logged."""
    items = redacted(db, user, store.list(employer_id=employer_id, limit=limit, before=before))
    audit_participants(db, user, items, detail=f"timeline of employer {employer_id}")
    return items


def summarise_week(
    *,
    store: ActivityStore,
    db: Database,
    user: User,
    username: str,
    week: str | None,
    programme: Programme | None = None,
) -> WeekSummary:
    """``username``'s ISO week (``2026-W48``; None: this week); participants shown are audit-logged.

    With ``programme``, the week also holds the follow-along support contacts due, overdue and
    met (`service.usecases.support_week`).
    """
    specialist = get_user(db, username=username)
    if specialist is None or not _may_see_week(user, specialist):
        raise NotFoundError("specialist", username)  # another unit's colleague answers like nobody
    monday = monday_of(week)
    start = datetime.combine(monday, time(), tzinfo=UTC)
    data = store.week(specialist=username, start=start, end=start + timedelta(days=7), today=date.today())
    held = [c for c in data.contacts if c.status == "held"]
    contacts = redacted(db, user, data.contacts)
    audit_participants(db, user, contacts, detail=f"week of {username}")
    return WeekSummary(
        specialist=username,
        week=week_of(monday),
        starts_on=monday,
        ends_on=monday + timedelta(days=6),
        contacts=tuple(contacts),
        held=len(held),
        planned=sum(c.status == "planned" for c in data.contacts),
        face_to_face_held=data.face_to_face_held,
        face_to_face_target=FACE_TO_FACE_TARGET,
        target_met=data.face_to_face_held >= FACE_TO_FACE_TARGET,
        by_mode=dict(Counter(c.mode for c in held)),
        by_purpose=dict(Counter(c.purpose for c in held)),
        follow_ups_due=tuple(data.due),
        follow_ups_overdue=tuple(data.overdue),
        support=WeekSupport()
        if programme is None
        else week_support(
            db=db, user=user, specialist=specialist, monday=monday, today=date.today(), programme=programme
        ),
    )


def _may_see_week(user: User, specialist: User) -> bool:
    """Own week, a colleague's in the same unit (the unit covers each other's work), or admin."""
    same_unit = user.unit_id is not None and user.unit_id == specialist.unit_id
    return user.role == "admin" or user.username == specialist.username or same_unit


def week_of(day: date) -> str:
    """The ISO week holding ``day``, as ``2026-W48``."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def monday_of(week: str | None, *, today: date | None = None) -> date:
    """The Monday of ISO ``week`` (``2026-W48``), or of the week holding ``today`` (default: today)."""
    if week is None:
        today = today or date.today()
        return today - timedelta(days=today.weekday())
    year, number = int(week[:4]), int(week[6:])
    try:
        # The stores' range (storekit.checks), so the week's end can never overflow a date.
        return sane_day(date.fromisocalendar(year, number, 1) + timedelta(days=6)) - timedelta(days=6)
    except (ValueError, OverflowError):
        raise InvalidError("query.week", f"{week} is not an ISO week from 1900 to 2200") from None
