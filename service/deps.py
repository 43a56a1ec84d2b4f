"""Dependencies as `Annotated` aliases: routes declare ``db: DbDep``, never ``Depends(...)`` inline."""

from __future__ import annotations

from typing import Annotated

from fastapi import Cookie, Depends, Header, Request

from employers import (
    ActivityStore,
    ContactStore,
    DuplicateStore,
    EmployerStore,
    MergeStore,
    NoteStore,
    OpeningStore,
    PeopleStore,
    TaskStore,
    TimelineStore,
)
from participants import LeadStore, ParticipantStore
from service.access.auth import SESSION_COOKIE, UI_HEADER, check_same_origin, resolve_user
from service.access.users import User
from service.config import Settings
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings


def get_db(request: Request) -> Database:
    """The app's database."""
    return request.app.state.db


def get_engine(request: Request) -> LeadEngine:
    """The app's lead engine."""
    return request.app.state.engine


SettingsDep = Annotated[Settings, Depends(get_settings)]
DbDep = Annotated[Database, Depends(get_db)]
EngineDep = Annotated[LeadEngine, Depends(get_engine)]


def get_user(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
    session: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None,
) -> User:
    """The authenticated caller; cookie-authenticated writes must come from our own pages."""
    user = resolve_user(db, settings, authorization, session)
    if not authorization and session:
        form = request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
        check_same_origin(
            request.method,
            request.headers.get("host"),
            request.headers.get("origin"),
            request.headers.get(UI_HEADER),
            form,
        )
    return user


def get_employer_store(db: DbDep) -> EmployerStore:
    """Employer store (each call runs on the calling thread's cursor)."""
    return EmployerStore(db.handle(), db.write_lock)


def get_opening_store(db: DbDep) -> OpeningStore:
    """Opening store (runs on the calling thread's cursor)."""
    return OpeningStore(db.handle(), db.write_lock)


def get_people_store(db: DbDep) -> PeopleStore:
    """People store (runs on the calling thread's cursor)."""
    return PeopleStore(db.handle(), db.write_lock)


def get_contact_store(db: DbDep) -> ContactStore:
    """Contact store (runs on the calling thread's cursor)."""
    return ContactStore(db.handle(), db.write_lock)


def get_task_store(db: DbDep) -> TaskStore:
    """Task store (runs on the calling thread's cursor)."""
    return TaskStore(db.handle(), db.write_lock)


def get_note_store(db: DbDep) -> NoteStore:
    """Note store (runs on the calling thread's cursor)."""
    return NoteStore(db.handle(), db.write_lock)


def get_duplicate_store(db: DbDep) -> DuplicateStore:
    """Duplicate queue (runs on the calling thread's cursor)."""
    return DuplicateStore(db.handle(), db.write_lock)


def get_merge_store(db: DbDep) -> MergeStore:
    """Merges (runs on the calling thread's cursor)."""
    return MergeStore(db.handle(), db.write_lock)


def get_timeline_store(db: DbDep) -> TimelineStore:
    """Timeline reads (runs on the calling thread's cursor)."""
    return TimelineStore(db.handle())


def get_activity_store(db: DbDep) -> ActivityStore:
    """Dormant list and week view (runs on the calling thread's cursor)."""
    return ActivityStore(db.handle())


def get_participant_store(db: DbDep) -> ParticipantStore:
    """Participant store (runs on the calling thread's cursor)."""
    return ParticipantStore(db.handle(), db.write_lock)


def get_lead_store(db: DbDep) -> LeadStore:
    """Recorded-leads store (runs on the calling thread's cursor)."""
    return LeadStore(db.handle(), db.write_lock)


UserDep = Annotated[User, Depends(get_user)]
LeadsDep = Annotated[LeadStore, Depends(get_lead_store)]
EmployersDep = Annotated[EmployerStore, Depends(get_employer_store)]
OpeningsDep = Annotated[OpeningStore, Depends(get_opening_store)]
ParticipantsDep = Annotated[ParticipantStore, Depends(get_participant_store)]
PeopleDep = Annotated[PeopleStore, Depends(get_people_store)]
ContactsDep = Annotated[ContactStore, Depends(get_contact_store)]
TasksDep = Annotated[TaskStore, Depends(get_task_store)]
NotesDep = Annotated[NoteStore, Depends(get_note_store)]
DuplicatesDep = Annotated[DuplicateStore, Depends(get_duplicate_store)]
MergesDep = Annotated[MergeStore, Depends(get_merge_store)]
TimelineDep = Annotated[TimelineStore, Depends(get_timeline_store)]
ActivityDep = Annotated[ActivityStore, Depends(get_activity_store)]
