"""The failed-rows file of an import: its bad rows as the file had them, plus an ``error`` column.

Written back in the file's own headers (a mapped column under its header, not its field) and,
for a CSV, in the file's own delimiter and encoding: a ``;``-separated cp1252 file from Swedish
Excel comes back ``;``-separated cp1252, so the team fixes it in the program it came from and
imports it again. Every problem of a row is in ``error`` (``row 4: stage: ...; country: ...``).
"""

from __future__ import annotations

import json
from typing import Any

from employers.import_mappings import source_cells
from employers.import_records import ImportRecord
from employers.tabular import write_table
from storekit.connection import Connection
from storekit.rows import uuid_of


def failed_rows_file(con: Connection, run: ImportRecord, fmt: str) -> bytes:
    """The bad rows of ``run`` as a ``fmt`` (csv or xlsx) file."""
    rows = con.execute(
        "SELECT row_number, cells, field, message, problems FROM crm_import_rows "
        "WHERE import_id = ? AND action = 'error' ORDER BY row_number",
        [uuid_of("import_id", run.id)],
    ).fetchall()
    columns = [c for c in run.mapping if c != "error"] + ["error"]
    table = [
        source_cells(run.mapping, json.loads(cells)) | {"error": error_text(n, field, message, problems)}
        for n, cells, field, message, problems in rows
    ]
    return write_table(columns, table, fmt, run.dialect or (",", "utf-8-sig"))


def error_text(number: int, field: str | None, message: str, problems: str | None) -> str:
    """``row N: field: message`` for each problem of the row, joined by "; "."""
    listed: list[dict[str, Any]] = (
        json.loads(problems) if problems else [{"field": field, "message": message}]
    )
    parts = [f"{p['field']}: {p['message']}" if p.get("field") else str(p["message"]) for p in listed]
    return f"row {number}: " + "; ".join(parts)
