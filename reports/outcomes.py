"""Outcome rates per quarter and per programme, unit or specialist.

Definitions (../shared/reference/ips-domain.md §4.1, §4.3, §4.4–4.5, §9), each over the people
*served* in the quarter (entered by its end, not closed before its start; active.served_ids):

- competitive employment rate: served people with a competitive job held at any time in the
  quarter ÷ served (IPS Employment Center; benchmarks 31/41/50%);
- job outcome rate: out-of-work-at-entry people who started a job (any paid job that counts as a
  start) in the quarter ÷ out-of-work-at-entry people served (IPS Grow since April 2024; 40%);
- sustained: of those people's first job start in the quarter, the ones whose check day (start +
  ``sustained_weeks``) has passed by the report's as-of day, the share still in work that day
  (any job when ``sustain_allow_job_change``, else the job started; IPS Grow 65%);
- hours bands of the job starts in the quarter: 30+, 16–29, 5–15, 1–4 hours a week (NHS codes
  01–04; real hours are banded at ≥30, ≥16, ≥5, >0), none recorded = not stated;
- job or education: served people in a competitive job or (when ``count_education``) an
  education episode at any time in the quarter ÷ served (Sweden, Denmark);
- time to first job: days from entry to the first competitive job start, for people whose first
  one started in the quarter (median and mean).

Each row keeps the ids behind its counts (list columns) for the drill-down. People are grouped by
their current unit and specialist (reassignment history is not attributed).
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any, Literal

import polars as pl

from reports.active import entries, served_ids
from reports.bands import JOB_OUTCOME_BENCHMARK, SUSTAINED_BENCHMARK, competitive_rate_benchmark
from reports.competitive import counted_jobs
from reports.frames import Caseload
from reports.periods import Window, quarters
from reports.results import ratio
from reports.rules import ProgrammeRules

Grouping = Literal["programme", "unit", "specialist"]
HOURS_BANDS = (("hours_30_plus", 30.0), ("hours_16_29", 16.0), ("hours_5_15", 5.0), ("hours_1_4", 0.0))


def hours_band(hours: float | None) -> str:
    """The NHS weekly-hours band column of a job's hours (``hours_not_stated`` for none or 0)."""
    if hours is None or hours <= 0:
        return "hours_not_stated"
    return next(name for name, floor in HOURS_BANDS if hours >= floor)


def _working_on(jobs: list[dict[str, Any]], day: dt.date) -> bool:
    return any(j["start"] <= day and (j["end"] is None or j["end"] >= day) for j in jobs)


def _sustained(
    first: dict[str, dict[str, Any]],
    mine: dict[str, list[dict[str, Any]]],
    rules: ProgrammeRules,
    as_of: dt.date,
) -> tuple[set[str], set[str]]:
    """(due, sustained) people among those whose first job start in the quarter is ``first[pid]``."""
    due, kept = set(), set()
    for pid, job in first.items():
        check = job["start"] + dt.timedelta(weeks=rules.sustained_weeks)
        if check <= as_of:
            due.add(pid)
            if _working_on(mine[pid] if rules.sustain_allow_job_change else [job], check):
                kept.add(pid)
    return due, kept


def _quarter_facts(caseload: Caseload, rules: ProgrammeRules, q: Window, as_of: dt.date) -> dict[str, Any]:
    """The id sets, job starts and days-to-first-job behind one quarter's rows."""
    served = served_ids(caseload, rules, q)
    status = dict(caseload.participants.select("participant_id", "employment_status_at_entry").iter_rows())
    out_of_work = {p for p in served if status[p] in rules.out_of_work_statuses}
    jobs = counted_jobs(caseload.jobs, rules)
    mine: dict[str, list[dict[str, Any]]] = {}
    for j in jobs:
        mine.setdefault(j["participant_id"], []).append(j)
    starts = [j for j in jobs if q.contains(j["start"]) and j["participant_id"] in served]
    competitive = {j["participant_id"] for j in jobs if j["competitive"] and q.overlaps(j["start"], j["end"])}
    educated = {
        e["participant_id"]
        for e in caseload.education.iter_rows(named=True)
        if q.overlaps(e["start"], e["end"])
    }
    first: dict[str, dict[str, Any]] = {}
    for j in starts:
        if j["participant_id"] in out_of_work:
            first.setdefault(j["participant_id"], j)
    due, kept = _sustained(first, mine, rules, as_of)
    return {
        "served": served,
        "competitive": competitive & served,
        "out_of_work": out_of_work,
        "job_outcome": set(first),
        "sustained_due": due,
        "sustained": kept,
        "job_or_education": (competitive | (educated if rules.count_education else set())) & served,
        "starts": starts,
        "days_to_first_job": _days_to_first_job(caseload, rules, jobs, q),
    }


def _days_to_first_job(
    caseload: Caseload, rules: ProgrammeRules, jobs: list[dict[str, Any]], q: Window
) -> dict[str, int]:
    """participant_id -> days from entry to their first competitive job, when that job started in ``q``."""
    entered = entries(caseload, rules)
    first: dict[str, dt.date] = {}
    for j in jobs:  # sorted by start: the first competitive job on or after entry wins
        entry = entered.get(j["participant_id"])
        if j["competitive"] and entry is not None and j["start"] >= entry:
            first.setdefault(j["participant_id"], j["start"])
    return {p: (day - entered[p]).days for p, day in first.items() if q.contains(day)}


def _row(q: Window, group: str, members: set[str], f: dict[str, Any]) -> dict[str, Any]:
    """One output row: the quarter's facts restricted to the group's ``members``."""
    ids = {k: sorted(f[k] & members) for k in ("served", "competitive", "out_of_work", "job_outcome")}
    ids |= {k: sorted(f[k] & members) for k in ("sustained_due", "sustained", "job_or_education")}
    n = {k: len(v) for k, v in ids.items()}
    bands = {name: 0 for name, _ in HOURS_BANDS} | {"hours_not_stated": 0}
    for j in (j for j in f["starts"] if j["participant_id"] in members):
        bands[hours_band(j["hours_week"])] += 1
    days = [d for p, d in f["days_to_first_job"].items() if p in members]
    rate = ratio(n["competitive"], n["served"])
    outcome, sustained = ratio(n["job_outcome"], n["out_of_work"]), ratio(n["sustained"], n["sustained_due"])
    return {
        "quarter": q.label, "group": group, **{k: n[k] for k in ("served", "competitive")},
        "competitive_rate": rate, "competitive_benchmark": competitive_rate_benchmark(rate),
        "out_of_work": n["out_of_work"], "job_outcomes": n["job_outcome"], "job_outcome_rate": outcome,
        "job_outcome_met": None if outcome is None else outcome >= JOB_OUTCOME_BENCHMARK,
        "sustained_due": n["sustained_due"], "sustained": n["sustained"], "sustained_rate": sustained,
        "sustained_met": None if sustained is None else sustained >= SUSTAINED_BENCHMARK,
        "job_starts": sum(bands.values()), **bands,
        "job_or_education": n["job_or_education"],
        "job_or_education_rate": ratio(n["job_or_education"], n["served"]),
        "first_jobs": len(days), "days_to_first_job_median": float(statistics.median(days)) if days else None,
        "days_to_first_job_mean": statistics.fmean(days) if days else None,
        **{f"{k}_ids": v for k, v in ids.items()},
    }  # fmt: skip


def outcomes(
    caseload: Caseload, rules: ProgrammeRules, window: Window, by: Grouping = "programme"
) -> pl.DataFrame:
    """One row per (quarter of ``window``, group), groups sorted; sustained checks use ``window.as_of``.

    ``by`` groups people by their current ``unit`` or ``specialist``, or not at all ("programme",
    group "all"). Rates are Float64 in [0, 1] or null when their denominator is 0.
    """
    p = caseload.participants
    key = p["participant_id"].to_list()
    group_of = (
        dict.fromkeys(key, "all") if by == "programme" else dict(zip(key, p[by].to_list(), strict=True))
    )
    rows = []
    for q in quarters(window):
        facts = _quarter_facts(caseload, rules, q, window.as_of)
        for group in sorted(set(group_of.values())):
            rows.append(_row(q, group, {k for k, g in group_of.items() if g == group}, facts))
    return pl.DataFrame(rows, schema_overrides=OUTCOME_SCHEMA, infer_schema_length=None)


#: dtypes of the columns a null can leave ambiguous.
OUTCOME_SCHEMA: dict[str, pl.DataType] = {
    c: pl.Float64()
    for c in (
        "competitive_rate", "job_outcome_rate", "sustained_rate", "job_or_education_rate",
        "days_to_first_job_median", "days_to_first_job_mean",
    )
} | {
    "competitive_benchmark": pl.String(), "job_outcome_met": pl.Boolean(), "sustained_met": pl.Boolean(),
}  # fmt: skip
