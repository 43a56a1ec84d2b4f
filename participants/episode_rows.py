"""Rows of jobs, education episodes and support contacts for the reports (`reports.frames`).

Each function returns plain dicts whose keys are the columns of the matching `reports.frames`
frame (``jobs``, ``education``, ``support_contacts``), plus a few extra columns the frames allow
and ignore; `reports.frames.frame(name, rows)` turns them into a validated frame. Ids are text,
days are `datetime.date`, hours per week and wages per hour are floats. Pass ``participant_ids``
to limit the rows to people the caller may see (None: every live record).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from participants.education import EducationStore
from participants.jobs import JobStore
from participants.support_contacts import SupportContactStore
from storekit.connection import Connection

Row = dict[str, Any]


def job_rows(
    con: Connection, *, participant_ids: Sequence[str] | None = None, reached_hours: float | None = None
) -> list[Row]:
    """One row per live job, by start day.

    Columns (frame ``jobs``): job_id, participant_id, employer_id, occupation_group (ISCO, "" when
    not linked), start, first_paid_hours_at, paid_hours_to_date, end, end_learned_at, hours_week,
    wage_hourly, contract_type, set_aside, subsidy_type. Extra: opening_id, lead_id, title,
    occupation_uri, currency, found_via, end_reason. No ``competitive`` column: derive it with
    `reports.competitive`.

    The store records the *day* the job-start paid hours were reached (``first_paid_hours_at``),
    not a running total, so ``paid_hours_to_date`` is ``reached_hours`` (pass the programme's
    job-start threshold) once that day is set, and 0.0 before.
    """
    out = []
    for j in JobStore(con).list_for(participant_ids=participant_ids):
        reached = j.first_paid_hours_at is not None
        out.append(
            {
                "job_id": j.id,
                "participant_id": j.participant_id,
                "employer_id": j.employer_id,
                "occupation_group": j.isco_group,
                "start": j.start_date,
                "first_paid_hours_at": j.first_paid_hours_at,
                "paid_hours_to_date": (reached_hours if reached else 0.0),
                "end": j.end_date,
                "end_learned_at": j.end_learned_at,
                "hours_week": j.hours_week,
                "wage_hourly": j.wage_hourly,
                "contract_type": j.contract_type,
                "set_aside": j.set_aside,
                "subsidy_type": j.subsidy_type,
                "opening_id": j.opening_id,
                "lead_id": j.lead_id,
                "title": j.title,
                "occupation_uri": j.occupation_uri,
                "currency": j.currency,
                "found_via": j.found_via,
                "end_reason": j.end_reason,
            }
        )
    return out


def education_rows(con: Connection, *, participant_ids: Sequence[str] | None = None) -> list[Row]:
    """One row per live education episode, by start day.

    Columns (frame ``education``): education_id, participant_id, start, end, level, status.
    Extra: institution, programme.
    """
    return [
        {
            "education_id": e.id,
            "participant_id": e.participant_id,
            "start": e.start_date,
            "end": e.end_date,
            "level": e.level,
            "status": e.status,
            "institution": e.institution,
            "programme": e.programme,
        }
        for e in EducationStore(con).list_for(participant_ids=participant_ids)
    ]


def support_contact_rows(con: Connection, *, participant_ids: Sequence[str] | None = None) -> list[Row]:
    """One row per live support contact, by day.

    Columns (frame ``support_contacts``): contact_id, participant_id, specialist (the username
    who logged it), at, mode, with_whom. The frame has one ``with_whom``; a contact may be with
    several people, so it is ``participant`` whenever the participant was there (what V12 counts)
    and otherwise the first one named. Extra: with_whom_all (list), location, contact_type, job_id.
    """
    return [
        {
            "contact_id": c.id,
            "participant_id": c.participant_id,
            "specialist": c.created_by,
            "at": c.contact_date,
            "mode": c.mode,
            "with_whom": "participant" if "participant" in c.with_whom else c.with_whom[0],
            "with_whom_all": list(c.with_whom),
            "location": c.location,
            "contact_type": c.contact_type,
            "job_id": c.job_id,
        }
        for c in SupportContactStore(con).list_for(participant_ids=participant_ids)
    ]
