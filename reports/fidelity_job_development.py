"""V6 job development frequency and V7 job development quality (proxy): the specialists' employer work.

Definitions: ../shared/reference/ips-domain.md §2.3 (V6, V7, "Per-ES averages") and §9. Only
contacts a specialist made count here (``by_participant`` false); contacts the person made
themselves count for V4 only.
"""

from __future__ import annotations

import polars as pl

from reports.bands import CONTACTS_PER_WEEK, PROXY_SHARE
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, scaled_item, share_item
from reports.rules import ProgrammeRules


def working_weeks(caseload: Caseload, window: Window) -> dict[str, float]:
    """Map specialist -> working weeks in the window: days employed in it, less leave days, ÷ 7.

    Leave rows are clipped to the window and the employment period; overlapping leave rows of
    one specialist are the store's to merge (they would be subtracted twice).
    """
    weeks: dict[str, float] = {}
    for s in caseload.staff.iter_rows(named=True):
        employed = window.overlap_days(s["active_from"], s["active_to"])
        if employed == 0:
            continue
        term = Window(max(window.start, s["active_from"]), min(window.end, s["active_to"] or window.end))
        mine = caseload.leave.filter(pl.col("specialist") == s["specialist"])
        off = sum(term.overlap_days(a, b) for a, b in mine.select("start", "end").iter_rows())
        weeks[s["specialist"]] = weeks.get(s["specialist"], 0.0) + (employed - off) / 7
    return {es: w for es, w in weeks.items() if w > 0}


def _es_contacts(caseload: Caseload, window: Window) -> pl.DataFrame:
    return caseload.employer_contacts.filter(
        ~pl.col("by_participant") & pl.col("at").is_between(window.start, window.end)
    )


def contacts_per_week(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V6: face-to-face employer contacts per working week, per specialist, averaged over specialists.

    Client-specific and generic contacts both count, repeat visits too. ``figure`` = Σ per-ES
    rates ÷ number of ES with working weeks in the window; evidence has one row per ES (``met``
    at ≥6 a week) and ``extra`` each ES's rate. Contacts by someone not in ``staff`` have no
    working weeks and are not counted.
    """
    weeks = working_weeks(caseload, window)
    f2f = _es_contacts(caseload, window).filter(pl.col("mode").is_in(sorted(rules.face_to_face_modes)))
    counts = dict(f2f.group_by("specialist").len().iter_rows())
    rates = {es: counts.get(es, 0) / w for es, w in sorted(weeks.items())}
    rows = tuple(
        Evidence("specialist", es, r >= 6, r, f"{counts.get(es, 0)} contacts / {weeks[es]:.2f} weeks")
        for es, r in rates.items()
    )
    return scaled_item(
        "V6",
        sum(rates.values()),
        len(rates),
        unit="face-to-face employer contacts per ES per week",
        scale=CONTACTS_PER_WEEK,
        source="ips-domain.md §2.3 V6, §9 Face-to-face employer contacts per ES per week",
        evidence=rows,
        extra={f"rate:{es}": r for es, r in rates.items()},
    )


def relationship_depth(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V7 proxy: share of employers contacted in the window with ≥2 face-to-face visits and learned needs.

    Active employers are those any specialist contacted in the window; learned needs is
    ``employers.has_needs_notes`` (false when the employer is missing from ``employers``). The
    anchor needs observation: the band is a proxy to show next to the reviewer's rating.
    """
    contacts = _es_contacts(caseload, window)
    f2f = contacts.filter(pl.col("mode").is_in(sorted(rules.face_to_face_modes)))
    visits = dict(f2f.group_by("employer_id").len().iter_rows())
    needs = dict(caseload.employers.select("employer_id", "has_needs_notes").iter_rows())
    rows = []
    for emp in sorted(set(contacts["employer_id"].to_list())):
        n, noted = visits.get(emp, 0), bool(needs.get(emp, False))
        note = f"{n} face-to-face visits, needs {'noted' if noted else 'not noted'}"
        rows.append(Evidence("employer", emp, n >= 2 and noted, float(n), note))
    return share_item("V7", rows, PROXY_SHARE, "ips-domain.md §2.3 V7, §9 Employer relationship depth")
