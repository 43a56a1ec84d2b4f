"""Records of the relationship side of the CRM: people, their employer links, contacts, tasks, notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, get_args

from employers.errors import InvalidError
from employers.models import EmployerItem, choice, required_text
from storekit.records import StoredRecord

#: The allowed values as `Literal` types (the API's schemas use these) and as tuples (the checks).
ContactMode = Literal["face_to_face", "phone", "email", "video"]
CONTACT_MODES: tuple[ContactMode, ...] = get_args(ContactMode)
ContactStatus = Literal["planned", "held", "cancelled"]
CONTACT_STATUSES: tuple[ContactStatus, ...] = get_args(ContactStatus)
#: Why a specialist contacted the employer (IPS job development steps, ips-domain §3.3).
ContactPurpose = Literal[
    "introduction",
    "learn_business",
    "follow_up",
    "candidate_introduction",
    "job_start_support",
    "retention_support",
]
CONTACT_PURPOSES: tuple[ContactPurpose, ...] = get_args(ContactPurpose)
TaskStatus = Literal["open", "done", "cancelled"]
TASK_STATUSES: tuple[TaskStatus, ...] = get_args(TaskStatus)


@dataclass(frozen=True, slots=True)
class PersonLinkRecord:
    """A person's role at one employer, kept after they leave (``left_on``)."""

    id: str
    employer_id: str
    person_id: str
    role: str = ""
    active_from: date | None = None
    left_on: date | None = None


@dataclass(frozen=True, slots=True)
class PersonRecord(StoredRecord):
    """Someone who works (or worked) at one or more employers."""

    full_name: str
    email: str | None = None
    phone: str | None = None
    title: str = ""
    notes: str = ""
    external_id: str | None = None
    employers: tuple[PersonLinkRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ContactRecord(EmployerItem):
    """One logged (held) or planned employer contact.

    ``participant_id`` is set only when the service checked the person's disclosure plan;
    ``participant_unit`` is that person's unit, so readers outside it can be shown nothing.
    """

    specialist: str
    occurred_at: datetime
    mode: str
    status: str
    purpose: str
    person_id: str | None = None
    opening_id: str | None = None
    learned: str = ""
    next_step: str = ""
    next_step_due: date | None = None
    participant_id: str | None = None
    participant_unit: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class TaskRecord(EmployerItem):
    """A follow-up with a due date and an assignee (username)."""

    title: str
    assignee: str
    due_on: date | None = None
    status: str = "open"
    person_id: str | None = None
    contact_id: str | None = None
    done_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NoteRecord(EmployerItem):
    """Free text about an employer, optionally about one of its people or openings."""

    body: str
    person_id: str | None = None
    opening_id: str | None = None


def check_person(values: Mapping[str, Any]) -> None:
    """Raise InvalidError for the first field that breaks a rule."""
    required_text(values, "full_name")
    email = values.get("email")
    if email and ("@" not in email or " " in email.strip()):
        raise InvalidError("email", "is not an email address")


def check_link(values: Mapping[str, Any]) -> None:
    """A link's dates must be in order."""
    start, end = values.get("active_from"), values.get("left_on")
    if start is not None and end is not None and end < start:
        raise InvalidError("left_on", "must not be before active_from")


def check_contact(values: Mapping[str, Any], *, now: datetime) -> None:
    """Raise InvalidError for the first field that breaks a rule; ``now`` is UTC."""
    required_text(values, "specialist")
    choice(values, "mode", CONTACT_MODES)
    choice(values, "status", CONTACT_STATUSES)
    choice(values, "purpose", CONTACT_PURPOSES)
    for name in ("mode", "status", "purpose", "occurred_at"):
        if values.get(name) is None:
            raise InvalidError(name, "is required")
    moment = values["occurred_at"]
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise InvalidError("occurred_at", "must be a date and time with a time zone")
    if values["status"] == "held" and moment > now:
        raise InvalidError("occurred_at", "a held contact cannot be in the future; use status planned")
    if values.get("next_step_due") is not None and not str(values.get("next_step") or "").strip():
        raise InvalidError("next_step", "is required when next_step_due is given")


def check_task(values: Mapping[str, Any]) -> None:
    """Raise InvalidError for the first field that breaks a rule."""
    required_text(values, "title")
    required_text(values, "assignee")
    choice(values, "status", TASK_STATUSES)


def check_note(values: Mapping[str, Any]) -> None:
    """Raise InvalidError for the first field that breaks a rule."""
    required_text(values, "body")
