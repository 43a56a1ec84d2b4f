"""Read and write tables as CSV or Excel (xlsx): every cell as text, so "00123" stays "00123".

CSV input may be UTF-8 (with or without BOM) or cp1252, separated by ``,``, ``;`` or tab (Danish,
Swedish and French Excel write ``;``; `csv_dialect` tells which). CSV output is UTF-8 with a BOM,
which Excel opens correctly, or the dialect an input came in (a file of its failed rows).
Formulas never go out live: CSV cells that would start one are quoted, xlsx cells are typed as
text (`employers.formulas`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from employers.errors import InvalidError
from employers.formulas import quote, unquote

MAX_BYTES = 20 * 1024 * 1024
#: The longest cell an import takes: the longest text the API takes (an opening description).
MAX_CELL_CHARS = 20_000
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
    refuse_long_cells(header, grid)
    if len(grid) - 1 > MAX_ROWS:
        raise InvalidError("file", f"has more than {MAX_ROWS} rows; split it")
    rows = [
        {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h} for row in grid[1:]
    ]
    return [h for h in header if h], rows


def write_table(
    columns: Sequence[str],
    rows: Sequence[dict[str, str]],
    fmt: str,
    dialect: tuple[str, str] = (",", "utf-8-sig"),
) -> bytes:
    """``rows`` (text cells) as a CSV or xlsx file.

    Args:
        columns: The header, in order.
        rows: Column -> text cell (missing cells are empty).
        fmt: csv or xlsx.
        dialect: (delimiter, encoding) of a CSV: UTF-8 with BOM and "," unless told; a character
            cp1252 cannot hold becomes "?".
    """
    if fmt == "xlsx":
        return _xlsx_bytes(columns, rows)
    delimiter, encoding = dialect
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n", delimiter=delimiter
    )
    writer.writeheader()
    writer.writerows({c: quote(v) for c, v in row.items()} for row in rows)
    return out.getvalue().encode(encoding, errors="replace")


def csv_dialect(data: bytes) -> tuple[str, str]:
    """(delimiter, encoding) of CSV bytes: "utf-8-sig" (with or without BOM) or "cp1252"."""
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count), encoding


def _csv_grid(data: bytes) -> list[list[str]]:
    delimiter, encoding = csv_dialect(data)
    text = data.decode(encoding, errors="replace")
    # csv's own cell limit (128 KB) would raise mid-file; refuse_long_cells names the cell instead.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [[unquote(cell) for cell in row] for row in rows]


def refuse_long_cells(header: Sequence[str], grid: Sequence[Sequence[str]]) -> None:
    """InvalidError on ``file`` naming the row (1 = header) and column of a cell over MAX_CELL_CHARS."""
    for number, row in enumerate(grid, start=1):
        for index, cell in enumerate(row):
            if len(cell) > MAX_CELL_CHARS:
                column = header[index] if index < len(header) and header[index] else f"#{index + 1}"
                raise InvalidError(
                    "file",
                    f"row {number}, column {column!r}: a cell holds {len(cell)} characters, "
                    f"at most {MAX_CELL_CHARS}",
                )


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
    sheet.append([_text_cell(sheet, c) for c in columns])
    for row in rows:
        sheet.append([_text_cell(sheet, row.get(c, "")) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text_cell(sheet: Any, text: str) -> Any:
    """A text cell, never a formula; characters XML cannot hold (an old row's NUL) become U+FFFD."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
    cell.data_type = "s"  # openpyxl would type a text starting with "=" as a formula
    return cell
