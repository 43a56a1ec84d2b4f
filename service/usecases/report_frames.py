"""The reports' input (`reports.frames.Caseload`) read from the caseload, the CRM and the users.

Who is in it is decided by the caller (`service.usecases.reports`): ``unit_ids`` None reads every
unit. Specialists are named by their username everywhere (the caseload stores a user id; the
contact logs store usernames), so S1, V5 and V6 can join them. Timestamps become UTC days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from employers.report_rows import employer_contact_rows, employer_rows
from participants.episode_rows import education_rows, job_rows, support_contact_rows
from participants.report_rows import (
    benefits_plan_rows,
    disclosure_discussion_rows,
    participant_rows,
    profile_version_rows,
    status_history_rows,
)
from reports.frames import Caseload, frame
from reports.rules import ProgrammeRules
from service.runtime.database import Database

#: Placeholders for facts the contract requires but the caseload may not hold yet.
UNASSIGNED = "unassigned"
NOT_RECORDED = "not_recorded"
#: The day every active specialist counts as working from (no employment start is recorded).
STAFF_SINCE = dt.date(2000, 1, 1)


def _day(value: Any) -> Any:
    """A timestamp as its UTC day; anything else unchanged."""
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.UTC) if value.tzinfo else value).date()
    return value


def _rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, object]]:
    return [{k: _day(v) for k, v in r.items()} for r in rows]


def staff_rows(db: Database, unit_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """Active users with role specialist in ``unit_ids``: specialist (username), unit, fte 1.0, dates.

    Neither FTE nor the day someone started in the job is recorded: FTE counts as full time, and
    an active account as working over any window (``active_from`` = `STAFF_SINCE`; its creation
    day would leave out every earlier quarter, e.g. data imported after the accounts were made).
    """
    found = (
        db.cursor()
        .execute(
            "SELECT username, unit_id FROM app_users WHERE role = 'specialist' AND active "
            "AND unit_id IS NOT NULL AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], unit_id)) "
            "ORDER BY username",
            [unit_ids, unit_ids],
        )
        .fetchall()
    )
    return [
        {"specialist": u, "unit": unit, "fte": 1.0, "active_from": STAFF_SINCE, "active_to": None}
        for u, unit in found
    ]


def _usernames(db: Database) -> dict[str, str]:
    return dict(db.cursor().execute("SELECT id, username FROM app_users").fetchall())


def _people(db: Database, unit_ids: Sequence[str] | None) -> list[dict[str, object]]:
    names = _usernames(db)
    rows = _rows(participant_rows(db.cursor(), unit_ids))
    for r in rows:
        sid = r["specialist"]
        r["specialist"] = UNASSIGNED if sid is None else names.get(str(sid), str(sid))
        r["employment_status_at_entry"] = r["employment_status_at_entry"] or NOT_RECORDED
    return rows


def _contacts(db: Database, people: set[str], staff: set[str], units: Sequence[str] | None) -> list[Any]:
    """Contacts about the people in scope, and generic ones by the scope's specialists."""
    out = []
    for c in employer_contact_rows(db.cursor()):
        pid = c["participant_id"]
        if units is None or (pid in people if pid is not None else c["specialist"] in staff):
            out.append(c)
    return out


def build_caseload(db: Database, rules: ProgrammeRules, unit_ids: Sequence[str] | None) -> Caseload:
    """Every frame of the reports for the participants of ``unit_ids`` (None: all units)."""
    con = db.cursor()
    people = _people(db, unit_ids)
    ids = [str(p["participant_id"]) for p in people]
    scope = None if unit_ids is None else ids
    staff = staff_rows(db, unit_ids)
    contacts = _contacts(db, set(ids), {str(s["specialist"]) for s in staff}, unit_ids)
    jobs = job_rows(con, participant_ids=scope, reached_hours=rules.job_start_min_paid_hours)
    return Caseload(
        participants=frame("participants", people),
        status_history=frame("status_history", _rows(status_history_rows(con, unit_ids))),
        staff=frame("staff", staff),
        employer_contacts=frame("employer_contacts", _rows(contacts)),
        employers=frame("employers", employer_rows(con)),
        jobs=frame("jobs", _rows(jobs)),
        education=frame("education", _rows(education_rows(con, participant_ids=scope))),
        support_contacts=frame("support_contacts", _rows(support_contact_rows(con, participant_ids=scope))),
        benefits_plans=frame("benefits_plans", _rows(benefits_plan_rows(con, unit_ids))),
        disclosure_discussions=frame(
            "disclosure_discussions", _rows(disclosure_discussion_rows(con, unit_ids))
        ),
        profile_versions=frame("profile_versions", _rows(profile_version_rows(con, unit_ids))),
    )


def activity_caseload(db: Database, rules: ProgrammeRules, unit_ids: Sequence[str] | None) -> Caseload:
    """The frames the team view reads (people, statuses, staff, employer and support contacts).

    The same rows as `build_caseload`, without the jobs, plans, profiles and employers it does not
    need (those frames are empty): S1's active rule, V4 and V6 read only these.
    """
    con = db.cursor()
    people = _people(db, unit_ids)
    ids = [str(p["participant_id"]) for p in people]
    staff = staff_rows(db, unit_ids)
    contacts = _contacts(db, set(ids), {str(s["specialist"]) for s in staff}, unit_ids)
    scope = None if unit_ids is None else ids
    return Caseload(
        participants=frame("participants", people),
        status_history=frame("status_history", _rows(status_history_rows(con, unit_ids))),
        staff=frame("staff", staff),
        employer_contacts=frame("employer_contacts", _rows(contacts)),
        support_contacts=frame("support_contacts", _rows(support_contact_rows(con, participant_ids=scope))),
    )
