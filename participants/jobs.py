"""`JobStore`: a participant's job episodes (``caseload_jobs``), and the rules a job follows.

What is recorded follows ips-domain.md §3.6 and §8 "Job". Whether a job is *competitive* is not
stored and not accepted from callers: the service derives it from the programme's rules
(`reports.competitive`) whenever a job is read. Hours are per week; wages per hour in
``currency`` (ISO 4217); dates are calendar days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from matching.types import CONTRACT_TYPES
from participants.episode_store import EpisodeStore, day, not_before
from participants.errors import InvalidError
from storekit.checks import check_choice
from storekit.records import StoredRecord

#: Contract types of a job: the openings' list plus those IPS does not count as competitive
#: (transitional employment, sheltered work: ips-domain.md §2.3 V10) and agency work.
JOB_CONTRACT_TYPES = (*CONTRACT_TYPES, "temp_agency", "transitional", "sheltered")
#: Wage subsidies (lönebidrag, løntilskud/fleksjob, contrat aidé, ...); the same list as the CRM's
#: openings (`employers.models.SUBSIDY_TYPES`; the stores may not import each other).
SUBSIDY_TYPES = ("none", "wage_subsidy", "flexjob", "job_trial", "apprenticeship_aid", "other")
#: How the job was found (ips-domain.md §8 "Job.found_via").
FOUND_VIA = ("es_job_development", "participant", "network", "advert")
#: Why a job ended (§3.6 "Job end"); endings are learning, never a reason to close the case.
END_REASONS = (
    "quit_better_job",
    "quit_dissatisfied",
    "dismissed",
    "laid_off",
    "temporary_job_ended",
    "health",
    "other",
)


@dataclass(frozen=True, slots=True)
class JobRecord(StoredRecord):
    """One job a participant holds or held; ``end_date`` None while it lasts."""

    participant_id: str
    employer_id: str
    start_date: dt.date
    opening_id: str | None = None
    lead_id: str | None = None
    title: str = ""
    occupation_uri: str = ""
    occupation_label: str = ""
    isco_group: str = ""
    first_paid_hours_at: dt.date | None = None
    hours_week: float | None = None
    wage_hourly: float | None = None
    currency: str | None = None
    contract_type: str = ""
    set_aside: bool = False
    subsidy_type: str = "none"
    found_via: str | None = None
    end_date: dt.date | None = None
    end_learned_at: dt.date | None = None
    end_reason: str | None = None

    @property
    def is_current(self) -> bool:
        """True while the job has no end date."""
        return self.end_date is None


class JobStore(EpisodeStore[JobRecord]):
    """Job episodes in ``caseload_jobs``."""

    table = "caseload_jobs"
    entity = "job"
    record = JobRecord
    order = "start_date"
    defaults: ClassVar[Mapping[str, Any]] = {
        "title": "",
        "occupation_uri": "",
        "occupation_label": "",
        "isco_group": "",
        "contract_type": "",
        "set_aside": False,
        "subsidy_type": "none",
    }
    required = frozenset({"employer_id", "start_date", "set_aside", "subsidy_type"})
    #: A job's lead is fixed: marking it hired happened when the job was recorded.
    fixed = frozenset({"participant_id", "lead_id"})

    def check(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """Job rules: known choices, days in order, positive hours and wage, a 3-letter currency."""
        return check_job(row)


def check_job(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with days parsed and text trimmed; InvalidError naming the first bad field."""
    row = dict(values)
    for name in ("start_date", "first_paid_hours_at", "end_date", "end_learned_at"):
        row[name] = day(name, row.get(name))
    for name in ("title", "occupation_uri", "occupation_label", "isco_group"):
        row[name] = str(row.get(name) or "").strip()
    if row["isco_group"] and not (row["isco_group"].isdigit() and len(row["isco_group"]) <= 4):
        raise InvalidError("isco_group", "must be an ISCO-08 code of 1 to 4 digits")
    if row.get("contract_type"):
        check_choice("contract_type", row["contract_type"], JOB_CONTRACT_TYPES)
    check_choice("subsidy_type", row.get("subsidy_type"), SUBSIDY_TYPES)
    check_choice("found_via", row.get("found_via"), FOUND_VIA)
    check_choice("end_reason", row.get("end_reason"), END_REASONS)
    not_before(row, "first_paid_hours_at", "start_date")
    not_before(row, "end_date", "start_date")
    # end_learned_at may precede end_date: a notice period is learned before the last day.
    if row.get("end_learned_at") is not None and row.get("end_date") is None:
        raise InvalidError("end_learned_at", "needs end_date (the day the job ended)")
    if row.get("end_reason") is not None and row.get("end_date") is None:
        raise InvalidError("end_reason", "needs end_date")
    for name, top in (("hours_week", 80.0), ("wage_hourly", 10_000.0)):
        value = row.get(name)
        if value is not None and not 0 < float(value) <= top:
            raise InvalidError(name, f"must be above 0 and at most {top:g}")
    currency = row.get("currency")
    if currency is not None:
        if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
            raise InvalidError("currency", "must be a 3-letter ISO 4217 code, e.g. GBP")
        row["currency"] = currency.upper()
    row["set_aside"] = bool(row.get("set_aside"))
    return row
