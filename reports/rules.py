"""ProgrammeRules: the definitions a programme chooses, so they are settings and never code.

Outcome definitions differ by country and funder (../shared/reference/ips-domain.md §0.8, §4,
§4.6): which date counts as entry, how many paid hours make a job start, how many weeks make a
sustained job, whether subsidised jobs and education count, the minimum wage per country and year.
The service builds one ``ProgrammeRules`` from its settings and passes it to every report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

#: Hourly statutory minimum wage by (ISO country, year), in the local currency. GB: the National
#: Living Wage for adults (25+ in 2020, 23+ 2021–2023, 21+ from April 2024; lower age bands are not
#: modelled); FR: the SMIC brut. Sweden and Denmark have no statutory minimum wage: a programme that wants the
#: collective-agreement rate checked sets it here (0.0 means "no statutory floor").
DEFAULT_MINIMUM_WAGE: Mapping[tuple[str, int], float] = MappingProxyType(
    {
        **{("GB", y): w for y, w in ((2020, 8.72), (2021, 8.91), (2022, 9.50), (2023, 10.42))},
        **{("GB", y): w for y, w in ((2024, 11.44), (2025, 12.21), (2026, 12.71))},
        # The SMIC in force on 1 January of each year (it was raised mid-year in 2022-2024).
        **{("FR", y): w for y, w in ((2020, 10.15), (2021, 10.25), (2022, 10.57), (2023, 11.27))},
        **{("FR", y): w for y, w in ((2024, 11.65), (2025, 11.88), (2026, 12.02))},
        **{(c, y): 0.0 for c in ("SE", "DK") for y in range(2020, 2027)},
    }
)

#: Closure reasons that break zero exclusion (§2.3 V14, §9 "Improper closures"), normalised.
IMPROPER_CLOSURE_REASONS = frozenset(
    {"missed_appointments", "time_limit", "time_limit_reached", "not_ready", "declined_by_programme"}
)


@dataclass(frozen=True)
class ProgrammeRules:
    """The definitions behind every figure; defaults follow IPS Grow (England) where one is needed.

    Attributes:
        country: ISO code whose minimum wage applies to jobs (``minimum_wage`` key).
        entry_date: which participants column is programme entry (§8 "Program entry").
        active_client: S1's rule: ``open`` (entered, not closed, status not inactive) or
            ``recent_contact`` (open and a support or employer contact in the last
            ``active_contact_days``; IPS Grow: contact in the last 4 weeks, §4.3).
        inactive_statuses: statuses (from status_history) that take a person off the active count.
        job_start_min_paid_hours: paid hours worked before a job counts as a start (IPS Grow 4, §3.6).
        sustained_weeks: weeks after a start at which "still working" is checked (13, §4.3).
        sustain_allow_job_change: any job counts at that date, not only the one started (§9).
        count_subsidised_as_competitive: whether jobs with a subsidy count as competitive (§4.6).
        count_education: whether education counts in the job-or-education rate (SE/DK, §4.4–4.5).
        minimum_wage: hourly minimum wage by (country, year of the job's start).
        non_competitive_contracts: contract types never competitive (transitional employment, §2.3 V10).
        out_of_work_statuses: employment statuses at entry that make a person "out of work" (§4.3).
        improper_closure_reasons: closure reasons V14 counts (normalised: lower case, ``_`` for spaces).
        profile_update_days: days after a job start or end within which V3 wants a profile version.
        benefits_planner_must_be_trained: V1 counts only planning by a trained planner (anchor 4).
        competitive_min_jobs: fewer jobs than this in the window rates V10 as 1 (§2.3 V10 anchor).
        occupation_digits: ISCO digits kept when comparing occupation groups (V5, V8; §8 notes).
        follow_along_months: months of monthly follow-along V12 checks after month 1 (§2.3 V12).
        face_to_face_modes: contact modes that count as face to face.
    """

    country: str = "GB"
    entry_date: Literal["accepted_at", "first_meeting_at"] = "first_meeting_at"
    active_client: Literal["open", "recent_contact"] = "recent_contact"
    active_contact_days: int = 28
    inactive_statuses: frozenset[str] = frozenset({"referred", "paused", "closed"})
    job_start_min_paid_hours: float = 4.0
    sustained_weeks: int = 13
    sustain_allow_job_change: bool = True
    count_subsidised_as_competitive: bool = False
    count_education: bool = True
    minimum_wage: Mapping[tuple[str, int], float] = field(default_factory=lambda: DEFAULT_MINIMUM_WAGE)
    non_competitive_contracts: frozenset[str] = frozenset({"transitional", "sheltered"})
    out_of_work_statuses: frozenset[str] = frozenset({"unemployed", "inactive"})
    improper_closure_reasons: frozenset[str] = IMPROPER_CLOSURE_REASONS
    profile_update_days: int = 30
    benefits_planner_must_be_trained: bool = True
    competitive_min_jobs: int = 10
    occupation_digits: int = 3
    follow_along_months: int = 12
    face_to_face_modes: frozenset[str] = frozenset({"face_to_face"})

    def __post_init__(self) -> None:
        if self.job_start_min_paid_hours < 0 or self.sustained_weeks < 1:
            raise ValueError("job_start_min_paid_hours must be >= 0 and sustained_weeks >= 1")
        if self.active_contact_days < 1 or self.profile_update_days < 0 or self.occupation_digits < 1:
            raise ValueError("active_contact_days >= 1, profile_update_days >= 0, occupation_digits >= 1")

    def wage_floor(self, year: int) -> float:
        """The hourly minimum wage for a job started in ``year``; raises when the table lacks it."""
        try:
            return self.minimum_wage[(self.country, year)]
        except KeyError:
            raise MissingMinimumWageError(self.country, year) from None


class MissingMinimumWageError(KeyError):
    """The minimum-wage table has no entry for a (country, year) a job needs."""

    def __init__(self, country: str, year: int) -> None:
        super().__init__(f"no minimum wage for {country} {year}: add it to ProgrammeRules.minimum_wage")
        self.country = country
        self.year = year


def normalise_reason(reason: str | None) -> str:
    """A closure reason as compared with ``improper_closure_reasons``.

    "Missed appointments" → "missed_appointments"; None → "".
    """
    return "" if reason is None else "_".join(reason.strip().lower().replace("-", " ").split())
