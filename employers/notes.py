"""`NoteStore`: free-text notes about an employer, one of its people or openings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from employers.base import RecordStore
from employers.records import NoteRecord, check_note
from employers.values import NoteValues


class NoteStore(RecordStore[NoteRecord, NoteValues]):
    """Notes in ``crm_notes``."""

    table = "crm_notes"
    entity = "note"
    record = NoteRecord
    filters = ("employer_id", "person_id", "opening_id")

    def check(self, values: Mapping[str, Any]) -> None:
        """Note rules."""
        check_note(values)
