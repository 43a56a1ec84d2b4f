"""Duplicate employers: the review queue, "not a duplicate" decisions, merge and undo."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from service.api.pagination import Limit
from service.api.schemas.duplicates import (
    DuplicatePairOut,
    DuplicateQueue,
    MergeIn,
    MergeList,
    MergeOut,
    NotDuplicateIn,
    NotDuplicateList,
    NotDuplicateOut,
)
from service.api.schemas.problems import error_responses
from service.deps import DbDep, DuplicatesDep, EmployersDep, EngineDep, MergesDep, UserDep
from service.usecases import duplicates as workflows

router = APIRouter(prefix="/employers", tags=["duplicates"], responses=error_responses())


@router.get("/duplicates", response_model=DuplicateQueue)
def duplicate_queue(
    user: UserDep,
    store: DuplicatesDep,
    limit: Limit = 50,
    after: Annotated[int, Query(ge=0, description="next_cursor of the previous page (a position)")] = 0,
) -> DuplicateQueue:
    """Likely duplicate pairs among live employers with score and reasons, best first.

    Computed from the current data on each call (blocked on registry number, domain, phone,
    cleaned-name prefix and words, so not O(n²)); pairs marked "not a duplicate" are left out.
    """
    pairs, next_at = workflows.list_duplicates(store=store, after=after, limit=limit)
    return DuplicateQueue(
        items=[DuplicatePairOut.from_pair(p) for p in pairs],
        next_cursor=str(next_at) if next_at is not None else None,
    )


@router.post("/duplicates/scan", response_model=DuplicateQueue)
def scan_duplicates(user: UserDep, store: DuplicatesDep, limit: Limit = 50) -> DuplicateQueue:
    """Scan now (the same as ``GET /employers/duplicates``, for clients that start scans)."""
    return duplicate_queue(user, store, limit, 0)


@router.post("/duplicates/not-duplicate", status_code=204)
def not_duplicate(body: NotDuplicateIn, user: UserDep, store: DuplicatesDep) -> Response:
    """Remember that two employers are different: the pair is never suggested again."""
    workflows.mark_not_duplicate(store=store, a_id=str(body.a_id), b_id=str(body.b_id), actor=user.username)
    return Response(status_code=204)


@router.get("/duplicates/not-duplicate", response_model=NotDuplicateList)
def not_duplicates(user: UserDep, store: DuplicatesDep, db: DbDep) -> NotDuplicateList:
    """The pairs your unit marked "not a duplicate", newest first (each can be undone)."""
    decisions = workflows.list_not_duplicates(store=store, db=db, user=user)
    return NotDuplicateList(items=[NotDuplicateOut.from_fields(d) for d in decisions])


@router.delete("/duplicates/not-duplicate/{a_id}/{b_id}", status_code=204)
def undo_not_duplicate(a_id: UUID, b_id: UUID, user: UserDep, store: DuplicatesDep, db: DbDep) -> Response:
    """Forget your unit's "not a duplicate" decision (either order): the pair may be suggested again.

    404 when there is no such decision, or it is another unit's.
    """
    workflows.undo_not_duplicate(store=store, db=db, user=user, a_id=str(a_id), b_id=str(b_id))
    return Response(status_code=204)


@router.get("/merges", response_model=MergeList)
def list_merges(user: UserDep, store: MergesDep, db: DbDep, limit: Limit = 50) -> MergeList:
    """Your unit's merges, newest first, undone ones too (undo: ``POST /employers/merges/{id}/undo``)."""
    merges = workflows.list_merges(store=store, db=db, user=user, limit=limit)
    return MergeList(items=[MergeOut.from_record(m, None) for m in merges])


@router.post("/merges", status_code=201, response_model=MergeOut)
def merge_employers(
    body: MergeIn, user: UserDep, store: MergesDep, employers: EmployersDep, engine: EngineDep, db: DbDep
) -> MergeOut:
    """Merge the loser into the survivor in one transaction.

    Every child row moves and the loser's name becomes an alias. Undo with
    ``POST /employers/merges/{id}/undo``.
    """
    merge = workflows.merge_employers(
        store=store,
        employers=employers,
        engine=engine,
        survivor_id=str(body.survivor_id),
        loser_id=str(body.loser_id),
        choices=dict(body.choices),
        db=db,
        user=user,
    )
    return MergeOut.from_record(*merge)


@router.get("/merges/{merge_id}", response_model=MergeOut)
def get_merge(
    merge_id: UUID, user: UserDep, store: MergesDep, employers: EmployersDep, db: DbDep
) -> MergeOut:
    """Read one of your unit's merges: what moved and how the survivor changed."""
    return MergeOut.from_record(
        *workflows.get_merge(store=store, employers=employers, merge_id=str(merge_id), db=db, user=user)
    )


@router.post("/merges/{merge_id}/undo", response_model=MergeOut)
def undo_merge(
    merge_id: UUID, user: UserDep, store: MergesDep, employers: EmployersDep, engine: EngineDep, db: DbDep
) -> MergeOut:
    """Restore the loser and move exactly the rows one of your unit's merges moved back."""
    merge = workflows.undo_merge(
        store=store, employers=employers, engine=engine, merge_id=str(merge_id), db=db, user=user
    )
    return MergeOut.from_record(*merge)
