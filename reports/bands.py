"""IPS-25 anchors as band scales, outcome benchmarks and the total-score bands.

Anchors are those of ../shared/reference/ips-domain.md §2 (items) and §9 (formulas); the ◐ marks
there mean the cut-offs were recalled from the published scale, so each scale names its source and
whether it is an official anchor or our proxy for a qualitative one (docs/reports.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """A 1–5 band from a figure: ``cuts`` are the bounds for bands 2, 3, 4 and 5.

    Higher-is-better scales give band ``1 + #(figure >= cut)``; lower-is-better ones give
    ``1 + #(figure <= cut)``. The cuts are ordered so the band is monotonic in the figure.
    """

    cuts: tuple[float, float, float, float]
    higher_is_better: bool = True
    official: bool = True

    def __post_init__(self) -> None:
        ordered = sorted(self.cuts, reverse=not self.higher_is_better)
        if list(self.cuts) != ordered:
            raise ValueError(f"cuts {self.cuts} are not ordered for this direction")

    def band(self, figure: float | None) -> int | None:
        """The 1–5 band of ``figure``; None when there is no figure (nothing to rate)."""
        if figure is None:
            return None
        if self.higher_is_better:
            return 1 + sum(figure >= c for c in self.cuts)
        return 1 + sum(figure <= c for c in self.cuts)


#: S1 clients per full-time ES: 5 ≤20, 4 21–25, 3 26–30, 2 31–40, 1 ≥41 (§2.1 ✔).
CASELOAD = Scale((40, 30, 25, 20), higher_is_better=False)
#: V4 mean days entry → first face-to-face employer contact: 5 ≤30, 4 ≤60, 3 ≤150, 2 ≤270 (§2.3 ◐).
DAYS_TO_CONTACT = Scale((270, 150, 60, 30), higher_is_better=False)
#: V5 share of contacts aligned with preferences: 5 ≥90%, 4 ≥75, 3 ≥50, 2 ≥25 (§2.3 ◐).
ALIGNED_SHARE = Scale((0.25, 0.50, 0.75, 0.90))
#: V6 face-to-face employer contacts per ES per working week: 5 ≥6, 4 5, 3 3–4, 2 2, 1 ≤1 (§2.3 ◐).
CONTACTS_PER_WEEK = Scale((2, 3, 5, 6))
#: V8 and V9 distinct ÷ jobs: 5 ≥85%, 4 70–84, 3 60–69, 2 50–59, 1 <50 (§2.3 ◐).
DIVERSITY = Scale((0.50, 0.60, 0.70, 0.85))
#: V10 competitive ÷ jobs: 5 ≥95%, 4 85–94, 3 75–84, 2 64–74, 1 <64 (or too few jobs) (§2.3 ◐).
COMPETITIVE_SHARE = Scale((0.64, 0.75, 0.85, 0.95))
#: V2 mean disclosure elements (0–4) per person: 1 none … 5 all four (§2.3 ◐).
DISCLOSURE_ELEMENTS = Scale((1, 2, 3, 4))
#: V14 improper closures: 0 → 5, any → 1. A gate, not the outreach-strategy count (§2.3, §9).
IMPROPER_CLOSURES = Scale((0, 0, 0, 0), higher_is_better=False, official=False)
#: Our proxy for items whose anchors are qualitative (V1, V3, V7, V12): the V5 percent scale.
PROXY_SHARE = Scale((0.25, 0.50, 0.75, 0.90), official=False)

#: Quarterly competitive employment rate benchmarks (IPS Employment Center, §4.1): name, floor.
COMPETITIVE_RATE_BENCHMARKS: tuple[tuple[str, float], ...] = (
    ("excellent", 0.50),
    ("average", 0.41),
    ("minimum", 0.31),
)
#: IPS Grow job outcome rate over out-of-work clients (§4.3): at least 40%.
JOB_OUTCOME_BENCHMARK = 0.40
#: IPS Grow sustained outcomes: at least 65% still in work beyond 13 weeks (§4.3).
SUSTAINED_BENCHMARK = 0.65


def competitive_rate_benchmark(rate: float | None) -> str | None:
    """The highest benchmark ``rate`` reaches ("excellent", "average", "minimum") or "below minimum"."""
    if rate is None:
        return None
    return next((name for name, floor in COMPETITIVE_RATE_BENCHMARKS if rate >= floor), "below minimum")


def total_band(total: int) -> str:
    """The IPS-25 total's band (§2): 115–125 exemplary, 100–114 good, 74–99 fair, ≤73 not SE."""
    if not 25 <= total <= 125:
        raise ValueError(f"an IPS-25 total lies in 25..125, got {total}")
    if total >= 115:
        return "exemplary"
    if total >= 100:
        return "good"
    if total >= 74:
        return "fair"
    return "not supported employment"
