"""Duplicate employers: the review queue, "not a duplicate" decisions, merge and undo."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from employers import EmployerRecord, EmployerStore, NotFoundError
from service.api.mappers_crm import merge_out
from service.api.schemas import views as schemas_views
from service.deps import DuplicatesDep, EmployersDep, EngineDep, MergesDep, UserDep

router = APIRouter(prefix="/employers", tags=["duplicates"])


@router.get("/duplicates", response_model=schemas_views.DuplicateQueue)
def duplicate_queue(
    user: UserDep,
    store: DuplicatesDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[int, Query(ge=0, description="next_cursor of the previous page (a position)")] = 0,
) -> schemas_views.DuplicateQueue:
    """Likely duplicate pairs among live employers with score and reasons, best first.

    Computed from the current data on each call (blocked on registry number, domain, phone,
    cleaned-name prefix and words, so not O(n²)); pairs marked "not a duplicate" are left out.
    """
    pairs = store.list()
    page = pairs[after : after + limit]
    items = [
        schemas_views.DuplicatePairOut(
            a_id=p.a_id, a_name=p.a_name, b_id=p.b_id, b_name=p.b_name, score=p.score, reasons=list(p.reasons)
        )
        for p in page
    ]
    cursor = str(after + limit) if after + limit < len(pairs) else None
    return schemas_views.DuplicateQueue(items=items, next_cursor=cursor)


@router.post("/duplicates/scan", response_model=schemas_views.DuplicateQueue)
def scan_duplicates(
    user: UserDep, store: DuplicatesDep, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> schemas_views.DuplicateQueue:
    """Scan now (the same as ``GET /employers/duplicates``, for clients that start scans)."""
    return duplicate_queue(user, store, limit, 0)


@router.post("/duplicates/not-duplicate", status_code=204)
def not_duplicate(body: schemas_views.NotDuplicateIn, user: UserDep, store: DuplicatesDep) -> Response:
    """Remember that two employers are different: the pair is never suggested again."""
    store.create_decision(a_id=str(body.a_id), b_id=str(body.b_id), actor=user.username)
    return Response(status_code=204)


@router.post("/merges", status_code=201, response_model=schemas_views.MergeOut)
def merge_employers(
    body: schemas_views.MergeIn, user: UserDep, store: MergesDep, employers: EmployersDep, engine: EngineDep
) -> schemas_views.MergeOut:
    """Merge the loser into the survivor in one transaction.

    Every child row moves and the loser's name becomes an alias. Undo with
    ``POST /employers/merges/{id}/undo``.
    """
    rec = store.create(
        survivor_id=str(body.survivor_id),
        loser_id=str(body.loser_id),
        choices=body.choices,
        actor=user.username,
    )
    engine.upsert_employers([rec.survivor_id, rec.loser_id])  # the loser's openings moved
    return merge_out(rec, employers.get(employer_id=rec.survivor_id))


@router.get("/merges/{merge_id}", response_model=schemas_views.MergeOut)
def get_merge(
    merge_id: UUID, user: UserDep, store: MergesDep, employers: EmployersDep
) -> schemas_views.MergeOut:
    """Read a merge: what moved and how the survivor changed."""
    rec = store.get(merge_id=str(merge_id))
    return merge_out(rec, _live(employers, rec.survivor_id))


@router.post("/merges/{merge_id}/undo", response_model=schemas_views.MergeOut)
def undo_merge(
    merge_id: UUID, user: UserDep, store: MergesDep, employers: EmployersDep, engine: EngineDep
) -> schemas_views.MergeOut:
    """Restore the loser and move exactly the rows the merge moved back."""
    rec = store.undo(merge_id=str(merge_id), actor=user.username)
    engine.upsert_employers([rec.survivor_id, rec.loser_id])
    return merge_out(rec, _live(employers, rec.survivor_id))


def _live(employers: EmployerStore, employer_id: str) -> EmployerRecord | None:
    try:
        return employers.get(employer_id=employer_id)
    except NotFoundError:
        return None
