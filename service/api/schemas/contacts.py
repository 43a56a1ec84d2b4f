"""The employer contact log: held or planned contacts, optionally naming a participant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

from pydantic import Field

from employers import ContactMode, ContactPurpose, ContactRecord, ContactStatus
from service.api.schemas.common import (
    AwareMoment,
    Day,
    Out,
    Page,
    SafeText,
    Strict,
    Text,
    participant_view,
    strict_with_examples,
)

#: The store's allowed values, so the API can never accept what the store refuses (or refuse more).
ModeIn = ContactMode
ContactStatusIn = ContactStatus
PurposeIn = ContactPurpose


class ContactIn(Strict):
    """A contact with an employer, held or planned.

    ``participant_id`` links the contact to a person on your unit's caseload, and is accepted
    only when that person's disclosure plan allows the specialist to contact employers.
    """

    model_config = strict_with_examples(
        {
            "employer_id": "00000000-0000-4000-8000-000000000000",
            "occurred_at": "2026-11-24T10:00:00Z",
            "mode": "face_to_face",
            "status": "held",
            "purpose": "learn_business",
            "learned": "They hire for the spring season in February.",
            "next_step": "Bring a candidate profile",
            "next_step_due": "2026-12-01",
        }
    )

    employer_id: UUID
    person_id: UUID | None = None
    opening_id: UUID | None = None
    specialist: SafeText | None = Field(None, max_length=100, description="Username; defaults to the caller")
    occurred_at: AwareMoment = Field(description="With a time zone, e.g. 2026-11-24T10:00:00Z")
    mode: ModeIn
    status: ContactStatusIn = "held"
    purpose: PurposeIn
    learned: SafeText = Field("", max_length=4000)
    next_step: SafeText = Field("", max_length=500)
    next_step_due: Day | None = None
    participant_id: UUID | None = None
    external_id: SafeText | None = Field(None, max_length=100)


class ContactPatch(Strict):
    """Fields of a contact to change (e.g. a planned visit that was held)."""

    model_config = strict_with_examples(
        {
            "status": "held",
            "learned": "Two warehouse shifts open from April",
            "next_step": "Send CVs",
            "next_step_due": "2026-03-20",
        }
    )

    occurred_at: AwareMoment | None = None
    mode: ModeIn | None = None
    status: ContactStatusIn | None = None
    purpose: PurposeIn | None = None
    learned: SafeText | None = Text
    next_step: SafeText | None = Field(None, max_length=500)
    next_step_due: Day | None = None
    person_id: UUID | None = None
    opening_id: UUID | None = None


class ContactOut(Out):
    """A contact.

    ``participant_id`` is null (and ``participant_hidden`` true) for readers outside the
    participant's unit.
    """

    id: str
    employer_id: str
    person_id: str | None
    opening_id: str | None
    specialist: str
    occurred_at: datetime
    mode: str
    status: str
    purpose: str
    learned: str
    next_step: str
    next_step_due: date | None
    participant_id: str | None
    participant_hidden: bool = False
    external_id: str | None
    created_at: datetime | None

    @classmethod
    def from_record(cls, rec: ContactRecord, units: Sequence[str]) -> ContactOut:
        """A contact as a reader in ``units`` may see it (a participant link hidden otherwise)."""
        return cls.from_fields(rec, **participant_view(rec.participant_id, rec.participant_unit, units))


class ContactPage(Page[ContactOut]):
    """One page of contacts."""
