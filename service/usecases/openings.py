"""Opening workflows: ESCO normalisation on the way in, the store write, then the lead index in place."""

from __future__ import annotations

from typing import cast

from employers import NotFoundError, OpeningRecord, OpeningStore
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


def change_opening(
    *, store: OpeningStore, engine: LeadEngine, record_id: str, values: OpeningValues, actor: str
) -> OpeningRecord:
    """Change an opening's fields (status changes must follow the flow), then re-index it.

    A new title or language without an ESCO occupation given is linked again, as at creation,
    so the ranking follows what the opening now is.
    """
    indexed = indexed_openings(store, engine)
    old = indexed.get(record_id=record_id)
    title, lang = values.get("title", old.title), values.get("language", old.language)
    if (title, lang) != (old.title, old.language) and not values.get("occupation_uri"):
        linked = engine.normalise_opening({"title": title, "language": lang})
        occupation = {k: linked.get(k, "") for k in ("occupation_uri", "occupation_label", "isco_group")}
        values = cast(OpeningValues, {**values, **occupation})
    return indexed.update(record_id=record_id, values=values, actor=actor)


def opening_at(*, store: OpeningStore, employer_id: str, opening_id: str) -> OpeningRecord:
    """A live opening of this employer (NotFoundError for another employer's, like a missing one)."""
    rec = store.get(record_id=opening_id)
    if rec.employer_id != employer_id:
        raise NotFoundError("opening", opening_id)
    return rec
