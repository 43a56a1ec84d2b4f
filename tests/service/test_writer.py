from __future__ import annotations

import threading
from pathlib import Path

import pytest

from service.runtime.database import Database


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = Database(str(tmp_path / "w.duckdb"))
    database.cursor().execute("CREATE TABLE t (i INTEGER)")
    yield database
    database.close()


def test_concurrent_writes_are_all_committed_in_fewer_transactions(db: Database) -> None:
    commits = []
    gate = threading.Barrier(20)

    def write(i: int) -> None:
        gate.wait()
        db.group_commit(lambda cur: cur.execute("INSERT INTO t VALUES (?)", [i]))

    original = db.group_commit

    def counting(fn):  # type: ignore[no-untyped-def]
        return original(
            lambda cur: (commits.append(cur.execute("SELECT txid_current()").fetchone()[0]), fn(cur))
        )

    db.group_commit = counting  # type: ignore[method-assign]
    threads = [threading.Thread(target=write, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r[0] for r in db.cursor().execute("SELECT i FROM t").fetchall()) == list(range(20))
    assert len(set(commits)) < 20  # some writes shared a transaction


def test_a_failing_write_fails_alone(db: Database) -> None:
    errors: list[BaseException] = []
    gate = threading.Barrier(6)

    def write(sql: str) -> None:
        gate.wait()
        try:
            db.group_commit(lambda cur: cur.execute(sql))
        except Exception as exc:
            errors.append(exc)

    sqls = ["INSERT INTO t VALUES (1)"] * 5 + ["INSERT INTO missing_table VALUES (1)"]
    threads = [threading.Thread(target=write, args=(s,)) for s in sqls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(errors) == 1 and "missing_table" in str(errors[0])
    assert db.cursor().execute("SELECT count(*) FROM t").fetchone() == (5,)


def test_close_commits_what_is_queued(tmp_path: Path) -> None:
    path = str(tmp_path / "c.duckdb")
    db = Database(path)
    db.cursor().execute("CREATE TABLE t (i INTEGER)")
    db.group_commit(lambda cur: cur.execute("INSERT INTO t VALUES (7)"))
    db.close()
    again = Database(path)
    assert again.cursor().execute("SELECT i FROM t").fetchall() == [(7,)]
    again.close()


def test_appends_commit_while_the_writer_lock_is_held(db: Database) -> None:
    """Audit rows do not queue behind a long write (e.g. an import chunk open on another cursor)."""
    writer = db._con.cursor()
    writer.execute("BEGIN TRANSACTION")
    writer.execute("INSERT INTO t VALUES (1)")  # a long write, not committed yet, holding the lock
    done = threading.Event()
    with db.write_lock:
        thread = threading.Thread(
            target=lambda: (db.append_commit(lambda cur: cur.execute("INSERT INTO t VALUES (2)")), done.set())
        )
        thread.start()
        assert done.wait(timeout=5), "the append waited for the writer lock"
        other = db._con.cursor()  # sees committed rows only
        assert other.execute("SELECT i FROM t").fetchall() == [(2,)]
    writer.execute("COMMIT")  # both transactions appended to the same table: no conflict
    thread.join()
    assert sorted(db.cursor().execute("SELECT i FROM t").fetchall()) == [(1,), (2,)]
