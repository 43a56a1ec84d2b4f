"""Who is on the caseload: entry dates, open and active participants on a day, served in a window.

Definitions (../shared/reference/ips-domain.md §2.1 S1, §4.3, §8 "Program entry", §9): entry is the
column ``ProgrammeRules.entry_date`` names; a person is *open* on a day once entered and before
closure, unless their status that day (status_history) is one of ``inactive_statuses``; *active*
adds, under the ``recent_contact`` rule, a support or employer contact naming them in the last
``active_contact_days`` days (IPS Grow: 4 weeks); *served* in a window means entered by its end
and not closed before its start (IPS Employment Center's "clients served", §4.1).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from reports.frames import Caseload
from reports.periods import Window
from reports.rules import ProgrammeRules


def entries(caseload: Caseload, rules: ProgrammeRules) -> dict[str, dt.date]:
    """participant_id -> entry date, for everyone who has entered (a null entry date has not)."""
    p = caseload.participants.filter(pl.col(rules.entry_date).is_not_null())
    return dict(zip(p["participant_id"].to_list(), p[rules.entry_date].to_list(), strict=True))


def status_on(caseload: Caseload, day: dt.date) -> dict[str, str]:
    """participant_id -> the status in effect on ``day`` (latest status_history row at or before it)."""
    h = caseload.status_history.filter(pl.col("at") <= day).sort("at")
    last = h.group_by("participant_id").agg(pl.col("status").last())
    return dict(zip(last["participant_id"].to_list(), last["status"].to_list(), strict=True))


def _is_open(row: dict[str, Any], entry: dt.date | None, day: dt.date) -> bool:
    closed = row["closed_at"]
    return entry is not None and entry <= day and (closed is None or closed > day)


def open_ids(caseload: Caseload, rules: ProgrammeRules, day: dt.date) -> set[str]:
    """Participants open on ``day``: entered, not yet closed, status not inactive."""
    entered = entries(caseload, rules)
    status = status_on(caseload, day)
    return {
        r["participant_id"]
        for r in caseload.participants.iter_rows(named=True)
        if _is_open(r, entered.get(r["participant_id"]), day)
        and status.get(r["participant_id"]) not in rules.inactive_statuses
    }


def contacted_ids(caseload: Caseload, start: dt.date, end: dt.date) -> set[str]:
    """Participants named by a support contact or an employer contact between ``start`` and ``end``."""
    ids: set[str] = set()
    for name in ("support_contacts", "employer_contacts"):
        f = getattr(caseload, name)
        hit = f.filter(pl.col("at").is_between(start, end) & pl.col("participant_id").is_not_null())
        ids.update(hit["participant_id"].to_list())
    return ids


def active_ids(caseload: Caseload, rules: ProgrammeRules, day: dt.date) -> set[str]:
    """Participants active on ``day`` by the programme's active-client rule (S1)."""
    open_now = open_ids(caseload, rules, day)
    if rules.active_client == "open":
        return open_now
    since = day - dt.timedelta(days=rules.active_contact_days - 1)
    return open_now & contacted_ids(caseload, since, day)


def served_ids(caseload: Caseload, rules: ProgrammeRules, window: Window) -> set[str]:
    """Participants served in ``window``: entered by its end and not closed before its start."""
    entered = entries(caseload, rules)
    return {
        r["participant_id"]
        for r in caseload.participants.iter_rows(named=True)
        if r["participant_id"] in entered and window.overlaps(entered[r["participant_id"]], r["closed_at"])
    }
