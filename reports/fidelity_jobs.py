"""V8 diversity of job types, V9 diversity of employers, V10 competitive jobs.

Definitions: ../shared/reference/ips-domain.md §2.3 (V8–V10), §4.6 and §9. Only jobs that count
as starts (paid-hours rule) are looked at. V8/V9 use the simplest counting rule the reference
names, distinct ÷ jobs, over jobs started in the window; V10 looks at jobs held at any time in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reports.bands import COMPETITIVE_SHARE, DIVERSITY
from reports.competitive import competitive, counted_jobs
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, share_item
from reports.rules import ProgrammeRules


def _diversity(
    item: str, jobs: list[dict[str, Any]], key: Callable[[dict[str, Any]], str], source: str
) -> ItemResult:
    """Evidence per job, ``met`` for the first job (by start, then id) of each distinct key."""
    seen: set[str] = set()
    rows = []
    for job in jobs:
        k = key(job)
        rows.append(Evidence("job", job["job_id"], k not in seen, note=k))
        seen.add(k)
    return share_item(item, rows, DIVERSITY, source)


def job_type_diversity(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V8: distinct occupation groups (first ``occupation_digits`` ISCO digits) ÷ jobs started in the window.

    Jobs without an occupation code share one group, "unknown", so missing codes never look diverse.
    """
    jobs = [j for j in counted_jobs(caseload.jobs, rules) if window.contains(j["start"])]
    digits = rules.occupation_digits
    return _diversity(
        "V8", jobs, lambda j: (j["occupation_group"] or "unknown")[:digits], "ips-domain.md §2.3 V8, §9"
    )


def employer_diversity(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V9: distinct employers ÷ jobs started in the window (employers deduplicated by the CRM)."""
    jobs = [j for j in counted_jobs(caseload.jobs, rules) if window.contains(j["start"])]
    return _diversity("V9", jobs, lambda j: j["employer_id"], "ips-domain.md §2.3 V9, §9")


def competitive_jobs(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V10: competitive ÷ jobs held at any time in the window.

    Band 1 with fewer than ``competitive_min_jobs`` jobs, whatever the share (the anchor).

    Evidence notes give the reasons a job is not competitive (competitive.competitive).
    """
    rows = []
    for job in counted_jobs(caseload.jobs, rules):
        if window.overlaps(job["start"], job["end"]):
            verdict = competitive(job, rules)
            rows.append(Evidence("job", job["job_id"], verdict.competitive, note="; ".join(verdict.reasons)))
    result = share_item("V10", rows, COMPETITIVE_SHARE, "ips-domain.md §2.3 V10, §4.6, §9")
    if len(rows) < rules.competitive_min_jobs and result.band is not None:
        # The anchor rates a programme with fewer than 10 current jobs as 1, whatever its share.
        return replace(result, band=1, extra={"too_few_jobs": 1.0})
    return result
