"""The overnight batch inside the serving process (which owns the DuckDB file)."""

from __future__ import annotations

import logging
import threading
import uuid
from uuid import UUID

from fastapi import APIRouter, Request

from participants.batches import BatchStore
from service.access.errors import ForbiddenError
from service.api.schemas.batches import BatchIn, BatchOut, BatchParticipantOut
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EngineDep, ParticipantsDep, SettingsDep, UserDep
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
    """Start (or resume) the batch in a background thread; poll ``GET /batches/{id}``. 409 if one runs."""
    if user.role not in ("supervisor", "admin"):
        raise ForbiddenError("only supervisors and admins start batches")
    body = body or BatchIn()
    options = BatchOptions.from_settings(
        settings,
        leads=body.leads,
        max_per_opening=body.max_per_opening,
        max_per_employer=body.max_per_employer,
    )
    batch_id = str(body.batch_id or uuid.uuid4())
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
    return _out(BatchStore(db.cursor()), batch_id)


@router.get("/{batch_id}", response_model=BatchOut)
def get_batch(batch_id: UUID, user: UserDep, db: DbDep) -> BatchOut:
    """A batch's status and counts."""
    return _out(BatchStore(db.cursor()), str(batch_id))


@router.get("/{batch_id}/participants/{participant_id}", response_model=BatchParticipantOut)
def get_batch_participant(
    batch_id: UUID, participant_id: UUID, user: UserDep, db: DbDep, people: ParticipantsDep
) -> BatchParticipantOut:
    """What the caps did to one participant of your unit in this batch (404 for anyone else's)."""
    effect = participant_effects(
        db=db, people=people, user=user, batch_id=str(batch_id), participant_id=str(participant_id)
    )
    return BatchParticipantOut(**effect)


def _out(store: BatchStore, batch_id: str) -> BatchOut:
    return BatchOut.from_fields(store.get(batch_id=batch_id))


class _Started:
    """Progress that tells the request thread when the batch row exists."""

    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def phase(self, name: str, total: int) -> None:
        self.event.set()

    def advance(self, done: int) -> None:
        pass
