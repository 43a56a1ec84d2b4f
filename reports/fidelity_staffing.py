"""S1 caseload size: active participants per full-time employment specialist.

../shared/reference/ips-domain.md §2.1 S1 and §9 "Caseload per ES": active participants (by the
programme's active-client rule) ÷ the FTE of the specialists working on the window's last day.
Band: 5 ≤20, 4 21–25, 3 26–30, 2 31–40, 1 ≥41 (✔). A person assigned to someone missing from
``staff`` still counts in the numerator: nobody leaves the caseload because a staff row is missing.
"""

from __future__ import annotations

import polars as pl

from reports.active import active_ids, open_ids
from reports.bands import CASELOAD
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, scaled_item
from reports.rules import ProgrammeRules

SOURCE = "ips-domain.md §2.1 S1, §9 Caseload per ES"


def staff_fte_on(caseload: Caseload, window: Window) -> dict[str, float]:
    """Map specialist -> FTE of staff working on ``window.as_of`` (active_from <= day <= active_to)."""
    day = window.as_of
    s = caseload.staff.filter(
        (pl.col("active_from") <= day) & (pl.col("active_to").is_null() | (pl.col("active_to") >= day))
    )
    return dict(zip(s["specialist"].to_list(), s["fte"].to_list(), strict=True))


def caseload_size(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """S1 on the window's last day; ``extra`` holds each specialist's own caseload per FTE.

    Evidence: every participant open that day, ``met`` when active (counted).
    """
    day = window.as_of
    active = active_ids(caseload, rules, day)
    fte = staff_fte_on(caseload, window)
    p = caseload.participants
    by_es = dict(zip(p["participant_id"].to_list(), p["specialist"].to_list(), strict=True))
    per_es = {
        f"caseload:{es}": sum(by_es[a] == es for a in active) / f for es, f in sorted(fte.items()) if f > 0
    }
    evidence = tuple(
        Evidence("participant", pid, pid in active, note=f"specialist {by_es[pid]}")
        for pid in sorted(open_ids(caseload, rules, day) | active)
    )
    return scaled_item(
        "S1",
        len(active),
        sum(fte.values()),
        unit="active clients per FTE",
        scale=CASELOAD,
        source=SOURCE,
        evidence=evidence,
        extra=per_es,
    )
