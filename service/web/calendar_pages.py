"""The calendar (/ui/calendar): a week or a month of what falls due, day by day.

Open follow-up tasks (each ticked done with the week view's form, back to this page) and the
follow-along support contacts due for the specialist's people (`calendar_due.due_between`: the
caller's unit only, team-sharing withdrawals respected, every person shown audit-logged). A
server-rendered grid of days from Monday to Sunday with previous/next links; today and overdue
items are marked in words as well as colour. A colleague of the same unit may open a
specialist's calendar (``specialist``), as on the week API.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from service.deps import DbDep, ProgrammeDep
from service.usecases.calendar_due import DueItems, TaskItem, due_between
from service.usecases.participant_list import unit_specialists
from service.usecases.support_week import SupportItem
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)
View = Literal["week", "month"]


@dataclass
class Day:
    """One cell of the grid: its date, whether it is in the month shown, and what is due on it."""

    date: dt.date
    inside: bool
    tasks: list[TaskItem] = field(default_factory=list)
    support: list[SupportItem] = field(default_factory=list)


def shown_days(view: View, day: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(first, last) of the week or month holding ``day``, and (first, last) of its grid (Monday..Sunday)."""
    if view == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), monday, monday + dt.timedelta(days=6)
    first = day.replace(day=1)
    last = _next_month(first) - dt.timedelta(days=1)
    start = first - dt.timedelta(days=first.weekday())
    return first, last, start, last + dt.timedelta(days=6 - last.weekday())


def _next_month(first: dt.date) -> dt.date:
    return (first + dt.timedelta(days=32)).replace(day=1)


def neighbours(view: View, first: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of the previous and of the next week or month."""
    if view == "week":
        return first - dt.timedelta(days=7), first + dt.timedelta(days=7)
    return (first - dt.timedelta(days=1)).replace(day=1), _next_month(first)


def grid(due: DueItems, start: dt.date, end: dt.date, first: dt.date, last: dt.date) -> list[list[Day]]:
    """The days from ``start`` to ``end`` (whole weeks) in rows of seven, with their items."""
    days = {
        start + dt.timedelta(days=n): Day(
            start + dt.timedelta(days=n), first <= start + dt.timedelta(days=n) <= last
        )
        for n in range((end - start).days + 1)
    }
    for t in due.tasks:
        if t.task.due_on in days:
            days[t.task.due_on].tasks.append(t)
    for s in due.support:
        if s.item.last in days:
            days[s.item.last].support.append(s)
    cells = list(days.values())
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


@router.get("/calendar", response_class=HTMLResponse)
def calendar(
    request: Request,
    user: PageUser,
    db: DbDep,
    programme: ProgrammeDep,
    view: Annotated[View, Query()] = "week",
    # the stores' range of days (storekit.checks), so a month's arithmetic never overflows
    day: Annotated[dt.date | None, Query(ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31))] = None,
    specialist: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    """The caller's (or a unit colleague's) follow-ups and support contacts due in a week or month."""
    today = dt.date.today()
    first, last, start, end = shown_days(view, day or today)
    username = specialist or user.username
    due = due_between(
        db=db, user=user, username=username, first=start, last=end, today=today, programme=programme
    )
    previous, following = neighbours(view, first)
    colleagues = [u for u in unit_specialists(db, user) if u.username != user.username]
    return render(
        request,
        "calendar.html",
        user=user,
        due=due,
        view=view,
        first=first,
        last=last,
        weeks=grid(due, start, end, first, last),
        previous=previous,
        following=following,
        today=today,
        whose="" if username == user.username else username,
        colleagues=[(u.username, u.display_name) for u in colleagues],
    )
