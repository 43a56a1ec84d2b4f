"""`Indexed`: an employer or opening store whose every write then keeps the lead index current."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from storekit.records import StoredRecord

R = TypeVar("R", bound=StoredRecord)


class Indexed(Generic[R]):
    """One entity's store behind the record-store interface (ids named ``record_id``), writes re-indexed.

    A route or page writes through this instead of the store, so no write can forget the index;
    the refresh re-reads just the touched items, in place (no rebuild).

    Args:
        store: The entity's store.
        id_field: What its methods name the id: ``employer_id``, or ``record_id`` for a `RecordStore`.
        refresh: Re-reads these ids into the lead index (``LeadEngine.upsert_<entity>s``).
    """

    def __init__(self, store: Any, id_field: str, refresh: Callable[[Iterable[str]], None]) -> None:
        self.store = store
        self.id_field = id_field
        self.refresh = refresh

    def get(self, *, record_id: str) -> R:
        """The live record (a read: the index is left alone)."""
        rec: R = self.store.get(**{self.id_field: record_id})
        return rec

    def update(self, *, record_id: str, values: Any, actor: str) -> R:
        """Change fields of a live record (each change logged), then re-index it."""
        return self.refreshed(self.store.update(**{self.id_field: record_id}, values=values, actor=actor))

    def delete(self, *, record_id: str, actor: str) -> None:
        """Soft-delete a live record (restorable); it leaves the index."""
        self.store.delete(**{self.id_field: record_id}, actor=actor)
        self.refresh([record_id])

    def restore(self, *, record_id: str, actor: str) -> R:
        """Undelete a record; it is ranked again."""
        return self.refreshed(self.store.restore(**{self.id_field: record_id}, actor=actor))

    def refreshed(self, rec: R) -> R:
        """``rec`` after re-reading it (and what hangs on it) into the lead index."""
        self.refresh([rec.id])
        return rec
