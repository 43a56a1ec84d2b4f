"""`StoredRecord` and `table_columns`: column order does not follow base-class field order."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from storekit.records import StoredRecord, table_columns


@dataclass(frozen=True, slots=True)
class _Thing(StoredRecord):
    name: str
    note: str = ""
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Plain:
    id: str
    size: int = 0


def test_columns_are_id_own_fields_then_audit_stamps() -> None:
    assert table_columns(_Thing, nested=("parts",)) == (
        "id",
        "name",
        "note",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    )


def test_a_plain_dataclass_keeps_its_field_order() -> None:
    assert table_columns(_Plain) == ("id", "size")


def test_own_fields_follow_id_positionally_and_stamps_are_keyword_only() -> None:
    thing = _Thing("t1", "name", created_by="ann")
    assert (thing.id, thing.name, thing.created_by, thing.updated_by) == ("t1", "name", "ann", "")
    with pytest.raises(TypeError):
        _Thing("t1", "name", "note", (), None)  # type: ignore[call-arg]
