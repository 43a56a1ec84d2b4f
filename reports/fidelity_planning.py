"""V1 benefits planning, V2 disclosure and V3 profile updates: the planning items.

Definitions: ../shared/reference/ips-domain.md §2.3 (V1, V2, V3), §3.4, §3.5 and §9. Dates are
days, so an event and a planning step on the same day count as "before" (the store keeps no order
within a day).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from reports.active import served_ids
from reports.bands import DISCLOSURE_ELEMENTS, PROXY_SHARE
from reports.competitive import counted_jobs
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, mean_item, ratio, share_item
from reports.rules import ProgrammeRules


def _rows_by_participant(frame: pl.DataFrame) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in frame.iter_rows(named=True):
        out.setdefault(row["participant_id"], []).append(row)
    return out


def benefits_planning(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V1: share of job starts in the window preceded by completed benefits planning.

    Completed means ``completed_at`` on or before the start, by a trained planner when
    ``benefits_planner_must_be_trained`` (anchor 4). Re-planning on changes of hours or pay
    (anchor 5) is not in the data yet, so the band is a proxy (PROXY_SHARE). ``extra`` has the
    share of starts where planning was at least offered before the start.
    """
    plans = _rows_by_participant(caseload.benefits_plans)
    rows, offered = [], 0
    for job in (j for j in counted_jobs(caseload.jobs, rules) if window.contains(j["start"])):
        mine = plans.get(job["participant_id"], [])
        done = any(
            p["completed_at"] is not None
            and p["completed_at"] <= job["start"]
            and (p["planner_trained"] or not rules.benefits_planner_must_be_trained)
            for p in mine
        )
        offered += any(p["offered_at"] is not None and p["offered_at"] <= job["start"] for p in mine)
        rows.append(Evidence("job", job["job_id"], done, note=f"participant {job['participant_id']}"))
    return share_item(
        "V1",
        rows,
        PROXY_SHARE,
        "ips-domain.md §2.3 V1, §3.5, §9",
        offered_share=ratio(offered, len(rows)) or 0.0,
    )


def _disclosure_elements(talks: list[dict[str, Any]], first_contact: dt.date | None) -> int:
    """Elements (a)–(d) of V2 present for one person, given their discussions up to the as-of day."""
    before = [t for t in talks if first_contact is None or t["at"] <= first_contact]
    pros_cons = any(t["pros_cons"] for t in before)
    wording = any(t["wording"] for t in talks)
    revisited = len({t["at"] for t in talks}) >= 2
    return 1 + pros_cons + wording + revisited  # (a) is always met: the service never requires disclosure


def disclosure(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V2: mean number of disclosure elements (0–4) per participant served in the window.

    (a) disclosure not required: always met, the product never makes help conditional on it;
    (b) pros and cons discussed on or before the first employer contact a specialist made naming
    the person (any time by the as-of day when there was none); (c) wording discussed;
    (d) revisited: discussions on two or more days. ``figure`` = elements ÷ participants;
    ``extra["all_four_share"]`` is the §9 "% meeting all 4".
    """
    talks = _rows_by_participant(caseload.disclosure_discussions.filter(pl.col("at") <= window.as_of))
    es_contacts = caseload.employer_contacts.filter(
        pl.col("participant_id").is_not_null() & ~pl.col("by_participant") & (pl.col("at") <= window.as_of)
    )
    first = es_contacts.group_by("participant_id").agg(pl.col("at").min())
    first_at = dict(zip(first["participant_id"].to_list(), first["at"].to_list(), strict=True))
    rows = []
    for pid in sorted(served_ids(caseload, rules, window)):
        n = _disclosure_elements(talks.get(pid, []), first_at.get(pid))
        rows.append(Evidence("participant", pid, n == 4, value=float(n)))
    return mean_item(
        "V2",
        rows,
        DISCLOSURE_ELEMENTS,
        "elements per participant (of 4)",
        "ips-domain.md §2.3 V2, §3.4, §9",
        all_four_share=ratio(sum(r.met for r in rows), len(rows)) or 0.0,
    )


def _job_events(jobs: list[dict[str, Any]], window: Window) -> list[tuple[str, str, dt.date]]:
    """(event id, participant_id, day) for each job start and job end inside the window."""
    events = []
    for j in jobs:
        for kind in ("start", "end"):
            if window.contains(j[kind]):
                events.append((f"{j['job_id']}:{kind}", j["participant_id"], j[kind]))
    return events


def profile_updates(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V3: share of job starts and ends in the window followed by a new profile version.

    Followed means a version dated from the event's day to ``profile_update_days`` after it. An
    event whose days have not yet run out by the as-of day and has no update yet is not due and
    is left out (by definition, not by accident). The anchor is qualitative: proxy band.
    """
    versions = _rows_by_participant(caseload.profile_versions)
    days = dt.timedelta(days=rules.profile_update_days)
    rows = []
    for event_id, pid, day in _job_events(counted_jobs(caseload.jobs, rules), window):
        met = any(day <= v["at"] <= min(day + days, window.as_of) for v in versions.get(pid, []))
        if met or day + days <= window.as_of:
            rows.append(Evidence("job_event", event_id, met, note=f"participant {pid}"))
    return share_item("V3", rows, PROXY_SHARE, "ips-domain.md §2.3 V3, §3.1, §9")
