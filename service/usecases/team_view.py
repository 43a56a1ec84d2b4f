"""A supervisor's team view: per specialist of the unit, the week's figures the IPS supervisor checks.

Per specialist: face-to-face employer contacts this ISO week against the IPS target of 6 and in
each of the 8 weeks ending with it, caseload size, follow-ups overdue, and the median days from
entry to the first face-to-face employer contact. The numbers come from the reports' own frames
(`service.usecases.report_frames.activity_caseload`) and definitions (``reports``), so they agree
with V6, S1 and V4 on the report page, and the week count agrees with the specialist's own "My
week" (held contacts in a face-to-face mode, by UTC day). Follow-ups overdue are the week view's:
open tasks due before today (`employers.ActivityStore.overdue_counts`).

Who may: as for the reports (`service.usecases.reports.scope_for`): a supervisor sees their own
unit, an admin every unit or the one named; other roles get ForbiddenError. Only figures per
specialist are shown, no participant: one audit row per unit read (action ``read_team``).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

import polars as pl

from employers import FACE_TO_FACE_TARGET, ActivityStore
from reports.active import active_ids
from reports.fidelity_job_search import days_to_first_contact
from reports.frames import Caseload
from reports.periods import Window
from reports.rules import ProgrammeRules
from service.access.audit import log_access
from service.access.users import User
from service.runtime.database import Database
from service.usecases.activity import monday_of
from service.usecases.report_frames import activity_caseload
from service.usecases.reports import scope_for

#: Weeks of history shown, the chosen week last.
HISTORY_WEEKS = 8
#: V4's look-back for the median: people who entered in the year up to the week's end.
ENTRY_DAYS = 365


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Face-to-face employer contacts held in one ISO week (``week`` like ``2026-W48``)."""

    week: str
    starts_on: dt.date
    face_to_face: int


@dataclass(frozen=True, slots=True)
class SpecialistFigures:
    """One specialist's row of the team view.

    Attributes:
        weeks: `HISTORY_WEEKS` counts, oldest first; the last is the chosen week.
        caseload: participants active on the week's last day (or today), by the S1 rule.
        follow_ups_overdue: their open follow-up tasks due before today.
        median_days_to_first_contact: median days from entry to the first face-to-face employer
            contact, over people who entered in the year up to then and have had one (None: nobody).
        waiting: people who entered over 30 days ago with no such contact yet (V4 counts them too).
    """

    username: str
    display_name: str
    unit_id: str
    face_to_face_this_week: int
    target_met: bool
    weeks: tuple[WeekCount, ...]
    weekly_mean: float
    caseload: int
    follow_ups_overdue: int
    median_days_to_first_contact: float | None
    waiting: int


@dataclass(frozen=True, slots=True)
class TeamView:
    """The team's week: ``units`` None means every unit (an admin's view)."""

    units: list[str] | None
    week: str
    starts_on: dt.date
    ends_on: dt.date
    target: int
    specialists: tuple[SpecialistFigures, ...]


def week_label(monday: dt.date) -> str:
    """The ISO week holding ``monday`` as ``2026-W48``."""
    iso = monday.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _week_counts(
    caseload: Caseload, rules: ProgrammeRules, mondays: list[dt.date]
) -> Counter[tuple[str, dt.date]]:
    """(specialist, monday) -> held face-to-face employer contacts by the specialist in that week."""
    first, last = mondays[0], mondays[-1] + dt.timedelta(days=6)
    held = caseload.employer_contacts.filter(
        ~pl.col("by_participant")
        & pl.col("mode").is_in(sorted(rules.face_to_face_modes))
        & pl.col("at").is_between(first, last)
    )
    return Counter(
        (es, at - dt.timedelta(days=at.weekday())) for es, at in held.select("specialist", "at").iter_rows()
    )


def _first_contact_days(
    caseload: Caseload, rules: ProgrammeRules, as_of: dt.date, owner: dict[str, str]
) -> tuple[dict[str, list[float]], Counter[str]]:
    """Days to a first contact per specialist (people who had one), and people waiting per specialist."""
    window = Window(as_of - dt.timedelta(days=ENTRY_DAYS - 1), as_of)
    days: dict[str, list[float]] = {}
    waiting: Counter[str] = Counter()
    for row in days_to_first_contact(caseload, rules, window).evidence:
        es = owner.get(row.id, "")
        if row.note.startswith("no contact"):  # V4's own marker for "days so far" rows
            waiting[es] += 1
        elif row.value is not None:
            days.setdefault(es, []).append(row.value)
    return days, waiting


def _names(db: Database, usernames: list[str]) -> dict[str, str]:
    rows = db.cursor().execute(
        "SELECT username, display_name FROM app_users WHERE list_contains(?::VARCHAR[], username)",
        [usernames],
    )
    return {u: name or u for u, name in rows.fetchall()}


def team_view(
    *,
    db: Database,
    activity: ActivityStore,
    user: User,
    rules: ProgrammeRules,
    week: str | None,
    unit: str | None = None,
    today: dt.date | None = None,
) -> TeamView:
    """The figures of ``week`` (``2026-W48``; None: this week) for every specialist in the caller's scope.

    Raises ForbiddenError for roles without the reports, InvalidError for a bad week.
    """
    scope = scope_for(user, unit=unit, since=None, until=None)
    today = today or dt.datetime.now(dt.UTC).date()
    monday = monday_of(week, today=today)
    mondays = [monday - dt.timedelta(weeks=n) for n in range(HISTORY_WEEKS - 1, -1, -1)]
    as_of = min(monday + dt.timedelta(days=6), today)
    caseload = activity_caseload(db, rules, scope.units)
    p = caseload.participants
    owner = dict(zip(p["participant_id"].to_list(), p["specialist"].to_list(), strict=True))
    counts = _week_counts(caseload, rules, mondays)
    active = Counter(owner[pid] for pid in active_ids(caseload, rules, as_of))
    days, waiting = _first_contact_days(caseload, rules, as_of, owner)
    staff = caseload.staff.select("specialist", "unit").rows()
    names = _names(db, [es for es, _ in staff])
    overdue = activity.overdue_counts(assignees=[es for es, _ in staff], today=today)
    rows = tuple(
        SpecialistFigures(
            username=es,
            display_name=names.get(es, es),
            unit_id=unit_id,
            face_to_face_this_week=counts[(es, monday)],
            target_met=counts[(es, monday)] >= FACE_TO_FACE_TARGET,
            weeks=tuple(WeekCount(week_label(m), m, counts[(es, m)]) for m in mondays),
            weekly_mean=sum(counts[(es, m)] for m in mondays) / len(mondays),
            caseload=active[es],
            follow_ups_overdue=overdue.get(es, 0),
            median_days_to_first_contact=statistics.median(days[es]) if es in days else None,
            waiting=waiting[es],
        )
        for es, unit_id in staff
    )
    log_access(db, user_id=user.id, action="read_team", entity="unit", entity_ids=scope.units or [None])
    sunday = monday + dt.timedelta(days=6)
    return TeamView(scope.units, week_label(monday), monday, sunday, FACE_TO_FACE_TARGET, rows)
