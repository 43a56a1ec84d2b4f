"""The overnight batch inside the serving process (which owns the DuckDB file)."""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import replace
from uuid import UUID

from fastapi import APIRouter, Request

from participants import NotFoundError
from participants.batches import BatchStore
from service.access.audit import log_access
from service.access.errors import ForbiddenError
from service.access.users import User
from service.access.visibility import batch_scope, batch_units, check_batch
from service.api.schemas.batches import BatchIn, BatchOut, BatchParticipantOut
from service.api.schemas.problems import error_responses
from service.config import Settings
from service.deps import DbDep, EngineDep, ParticipantsDep, SettingsDep, UserDep
from service.runtime.database import Database
from service.usecases.batch.options import BatchOptions
from service.usecases.batch.report import participant_effects
from service.usecases.batch.runner import run_batch
from service.usecases.errors import ConflictError

router = APIRouter(prefix="/batches", tags=["batches"], responses=error_responses())
log = logging.getLogger("ipsmatch")
_running = threading.Lock()


@router.post("", status_code=202, response_model=BatchOut)
def start_batch(
    request: Request,
    user: UserDep,
    db: DbDep,
    engine: EngineDep,
    settings: SettingsDep,
    body: BatchIn | None = None,
) -> BatchOut:
    """Start (or resume) the batch in a background thread; poll ``GET /batches/{id}``. 409 if one runs.

    A supervisor's batch ranks their own unit's participants (caps count within it); an admin's
    ranks every unit. Resuming another unit's batch answers 404, as an unknown batch would.
    """
    if user.role not in ("supervisor", "admin"):
        raise ForbiddenError("only supervisors and admins start batches")
    options, batch_id = _options(body or BatchIn(), user, db, settings)
    if not _running.acquire(blocking=False):
        raise ConflictError("a batch is already running in this server")
    started = threading.Event()

    def work() -> None:
        try:
            run_batch(db, engine, options, batch_id=batch_id, actor=user.username, progress=_Started(started))
        except Exception:
            log.exception("batch %s failed", batch_id)
        finally:
            started.set()
            _running.release()

    threading.Thread(target=work, name=f"batch-{batch_id[:8]}", daemon=True).start()
    started.wait(timeout=30)  # until the batch row exists (or the run ended)
    log_access(
        db,
        user_id=user.id,
        action="batch",
        entity="batch",
        entity_ids=[batch_id],
        detail=str(options.rules()),
    )
    return _out(BatchStore(db.cursor()), user, batch_id)


def _options(body: BatchIn, user: User, db: Database, settings: Settings) -> tuple[BatchOptions, str]:
    """The run's options and id: a new one, or a resume keeping the units the batch started with."""
    options = BatchOptions.from_settings(
        settings,
        leads=body.leads,
        max_per_opening=body.max_per_opening,
        max_per_employer=body.max_per_employer,
        units=batch_scope(user),
    )
    batch_id = str(body.batch_id or uuid.uuid4())
    if body.batch_id is not None:
        options = replace(
            options, units=_resumable_units(BatchStore(db.cursor()), user, batch_id, options.units)
        )
    return options, batch_id


@router.get("/{batch_id}", response_model=BatchOut)
def get_batch(batch_id: UUID, user: UserDep, db: DbDep) -> BatchOut:
    """A batch's status and counts (404 for another unit's batch, as for an unknown one)."""
    return _out(BatchStore(db.cursor()), user, str(batch_id))


@router.get("/{batch_id}/participants/{participant_id}", response_model=BatchParticipantOut)
def get_batch_participant(
    batch_id: UUID, participant_id: UUID, user: UserDep, db: DbDep, people: ParticipantsDep
) -> BatchParticipantOut:
    """What the caps did to one participant of your unit in this batch (404 for anyone else's)."""
    effect = participant_effects(
        db=db, people=people, user=user, batch_id=str(batch_id), participant_id=str(participant_id)
    )
    return BatchParticipantOut(**effect)


def _resumable_units(store: BatchStore, user: User, batch_id: str, units: tuple[str, ...]) -> tuple[str, ...]:
    """The units of batch ``batch_id`` if the caller may resume it (``units`` for a new id).

    Raises:
        NotFoundError: It is another unit's batch.
    """
    try:
        record = store.get(batch_id=batch_id)
    except NotFoundError:
        return units
    return tuple(batch_units(check_batch(user, record)))


def _out(store: BatchStore, user: User, batch_id: str) -> BatchOut:
    return BatchOut.from_fields(check_batch(user, store.get(batch_id=batch_id)))


class _Started:
    """Progress that tells the request thread when the batch row exists."""

    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def phase(self, name: str, total: int) -> None:
        self.event.set()

    def advance(self, done: int) -> None:
        pass
