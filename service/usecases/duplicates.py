"""Duplicate employers: the review queue, "not a duplicate" decisions, merge and undo.

A merge or its undo moves openings between two employers, so both are re-read into the lead index.
Employers are shared by the programme, but a merge and a "not a duplicate" decision belong to the
unit of the user who made them: each unit's history lists its own, and another unit's merge or
decision answers like one that does not exist (an admin, who has no unit, sees them all).
"""

from __future__ import annotations

from employers import (
    DuplicateDecision,
    DuplicatePair,
    DuplicateStore,
    EmployerRecord,
    EmployerStore,
    MergeRecord,
    MergeStore,
    NotFoundError,
)
from service.access.audit import log_access
from service.access.users import User, unit_usernames
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine

Merge = tuple[MergeRecord, EmployerRecord | None]
"""A merge and its survivor as it is now (None when the survivor is not live)."""


def list_duplicates(
    *, store: DuplicateStore, after: int, limit: int
) -> tuple[list[DuplicatePair], int | None]:
    """Likely duplicate pairs among live employers, best first, from position ``after``.

    Computed from the current data on each call (blocked on registry number, domain, phone,
    cleaned-name prefix and words, so not O(n²)); pairs marked "not a duplicate" are left out.

    Returns:
        The pairs of this page and the position of the next page (None: this is the last).
    """
    pairs = store.list()
    return pairs[after : after + limit], after + limit if after + limit < len(pairs) else None


def mark_not_duplicate(*, store: DuplicateStore, a_id: str, b_id: str, actor: str) -> None:
    """Remember that two employers are different: the pair is never suggested again."""
    store.create_decision(a_id=a_id, b_id=b_id, actor=actor)


def list_not_duplicates(*, store: DuplicateStore, db: Database, user: User) -> list[DuplicateDecision]:
    """The pairs the caller's unit marked "not a duplicate", newest first."""
    return store.list_decisions(decided_by=_unit_of(db, user))


def undo_not_duplicate(*, store: DuplicateStore, db: Database, user: User, a_id: str, b_id: str) -> None:
    """Forget the unit's "not a duplicate" decision on a pair: it is suggested again if still alike.

    Change-logged on both employers ("not_duplicate_undone"), like the decision itself.

    Raises:
        NotFoundError: No such decision, or another unit's.
    """
    decision = store.get_decision(a_id=a_id, b_id=b_id)
    scope = _unit_of(db, user)
    if scope is not None and decision.decided_by not in scope:
        raise NotFoundError("not-duplicate decision", f"{a_id}/{b_id}")
    store.delete_decision(a_id=a_id, b_id=b_id, actor=user.username)


def merge_employers(
    *,
    store: MergeStore,
    employers: EmployerStore,
    engine: LeadEngine,
    survivor_id: str,
    loser_id: str,
    choices: dict[str, str],
    db: Database,
    user: User,
) -> Merge:
    """Merge the loser into the survivor in one transaction (child rows move, the name an alias).

    Audit-logged (action "merge" on the merge id): a merge moves contacts that may name participants.
    """
    rec = store.create(survivor_id=survivor_id, loser_id=loser_id, choices=choices, actor=user.username)
    engine.upsert_employers([rec.survivor_id, rec.loser_id])
    log_access(
        db, user_id=user.id, action="merge", entity="merge", entity_ids=[rec.id],
        detail=f"employer {rec.loser_id} into {rec.survivor_id}",
    )  # fmt: skip
    return rec, employers.get(employer_id=rec.survivor_id)


def list_merges(*, store: MergeStore, db: Database, user: User, limit: int = 100) -> list[MergeRecord]:
    """The merges the caller's unit made, newest first (undone ones too, marked)."""
    return store.list(merged_by=_unit_of(db, user), limit=limit)


def get_merge(
    *, store: MergeStore, employers: EmployerStore, merge_id: str, db: Database, user: User
) -> Merge:
    """A merge of the caller's unit: what moved and how the survivor changed (NotFoundError else)."""
    rec = _visible_merge(store, db, user, merge_id)
    return rec, _live(employers, rec.survivor_id)


def undo_merge(
    *,
    store: MergeStore,
    employers: EmployerStore,
    engine: LeadEngine,
    merge_id: str,
    db: Database,
    user: User,
) -> Merge:
    """Restore the loser and move exactly the rows the merge moved back (audit-logged: "undo_merge").

    Raises:
        NotFoundError: No such merge, or another unit's.
        ConflictError: Already undone, or the survivor is gone, or the loser's registry number is taken.
    """
    _visible_merge(store, db, user, merge_id)
    rec = store.undo(merge_id=merge_id, actor=user.username)
    engine.upsert_employers([rec.survivor_id, rec.loser_id])
    log_access(db, user_id=user.id, action="undo_merge", entity="merge", entity_ids=[rec.id])
    return rec, _live(employers, rec.survivor_id)


def _visible_merge(store: MergeStore, db: Database, user: User, merge_id: str) -> MergeRecord:
    rec = store.get(merge_id=merge_id)
    scope = _unit_of(db, user)
    if scope is not None and rec.merged_by not in scope:
        raise NotFoundError("merge", merge_id)  # as if it did not exist: no probing other units
    return rec


def _unit_of(db: Database, user: User) -> list[str] | None:
    """The usernames whose merges and decisions ``user`` sees: their unit's; None (all) for an admin."""
    return None if user.role == "admin" else unit_usernames(db, unit_id=user.unit_id)


def _live(employers: EmployerStore, employer_id: str) -> EmployerRecord | None:
    try:
        return employers.get(employer_id=employer_id)
    except NotFoundError:
        return None
