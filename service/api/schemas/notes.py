"""Notes about employers (and optionally one of their people or openings)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from service.api.schemas.common import Out, Page, SafeText, Strict, strict_with_examples


class NoteIn(Strict):
    """A note about an employer (and optionally one of its people or openings)."""

    model_config = strict_with_examples(
        {
            "employer_id": "0190a1b2-0000-7000-8000-000000000001",
            "body": "Prefers a call before 10; hiring for the spring.",
        }
    )

    employer_id: UUID
    body: SafeText = Field(min_length=1, max_length=20000)
    person_id: UUID | None = None
    opening_id: UUID | None = None


class NotePatch(Strict):
    """New text for a note."""

    model_config = strict_with_examples(
        {"body": "Prefers a call before 10; hiring for the spring and summer."}
    )

    body: SafeText = Field(min_length=1, max_length=20000)


class NoteOut(Out):
    """A note."""

    id: str
    employer_id: str
    person_id: str | None
    opening_id: str | None
    body: str
    created_at: datetime | None
    created_by: str


class NotePage(Page[NoteOut]):
    """One page of notes."""
