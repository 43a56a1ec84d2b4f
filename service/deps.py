"""Dependencies as `Annotated` aliases: routes declare ``db: DbDep``, never ``Depends(...)`` inline."""

from __future__ import annotations

from typing import Annotated

from fastapi import Cookie, Depends, Header, Request

from employers import EmployerStore, OpeningStore
from participants import LeadStore, ParticipantStore
from service.auth import SESSION_COOKIE, UI_HEADER, check_same_origin, resolve_user
from service.config import Settings
from service.db import Database
from service.engine import LeadEngine
from service.users import User


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
    """Employer store on this thread's cursor."""
    return EmployerStore(db.cursor(), db.write_lock)


def get_opening_store(db: DbDep) -> OpeningStore:
    """Opening store on this thread's cursor."""
    return OpeningStore(db.cursor(), db.write_lock)


def get_participant_store(db: DbDep) -> ParticipantStore:
    """Participant store on this thread's cursor."""
    return ParticipantStore(db.cursor(), db.write_lock)


def get_lead_store(db: DbDep) -> LeadStore:
    """Recorded-leads store on this thread's cursor."""
    return LeadStore(db.cursor(), db.write_lock)


UserDep = Annotated[User, Depends(get_user)]
LeadsDep = Annotated[LeadStore, Depends(get_lead_store)]
EmployersDep = Annotated[EmployerStore, Depends(get_employer_store)]
OpeningsDep = Annotated[OpeningStore, Depends(get_opening_store)]
ParticipantsDep = Annotated[ParticipantStore, Depends(get_participant_store)]
