"""Job episodes: the job-start request, the change request, and the job with its derived flag."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from service.api.schemas.common import Items, ParticipantRecordOut, Strict, strict_with_examples
from service.usecases.jobs import JobView

JobContractIn = Literal[
    "permanent",
    "fixed_term",
    "temporary",
    "seasonal",
    "apprenticeship",
    "temp_agency",
    "transitional",
    "sheltered",
]
JobSubsidyIn = Literal["none", "wage_subsidy", "flexjob", "job_trial", "apprenticeship_aid", "other"]
FoundViaIn = Literal["es_job_development", "participant", "network", "advert"]
EndReasonIn = Literal[
    "quit_better_job", "quit_dissatisfied", "dismissed", "laid_off", "temporary_job_ended", "health", "other"
]
Isco = Field(None, pattern=r"^\d{1,4}$", description="ISCO-08 group; linked from the occupation when omitted")
Currency = Field(None, pattern=r"^[A-Za-z]{3}$", description="ISO 4217, e.g. GBP")


class JobFields(Strict):
    """What both the start and the change requests may set (``competitive`` is never typed in)."""

    opening_id: UUID | None = None
    title: str | None = Field(None, max_length=300)
    occupation_uri: str | None = Field(None, max_length=300, description="ESCO occupation URI")
    occupation_label: str | None = Field(None, max_length=300)
    isco_group: str | None = Isco
    first_paid_hours_at: date | None = Field(None, description="Day the job-start paid hours were reached")
    hours_week: float | None = Field(None, gt=0, le=80)
    wage_hourly: float | None = Field(None, gt=0, le=10_000, description="Gross, per hour, in currency")
    currency: str | None = Currency
    contract_type: JobContractIn | None = None
    set_aside: bool | None = Field(None, description="Reserved for people with disabilities")
    subsidy_type: JobSubsidyIn | None = None
    found_via: FoundViaIn | None = None
    end_date: date | None = None
    end_learned_at: date | None = Field(None, description="Day the specialist learned the job ended")
    end_reason: EndReasonIn | None = None


class JobIn(JobFields):
    """A job start. From a lead, give ``lead_id``: the employer and opening come from it."""

    model_config = strict_with_examples(
        {
            "employer_id": "5f0c6a3e-8a53-4c1e-9d1b-2f4d2f1e6a10",
            "start_date": "2026-03-02",
            "title": "Kitchen assistant",
            "hours_week": 20,
            "wage_hourly": 12.5,
            "currency": "GBP",
            "contract_type": "permanent",
        }
    )

    employer_id: UUID | None = Field(None, description="CRM employer; required unless lead_id is given")
    start_date: date
    lead_id: UUID | None = None


class JobPatch(JobFields):
    """Change fields of a job, e.g. record its end (``end_date``, ``end_learned_at``, ``end_reason``)."""

    model_config = strict_with_examples(
        {"end_date": "2026-06-30", "end_learned_at": "2026-07-01", "end_reason": "temporary_job_ended"}
    )

    employer_id: UUID | None = None
    start_date: date | None = None


class JobOut(ParticipantRecordOut):
    """A job as stored, with ``competitive`` derived from the programme's rules."""

    employer_id: str
    opening_id: str | None
    lead_id: str | None
    title: str
    occupation_uri: str
    occupation_label: str
    isco_group: str
    start_date: date
    first_paid_hours_at: date | None
    hours_week: float | None
    wage_hourly: float | None
    currency: str | None
    contract_type: str
    set_aside: bool
    subsidy_type: str
    found_via: str | None
    end_date: date | None
    end_learned_at: date | None
    end_reason: str | None
    competitive: bool | None = Field(description="Derived; null when the rules cannot tell (see reasons)")
    competitive_reasons: list[str] = Field(description="Why not competitive (empty when it is)")
    effects: list[str] = Field(description="What recording the start changed (status, lead, stage)")
    created_at: datetime | None
    updated_at: datetime | None
    updated_by: str

    @classmethod
    def from_view(cls, view: JobView) -> JobOut:
        """A job and its derived flag for the API."""
        return cls.from_fields(
            view.job,
            competitive=view.competitive,
            competitive_reasons=list(view.competitive_reasons),
            effects=list(view.effects),
        )


class JobList(Items[JobOut]):
    """A participant's jobs by start day."""
