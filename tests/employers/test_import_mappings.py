"""Column mappings at the store: applied to the rows, saved per file shape, proposed again."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import duckdb
import pytest

import employers
from employers import EmployerStore
from employers.errors import InvalidError
from employers.import_mappings import ImportMappings
from employers.imports import ImportStore

SWEDISH = "Namn;Orgnr;Anteckning;Land\r\nKvarnen Åby AB;556677-8899;ring i maj;SE\r\n"


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    db = duckdb.connect(":memory:")
    for script in sorted(employers.MIGRATIONS.glob("*.sql")):
        db.execute(script.read_text())
    yield db
    db.close()


def _import(con: duckdb.DuckDBPyConnection, data: bytes, **kw: object) -> employers.imports.ImportRecord:
    return ImportStore(con).create(
        entity="employers", mode="upsert", file_name="f.csv", data=data, actor="t", **kw
    )  # type: ignore[arg-type]


def test_a_mapping_fills_fields_ignores_columns_and_gives_the_registry_kind(
    con: duckdb.DuckDBPyConnection,
) -> None:
    mapping = {"Namn": "name", "Orgnr": "registry_number", "Anteckning": "", "Land": "country"}
    run = _import(con, SWEDISH.encode("cp1252"), mapping=mapping)
    assert (run.status, run.created) == ("applied", 1)
    (emp,) = EmployerStore(con).list()
    assert (emp.name, emp.registry_number, emp.registry_kind, emp.country) == (
        "Kvarnen Åby AB", "556677-8899", "org_nr", "SE",
    )  # fmt: skip
    assert run.mapping == mapping and run.dialect == (";", "cp1252")


def test_without_a_mapping_known_headers_are_recognised_and_unknown_ones_refused(
    con: duckdb.DuckDBPyConnection,
) -> None:
    with pytest.raises(InvalidError, match="unknown column 'Anteckning'"):
        _import(con, SWEDISH.encode())
    run = _import(con, b"Namn;CVR\nHansen ApS;24256790\n")
    assert run.created == 1 and EmployerStore(con).list()[0].registry_kind == "cvr"


def test_the_mapping_is_saved_per_file_shape_and_proposed_for_the_next_file(
    con: duckdb.DuckDBPyConnection,
) -> None:
    mappings = ImportMappings(con)
    guessed, saved = mappings.propose(entity="employers", headers=["Namn", "Orgnr", "Anteckning", "Land"])
    assert not saved and guessed == {
        "Namn": "name",
        "Orgnr": "registry_number",
        "Anteckning": "",
        "Land": "country",
    }
    _import(
        con,
        SWEDISH.encode(),
        mapping={"Namn": "name", "Orgnr": "", "Anteckning": "needs_learned", "Land": "country"},
        dry_run=True,
    )
    # the same headers in another order and case: the same shape, so the saved mapping comes back
    again, saved = mappings.propose(entity="employers", headers=["land", "ANTECKNING", "namn", "orgnr"])
    assert saved and again == {"land": "country", "ANTECKNING": "needs_learned", "namn": "name", "orgnr": ""}
    other, saved = mappings.propose(entity="employers", headers=["Namn", "Orgnr"])
    assert not saved and other == {"Namn": "name", "Orgnr": "registry_number"}
    assert mappings.propose(entity="people", headers=["Namn", "Orgnr", "Anteckning", "Land"])[1] is False


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"Saknas": "name"}, "no column 'Saknas'"),
        ({"Namn": "shoe_size"}, "not a employers field"),
        ({"Namn": "name", "Anteckning": "name"}, "two columns fill 'name'"),
    ],
)
def test_a_bad_mapping_is_refused_on_the_mapping_field(
    con: duckdb.DuckDBPyConnection, mapping: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidError, match=message) as err:
        _import(con, SWEDISH.encode(), mapping=mapping)
    assert err.value.field == "mapping"


def test_failed_rows_come_back_in_the_files_headers_delimiter_and_encoding(
    con: duckdb.DuckDBPyConnection,
) -> None:
    data = (SWEDISH + "Trasig Ö AB;;ring åter;XX\r\n").encode("cp1252")
    mapping = {"Namn": "name", "Orgnr": "registry_number", "Anteckning": "", "Land": "country"}
    run = _import(con, data, mapping=mapping, skip_bad_rows=True)
    assert (run.created, run.errors) == (1, 1)
    out = ImportStore(con).failed_rows(import_id=run.id)
    text = out.decode("cp1252")  # cp1252 throughout: "Ö" is the single byte 0xD6
    assert b"\xd6" in out
    (row,) = csv.DictReader(io.StringIO(text), delimiter=";")
    # every column of the file, the ignored one too, under the file's own headers
    assert row == {
        "Namn": "Trasig Ö AB",
        "Orgnr": "",
        "Anteckning": "ring åter",
        "Land": "XX",
        "error": row["error"],
    }
    assert row["error"].startswith("row 3: country:")


def test_a_utf8_comma_file_keeps_utf8_and_commas(con: duckdb.DuckDBPyConnection) -> None:
    run = _import(con, "name,stage\nÅ AB,married\n".encode(), skip_bad_rows=True)
    out = ImportStore(con).failed_rows(import_id=run.id)
    assert out.startswith("\ufeffname,stage,error\r\nÅ AB,married,".encode())
