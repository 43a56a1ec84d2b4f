"""Views job developers live in: an employer's timeline, dormant employers, a specialist's week."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from employers import TimelineItem
from service.api.schemas.common import Out, participant_view
from service.api.schemas.contacts import ContactOut
from service.api.schemas.support_contacts import DueContactOut
from service.api.schemas.tasks import TaskOut
from service.usecases.activity import WeekSummary
from service.usecases.support_week import SupportItem


class TimelineItemOut(Out):
    """One event on an employer's timeline."""

    occurred_at: datetime
    kind: Literal["contact", "note", "task", "opening", "stage_change", "field_change"]
    id: str
    entity: str
    entity_id: str
    actor: str
    summary: str = Field(examples=["learn_business (face_to_face, held)", "prospect -> introduced"])
    detail: str
    participant_id: str | None = None
    participant_hidden: bool = False

    @classmethod
    def from_record(cls, item: TimelineItem, units: Sequence[str]) -> TimelineItemOut:
        """A timeline event, hiding a participant link from readers outside its unit."""
        return cls.from_fields(item, **participant_view(item.participant_id, item.participant_unit, units))


class TimelinePage(BaseModel):
    """Newest first; pass ``next_cursor`` as ``after`` for older events."""

    items: list[TimelineItemOut]
    next_cursor: str | None


class DormantOut(Out):
    """An employer not contacted (held contact) for at least the asked number of days."""

    employer_id: str
    name: str
    owner: str | None
    stage: str
    last_contact_at: datetime | None = Field(description="null: never contacted")
    days_since: int | None


class DormantPage(BaseModel):
    """Oldest contact first, never-contacted employers before all others."""

    items: list[DormantOut]
    next_cursor: str | None


class SupportDueOut(DueContactOut):
    """A due support contact in a specialist's week, with the person's name."""

    display_name: str

    @classmethod
    def from_support(cls, support: SupportItem) -> SupportDueOut:
        """A week's support item for the API."""
        base = DueContactOut.from_item(support.item)
        return cls(**base.model_dump(), display_name=support.display_name)


class WeekOut(Out):
    """A specialist's ISO week: contacts, face-to-face count against the IPS target, follow-ups."""

    specialist: str
    week: str = Field(examples=["2026-W48"])
    starts_on: date
    ends_on: date
    contacts: list[ContactOut]
    held: int
    planned: int
    face_to_face_held: int
    face_to_face_target: int
    target_met: bool
    by_mode: dict[str, int] = Field(description="Held contacts per mode")
    by_purpose: dict[str, int] = Field(description="Held contacts per purpose")
    follow_ups_due: list[TaskOut] = Field(description="Open tasks due from today to the end of the week")
    follow_ups_overdue: list[TaskOut] = Field(description="Open tasks due before today")
    support_due: list[SupportDueOut] = Field(
        default_factory=list, description="Follow-along support contacts open this week, not yet met"
    )
    support_overdue: list[SupportDueOut] = Field(
        default_factory=list, description="Support contacts whose period ended unmet in the last 28 days"
    )
    support_met: list[SupportDueOut] = Field(
        default_factory=list, description="Support contacts met by a contact logged this week"
    )

    @classmethod
    def from_summary(cls, week: WeekSummary, units: Sequence[str]) -> WeekOut:
        """A week as a reader in ``units`` may see it (participant links of others' units hidden)."""
        return cls.from_fields(
            week,
            contacts=[ContactOut.from_record(c, units) for c in week.contacts],
            follow_ups_due=[TaskOut.from_fields(t) for t in week.follow_ups_due],
            follow_ups_overdue=[TaskOut.from_fields(t) for t in week.follow_ups_overdue],
            support_due=[SupportDueOut.from_support(s) for s in week.support.due],
            support_overdue=[SupportDueOut.from_support(s) for s in week.support.overdue],
            support_met=[SupportDueOut.from_support(s) for s in week.support.met],
        )
