"""Exports in the shape of the IPS Grow reporting tool (England): a caseload sheet and quarterly counts.

The tool's template itself is not public. What its published calculation notes show
(../shared/reference/ips-domain.md §4.3, §3.6; ipsgrow.org.uk "IPS data management: the IPS
reporting tool") is a caseload sheet with a "Referral date" column (received *and* accepted) and a
"Date Vocational Profile Started" column, and quarterly counts: referrals, referrals already in
work, clients who started a vocational profile and are not discharged, clients supported into
work (first job starts after 4 paid hours), all job starts. Those two column names are quoted;
every other column name here is ours, chosen to read like them (docs/reports.md says which).
"""

from __future__ import annotations

import polars as pl

from reports.competitive import with_job_flags
from reports.frames import Caseload
from reports.key_dates import key_dates
from reports.outcomes import hours_band, outcomes
from reports.periods import Window, quarters
from reports.rules import ProgrammeRules

#: key_dates column -> caseload sheet column.
CASELOAD_COLUMNS = {
    "participant_id": "Client ID",
    "specialist": "Employment specialist",
    "unit": "Team",
    "referral_source": "Referral source",
    "accepted_at": "Referral date",
    "employment_status_at_entry": "Employment status at referral",
    "profile_first_at": "Date Vocational Profile Started",
    "first_job_start": "First job start date",
    "first_job_hours_band": "First job weekly hours band",
    "job_start_count": "Number of job starts",
    "closed_at": "Discharge date",
    "closure_reason": "Discharge reason",
}


def caseload_sheet(caseload: Caseload, rules: ProgrammeRules) -> pl.DataFrame:
    """One row per participant in the caseload sheet's columns (``CASELOAD_COLUMNS`` values)."""
    dates = key_dates(caseload, rules).join(
        caseload.participants.select("participant_id", "employment_status_at_entry"), on="participant_id"
    )
    counted = with_job_flags(caseload.jobs, rules).filter(pl.col("counted"))
    first_hours = counted.sort("start", "job_id").group_by("participant_id").agg(pl.col("hours_week").first())
    sheet = dates.join(first_hours, on="participant_id", how="left").with_columns(
        first_job_start=pl.col("job_starts").list.first(),
        job_start_count=pl.col("job_starts").list.len().cast(pl.Int64),
        first_job_hours_band=pl.when(pl.col("job_starts").list.len() > 0).then(
            pl.col("hours_week").map_elements(hours_band, return_dtype=pl.String)
        ),
    )
    return sheet.select(list(CASELOAD_COLUMNS)).rename(CASELOAD_COLUMNS)


def quarterly_counts(caseload: Caseload, rules: ProgrammeRules, window: Window) -> pl.DataFrame:
    """One row per quarter: the reporting tool's counts plus the KPI rates (job outcome, sustained).

    Referrals count by "Referral date" (accepted_at) in the quarter; already-in-work referrals are
    those whose status at entry is not out of work; profiles started count people whose first
    profile version is in the quarter and who have no discharge date; supported into work counts
    people whose first job start ever is in the quarter; job starts count every start.
    """
    sheet = caseload_sheet(caseload, rules)
    kpis = outcomes(caseload, rules, window).select(
        "quarter", "job_outcome_rate", "sustained_rate", "competitive_rate"
    )
    jobs = key_dates(caseload, rules).select("job_starts").explode("job_starts").drop_nulls()
    rows = []
    for q in quarters(window):
        inq = pl.col("Referral date").is_between(q.start, q.end)
        out_of_work = pl.col("Employment status at referral").is_in(sorted(rules.out_of_work_statuses))
        started = pl.col("Date Vocational Profile Started").is_between(q.start, q.end)
        rows.append(
            {
                "quarter": q.label,
                "referrals": sheet.filter(inq).height,
                "referrals_in_work": sheet.filter(inq & ~out_of_work).height,
                "profiles_started_not_discharged": sheet.filter(
                    started & pl.col("Discharge date").is_null()
                ).height,
                "supported_into_work": sheet.filter(
                    pl.col("First job start date").is_between(q.start, q.end)
                ).height,
                "job_starts": jobs.filter(pl.col("job_starts").is_between(q.start, q.end)).height,
            }
        )
    return pl.DataFrame(rows).join(kpis, on="quarter", how="left")
