"""Request and response models of the employer CRM: updates, people, contacts, tasks, notes, views."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from service.api.schemas.core import Page, SiteIn, StageIn, Strict, SubsidyIn

ModeIn = Literal["face_to_face", "phone", "email", "video"]
ContactStatusIn = Literal["planned", "held", "cancelled"]
PurposeIn = Literal[
    "introduction",
    "learn_business",
    "follow_up",
    "candidate_introduction",
    "job_start_support",
    "retention_support",
]
Text = Field(None, max_length=4000)


class EmployerPatch(Strict):
    """Fields to change; only those sent are changed (each change is logged with old and new)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"stage": "partnered", "needs_learned": "Weekend staff, 15-20 h"}]},
    )

    name: str | None = Field(None, min_length=1, max_length=300)
    aliases: list[str] | None = Field(None, max_length=20)
    registry_number: str | None = Field(None, max_length=40)
    registry_kind: Literal["org_nr", "cvr", "siren", "companies_house", "other"] | None = None
    country: str | None = Field(None, max_length=2)
    sector_nace: str | None = Field(None, max_length=10)
    sector_label: str | None = Field(None, max_length=200)
    size_band: Literal["1-9", "10-49", "50-249", "250+"] | None = None
    stage: StageIn | None = None
    do_not_contact: bool | None = None
    website: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=40)
    needs_learned: str | None = Text
    hiring_process: str | None = Text
    hiring_occupations: list[str] | None = Field(None, max_length=20)
    owner: str | None = Field(None, max_length=100)
    external_id: str | None = Field(None, max_length=100)


class SiteCreate(SiteIn):
    """A new site of an existing employer."""


class DuplicateCandidateOut(BaseModel):
    """A live employer the new one looks like, and why."""

    id: str
    name: str
    score: float = Field(description="0-100; 100 for the same registry number")
    reasons: list[str] = Field(examples=[["same registry number", "similar name (96)"]])


class DuplicateConflictOut(BaseModel):
    """409: the employer looks like one already in the network.

    Resend with the header ``X-Skip-Duplicate-Check: true`` (or ``skip_duplicate_check: true``)
    to create it anyway.
    """

    detail: str
    candidates: list[DuplicateCandidateOut]


class OpeningPatch(Strict):
    """Fields of an opening to change. Status moves lead -> open -> filled/closed (and reopens)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"status": "filled"}]})

    title: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = Field(None, max_length=20000)
    hours_min: float | None = Field(None, ge=0, le=80)
    hours_max: float | None = Field(None, ge=0, le=80)
    contract_type: (
        Literal["permanent", "fixed_term", "temporary", "seasonal", "apprenticeship", ""] | None
    ) = None
    wage_hourly: float | None = Field(None, ge=0)
    currency: str | None = Field(None, min_length=3, max_length=3)
    subsidy_type: SubsidyIn | None = None
    application_route: Literal["self_apply", "via_specialist", "either"] | None = None
    status: Literal["lead", "open", "filled", "closed"] | None = None
    closes_at: datetime | None = None
    external_id: str | None = Field(None, max_length=100)


class PersonLinkIn(Strict):
    """A person's role at an employer, with dates."""

    employer_id: UUID
    role: str = Field("", max_length=200, examples=["Store manager"])
    active_from: date | None = None
    left_on: date | None = None


class PersonLinkPatch(Strict):
    """Change a role or dates; set ``left_on`` when the person leaves (the link stays)."""

    role: str | None = Field(None, max_length=200)
    active_from: date | None = None
    left_on: date | None = None


class PersonIn(Strict):
    """Someone at one or more employers."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "full_name": "Mette Jensen",
                    "email": "mette@hansen-son.dk",
                    "employers": [{"employer_id": "00000000-0000-4000-8000-000000000000", "role": "HR"}],
                }
            ]
        },
    )

    full_name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    title: str = Field("", max_length=200)
    notes: str = Field("", max_length=4000)
    external_id: str | None = Field(None, max_length=100)
    employers: list[PersonLinkIn] = Field(default_factory=list, max_length=20)


class PersonPatch(Strict):
    """Fields of a person to change."""

    full_name: str | None = Field(None, min_length=1, max_length=200)
    email: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=200)
    notes: str | None = Text
    external_id: str | None = Field(None, max_length=100)


class PersonLinkOut(BaseModel):
    """A person's role at one employer."""

    id: str
    employer_id: str
    role: str
    active_from: date | None
    left_on: date | None


class PersonOut(BaseModel):
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


class PersonPage(Page):
    """One page of people."""

    items: list[PersonOut]


class ContactIn(Strict):
    """A contact with an employer, held or planned.

    ``participant_id`` links the contact to a person on your unit's caseload, and is accepted
    only when that person's disclosure plan allows the specialist to contact employers.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
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
            ]
        },
    )

    employer_id: UUID
    person_id: UUID | None = None
    opening_id: UUID | None = None
    specialist: str | None = Field(None, max_length=100, description="Username; defaults to the caller")
    occurred_at: AwareDatetime = Field(description="With a time zone, e.g. 2026-11-24T10:00:00Z")
    mode: ModeIn
    status: ContactStatusIn = "held"
    purpose: PurposeIn
    learned: str = Field("", max_length=4000)
    next_step: str = Field("", max_length=500)
    next_step_due: date | None = None
    participant_id: UUID | None = None
    external_id: str | None = Field(None, max_length=100)


class ContactPatch(Strict):
    """Fields of a contact to change (e.g. a planned visit that was held)."""

    occurred_at: AwareDatetime | None = None
    mode: ModeIn | None = None
    status: ContactStatusIn | None = None
    purpose: PurposeIn | None = None
    learned: str | None = Text
    next_step: str | None = Field(None, max_length=500)
    next_step_due: date | None = None
    person_id: UUID | None = None
    opening_id: UUID | None = None


class ContactOut(BaseModel):
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


class ContactPage(Page):
    """One page of contacts."""

    items: list[ContactOut]


class TaskIn(Strict):
    """A follow-up task."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "employer_id": "00000000-0000-4000-8000-000000000000",
                    "title": "Call back",
                    "due_on": "2026-12-01",
                }
            ]
        },
    )

    employer_id: UUID
    title: str = Field(min_length=1, max_length=500)
    due_on: date | None = None
    assignee: str | None = Field(None, max_length=100, description="Username; defaults to the caller")
    person_id: UUID | None = None
    contact_id: UUID | None = None


class TaskPatch(Strict):
    """Fields of a task to change; status ``done`` stamps ``done_at``."""

    title: str | None = Field(None, min_length=1, max_length=500)
    due_on: date | None = None
    assignee: str | None = Field(None, min_length=1, max_length=100)
    status: Literal["open", "done", "cancelled"] | None = None


class TaskOut(BaseModel):
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


class TaskPage(Page):
    """One page of tasks."""

    items: list[TaskOut]


class NoteIn(Strict):
    """A note about an employer (and optionally one of its people or openings)."""

    employer_id: UUID
    body: str = Field(min_length=1, max_length=20000)
    person_id: UUID | None = None
    opening_id: UUID | None = None


class NotePatch(Strict):
    """New text for a note."""

    body: str = Field(min_length=1, max_length=20000)


class NoteOut(BaseModel):
    """A note."""

    id: str
    employer_id: str
    person_id: str | None
    opening_id: str | None
    body: str
    created_at: datetime | None
    created_by: str


class NotePage(Page):
    """One page of notes."""

    items: list[NoteOut]
