"""The import pipeline: rehearsal without the writer lock, chunked writes, late conflicts, recovery."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

import employers
from employers import EmployerStore, import_run
from employers.import_keys import ImportKeys
from employers.import_rows import Hooks
from employers.imports import ImportStore


class _Counting:
    """A connection that counts the statements run through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.statements = con, 0

    def execute(self, query: str, parameters: object = None, /) -> Any:
        self.statements += 1
        return self.con.execute(query, parameters)

    def executemany(self, query: str, parameters: object = None, /) -> Any:
        self.statements += 1
        return self.con.executemany(query, parameters)


class _WatchedLock:
    """The writer lock, recording how often and how long it was held."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.holds: list[float] = []
        self._since = 0.0

    def locked(self) -> bool:
        return self._lock.locked()

    def __enter__(self) -> None:
        self._lock.acquire()
        self._since = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.holds.append(time.perf_counter() - self._since)
        self._lock.release()


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    db = duckdb.connect(":memory:")
    for script in sorted(employers.MIGRATIONS.glob("*.sql")):
        db.execute(script.read_text())
    yield db
    db.close()


def _csv(rows: list[tuple[str, str]]) -> bytes:
    return ("name,registry_number\n" + "".join(f"{n},{r}\n" for n, r in rows)).encode()


def _employers(start: int, count: int) -> list[tuple[str, str]]:
    return [(f"Firma{i:05d} Lager{i:05d}", f"55{i:08d}") for i in range(start, start + count)]


def _live(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(*) FROM crm_employers WHERE deleted_at IS NULL").fetchone()[0])


def test_statements_per_row_do_not_grow_with_the_live_employers(con: duckdb.DuckDBPyConnection) -> None:
    """The uniqueness check is a key lookup: no query per row over every live employer."""
    data = _csv(_employers(90_000, 40))
    counted = _Counting(con)
    ImportStore(counted).create(
        entity="employers", mode="create", file_name="a.csv", data=data, actor="t", dry_run=True
    )
    few = counted.statements
    ImportStore(con).create(
        entity="employers", mode="create", file_name="s.csv", data=_csv(_employers(0, 600)), actor="t"
    )
    assert _live(con) == 600
    counted.statements = 0
    run = ImportStore(counted).create(
        entity="employers", mode="create", file_name="a.csv", data=data, actor="t", dry_run=True
    )
    assert (run.status, run.created) == ("dry_run", 40)
    assert counted.statements == few  # 600 more live employers, not one statement more


def test_registry_numbers_match_after_normalising(con: duckdb.DuckDBPyConnection) -> None:
    EmployerStore(con).create(values={"name": "Kvarnen AB", "registry_number": "556677-8899"}, actor="t")
    keys = ImportKeys(con, ("crm_employers",))
    assert keys.lookup("crm_employers", "registry_number", "SE 5566778899 01") is not None
    data = b"name,registry_number\nKvarn Nya,5566778899\n"
    run = ImportStore(con).create(entity="employers", mode="create", file_name="a.csv", data=data, actor="t")
    assert [r.action for r in run.rows] == ["skipped"]


def test_linking_runs_without_the_lock_and_writes_come_in_short_chunks(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_run, "CHUNK_ROWS", 100)
    lock = _WatchedLock()
    emp = EmployerStore(con, lock).create(values={"name": "Bageriet"}, actor="t")
    held_while_linking = []

    def link(values: Any) -> Any:
        held_while_linking.append(lock.locked())
        return {**values, "occupation_uri": "occ:1"}

    rows = "".join(f"Bagare {i},{emp.id}\n" for i in range(350))
    run = ImportStore(con, lock).create(
        entity="openings",
        mode="create",
        file_name="o.csv",
        data=f"title,employer_id\n{rows}".encode(),
        actor="t",
        hooks=Hooks(normalise_opening=link),
    )
    assert (run.status, run.created) == ("applied", 350)
    assert len(held_while_linking) == 350 and not any(held_while_linking)  # linked once per row, unlocked
    chunk_holds = [h for h in lock.holds if h > 0]
    assert len(chunk_holds) >= 4  # run row, 4 chunks, the finish: never one transaction for all rows
    stored = con.execute("SELECT count(*) FROM crm_openings WHERE occupation_uri = 'occ:1'").fetchone()
    assert stored == (350,)


def test_another_writer_gets_the_lock_between_chunks(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_run, "CHUNK_ROWS", 50)
    lock = _WatchedLock()
    data = _csv(_employers(0, 400))
    done: dict[str, float] = {}

    def other_writer() -> None:
        while "import" not in done and not lock.holds:
            time.sleep(0.001)  # wait until the import has started writing
        with lock:
            done["other"] = time.perf_counter()

    thread = threading.Thread(target=other_writer)
    thread.start()
    ImportStore(con.cursor(), lock).create(
        entity="employers", mode="create", file_name="a.csv", data=data, actor="t"
    )
    done["import"] = time.perf_counter()
    thread.join()
    assert done["other"] < done["import"]


def test_a_row_that_turns_bad_before_its_chunk_rejects_the_whole_run(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_run, "CHUNK_ROWS", 10)
    stores = EmployerStore(con.cursor())
    kept, closing = (stores.create(values={"name": n}, actor="t") for n in ("Bageriet", "Kvarnen"))
    real = import_run.apply_chunks

    def someone_deletes_an_employer(*args: Any, **kwargs: Any) -> Any:
        stores.delete(employer_id=closing.id, actor="x")
        return real(*args, **kwargs)

    monkeypatch.setattr("employers.imports.apply_chunks", someone_deletes_an_employer)
    rows = "".join(f"Bagare {i},{closing.id if i == 35 else kept.id}\n" for i in range(40))
    data = f"title,employer_id\n{rows}".encode()
    run = ImportStore(con).create(entity="openings", mode="create", file_name="o.csv", data=data, actor="t")
    assert (run.status, run.created, run.errors) == ("rejected", 39, 1)  # as a rejection reports
    (bad,) = [r for r in run.rows if r.action == "error"]
    assert (bad.row_number, bad.field) == (37, "employer_id")
    live = "SELECT count(*) FROM crm_openings WHERE deleted_at IS NULL"
    assert con.execute(live).fetchone() == (0,)  # the 30 rows written before row 37's chunk were undone

    monkeypatch.undo()
    monkeypatch.setattr(import_run, "CHUNK_ROWS", 10)
    stores.restore(employer_id=closing.id, actor="x")
    monkeypatch.setattr("employers.imports.apply_chunks", someone_deletes_an_employer)
    skipping = ImportStore(con).create(
        entity="openings", mode="create", file_name="o.csv", data=data, actor="t", skip_bad_rows=True
    )
    assert (skipping.status, skipping.created, skipping.errors) == ("applied", 39, 1)
    assert con.execute(live).fetchone() == (39,)


def test_a_run_left_applying_by_a_crash_is_reverted_on_recovery(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_run, "CHUNK_ROWS", 10)
    calls = {"n": 0}
    real = ImportStore._record_rows

    def crash_in_third_chunk(con_: Any, import_id: str, results: list[dict[str, Any]]) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the process dies mid-import
        real(con_, import_id, results)

    monkeypatch.setattr(ImportStore, "_record_rows", staticmethod(crash_in_third_chunk))
    with pytest.raises(KeyboardInterrupt):
        ImportStore(con).create(
            entity="employers", mode="create", file_name="a.csv", data=_csv(_employers(0, 40)), actor="t"
        )
    assert _live(con) == 20  # two chunks committed
    monkeypatch.undo()
    store = ImportStore(con)
    (stale,) = store.recover(actor="system")
    assert store.get(import_id=stale).status == "failed"
    assert _live(con) == 0
    assert store.recover(actor="system") == []


def test_a_row_naming_a_record_an_earlier_chunk_created_updates_it(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_run, "CHUNK_ROWS", 5)
    rows = [*_employers(0, 8), ("Firma00001 Lager00001 Nya", "55-00000001")]  # row 10 names row 3's number
    dry = ImportStore(con).create(
        entity="employers", mode="upsert", file_name="a.csv", data=_csv(rows), actor="t", dry_run=True
    )
    assert [r.action for r in dry.rows] == ["created"] * 8 + ["updated"]
    assert dry.rows[-1].entity_id == dry.rows[1].entity_id
    run = ImportStore(con).create(
        entity="employers", mode="upsert", file_name="a.csv", data=_csv(rows), actor="t"
    )
    assert (run.status, run.created, run.updated) == ("applied", 8, 1)
    name = con.execute("SELECT name FROM crm_employers WHERE id = ?", [run.rows[1].entity_id]).fetchone()
    assert name == ("Firma00001 Lager00001 Nya",)
