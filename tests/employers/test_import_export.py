"""Export -> import into an empty database -> export gives the same file, for every entity."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import duckdb
import pytest

import employers
from employers import ContactStore, EmployerStore, OpeningStore, PeopleStore
from employers.exports import export_file
from employers.import_rows import Hooks
from employers.imports import ImportStore


def _db() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    for script in sorted(employers.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    return con


@pytest.fixture
def source() -> Iterator[duckdb.DuckDBPyConnection]:
    con = _db()
    emp = EmployerStore(con).create(
        values={
            "name": "Hansen & Søn ApS",
            "aliases": ["Hansen", "H&S"],
            "registry_number": "31245672",
            "registry_kind": "cvr",
            "stage": "partnered",
            "do_not_contact": False,
            "hiring_occupations": ["occ:1"],
            "needs_learned": "Weekend staff; early shifts",
        },
        actor="a",
    )
    EmployerStore(con).create(
        values={"name": "Kvarnen AB", "do_not_contact": True, "external_id": "k-1"}, actor="a"
    )
    PeopleStore(con).create(
        values={
            "full_name": "Mette Jensen",
            "email": "m@h.dk",
            "employers": [{"employer_id": emp.id, "role": "HR", "active_from": date(2024, 2, 1)}],
        },
        actor="a",
    )
    ContactStore(con).create(
        values={
            "employer_id": emp.id,
            "specialist": "anna",
            "occurred_at": datetime(2026, 10, 1, 9, 30, tzinfo=UTC),
            "mode": "face_to_face",
            "status": "held",
            "purpose": "learn_business",
            "learned": "They hire in spring",
        },
        actor="a",
    )
    OpeningStore(con).create(
        values={
            "employer_id": emp.id,
            "title": "Kok",
            "hours_min": 20.5,
            "wage_hourly": 150.0,
            "status": "lead",
        },
        actor="a",
    )
    yield con
    con.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_into_an_empty_database(source: duckdb.DuckDBPyConnection, fmt: str) -> None:
    target = _db()
    for entity in ("employers", "people", "contacts", "openings"):
        data, count = export_file(source, entity, fmt, units=[])
        assert count >= 1
        run = ImportStore(target).create(
            entity=entity, mode="upsert", file_name=f"x.{fmt}", data=data, actor="b", hooks=Hooks()
        )
        assert (run.status, run.errors, run.created) == ("applied", 0, count), run.rows
        again, _ = export_file(target, entity, "csv", units=[])
        original, _ = export_file(source, entity, "csv", units=[])
        assert again == original, entity
