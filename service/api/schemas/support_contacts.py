"""Support contacts with a participant, and the follow-along contacts their jobs call for."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import Field

from service.api.schemas.common import Items, Out, ParticipantRecordOut, Strict, strict_with_examples
from service.usecases.follow_along import DueContact

ModeIn = Literal["face_to_face", "phone", "video", "message"]
LocationIn = Literal["", "community", "office", "workplace", "home", "remote"]
SupportTypeIn = Literal[
    "job_support", "employer_support", "job_search", "benefits", "education", "engagement", "job_end"
]
WithWhomIn = Literal["participant", "employer", "family", "team"]


def _participant_only() -> list[WithWhomIn]:
    return ["participant"]


class SupportContactIn(Strict):
    """A support contact that happened; a face-to-face one with the participant meets a due item."""

    model_config = strict_with_examples(
        {
            "contact_date": "2026-03-03",
            "mode": "face_to_face",
            "location": "workplace",
            "contact_type": "job_support",
            "with_whom": ["participant", "employer"],
        }
    )

    contact_date: date
    mode: ModeIn
    location: LocationIn = ""
    contact_type: SupportTypeIn = "job_support"
    with_whom: list[WithWhomIn] = Field(default_factory=_participant_only, min_length=1, max_length=4)
    job_id: UUID | None = Field(None, description="The participant's job this support was about")
    note: str = Field("", max_length=4000)


class SupportContactPatch(Strict):
    """Correct a logged contact."""

    contact_date: date | None = None
    mode: ModeIn | None = None
    location: LocationIn | None = None
    contact_type: SupportTypeIn | None = None
    with_whom: list[WithWhomIn] | None = Field(None, min_length=1, max_length=4)
    job_id: UUID | None = None
    note: str | None = Field(None, max_length=4000)


class SupportContactOut(ParticipantRecordOut):
    """A support contact as stored (``created_by`` is who logged it)."""

    contact_date: date
    mode: str
    location: str
    contact_type: str
    with_whom: list[str]
    job_id: str | None
    note: str
    created_at: datetime | None
    created_by: str


class SupportContactList(Items[SupportContactOut]):
    """A participant's support contacts, oldest first."""


class DueContactOut(Out):
    """A follow-along contact a job calls for, and whether a face-to-face contact met it."""

    job_id: str
    participant_id: str
    check: str = Field(examples=["before", "after", "week1", "month2", "end"])
    first: date
    last: date
    status: Literal["met", "due", "upcoming", "missed"]
    met_by_contact_id: str | None
    met_on: date | None

    @classmethod
    def from_item(cls, item: DueContact) -> DueContactOut:
        """A due item for the API."""
        met = item.met_by
        return cls.from_fields(
            item, met_by_contact_id=met.contact_id if met else None, met_on=met.day if met else None
        )


class FollowAlong(Items[DueContactOut]):
    """A participant's follow-along schedule from their jobs, by first day."""
