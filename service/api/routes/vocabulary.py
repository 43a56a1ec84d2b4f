"""The programme vocabulary: aliases a team maintains for its own titles and skills."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Depends

from service.access.auth import caseload_units
from service.access.errors import ForbiddenError
from service.access.users import User
from service.api.pagination import Limit, after_id, id_page
from service.api.schemas.problems import error_responses
from service.api.schemas.vocabulary import AliasIn, AliasOut, AliasPage, AliasPatch, GapOut, GapsOut, KindIn
from service.deps import DbDep, EngineDep, OpeningsDep, ParticipantsDep, UserDep
from service.usecases import vocabulary
from service.usecases.vocabulary_gaps import vocabulary_gaps
from vocabulary import AliasStore, AliasValues

router = APIRouter(prefix="/vocabulary", tags=["vocabulary"], responses=error_responses())
#: Who may change the vocabulary; everyone signed in reads it.
WRITERS = ("job_developer", "supervisor", "admin")


def get_alias_store(db: DbDep) -> AliasStore:
    """The alias store on the calling thread's cursor, with the writer lock."""
    return AliasStore(db.handle(), db.write_lock)


AliasesDep = Annotated[AliasStore, Depends(get_alias_store)]


def _writer(user: User) -> str:
    if user.role not in WRITERS:
        raise ForbiddenError("only job developers, supervisors and admins change the vocabulary")
    return user.username


@router.post("", status_code=201, response_model=AliasOut)
def create_alias(body: AliasIn, user: UserDep, store: AliasesDep, engine: EngineDep) -> AliasOut:
    """Add an alias; titles and skills saved from now on link through it before the linker."""
    values = cast(AliasValues, body.store_values())
    return AliasOut.from_fields(
        vocabulary.add_alias(
            catalog=engine.catalog, engine=engine, store=store, values=values, actor=_writer(user)
        )
    )


@router.get("", response_model=AliasPage)
def list_aliases(
    user: UserDep,
    store: AliasesDep,
    kind: KindIn | None = None,
    language: str | None = None,
    limit: Limit = 50,
    after: UUID | None = None,
) -> AliasPage:
    """Aliases ordered by id, optionally of one kind and language; cursor pagination."""
    records = store.list(kind=kind, language=language, limit=limit, after=after_id(after))
    return id_page(AliasPage, records, limit, AliasOut.from_fields)


@router.get("/gaps", response_model=GapsOut)
def list_gaps(
    user: UserDep, openings: OpeningsDep, participants: ParticipantsDep, limit: Limit = 100
) -> GapsOut:
    """Titles and skills in use that did not link to ESCO, most used first: aliases to add.

    Participants' words are counted only over the units the caller may see.
    """
    gaps = vocabulary_gaps(
        openings=openings, participants=participants, unit_ids=caseload_units(user), limit=limit
    )
    return GapsOut(items=[GapOut.from_fields(g) for g in gaps])


@router.get("/{alias_id}", response_model=AliasOut)
def get_alias(alias_id: UUID, user: UserDep, store: AliasesDep) -> AliasOut:
    """Read one alias."""
    return AliasOut.from_fields(store.get(record_id=str(alias_id)))


@router.patch("/{alias_id}", response_model=AliasOut)
def update_alias(
    alias_id: UUID, body: AliasPatch, user: UserDep, store: AliasesDep, engine: EngineDep
) -> AliasOut:
    """Change an alias (the old values stay in the change log)."""
    values = cast(AliasValues, body.model_dump(exclude_unset=True))
    rec = vocabulary.change_alias(
        catalog=engine.catalog,
        engine=engine,
        store=store,
        alias_id=str(alias_id),
        values=values,
        actor=_writer(user),
    )
    return AliasOut.from_fields(rec)


@router.delete("/{alias_id}", response_model=AliasOut)
def delete_alias(alias_id: UUID, user: UserDep, store: AliasesDep, engine: EngineDep) -> AliasOut:
    """Remove an alias (soft delete; restorable). Already linked records keep their link."""
    rec = vocabulary.remove_alias(engine=engine, store=store, alias_id=str(alias_id), actor=_writer(user))
    return AliasOut.from_fields(rec)


@router.post("/{alias_id}/restore", response_model=AliasOut)
def restore_alias(alias_id: UUID, user: UserDep, store: AliasesDep, engine: EngineDep) -> AliasOut:
    """Bring back a removed alias."""
    rec = vocabulary.restore_alias(engine=engine, store=store, alias_id=str(alias_id), actor=_writer(user))
    return AliasOut.from_fields(rec)
