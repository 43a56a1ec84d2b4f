"""What callers pass to the CRM stores' create and update methods, as typed dicts.

Every key is optional in the type (``total=False``): a create leaves out what takes its default,
an update names only what changes. The stores check what is required and refuse unknown keys at
run time (InvalidError naming the field). Ids may be given as ``str`` or ``uuid.UUID``; dates and
times are timezone-aware UTC.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import TypedDict

#: An id as callers hold it; the stores store its canonical string.
Id = str | uuid.UUID


class SiteValues(TypedDict, total=False):
    """A site of an employer (``employer_id`` is set by the store from the employer)."""

    id: Id
    employer_id: Id
    name: str
    address: str
    postcode: str
    city: str
    country: str | None
    lat: float | None
    lon: float | None


class EmployerValues(TypedDict, total=False):
    """An employer; ``name`` is required at creation. ``sites`` only at creation."""

    id: Id
    name: str
    aliases: Sequence[str]
    registry_number: str | None
    registry_kind: str | None
    country: str | None
    sector_nace: str | None
    sector_label: str | None
    size_band: str | None
    stage: str
    do_not_contact: bool
    website: str | None
    phone: str | None
    needs_learned: str | None
    hiring_process: str | None
    hiring_occupations: Sequence[str]
    owner: str | None
    external_id: str | None
    feed_source: str | None
    sites: Sequence[SiteValues]


class EmployerFilters(TypedDict, total=False):
    """Equality filters of `EmployerStore.list` and ``search`` (None: no filter on that column)."""

    stage: str | None
    sector: str | None
    owner: str | None
    do_not_contact: bool | None


class OpeningValues(TypedDict, total=False):
    """A vacancy; ``employer_id`` and ``title`` are required at creation. Hours are per week."""

    id: Id
    employer_id: Id
    title: str
    site_id: Id | None
    description: str
    language: str
    occupation_uri: str
    occupation_label: str
    isco_group: str
    hours_min: float | None
    hours_max: float | None
    contract_type: str
    wage_hourly: float | None
    currency: str | None
    required_licences: Sequence[str]
    essential_skills: Sequence[str]
    application_route: str
    status: str
    posted_at: datetime | None
    closes_at: datetime | None
    city: str
    lat: float | None
    lon: float | None
    subsidy_type: str | None
    external_id: str | None
    remote: bool
    feed_source: str | None
    feed_ad_id: str | None
    feed_url: str | None
    feed_apply: str | None
    feed_occupation: str | None
    feed_updated_at: datetime | None


class PersonLinkValues(TypedDict, total=False):
    """A person's role at an employer; ``employer_id`` is required."""

    id: Id
    employer_id: Id
    person_id: Id
    role: str
    active_from: date | None
    left_on: date | None


class PersonValues(TypedDict, total=False):
    """Someone at an employer; ``full_name`` is required. ``employers`` only at creation."""

    id: Id
    full_name: str
    email: str | None
    phone: str | None
    title: str
    notes: str
    external_id: str | None
    employers: Sequence[PersonLinkValues]


class ContactValues(TypedDict, total=False):
    """A held or planned employer contact (``participant_*`` set only by the service)."""

    id: Id
    employer_id: Id
    specialist: str
    occurred_at: datetime
    mode: str
    status: str
    purpose: str
    person_id: Id | None
    opening_id: Id | None
    learned: str
    next_step: str
    next_step_due: date | None
    participant_id: Id | None
    participant_unit: str | None
    external_id: str | None


class TaskValues(TypedDict, total=False):
    """A follow-up; ``done_at`` is the store's (only a loader of existing data may set it)."""

    id: Id
    employer_id: Id
    title: str
    assignee: str
    due_on: date | None
    status: str
    person_id: Id | None
    contact_id: Id | None
    done_at: datetime | None


class NoteValues(TypedDict, total=False):
    """Free text about an employer, optionally one of its people or openings."""

    id: Id
    employer_id: Id
    body: str
    person_id: Id | None
    opening_id: Id | None
