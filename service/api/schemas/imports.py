"""Response models of CSV/xlsx imports."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from employers.imports import ImportRecord, ImportRow
from service.api.schemas.common import Out

EntityIn = Literal["employers", "people", "contacts", "openings"]
ModeIn = Literal["create", "upsert", "update"]
FormatIn = Literal["csv", "xlsx"]


class ImportProblemOut(Out):
    """One problem of a bad row: the field it is about (None: the row) and what is wrong."""

    field: str | None
    message: str


class ImportRowOut(Out):
    """What happened to one data row (the header is row 1, so data starts at row 2)."""

    row: int
    action: Literal["created", "updated", "unchanged", "skipped", "error"]
    id: str | None = Field(None, description="The record created, updated or matched")
    field: str | None = Field(None, description="The column an error is about (its first problem)")
    message: str | None = None
    problems: list[ImportProblemOut] = Field(
        default_factory=list, description="Every problem of a bad row (the first is field/message)"
    )

    @classmethod
    def from_row(cls, r: ImportRow) -> ImportRowOut:
        """A row's outcome: ``row_number`` as ``row``, ``entity_id`` as ``id``, problems as objects."""
        problems = [ImportProblemOut(field=f, message=m) for f, m in r.problems]
        return cls.from_fields(r, row=r.row_number, id=r.entity_id, problems=problems)


class ImportReport(Out):
    """An import run.

    ``status`` is dry_run (nothing written), applied, rejected (bad rows and ``skip_bad_rows``
    false: nothing written) or reverted.
    """

    id: str
    entity: EntityIn
    mode: ModeIn
    file_name: str
    status: Literal["dry_run", "applied", "rejected", "reverted"]
    dry_run: bool
    skip_bad_rows: bool
    created: int
    updated: int
    unchanged: int
    skipped: int
    errors: int
    created_at: datetime
    created_by: str
    reverted_at: datetime | None
    rows: list[ImportRowOut]
    failed_rows_url: str | None = Field(None, description="CSV of the bad rows plus an error column")

    @classmethod
    def from_record(cls, rec: ImportRecord) -> ImportReport:
        """An import run with every row's outcome (and where to get the bad rows, if any)."""
        rows = [ImportRowOut.from_row(r) for r in rec.rows]
        failed = f"/imports/{rec.id}/failed-rows" if rec.errors else None
        return cls.from_fields(rec, rows=rows, failed_rows_url=failed)
