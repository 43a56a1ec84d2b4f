"""Read and write tables as CSV or Excel (xlsx): every cell as text, so "00123" stays "00123".

CSV input may be UTF-8 (with or without BOM) or cp1252, separated by ``,``, ``;`` or tab (Danish
and French Excel write ``;``). CSV output is UTF-8 with a BOM, which Excel opens correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime

from employers.errors import InvalidError

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
FORMATS = ("csv", "xlsx")


def read_table(data: bytes, file_name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV or xlsx file (chosen by the file name, else by content).

    Returns:
        The column names as written (trimmed) and one dict per data row, keyed by column name,
        values as text ("" for empty cells). Fully empty rows are dropped.

    Raises:
        InvalidError: On field ``file`` when the file is too big, unreadable or has no header.
    """
    if len(data) > MAX_BYTES:
        raise InvalidError("file", f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
    is_xlsx = file_name.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04"
    grid = _xlsx_grid(data) if is_xlsx else _csv_grid(data)
    grid = [row for row in grid if any(cell.strip() for cell in row)]
    if not grid:
        raise InvalidError("file", "has no header row")
    header = [h.strip() for h in grid[0]]
    if len(grid) - 1 > MAX_ROWS:
        raise InvalidError("file", f"has more than {MAX_ROWS} rows; split it")
    rows = [
        {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h} for row in grid[1:]
    ]
    return [h for h in header if h], rows


def write_table(columns: Sequence[str], rows: Sequence[dict[str, str]], fmt: str) -> bytes:
    """``rows`` (text cells) as a CSV (UTF-8 with BOM) or xlsx file."""
    if fmt == "xlsx":
        return _xlsx_bytes(columns, rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_grid(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _xlsx_grid(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise InvalidError("file", f"is not a readable xlsx file ({type(exc).__name__})") from None
    sheet = book.worksheets[0]
    grid = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return grid


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 5566778899 as a float
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _xlsx_bytes(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(list(columns))
    for row in rows:
        sheet.append([row.get(c, "") for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
