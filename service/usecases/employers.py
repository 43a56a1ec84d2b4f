"""Employer workflows: every write goes to the store and then keeps the lead index current.

A route or page calls these instead of the store, so no write can forget the index: an employer's
change reaches all its openings and its own employer lead, in place (no rebuild).
"""

from __future__ import annotations

from typing import Any

from employers import EmployerRecord, EmployerStore
from employers.values import EmployerValues, SiteValues
from service.usecases.lead_engine import LeadEngine


def find_employers(
    *, store: EmployerStore, q: str | None, limit: int, after: str | None, **filters: Any
) -> list[tuple[EmployerRecord, float | None]]:
    """Employers by id, or by match score (0-100) when searching with ``q``, with that score.

    Args:
        store: The employer store.
        q: Fuzzy search over names and aliases; None or blank lists by id.
        limit: Page size.
        after: Id of the previous page's last employer.
        **filters: ``stage``, ``sector``, ``owner``, ``do_not_contact`` (None: any).

    Returns:
        (employer, score) pairs; the score is None when not searching.
    """
    if q and q.strip():
        return list(store.search(q=q, limit=limit, after=after, **filters))
    return [(rec, None) for rec in store.list(limit=limit, after=after, **filters)]


def create_employer(
    *, store: EmployerStore, engine: LeadEngine, values: EmployerValues, actor: str, check_duplicates: bool
) -> EmployerRecord:
    """Add an employer (DuplicateError with candidates when it looks like a live one)."""
    return _reindexed(engine, store.create(values=values, actor=actor, check_duplicates=check_duplicates))


def update_employer(
    *, store: EmployerStore, engine: LeadEngine, employer_id: str, values: EmployerValues, actor: str
) -> EmployerRecord:
    """Change fields; each change is logged (field, old, new), a stage change in the stage history."""
    return _reindexed(engine, store.update(employer_id=employer_id, values=values, actor=actor))


def delete_employer(*, store: EmployerStore, engine: LeadEngine, employer_id: str, actor: str) -> None:
    """Soft-delete an employer; its openings and employer lead leave the index."""
    store.delete(employer_id=employer_id, actor=actor)
    engine.upsert_employers([employer_id])


def restore_employer(
    *, store: EmployerStore, engine: LeadEngine, employer_id: str, actor: str
) -> EmployerRecord:
    """Undelete an employer (ConflictError if a live employer has taken its registry number)."""
    return _reindexed(engine, store.restore(employer_id=employer_id, actor=actor))


def create_site(
    *, store: EmployerStore, engine: LeadEngine, employer_id: str, values: SiteValues, actor: str
) -> EmployerRecord:
    """Add a site to an employer; its employer lead may now have a place."""
    return _reindexed(engine, store.create_site(employer_id=employer_id, values=values, actor=actor))


def _reindexed(engine: LeadEngine, rec: EmployerRecord) -> EmployerRecord:
    """``rec`` after re-reading its items into the lead index."""
    engine.upsert_employers([rec.id])
    return rec
