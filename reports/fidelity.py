"""All computable IPS-25 items for one window, in scale order.

The thirteen items ../shared/reference/ips-domain.md §2 marks computable (classes A and B with a
proxy): S1, V1–V10 but not V11, V12 and V14. The other twelve are rated by hand
(self_assessment.HAND_ITEMS).
"""

from __future__ import annotations

from collections.abc import Callable

from reports.fidelity_engagement import improper_closures
from reports.fidelity_follow_along import follow_along
from reports.fidelity_job_development import contacts_per_week, relationship_depth
from reports.fidelity_job_search import days_to_first_contact, preference_aligned_contacts
from reports.fidelity_jobs import competitive_jobs, employer_diversity, job_type_diversity
from reports.fidelity_planning import benefits_planning, disclosure, profile_updates
from reports.fidelity_staffing import caseload_size
from reports.frames import Caseload
from reports.periods import Window
from reports.results import ItemResult
from reports.rules import ProgrammeRules

ItemFunction = Callable[[Caseload, ProgrammeRules, Window], ItemResult]

#: item id -> the function computing it, in the scale's order.
COMPUTED: dict[str, ItemFunction] = {
    "S1": caseload_size,
    "V1": benefits_planning,
    "V2": disclosure,
    "V3": profile_updates,
    "V4": days_to_first_contact,
    "V5": preference_aligned_contacts,
    "V6": contacts_per_week,
    "V7": relationship_depth,
    "V8": job_type_diversity,
    "V9": employer_diversity,
    "V10": competitive_jobs,
    "V12": follow_along,
    "V14": improper_closures,
}


def fidelity_items(caseload: Caseload, rules: ProgrammeRules, window: Window) -> list[ItemResult]:
    """Every computable item over ``window`` (point-in-time ones on its last day), in scale order."""
    return [compute(caseload, rules, window) for compute in COMPUTED.values()]
