"""Whether a job is competitive, and whether it counts as a job start: derived, never typed in.

Competitive (../shared/reference/ips-domain.md §1, §2.3 V10, §4.6, §8 "Competitive flag"): open to
anyone (not set aside), paid at least the minimum wage for the country and the start year, not a
transitional or sheltered contract (seasonal and temp-agency jobs anyone can get do count), and
subsidised only if the programme counts subsidised jobs. A job *start* counts once the person has
worked ``job_start_min_paid_hours`` paid hours (IPS Grow: 4, §3.6).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from reports.rules import ProgrammeRules


@dataclass(frozen=True)
class Verdict:
    """``competitive`` and, when it is not, every reason why (in the order checked)."""

    competitive: bool
    reasons: tuple[str, ...] = ()


def competitive(job: Mapping[str, Any], rules: ProgrammeRules) -> Verdict:
    """Derive the competitive flag of one ``jobs`` row (a dict with the contract's columns).

    Raises:
        MissingMinimumWageError: the rules have no minimum wage for the job's country and start year.
    """
    reasons: list[str] = []
    if job["set_aside"]:
        reasons.append("set aside for people with disabilities")
    contract = job.get("contract_type")
    if contract in rules.non_competitive_contracts:
        reasons.append(f"contract type {contract}")
    subsidy = job["subsidy_type"]
    if subsidy != "none" and not rules.count_subsidised_as_competitive:
        reasons.append(f"subsidised ({subsidy}) and the programme does not count subsidised jobs")
    start: dt.date = job["start"]
    floor = rules.wage_floor(start.year)
    wage = job.get("wage_hourly")
    if wage is None:
        reasons.append("hourly wage not recorded")
    elif wage < floor:
        reasons.append(f"wage {wage:g} below the minimum {floor:g} ({rules.country} {start.year})")
    return Verdict(not reasons, tuple(reasons))


def counts_as_start(job: Mapping[str, Any], rules: ProgrammeRules) -> bool:
    """True once the job's paid hours reach the programme's job-start threshold."""
    if rules.job_start_min_paid_hours == 0:
        return True
    paid = job.get("paid_hours_to_date")
    return paid is not None and paid >= rules.job_start_min_paid_hours


def with_job_flags(jobs: pl.DataFrame, rules: ProgrammeRules) -> pl.DataFrame:
    """``jobs`` plus Boolean ``competitive`` and ``counted`` (a job start by the rules) columns."""
    rows = jobs.to_dicts()
    return jobs.with_columns(
        pl.Series("competitive", [competitive(r, rules).competitive for r in rows], pl.Boolean),
        pl.Series("counted", [counts_as_start(r, rules) for r in rows], pl.Boolean),
    )


def counted_jobs(jobs: pl.DataFrame, rules: ProgrammeRules) -> list[dict[str, Any]]:
    """The jobs that count as starts, as row dicts with ``competitive`` added, by (start, job_id)."""
    flagged = with_job_flags(jobs, rules).filter(pl.col("counted")).sort("start", "job_id")
    return flagged.to_dicts()
