"""A self-assessment over all 25 IPS-25 items: computed bands plus ratings entered by hand.

../shared/reference/ips-domain.md §2: 25 items in three sections, each 1–5, total 25–125, banded
115–125 exemplary, 100–114 good, 74–99 fair, ≤73 not supported employment. Items the data cannot
show (interviews, observation, organisational facts: class C, or B without the fields) are "rate
by hand". A hand rating also overrides a computed band (a reviewer's word wins, e.g. over the
V7 proxy); the computed band stays in the row so the two can be compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reports.bands import total_band
from reports.results import ItemResult

#: (id, section, short name) of every IPS-25 item, in scale order (§2.1–2.3).
ITEMS: tuple[tuple[str, str, str], ...] = (
    ("S1", "staffing", "Caseload size"),
    ("S2", "staffing", "Employment services staff"),
    ("S3", "staffing", "Vocational generalists"),
    ("O1", "organisation", "Integration through team assignment"),
    ("O2", "organisation", "Integration through frequent team contact"),
    ("O3", "organisation", "Collaboration with vocational rehabilitation / public employment service"),
    ("O4", "organisation", "Vocational unit"),
    ("O5", "organisation", "Role of the IPS supervisor"),
    ("O6", "organisation", "Zero exclusion"),
    ("O7", "organisation", "Agency focus on competitive employment"),
    ("O8", "organisation", "Executive team support"),
    ("V1", "services", "Work incentives planning"),
    ("V2", "services", "Disclosure"),
    ("V3", "services", "Ongoing, work-based vocational assessment"),
    ("V4", "services", "Rapid job search"),
    ("V5", "services", "Individualised job search"),
    ("V6", "services", "Job development: frequent employer contact"),
    ("V7", "services", "Job development: quality of employer contact"),
    ("V8", "services", "Diversity of job types"),
    ("V9", "services", "Diversity of employers"),
    ("V10", "services", "Competitive jobs"),
    ("V11", "services", "Individualised follow-along supports"),
    ("V12", "services", "Time-unlimited follow-along supports"),
    ("V13", "services", "Community-based services"),
    ("V14", "services", "Assertive engagement and outreach"),
)
ITEM_IDS = tuple(i for i, _, _ in ITEMS)
#: The items no function computes: the reviewer rates them and records the evidence.
HAND_ITEMS = ("S2", "S3", "O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "V11", "V13")


@dataclass(frozen=True)
class HandRating:
    """A reviewer's 1–5 rating of one item, with the evidence it rests on."""

    item: str
    band: int
    evidence: str = ""
    rater: str = ""

    def __post_init__(self) -> None:
        if self.item not in ITEM_IDS:
            raise ValueError(f"unknown IPS-25 item {self.item!r}")
        if not 1 <= self.band <= 5:
            raise ValueError(f"{self.item}: a rating is 1..5, got {self.band}")


@dataclass(frozen=True)
class AssessmentRow:
    """One item of the assessment: the band that counts and where it came from."""

    item: str
    section: str
    name: str
    band: int | None
    source: str  # "hand", "computed" or "missing"
    computed_band: int | None
    proxy: bool
    evidence: str


@dataclass(frozen=True)
class SelfAssessment:
    """All 25 rows; ``total`` and ``band`` only once every item has a band, else ``missing`` lists them."""

    rows: tuple[AssessmentRow, ...]
    subtotal: int
    total: int | None
    band: str | None
    missing: tuple[str, ...]


def _row(
    item: str, section: str, name: str, got: ItemResult | None, hand: HandRating | None
) -> AssessmentRow:
    computed = got.band if got else None
    if hand is not None:
        band, source, evidence = hand.band, "hand", hand.evidence
    elif computed is not None:
        band, source, evidence = computed, "computed", f"{got.figure} {got.unit}" if got else ""
    else:
        band, source, evidence = None, "missing", ""
    return AssessmentRow(item, section, name, band, source, computed, bool(got and got.proxy), evidence)


def assess(
    computed: Iterable[ItemResult], hand: Mapping[str, HandRating] | Iterable[HandRating]
) -> SelfAssessment:
    """Combine computed items and hand ratings into the 25-item assessment with its total and band."""
    by_item = {r.item: r for r in computed}
    ratings = list(hand.values()) if isinstance(hand, Mapping) else list(hand)
    hand_by = {h.item: h for h in ratings}
    if len(hand_by) != len(ratings):
        raise ValueError("one hand rating per item")
    rows = tuple(_row(i, s, n, by_item.get(i), hand_by.get(i)) for i, s, n in ITEMS)
    missing = tuple(r.item for r in rows if r.band is None)
    subtotal = sum(r.band or 0 for r in rows)
    total = None if missing else subtotal
    return SelfAssessment(rows, subtotal, total, None if total is None else total_band(total), missing)
