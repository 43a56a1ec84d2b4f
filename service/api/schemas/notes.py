"""Notes about employers (and optionally one of their people or openings)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from service.api.schemas.common import Out, Page, SafeText, Strict


class NoteIn(Strict):
    """A note about an employer (and optionally one of its people or openings)."""

    employer_id: UUID
    body: SafeText = Field(min_length=1, max_length=20000)
    person_id: UUID | None = None
    opening_id: UUID | None = None


class NotePatch(Strict):
    """New text for a note."""

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
