"""Employer workflows: every write goes to the store and then keeps the lead index current.

A route or page writes through these (or `indexed_employers`) instead of the store, so no write
can forget the index: an employer's change reaches all its openings and its own employer lead,
in place (no rebuild).
"""

from __future__ import annotations

from typing import Any

from employers import EmployerRecord, EmployerStore
from employers.values import EmployerValues, SiteValues
from service.usecases.indexed import Indexed
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
    rec = store.create(values=values, actor=actor, check_duplicates=check_duplicates)
    return indexed_employers(store, engine).refreshed(rec)


def create_site(
    *, store: EmployerStore, engine: LeadEngine, employer_id: str, values: SiteValues, actor: str
) -> EmployerRecord:
    """Add a site to an employer; its employer lead may now have a place."""
    rec = store.create_site(employer_id=employer_id, values=values, actor=actor)
    return indexed_employers(store, engine).refreshed(rec)


def indexed_employers(store: EmployerStore, engine: LeadEngine) -> Indexed[EmployerRecord]:
    """The employer store, each write then re-reading all the employer's items into the lead index.

    Read, update, soft delete (its openings and employer lead leave the index) and restore
    (ConflictError if a live employer has taken its registry number) go through this.
    """
    return Indexed(store, "employer_id", engine.upsert_employers)
