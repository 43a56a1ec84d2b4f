"""The per-person key-dates table, like the Wisconsin fidelity chart review worksheet.

../shared/reference/ips-domain.md §2.3 "Evidence view": reviewers check the dates fidelity rests on
(referral, first meeting, profile, first employer contact, job starts and ends, support
contacts) from the records; this table gives them per person, one row each, for every
participant in the frame (open or closed), sorted by participant_id.
"""

from __future__ import annotations

import polars as pl

from reports.competitive import with_job_flags
from reports.frames import Caseload
from reports.rules import ProgrammeRules

#: The output columns, in order.
COLUMNS = (
    "participant_id", "unit", "specialist", "referral_source", "referred_at", "accepted_at",
    "first_meeting_at", "entry_at", "profile_first_at", "profile_last_at", "profile_versions",
    "first_employer_contact_at", "days_to_first_employer_contact", "job_starts", "job_ends",
    "competitive_job_starts", "support_contacts", "first_support_contact_at", "last_support_contact_at",
    "closed_at", "closure_reason",
)  # fmt: skip


def _per_person(caseload: Caseload, rules: ProgrammeRules) -> list[pl.DataFrame]:
    """One small frame per source, keyed by participant_id, to join onto the participants."""
    f2f = sorted(rules.face_to_face_modes)
    profiles = caseload.profile_versions.group_by("participant_id").agg(
        profile_first_at=pl.col("at").min(), profile_last_at=pl.col("at").max(), profile_versions=pl.len()
    )
    contacts = (
        caseload.employer_contacts.filter(pl.col("participant_id").is_not_null() & pl.col("mode").is_in(f2f))
        .group_by("participant_id")
        .agg(first_employer_contact_at=pl.col("at").min())
    )
    jobs = (
        with_job_flags(caseload.jobs, rules)
        .filter(pl.col("counted"))
        .sort("start", "job_id")
        .group_by("participant_id", maintain_order=True)
        .agg(
            job_starts=pl.col("start"),
            job_ends=pl.col("end").drop_nulls(),
            competitive_job_starts=pl.col("competitive").sum(),
        )
    )
    support = caseload.support_contacts.group_by("participant_id").agg(
        support_contacts=pl.len(),
        first_support_contact_at=pl.col("at").min(),
        last_support_contact_at=pl.col("at").max(),
    )
    return [profiles, contacts, jobs, support]


def key_dates(caseload: Caseload, rules: ProgrammeRules) -> pl.DataFrame:
    """One row per participant with the dates a fidelity chart review checks (``COLUMNS``).

    ``entry_at`` is the column ``rules.entry_date`` names; ``first_employer_contact_at`` is the
    first face-to-face employer contact naming the person (by the specialist or themselves),
    whenever it was; counts are 0, lists empty, dates null where nothing was recorded.
    """
    out = caseload.participants.with_columns(entry_at=pl.col(rules.entry_date))
    for part in _per_person(caseload, rules):
        out = out.join(part, on="participant_id", how="left")
    out = out.with_columns(
        days_to_first_employer_contact=(
            pl.col("first_employer_contact_at") - pl.col("entry_at")
        ).dt.total_days(),
        profile_versions=pl.col("profile_versions").fill_null(0).cast(pl.Int64),
        support_contacts=pl.col("support_contacts").fill_null(0).cast(pl.Int64),
        competitive_job_starts=pl.col("competitive_job_starts").fill_null(0).cast(pl.Int64),
        job_starts=pl.col("job_starts").fill_null(pl.lit([], pl.List(pl.Date))),
        job_ends=pl.col("job_ends").fill_null(pl.lit([], pl.List(pl.Date))),
    )
    return out.select(COLUMNS).sort("participant_id")
