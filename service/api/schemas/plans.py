"""Plans: job search, disclosure and benefits plans (a save is a new version) and discussions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import Field

from matching.types import DisclosureLevel
from participants import BenefitStatus, Discussion
from participants.plan_body import Owner, Period, TargetKind, Topic, When, WhoDiscloses
from service.api.schemas.common import (
    Day,
    Hours,
    Items,
    ParticipantRecordOut,
    SafeText,
    Strict,
    strict_with_examples,
)
from service.api.schemas.versions import VersionOut

Confirm = Field(False, description="Save approved statements despite screening warnings")


class TargetIn(Strict):
    """A target of the job search: an occupation, a sector or a named employer."""

    kind: TargetKind
    label: SafeText = Field("", max_length=300)
    uri: SafeText = Field("", max_length=300)
    code: SafeText = Field("", max_length=20, description="NACE code for a sector target")
    employer_id: UUID | None = None


class ActionIn(Strict):
    """A step of the plan: what, who does it, by when."""

    what: SafeText = Field(min_length=1, max_length=500)
    owner: Owner = "specialist"
    due: Day | None = None
    done_at: Day | None = None


class JobSearchPlanIn(Strict):
    """The job search plan (targets are marked when they come from the person's preferences)."""

    model_config = strict_with_examples(
        {
            "targets": [{"kind": "occupation", "label": "Gardener"}, {"kind": "sector", "code": "A01"}],
            "actions": [{"what": "Visit the garden centre together", "owner": "both", "due": "2026-02-01"}],
            "reviewed_at": "2026-01-20",
        }
    )

    targets: list[TargetIn] = Field(default_factory=list, max_length=30)
    actions: list[ActionIn] = Field(default_factory=list, max_length=50)
    reviewed_at: Day | None = None
    next_review_at: Day | None = None


class OverrideIn(Strict):
    """May the specialist contact this employer about the person (overriding the plan's rule)?"""

    employer_id: UUID
    may_contact: bool


class DisclosurePlanIn(Strict):
    """The disclosure plan: the person's choice, the default the most private."""

    model_config = strict_with_examples(
        {
            "level": "partial",
            "es_may_contact_employers": True,
            "who_discloses": "joint",
            "when": ["interview"],
            "approved_statements": ["Works best with written instructions"],
        }
    )

    level: DisclosureLevel = "none"
    es_may_contact_employers: bool = False
    who_discloses: WhoDiscloses | None = None
    when: list[When] = Field(default_factory=list)
    approved_statements: list[SafeText] = Field(default_factory=list, max_length=10)
    employer_overrides: list[OverrideIn] = Field(default_factory=list, max_length=100)
    next_review_at: Day | None = None
    confirm_warnings: bool = Confirm


class BenefitsPlanIn(Strict):
    """The benefits plan. ``status`` is kept for counselling and never used for ranking."""

    model_config = strict_with_examples(
        {
            "status": "sickness",
            "hours_threshold": 16,
            "earnings_threshold": 195.5,
            "earnings_period": "week",
            "offered_at": "2026-01-05",
            "completed_at": "2026-01-19",
            "planner": "welfare rights adviser",
            "planner_trained": True,
        }
    )

    status: BenefitStatus = "none"
    hours_threshold: float | None = Hours
    earnings_threshold: float | None = Field(None, ge=0, description="Local currency per earnings_period")
    earnings_period: Period | None = None
    offered_at: Day | None = None
    completed_at: Day | None = None
    planner: SafeText = Field("", max_length=200)
    planner_trained: bool = False
    better_off_calc_at: Day | None = None
    notes: SafeText = Field("", max_length=2000)


class PlanVersionOut(VersionOut):
    """One saved version of a plan, with the warnings the save confirmed."""

    body_field = "plan"

    kind: str
    plan: dict[str, Any]


class PlanVersions(Items[PlanVersionOut]):
    """Every version of one plan, newest first."""


class DiscussionIn(Strict):
    """A day the disclosure plan was discussed with the person."""

    model_config = strict_with_examples({"discussed_on": "2026-01-10", "topics": ["pros_cons", "wording"]})

    discussed_on: Day
    topics: list[Topic] = Field(min_length=1)
    note: SafeText = Field("", max_length=2000)


class DiscussionOut(ParticipantRecordOut):
    """A recorded disclosure discussion."""

    discussed_on: date
    topics: list[str]
    note: str
    recorded_at: datetime
    recorded_by: str

    @classmethod
    def from_record(cls, d: Discussion) -> DiscussionOut:
        """A discussion for the API."""
        return cls.from_fields(d, topics=list(d.topics))


class Discussions(Items[DiscussionOut]):
    """Disclosure discussions, newest first."""
