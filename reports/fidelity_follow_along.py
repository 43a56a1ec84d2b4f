"""V12 time-unlimited follow-along supports: the timetable of face-to-face contacts around each job.

../shared/reference/ips-domain.md §2.3 V12, §3.6 and §9 "Follow-along timetable". Per job that
counts as a start, the checks are: a contact in the 7 days before the start (``before``); within
3 days after it, the start day included (``after``); one in each of weeks 1–4 (``week1``..``week4``);
one in each 30-day month after week 4 while the job lasts, for ``follow_along_months - 1`` months
(``month2``..); and within 3 days of the day the specialist learned the job ended (``end``).
A contact is a support contact with the participant (``with_whom == "participant"``) in a
face-to-face mode. Each check is due on the last day of its period; the item counts the checks
due inside the window. The anchor's 1–5 wording is qualitative, so the band is a proxy
(PROXY_SHARE on checks met ÷ checks due).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from reports.bands import PROXY_SHARE
from reports.competitive import counted_jobs
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, share_item
from reports.rules import ProgrammeRules

DAY = dt.timedelta(days=1)


def timetable(job: dict[str, Any], months: int) -> list[tuple[str, dt.date, dt.date]]:
    """(check name, first day, last day) of every follow-along check one job calls for."""
    start: dt.date = job["start"]
    end: dt.date | None = job["end"]
    checks = [("before", start - 7 * DAY, start - DAY), ("after", start, start + 3 * DAY)]
    for week in range(4):
        first = start + 7 * week * DAY
        if end is None or end >= first:
            checks.append((f"week{week + 1}", first, first + 6 * DAY))
    for month in range(1, months):
        first = start + (28 + 30 * (month - 1)) * DAY
        if end is None or end >= first:
            checks.append((f"month{month + 1}", first, first + 29 * DAY))
    learned: dt.date | None = job["end_learned_at"]
    if learned is not None:
        checks.append(("end", learned, learned + 3 * DAY))
    return checks


def follow_along(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V12: share of the follow-along checks due in the window that a face-to-face contact met.

    Evidence: one row per check, id ``"<job_id>:<check>"``, note giving its period.
    """
    seen = caseload.support_contacts.filter(
        (pl.col("with_whom") == "participant") & pl.col("mode").is_in(sorted(rules.face_to_face_modes))
    )
    days: dict[str, set[dt.date]] = {}
    for pid, at in seen.select("participant_id", "at").iter_rows():
        days.setdefault(pid, set()).add(at)
    rows = []
    for job in counted_jobs(caseload.jobs, rules):
        mine = days.get(job["participant_id"], set())
        for name, first, last in timetable(job, rules.follow_along_months):
            if window.contains(last):
                met = any(first <= d <= last for d in mine)
                rows.append(Evidence("job_check", f"{job['job_id']}:{name}", met, note=f"{first}..{last}"))
    return share_item("V12", rows, PROXY_SHARE, "ips-domain.md §2.3 V12, §3.6, §9")
