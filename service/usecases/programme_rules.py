"""The programme's rules (`reports.rules.ProgrammeRules`) built from the settings.

Jobs read through the service get ``competitive`` from these rules (`service.usecases.jobs`), and
the follow-along schedule its length; the reports use the same object, so a job's flag on its
page and in the V10 figure cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.rules import DEFAULT_MINIMUM_WAGE, ProgrammeRules
from service.config import Settings


@dataclass(frozen=True, slots=True)
class Programme:
    """The rules, and the currency their minimum wages are in (ISO 4217)."""

    rules: ProgrammeRules
    currency: str


def programme(settings: Settings) -> Programme:
    """`ProgrammeRules` from ``programme_*`` settings (the rest keep the IPS Grow defaults).

    ``programme_minimum_wage`` keys are ``CC-YYYY`` (checked by `Settings`); ``entry_date_field``
    chooses the entry date (the caseload's ``referral_accepted_at`` is the reports' ``accepted_at``).
    """
    table = dict(DEFAULT_MINIMUM_WAGE)
    for key, wage in settings.programme_minimum_wage.items():
        country, year = key.split("-")
        table[(country, int(year))] = float(wage)
    rules = ProgrammeRules(
        country=settings.programme_country,
        minimum_wage=table,
        count_subsidised_as_competitive=settings.programme_count_subsidised_as_competitive,
        job_start_min_paid_hours=settings.programme_job_start_min_paid_hours,
        follow_along_months=settings.programme_follow_along_months,
        entry_date="accepted_at"
        if settings.entry_date_field == "referral_accepted_at"
        else "first_meeting_at",
    )
    return Programme(rules, settings.programme_currency)
