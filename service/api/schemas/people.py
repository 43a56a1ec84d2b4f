"""People at employers and their links (role, active/left dates)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import Field

from employers import PersonRecord
from service.api.schemas.common import Day, Out, Page, SafeText, Strict, Text, strict_with_examples


class PersonLinkIn(Strict):
    """A person's role at an employer, with dates."""

    employer_id: UUID
    role: SafeText = Field("", max_length=200, examples=["Store manager"])
    active_from: Day | None = None
    left_on: Day | None = None


class PersonLinkPatch(Strict):
    """Change a role or dates; set ``left_on`` when the person leaves (the link stays)."""

    model_config = strict_with_examples({"left_on": "2026-02-28"})

    role: SafeText | None = Field(None, max_length=200)
    active_from: Day | None = None
    left_on: Day | None = None


class PersonIn(Strict):
    """Someone at one or more employers."""

    model_config = strict_with_examples(
        {
            "full_name": "Mette Jensen",
            "email": "mette@hansen-son.dk",
            "employers": [{"employer_id": "00000000-0000-4000-8000-000000000000", "role": "HR"}],
        }
    )

    full_name: SafeText = Field(min_length=1, max_length=200)
    email: SafeText | None = Field(None, max_length=200)
    phone: SafeText | None = Field(None, max_length=40)
    title: SafeText = Field("", max_length=200)
    notes: SafeText = Field("", max_length=4000)
    external_id: SafeText | None = Field(None, max_length=100)
    employers: list[PersonLinkIn] = Field(default_factory=list, max_length=20)


class PersonPatch(Strict):
    """Fields of a person to change."""

    model_config = strict_with_examples({"title": "Store manager", "phone": "+46 8 123 45 67"})

    full_name: SafeText | None = Field(None, min_length=1, max_length=200)
    email: SafeText | None = Field(None, max_length=200)
    phone: SafeText | None = Field(None, max_length=40)
    title: SafeText | None = Field(None, max_length=200)
    notes: SafeText | None = Text
    external_id: SafeText | None = Field(None, max_length=100)


class PersonLinkOut(Out):
    """A person's role at one employer."""

    id: str
    employer_id: str
    role: str
    active_from: date | None
    left_on: date | None


class PersonOut(Out):
    """A person with every employer they are (or were) linked to."""

    id: str
    full_name: str
    email: str | None
    phone: str | None
    title: str
    notes: str
    external_id: str | None
    employers: list[PersonLinkOut]
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def from_record(cls, rec: PersonRecord) -> PersonOut:
        """A person with their employer links."""
        return cls.from_fields(rec, employers=[PersonLinkOut.from_fields(link) for link in rec.employers])


class PersonPage(Page[PersonOut]):
    """One page of people."""
