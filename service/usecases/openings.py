"""Opening workflows: ESCO normalisation on the way in, the store write, then the lead index in place."""

from __future__ import annotations

from employers import OpeningRecord, OpeningStore
from employers.values import OpeningValues
from service.usecases.indexed import Indexed
from service.usecases.lead_engine import LeadEngine


def create_opening(
    *, store: OpeningStore, engine: LeadEngine, values: OpeningValues, actor: str
) -> OpeningRecord:
    """Add an opening; its ESCO occupation is linked from the title when not given.

    The employer's own employer lead gives way to the opening in the index.
    """
    rec = store.create(values=engine.normalise_opening(values), actor=actor)
    return indexed_openings(store, engine).refreshed(rec)


def indexed_openings(store: OpeningStore, engine: LeadEngine) -> Indexed[OpeningRecord]:
    """The opening store, each write then re-reading the opening and its employer's items into the index.

    Read, update (status changes must follow the flow), soft delete and restore go through this.
    """
    return Indexed(store, "record_id", engine.upsert_openings)
