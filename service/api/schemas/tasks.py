"""Follow-up tasks."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import Field

from employers import TaskStatus
from service.api.schemas.common import Day, Out, Page, SafeText, Strict, strict_with_examples


class TaskIn(Strict):
    """A follow-up task."""

    model_config = strict_with_examples(
        {
            "employer_id": "00000000-0000-4000-8000-000000000000",
            "title": "Call back",
            "due_on": "2026-12-01",
        }
    )

    employer_id: UUID
    title: SafeText = Field(min_length=1, max_length=500)
    due_on: Day | None = None
    assignee: SafeText | None = Field(None, max_length=100, description="Username; defaults to the caller")
    person_id: UUID | None = None
    contact_id: UUID | None = None


class TaskPatch(Strict):
    """Fields of a task to change; status ``done`` stamps ``done_at``."""

    model_config = strict_with_examples({"status": "done"}, {"due_on": "2026-03-20", "assignee": "ann.se"})

    title: SafeText | None = Field(None, min_length=1, max_length=500)
    due_on: Day | None = None
    assignee: SafeText | None = Field(None, min_length=1, max_length=100)
    status: TaskStatus | None = None


class TaskOut(Out):
    """A follow-up task."""

    id: str
    employer_id: str
    person_id: str | None
    contact_id: str | None
    title: str
    due_on: date | None
    assignee: str
    status: str
    done_at: datetime | None
    created_at: datetime | None


class TaskPage(Page[TaskOut]):
    """One page of tasks."""
