"""Records of CSV/xlsx import runs: the run and each data row's outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One data row: ``row_number`` as a spreadsheet shows it (the header is row 1)."""

    row_number: int
    action: str
    entity_id: str | None = None
    field: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """A run: status is dry_run, applied, rejected (bad rows, nothing changed) or reverted."""

    id: str
    entity: str
    mode: str
    file_name: str
    status: str
    created: int
    updated: int
    skipped: int
    errors: int
    created_at: datetime
    created_by: str
    columns: tuple[str, ...] = ()
    dry_run: bool = False
    skip_bad_rows: bool = False
    reverted_at: datetime | None = None
    rows: tuple[ImportRow, ...] = field(default=())

    @property
    def unchanged(self) -> int:
        """Rows that matched a record whose values were already the same."""
        return sum(r.action == "unchanged" for r in self.rows)
