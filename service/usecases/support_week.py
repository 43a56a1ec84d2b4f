"""The follow-along part of a specialist's week: support contacts due, overdue and done.

The specialist's people are the participants assigned to them (``specialist_id``) in units the
caller may see; their jobs' schedules (`service.usecases.follow_along`) are split for the week.
Everyone shown is audit-logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from participants import ParticipantRecord, ParticipantStore
from service.access.audit import log_access
from service.access.users import User
from service.access.visibility import participant_scope
from service.runtime.database import Database
from service.usecases.episodes import due_contacts
from service.usecases.follow_along import DueContact, WeekItems, for_week
from service.usecases.programme_rules import Programme

_PAGE = 500


@dataclass(frozen=True, slots=True)
class SupportItem:
    """A due support contact with the name of the person it is for."""

    display_name: str
    item: DueContact


@dataclass(frozen=True, slots=True)
class WeekSupport(WeekItems[SupportItem]):
    """The specialist's follow-along week: the due, overdue and met items with the person's names."""


def week_support(
    *, db: Database, user: User, specialist: User, monday: dt.date, today: dt.date, programme: Programme
) -> WeekSupport:
    """``specialist``'s follow-along items for the week starting ``monday``, as ``user`` may see them."""
    people = {p.id: p for p in _caseload(db, user, specialist)}
    if not people:
        return WeekSupport()
    items = due_contacts(db, list(people), today=today, programme=programme)
    week = for_week(items, monday=monday, today=today)
    parts = [
        tuple(SupportItem(people[d.participant_id].display_name, d) for d in group)
        for group in (week.due, week.overdue, week.met)
    ]
    shown = sorted({s.item.participant_id for group in parts for s in group})
    if shown:
        log_access(
            db,
            user_id=user.id,
            action="read",
            entity="participant",
            entity_ids=shown,
            detail=f"week of {specialist.username}",
        )
    return WeekSupport(*parts)


def _caseload(db: Database, user: User, specialist: User) -> list[ParticipantRecord]:
    """Live participants assigned to ``specialist`` in the caller's units (all statuses)."""
    scope = participant_scope(user)  # people who withdrew team sharing: their specialist's only
    if not scope["unit_ids"]:
        return []
    store = ParticipantStore(db.cursor())
    out: list[ParticipantRecord] = []
    after = None
    while True:
        page = store.list(**scope, limit=_PAGE, after=after)
        out.extend(p for p in page if p.specialist_id == specialist.id)
        if len(page) < _PAGE:
            return out
        after = page[-1].id
