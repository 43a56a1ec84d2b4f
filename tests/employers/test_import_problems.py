"""A bad row reports every problem it has, not only the first (the preview lists them all)."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

import employers
from employers.import_rows import Hooks
from employers.imports import ImportRecord, ImportStore
from employers.registry import registry_problem


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    db = duckdb.connect(":memory:")
    for script in sorted(employers.MIGRATIONS.glob("*.sql")):
        db.execute(script.read_text())
    yield db
    db.close()


def _dry(con: duckdb.DuckDBPyConnection, text: str, entity: str = "employers", **kw: object) -> ImportRecord:
    hooks = Hooks(known_owner=lambda name: name in {"anna", "bo"})
    return ImportStore(con).create(
        entity=entity,
        mode="upsert",
        file_name="f.csv",
        data=text.encode(),
        actor="t",
        dry_run=True,
        hooks=hooks,
        **kw,  # type: ignore[arg-type]
    )


def test_every_problem_of_a_row_is_reported(con: duckdb.DuckDBPyConnection) -> None:
    run = _dry(
        con,
        "name,registry_number,registry_kind,country,owner,stage,do_not_contact\n"
        "Bra AB,556677-8899,org_nr,SE,anna,prospect,nej\n"
        ",556677-8898,org_nr,Sverige,okänd,married,kanske\n",
    )
    good, bad = run.rows
    assert (good.action, good.problems) == ("created", ())
    assert bad.action == "error" and run.errors == 1
    assert [f for f, _ in bad.problems] == [
        "do_not_contact", "stage", "country", "owner", "registry_number", "name",
    ]  # fmt: skip
    assert (bad.field, bad.message) == bad.problems[0]
    messages = dict(bad.problems)
    assert "fails the org_nr check digit" in messages["registry_number"]
    assert "not an ISO 3166 country code" in messages["country"]
    assert "not a user of your unit" in messages["owner"]
    assert messages["name"] == "is required to create a record"


def test_dates_and_required_fields_of_other_entities_are_all_reported(con: duckdb.DuckDBPyConnection) -> None:
    run = _dry(
        con, "employer_external_id,occurred_at,mode,purpose,next_step_due\nx,igår,,,31/31/2026\n", "contacts"
    )
    (row,) = run.rows
    fields = [f for f, _ in row.problems]
    assert fields == ["occurred_at", "next_step_due", "mode", "purpose"]


def test_a_row_matched_for_an_update_needs_no_required_fields(con: duckdb.DuckDBPyConnection) -> None:
    employers.EmployerStore(con).create(
        values={"name": "Kvarnen AB", "registry_number": "5566778899"}, actor="t"
    )
    run = _dry(con, "registry_number,country\n556677-8899,SE\n556677-8899,S\n")
    assert [r.action for r in run.rows] == ["updated", "error"]
    assert [f for f, _ in run.rows[1].problems] == ["country"]


def test_owners_are_not_checked_without_the_hook(con: duckdb.DuckDBPyConnection) -> None:
    run = ImportStore(con).create(
        entity="employers",
        mode="upsert",
        file_name="f.csv",
        data=b"name,owner\nA AB,vem\n",
        actor="t",
        dry_run=True,
    )
    assert run.rows[0].action == "created"


@pytest.mark.parametrize(
    ("number", "kind", "ok"),
    [
        ("556677-8899", "org_nr", True), ("16556677-8899", "org_nr", True), ("556677-8898", "org_nr", False),
        ("24256790", "cvr", True), ("DK 24 25 67 90", "cvr", True), ("24256791", "cvr", False),
        ("732 829 320", "siren", True), ("73282932000074", "siren", True), ("732829321", "siren", False),
        ("1234567", "companies_house", True), ("SC089123", "companies_house", True),
        ("ABC", "companies_house", False), ("123", "cvr", False), ("HRB 1", "other", True),
    ],
)  # fmt: skip
def test_registry_numbers_are_checked_per_kind(number: str, kind: str, ok: bool) -> None:
    assert (registry_problem(number, kind) is None) is ok
