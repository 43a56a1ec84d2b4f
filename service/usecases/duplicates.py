"""Duplicate employers: the review queue, "not a duplicate" decisions, merge and undo.

A merge or its undo moves openings between two employers, so both are re-read into the lead index.
"""

from __future__ import annotations

from employers import (
    DuplicatePair,
    DuplicateStore,
    EmployerRecord,
    EmployerStore,
    MergeRecord,
    MergeStore,
    NotFoundError,
)
from service.access.audit import log_access
from service.access.users import User
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


def get_merge(*, store: MergeStore, employers: EmployerStore, merge_id: str) -> Merge:
    """A merge: what moved and how the survivor changed."""
    rec = store.get(merge_id=merge_id)
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
    """Restore the loser and move exactly the rows the merge moved back (audit-logged: "undo_merge")."""
    rec = store.undo(merge_id=merge_id, actor=user.username)
    engine.upsert_employers([rec.survivor_id, rec.loser_id])
    log_access(db, user_id=user.id, action="undo_merge", entity="merge", entity_ids=[rec.id])
    return rec, _live(employers, rec.survivor_id)


def _live(employers: EmployerStore, employer_id: str) -> EmployerRecord | None:
    try:
        return employers.get(employer_id=employer_id)
    except NotFoundError:
        return None
