"""Records of CSV/xlsx import runs: the run and each data row's outcome."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One data row: ``row_number`` as a spreadsheet shows it (the header is row 1).

    ``field``/``message`` are a bad row's first problem; ``problems`` all of them, as
    (field or None, message) pairs.
    """

    row_number: int
    action: str
    entity_id: str | None = None
    field: str | None = None
    message: str | None = None
    problems: tuple[tuple[str | None, str], ...] = ()


def import_row(
    number: int, action: str, entity_id: Any, field: str | None, message: str | None, problems: str | None
) -> ImportRow:
    """An `ImportRow` from its stored columns (``problems`` JSON; absent: the one field/message)."""
    listed = json.loads(problems) if problems else []
    pairs = tuple((p.get("field"), str(p["message"])) for p in listed)
    if not pairs and action == "error" and message:
        pairs = ((field, message),)
    return ImportRow(number, action, str(entity_id) if entity_id else None, field, message, pairs)


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
    #: File column -> field ("" ignored); the identity for runs before the import wizard.
    mapping: dict[str, str] = field(default_factory=dict)
    #: (delimiter, encoding) of a CSV file; None for xlsx and for runs before it was recorded.
    dialect: tuple[str, str] | None = None

    @property
    def unchanged(self) -> int:
        """Rows that matched a record whose values were already the same."""
        return sum(r.action == "unchanged" for r in self.rows)


def run_record(row: Sequence[Any], rows: tuple[ImportRow, ...]) -> ImportRecord:
    """An `ImportRecord` from a ``crm_imports`` row (columns as `employers.imports` selects them)."""
    rid, entity, mode, name, _, cols, dry, skip, status, c, u, s, e, at, by, plan, sep, enc, rev_at, _ = row
    return ImportRecord(
        id=str(rid),
        entity=entity,
        mode=mode,
        file_name=name,
        status=status,
        created=c,
        updated=u,
        skipped=s,
        errors=e,
        created_at=at,
        created_by=by,
        columns=tuple(json.loads(cols)),
        dry_run=dry,
        skip_bad_rows=skip,
        reverted_at=rev_at,
        rows=rows,
        mapping=json.loads(plan) if plan else {h: h for h in json.loads(cols)},
        dialect=(sep, enc) if sep and enc else None,
    )
