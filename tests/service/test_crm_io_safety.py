"""Imports and exports under hostile cells: formulas stay text (issue 13 item 8), bad cells are refused."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import Api
from tests.service.crm_helpers import employer

#: Cells a spreadsheet would run (OWASP CSV injection), quoted ones, and one that is only text.
#: (Tab and CR starts are quoted too, but the importer trims cells: they do not round-trip.)
FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "'=already quoted",
    "''@twice",
    "'t Hooft & Co",
]


def _import(api: Api, data: bytes, name: str, entity: str = "employers", **form: Any) -> Any:
    fields = {"entity": entity, "mode": "upsert", **{k: str(v).lower() for k, v in form.items()}}
    return api.call("POST", "/imports", files={"file": (name, data)}, data=fields)


def _employers(api: Api) -> list[tuple[str, str, str]]:
    rows = api.db.cursor().execute(
        "SELECT name, needs_learned, hiring_process FROM crm_employers WHERE deleted_at IS NULL ORDER BY name"
    )
    return [tuple(r) for r in rows.fetchall()]


def test_csv_export_neutralises_formulas_and_reimports_to_the_same_data(api: Api) -> None:
    for i, text in enumerate(FORMULAS):
        employer(api, name=f"{text} {i}", needs_learned=text)
    before = _employers(api)
    r = api.call("GET", "/exports/employers?format=csv")
    assert r.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(r.content.decode("utf-8-sig"))) for c in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert '\'=HYPERLINK("http://evil.example","click")' in cells and "''=already quoted" in cells
    assert "'t Hooft & Co" in cells  # not a formula: left as it was
    again = _import(api, r.content, "employers.csv").json()
    assert (again["status"], again["unchanged"], again["updated"]) == ("applied", len(FORMULAS), 0)
    assert _employers(api) == before
    assert api.call("GET", "/exports/employers?format=csv").content == r.content


def test_csv_export_quotes_cells_starting_with_tab_or_cr(api: Api) -> None:
    employer(api, name="Blank AB", needs_learned="\t=1+1", hiring_process="\r=2+2")
    r = api.call("GET", "/exports/employers?format=csv")
    cells = [c for row in csv.reader(io.StringIO(r.content.decode("utf-8-sig"))) for c in row]
    assert "'\t=1+1" in cells and "'\r=2+2" in cells


def test_xlsx_export_writes_formulas_as_text_and_reimports_to_the_same_data(api: Api) -> None:
    for i, text in enumerate(FORMULAS):
        employer(api, name=f"Firma {i}", needs_learned=text)
    before = _employers(api)
    r = api.call("GET", "/exports/employers?format=xlsx")
    assert r.status_code == 200
    sheet = load_workbook(io.BytesIO(r.content)).worksheets[0]
    kinds = {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row if cell.value}
    assert "f" not in kinds, kinds  # no live formula
    texts = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert set(FORMULAS) <= set(texts)  # written as they are: a text cell needs no quote
    again = _import(api, r.content, "employers.xlsx").json()
    assert (again["status"], again["unchanged"], again["updated"]) == ("applied", len(FORMULAS), 0)
    assert _employers(api) == before


def test_failed_rows_file_neutralises_formulas_too(api: Api) -> None:
    rep = _import(api, b"name,stage\n=1+1,married\n", "e.csv").json()
    r = api.call("GET", rep["failed_rows_url"])
    assert r.status_code == 200 and "'=1+1" in r.content.decode("utf-8-sig")


def test_an_import_cell_over_the_limit_is_refused_naming_row_and_column(api: Api) -> None:
    big = "x" * 200_000  # over Python csv's own 128 KB field limit too
    r = _import(api, f"name,needs_learned\nA,ok\nB,{big}\n".encode(), "e.csv")
    assert r.status_code == 422, r.text
    msg = r.json()["detail"][0]["msg"]
    assert "row 3" in msg and "needs_learned" in msg, msg
    assert len(r.content) < 2000
    fits = "y" * 20_000  # an opening description may be this long
    emp = employer(api)
    text = f"employer_id,title,description\n{emp['id']},Kock,{fits}\n"
    opening = _import(api, text.encode(), "o.csv", entity="openings")
    assert opening.status_code == 201 and opening.json()["errors"] == 0, opening.text


@pytest.mark.parametrize("cell", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1850-01-01"])
def test_an_import_date_out_of_range_is_a_row_error(api: Api, cell: str) -> None:
    emp = employer(api)
    text = f"employer_id,occurred_at,mode,purpose\n{emp['id']},{cell},phone,follow_up\n"
    r = _import(api, text.encode(), "c.csv", entity="contacts")
    assert r.status_code == 201, r.text
    rep = r.json()
    assert (rep["status"], rep["rows"][0]["field"]) == ("rejected", "occurred_at")
    assert api.db.cursor().execute("SELECT count(*) FROM crm_contacts").fetchone()[0] == 0


@pytest.mark.parametrize("cell", ["a\x00b", "nan"])
def test_control_characters_and_nan_in_import_cells_are_row_errors(api: Api, cell: str) -> None:
    column = "hours_min" if cell == "nan" else "description"
    emp = employer(api)
    text = f"employer_id,title,{column}\n{emp['id']},Kock,{cell}\n"
    r = _import(api, text.encode(), "o.csv", entity="openings")
    assert r.status_code == 201, r.text
    assert (r.json()["status"], r.json()["rows"][0]["field"]) == ("rejected", column)


def test_an_old_row_with_a_nul_byte_cannot_break_the_xlsx_export(api: Api) -> None:
    emp = employer(api)
    api.db.cursor().execute(
        "UPDATE crm_employers SET needs_learned = 'a' || chr(0) || 'b' WHERE id = ?", [emp["id"]]
    )
    r = api.call("GET", "/exports/employers?format=xlsx")
    assert r.status_code == 200
    texts = [c.value for row in load_workbook(io.BytesIO(r.content)).worksheets[0].iter_rows() for c in row]
    assert "a\ufffdb" in texts
