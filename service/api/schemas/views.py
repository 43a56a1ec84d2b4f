"""Response models of the CRM views: timeline, dormant list, a specialist's week, duplicates, merges."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from service.api.schemas.core import EmployerOut, Page, Strict
from service.api.schemas.crm import ContactOut, TaskOut


class TimelineItemOut(BaseModel):
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


class TimelinePage(BaseModel):
    """Newest first; pass ``next_cursor`` as ``after`` for older events."""

    items: list[TimelineItemOut]
    next_cursor: str | None


class DormantOut(BaseModel):
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


class WeekOut(BaseModel):
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


class DuplicatePairOut(BaseModel):
    """Two live employers that are likely the same, with the score and the reasons."""

    a_id: str
    a_name: str
    b_id: str
    b_name: str
    score: float
    reasons: list[str]


class DuplicateQueue(Page):
    """The review queue, best first (pairs marked "not a duplicate" never come back)."""

    items: list[DuplicatePairOut]


class NotDuplicateIn(Strict):
    """Remember that two employers are different."""

    a_id: UUID
    b_id: UUID


class MergeIn(Strict):
    """Merge ``loser_id`` into ``survivor_id``, choosing per field whose value to keep."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "survivor_id": "00000000-0000-4000-8000-000000000001",
                    "loser_id": "00000000-0000-4000-8000-000000000002",
                    "choices": {"phone": "loser", "needs_learned": "survivor"},
                }
            ]
        },
    )

    survivor_id: UUID
    loser_id: UUID
    choices: dict[str, Literal["survivor", "loser"]] = Field(
        default_factory=dict,
        description="field -> side; default: the survivor's value unless empty, do_not_contact if either",
    )


class FieldChangeOut(BaseModel):
    """A survivor field's value before and after the merge."""

    before: object
    after: object


class MergeOut(BaseModel):
    """A merge: what moved (table -> ids) and how the survivor changed."""

    id: str
    survivor_id: str
    loser_id: str
    merged_at: datetime
    merged_by: str
    moved: dict[str, list[str]]
    changed: dict[str, FieldChangeOut]
    undone_at: datetime | None
    undone_by: str | None
    survivor: EmployerOut | None = None
