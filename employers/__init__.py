"""Employer CRM on DuckDB: employers, sites, people, contacts, openings, tasks, notes, dedupe, merge.

The stores take an injected DuckDB connection (or cursor); the service owns the file.
"""

from __future__ import annotations

from pathlib import Path

from employers.activity import FACE_TO_FACE_TARGET, ActivityStore, DormantEmployer, Week
from employers.contacts import ContactStore
from employers.duplicates import DuplicateDecision, DuplicatePair, DuplicateStore
from employers.errors import ConflictError, DuplicateError, EmployerError, InvalidError, NotFoundError
from employers.merge import MERGE_FIELDS, MergeRecord, MergeStore
from employers.models import EmployerRecord, OpeningRecord, SiteRecord
from employers.notes import NoteStore
from employers.openings import OpeningStore
from employers.people import PeopleStore
from employers.records import (
    CONTACT_MODES,
    CONTACT_PURPOSES,
    CONTACT_STATUSES,
    ContactMode,
    ContactPurpose,
    ContactRecord,
    ContactStatus,
    NoteRecord,
    PersonLinkRecord,
    PersonRecord,
    TaskRecord,
    TaskStatus,
)
from employers.store import EmployerStore
from employers.tasks import TaskStore
from employers.timeline import TimelineItem, TimelineStore
from employers.values import (
    ContactValues,
    EmployerValues,
    NoteValues,
    OpeningValues,
    PersonLinkValues,
    PersonValues,
    SiteValues,
    TaskValues,
)

MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = [
    "CONTACT_MODES",
    "CONTACT_PURPOSES",
    "CONTACT_STATUSES",
    "FACE_TO_FACE_TARGET",
    "MERGE_FIELDS",
    "MIGRATIONS",
    "ActivityStore",
    "ConflictError",
    "ContactMode",
    "ContactPurpose",
    "ContactRecord",
    "ContactStatus",
    "ContactStore",
    "ContactValues",
    "DormantEmployer",
    "DuplicateDecision",
    "DuplicateError",
    "DuplicatePair",
    "DuplicateStore",
    "EmployerError",
    "EmployerRecord",
    "EmployerStore",
    "EmployerValues",
    "InvalidError",
    "MergeRecord",
    "MergeStore",
    "NotFoundError",
    "NoteRecord",
    "NoteStore",
    "NoteValues",
    "OpeningRecord",
    "OpeningStore",
    "OpeningValues",
    "PeopleStore",
    "PersonLinkRecord",
    "PersonLinkValues",
    "PersonRecord",
    "PersonValues",
    "SiteRecord",
    "SiteValues",
    "TaskRecord",
    "TaskStatus",
    "TaskStore",
    "TaskValues",
    "TimelineItem",
    "TimelineStore",
    "Week",
]
