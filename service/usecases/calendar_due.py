"""What falls due for a specialist between two days: open follow-up tasks and follow-along support contacts.

The calendar page's use case. Tasks are the specialist's open follow-ups (employer-side records,
shared by the programme) by due day. Support contacts are the follow-along schedule
(`follow_along.schedule`, never stored) of the participants assigned to the specialist that the
*caller* may see (`participant_scope`: their unit, less people whose withdrawn ``team_sharing``
withholds them from the caller), each placed on the last day of its period (the day it is due
by). Every participant shown is audit-logged, as on the week view. Who may open whose calendar is
the week view's rule: one's own, a colleague's of the same unit, or any for an admin.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from employers import EmployerStore, NotFoundError, TaskRecord, TaskStore
from participants import ParticipantStore
from participants.listing import ParticipantFilter, ParticipantListing
from service.access.audit import log_access
from service.access.users import User, get_user
from service.access.visibility import participant_scope
from service.runtime.database import Database
from service.usecases.episodes import due_contacts
from service.usecases.follow_along import OVERDUE_SHOWN_DAYS
from service.usecases.programme_rules import Programme
from service.usecases.support_week import SupportItem

#: The most participants and open tasks one calendar reads (far above a caseload of 25).
_MANY = 10_000


@dataclass(frozen=True, slots=True)
class TaskItem:
    """An open follow-up with the name of its employer ("" when the employer is gone)."""

    task: TaskRecord
    employer_name: str


@dataclass(frozen=True, slots=True)
class DueItems:
    """What is due from ``first`` to ``last`` (both included) and, when today is among them, before.

    ``tasks`` and ``support`` are in the days shown (support by its period's last day, met ones
    left out); ``earlier_tasks`` and ``earlier_support`` are overdue from before ``first``
    (support missed at most `OVERDUE_SHOWN_DAYS` ago), filled only when today is shown.
    """

    specialist: User
    tasks: tuple[TaskItem, ...] = ()
    support: tuple[SupportItem, ...] = ()
    earlier_tasks: tuple[TaskItem, ...] = ()
    earlier_support: tuple[SupportItem, ...] = ()


def due_between(
    *,
    db: Database,
    user: User,
    username: str,
    first: dt.date,
    last: dt.date,
    today: dt.date,
    programme: Programme,
) -> DueItems:
    """``username``'s due items from ``first`` to ``last`` as ``user`` may see them; shown people logged.

    Raises:
        NotFoundError: No such user, or one whose calendar ``user`` may not open (the same answer).
    """
    specialist = get_user(db, username=username)
    if specialist is None or not _may_open(user, specialist):
        raise NotFoundError("specialist", username)
    shows_today = first <= today <= last
    tasks = _open_tasks(db, specialist.username)
    support = _support(db, user, specialist, today, programme)
    oldest = today - dt.timedelta(days=OVERDUE_SHOWN_DAYS)
    due = DueItems(
        specialist,
        tasks=tuple(t for t in tasks if first <= _due(t) <= last),
        support=tuple(s for s in support if first <= s.item.last <= last),
        earlier_tasks=tuple(t for t in tasks if shows_today and _due(t) < first),
        earlier_support=tuple(
            s for s in support if shows_today and s.item.status == "missed" and oldest <= s.item.last < first
        ),
    )
    shown = sorted({s.item.participant_id for s in (*due.support, *due.earlier_support)})
    if shown:
        log_access(
            db,
            user_id=user.id,
            action="read",
            entity="participant",
            entity_ids=shown,
            detail=f"calendar of {specialist.username} {first.isoformat()}..{last.isoformat()}",
        )
    return due


def _may_open(user: User, specialist: User) -> bool:
    """Own calendar, a colleague's in the same unit (the unit covers each other's work), or admin."""
    same_unit = user.unit_id is not None and user.unit_id == specialist.unit_id
    return user.role == "admin" or user.username == specialist.username or same_unit


def _due(item: TaskItem) -> dt.date:
    return item.task.due_on or dt.date.max


def _open_tasks(db: Database, username: str) -> list[TaskItem]:
    """The open follow-ups assigned to ``username`` that have a due day, by day, with employer names."""
    tasks = TaskStore(db.handle()).list(filters={"assignee": username, "status": "open"}, limit=_MANY)
    dated = sorted((t for t in tasks if t.due_on is not None), key=lambda t: (t.due_on, t.id))
    names = {
        e.id: e.name for e in EmployerStore(db.handle()).get_many(employer_ids=[t.employer_id for t in dated])
    }
    return [TaskItem(t, names.get(t.employer_id, "")) for t in dated]


def _support(
    db: Database, user: User, specialist: User, today: dt.date, programme: Programme
) -> list[SupportItem]:
    """The unmet follow-along items of ``specialist``'s people that ``user`` may see, by due day."""
    scope = participant_scope(user)
    if not scope["unit_ids"]:
        return []
    ids, _ = ParticipantListing(db.handle()).page(
        **scope, where=ParticipantFilter(specialist_id=specialist.id), sort="name", offset=0, limit=_MANY
    )
    people = {p.id: p for p in ParticipantStore(db.cursor()).get_many(participant_ids=ids)}
    items = due_contacts(db, list(people), today=today, programme=programme) if people else []
    unmet = [SupportItem(people[d.participant_id].display_name, d) for d in items if d.status != "met"]
    return sorted(unmet, key=lambda s: (s.item.last, s.display_name, s.item.check))
