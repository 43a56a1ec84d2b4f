"""`StoredRecord`: the id and audit stamps every store record carries, and its table columns."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import KW_ONLY, dataclass, fields
from datetime import datetime

from storekit.rows import AUDIT_COLUMNS


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """A row a store owns: its id, and who created and last updated it, when (set by the store).

    The stamps are keyword-only, so a subclass lists its own fields right after ``id``. Field
    order therefore puts the stamps second; `table_columns` gives the table's order instead.
    """

    id: str
    _: KW_ONLY
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


def table_columns(record_type: type, *, nested: Collection[str] = ()) -> tuple[str, ...]:
    """A record type's table columns: its own fields in declared order, then the audit columns.

    Args:
        record_type: A dataclass (a `StoredRecord` or a plain one).
        nested: Fields holding other records (e.g. ``sites``), not columns of this table.

    Returns:
        The column names, independent of the order base classes put their fields in.
    """
    names = [f.name for f in fields(record_type) if f.name not in nested]
    own = [n for n in names if n not in AUDIT_COLUMNS]
    return (*own, *(c for c in AUDIT_COLUMNS if c in names))
