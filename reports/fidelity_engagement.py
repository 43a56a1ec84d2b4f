"""V14 assertive engagement, the computable part: closures that break zero exclusion.

../shared/reference/ips-domain.md §2.3 V14, §2.2 O6 and §9 "Improper closures": no closure may
be for missed appointments, a time limit, "not ready" or a programme's refusal. The anchor itself
counts outreach strategies (rated by hand); what the data can show is a gate: band 5 when no
closure in the window is improper, 1 when any is (a proxy, so a reviewer's rating overrides it).
Closures of referrals that never entered count too (a declined referral is a closure).
"""

from __future__ import annotations

from reports.bands import IMPROPER_CLOSURES
from reports.frames import Caseload
from reports.periods import Window
from reports.results import Evidence, ItemResult, scaled_item
from reports.rules import ProgrammeRules, normalise_reason


def improper_closures(caseload: Caseload, rules: ProgrammeRules, window: Window) -> ItemResult:
    """V14: improper closures ÷ closures in the window; band from the improper count (0 → 5).

    With no closures at all the figure is None and the band 5: nothing improper happened.
    """
    rows = []
    for r in caseload.participants.sort("participant_id").iter_rows(named=True):
        if window.contains(r["closed_at"]):
            improper = normalise_reason(r["closure_reason"]) in rules.improper_closure_reasons
            rows.append(
                Evidence("participant", r["participant_id"], improper, note=r["closure_reason"] or "")
            )
    bad = sum(r.met for r in rows)
    return scaled_item(
        "V14",
        bad,
        len(rows),
        unit="share of closures that were improper",
        scale=IMPROPER_CLOSURES,
        source="ips-domain.md §2.3 V14, §2.2 O6, §9 Improper closures",
        evidence=rows,
        banded=bad,
    )
