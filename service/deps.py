"""Dependencies as `Annotated` aliases: routes declare ``db: DbDep``, never ``Depends(...)`` inline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

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
from service.access.auth import api_user, check_same_origin
from service.access.users import User
from service.config import Settings
from service.runtime.database import Database
from service.usecases.employers import indexed_employers
from service.usecases.indexed import Indexed
from service.usecases.lead_engine import LeadEngine
from service.usecases.openings import indexed_openings
from service.usecases.programme_rules import Programme, programme
from storekit.records import StoredRecord


def app_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings


def app_database(request: Request) -> Database:
    """The app's database."""
    return request.app.state.db


def app_engine(request: Request) -> LeadEngine:
    """The app's lead engine."""
    return request.app.state.engine


SettingsDep = Annotated[Settings, Depends(app_settings)]
DbDep = Annotated[Database, Depends(app_database)]
EngineDep = Annotated[LeadEngine, Depends(app_engine)]


def app_programme(settings: SettingsDep) -> Programme:
    """The programme's rules (minimum wage, subsidy policy, follow-along length) from the settings."""
    return programme(settings)


ProgrammeDep = Annotated[Programme, Depends(app_programme)]


def app_anonymous(request: Request) -> str | None:
    """The username requests without credentials act as: set by ``ipsmatch demo`` only."""
    return getattr(request.app.state, "anonymous_user", None)


#: Declares the bearer token in the OpenAPI spec (Swagger UI's "Authorize") on every route that
#: takes `UserDep`. It never refuses (``auto_error=False``): `current_user` reads the header itself,
#: so a missing or malformed one gets the same answer as before (401, or the demo's user).
BEARER = HTTPBearer(
    scheme_name="bearerToken",
    bearerFormat="ipsm_ API token",
    description="An API token: `ipsmatch token USERNAME` prints one.",
    auto_error=False,
)
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]


def current_user(request: Request, db: DbDep, _declared: BearerDep) -> User:
    """The API caller (a bearer token; the session cookie is for the pages only).

    An anonymous demo write must come from no browser page or from our own (DNS rebinding,
    cross-site form posts: `access.auth.check_same_origin`).
    """
    authorization = request.headers.get("authorization")
    user = api_user(db, authorization, app_anonymous(request))
    request.state.user_id = user.id  # for the request audit of refusals (service.api.routes.audit)
    if not authorization:
        headers = request.headers
        check_same_origin(request.method, headers.get("host"), headers.get("origin"), headers.get("referer"))
    return user


S = TypeVar("S")
R = TypeVar("R", bound=StoredRecord)


def _store(kind: Callable[..., S], *, writes: bool = True) -> Callable[[Database], S]:
    """A dependency giving ``kind`` on the calling thread's cursor (with the writer lock if it writes)."""

    def get_store(db: DbDep) -> S:
        return kind(db.handle(), db.write_lock) if writes else kind(db.handle())

    get_store.__doc__ = f"{getattr(kind, '__name__', 'A')} on the calling thread's cursor."
    return get_store


get_employer_store = _store(EmployerStore)
get_opening_store = _store(OpeningStore)
get_people_store = _store(PeopleStore)
get_contact_store = _store(ContactStore)
get_task_store = _store(TaskStore)
get_note_store = _store(NoteStore)
get_duplicate_store = _store(DuplicateStore)
get_merge_store = _store(MergeStore)
get_timeline_store = _store(TimelineStore, writes=False)
get_activity_store = _store(ActivityStore, writes=False)
get_participant_store = _store(ParticipantStore)
get_lead_store = _store(LeadStore)


UserDep = Annotated[User, Depends(current_user)]
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


def _indexed(
    kind: Callable[[S, LeadEngine], Indexed[R]], get_store: Callable[..., S]
) -> Callable[..., Indexed[R]]:
    """A dependency giving ``kind(store, engine)``: the store whose writes keep the lead index current."""

    def get_indexed(engine: EngineDep, store: S = Depends(get_store)) -> Indexed[R]:  # noqa: B008
        return kind(store, engine)

    get_indexed.__doc__ = f"{kind.__name__} over the calling thread's store."
    return get_indexed


get_indexed_employers = _indexed(indexed_employers, get_employer_store)
get_indexed_openings = _indexed(indexed_openings, get_opening_store)
