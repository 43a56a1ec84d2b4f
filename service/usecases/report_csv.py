"""Report tables as CSV text that no spreadsheet runs as formulas (`employers.formulas.quote`).

Dates are ISO days, lists are joined with ``;``, nulls are empty cells, and every text cell goes
through the export's formula quoting, as the CRM exports do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import polars as pl

from employers.formulas import quote


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return quote(";".join(_cell(v) for v in value))
    if isinstance(value, dt.date | bool | int | float):
        return str(value)  # typed values: a spreadsheet reads them as values, never formulas
    return quote(str(value))


def to_csv(table: pl.DataFrame) -> str:
    """``table`` as CSV text with a header row (columns in order, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([quote(c) for c in table.columns])
    for row in table.iter_rows():
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
