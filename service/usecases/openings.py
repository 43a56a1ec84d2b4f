"""Opening workflows: ESCO normalisation on the way in, the store write, then the lead index in place."""

from __future__ import annotations

from employers import OpeningRecord, OpeningStore
from employers.values import OpeningValues
from service.usecases.lead_engine import LeadEngine


def create_opening(
    *, store: OpeningStore, engine: LeadEngine, values: OpeningValues, actor: str
) -> OpeningRecord:
    """Add an opening; its ESCO occupation is linked from the title when not given.

    The employer's own employer lead gives way to the opening in the index.
    """
    return _reindexed(engine, store.create(values=engine.normalise_opening(values), actor=actor))


def update_opening(
    *, store: OpeningStore, engine: LeadEngine, opening_id: str, values: OpeningValues, actor: str
) -> OpeningRecord:
    """Change fields (each change logged with old and new); status changes must follow the flow."""
    return _reindexed(engine, store.update(opening_id=opening_id, values=values, actor=actor))


def delete_opening(*, store: OpeningStore, engine: LeadEngine, opening_id: str, actor: str) -> None:
    """Soft-delete an opening (restorable); it leaves the index."""
    store.delete(opening_id=opening_id, actor=actor)
    engine.upsert_openings([opening_id])


def restore_opening(*, store: OpeningStore, engine: LeadEngine, opening_id: str, actor: str) -> OpeningRecord:
    """Undelete an opening; it is ranked again."""
    return _reindexed(engine, store.restore(opening_id=opening_id, actor=actor))


def _reindexed(engine: LeadEngine, rec: OpeningRecord) -> OpeningRecord:
    """``rec`` after re-reading it (and its employer's items) into the lead index."""
    engine.upsert_openings([rec.id])
    return rec
