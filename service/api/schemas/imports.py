"""Response models of CSV/xlsx imports."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

EntityIn = Literal["employers", "people", "contacts", "openings"]
ModeIn = Literal["create", "upsert", "update"]
FormatIn = Literal["csv", "xlsx"]


class ImportRowOut(BaseModel):
    """What happened to one data row (the header is row 1, so data starts at row 2)."""

    row: int
    action: Literal["created", "updated", "unchanged", "skipped", "error"]
    id: str | None = Field(None, description="The record created, updated or matched")
    field: str | None = Field(None, description="The column an error is about")
    message: str | None = None


class ImportReport(BaseModel):
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
