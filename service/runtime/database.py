"""DuckDB lifecycle: open once per process, a cursor per thread, one writer lock, migrations."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb

import employers
import participants
import vocabulary
from service.runtime.writer import GroupWriter

T = TypeVar("T")

SERVICE_MIGRATIONS = Path(__file__).parent / "migrations"
#: Applied in this order; each package owns its numbered, forward-only scripts.
MIGRATION_SOURCES: tuple[tuple[str, Path], ...] = (
    ("app", SERVICE_MIGRATIONS),
    ("employers", employers.MIGRATIONS),
    ("participants", participants.MIGRATIONS),
    ("vocabulary", vocabulary.MIGRATIONS),
)
_LOCK_PID = re.compile(r"PID (\d+)")


class DatabaseLockedError(RuntimeError):
    """Another process holds the DuckDB file open for writing."""

    def __init__(self, path: str, pid: int | None) -> None:
        who = f"process {pid}" if pid else "another process"
        super().__init__(
            f"{path} is in use by {who} (DuckDB allows one writing process per file). "
            "Stop that process, or use its HTTP API (e.g. the running `ipsmatch serve`)."
        )
        self.path = path
        self.pid = pid


def _owner_only(path: str) -> None:
    """Make the database file, its WAL and everything else this process creates owner-only (0600).

    The file holds health-related personal data. DuckDB creates the file and, after every
    checkpoint, a new WAL with the process umask, so the umask itself is tightened (for the whole
    process: its exports and backups hold the same data); files made earlier are chmod-ed.
    """
    os.umask(os.umask(0o077) | 0o077)
    for name in (path, f"{path}.wal"):
        if os.path.exists(name):
            os.chmod(name, 0o600)


class Database:
    """The process's one DuckDB connection.

    Args:
        path: Database file, or ":memory:".

    Raises:
        DatabaseLockedError: The file is held by another process (never waits or retries).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            _owner_only(path)
        try:
            self._con = duckdb.connect(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            match = _LOCK_PID.search(str(exc))
            raise DatabaseLockedError(path, int(match.group(1)) if match else None) from None
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._writer: GroupWriter | None = None
        self._appender: GroupWriter | None = None
        #: Process-local caches that belong to this database (e.g. token -> user).
        self.memo: dict[str, Any] = {}
        self._writer_started = threading.Lock()

    def cursor(self) -> Any:
        """A cursor for the calling thread (DuckDB connections are not thread-safe)."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self._new_cursor()
        return cur

    def group_commit(self, fn: Callable[[Any], T]) -> T:
        """Run the write ``fn(cursor)`` in a transaction shared with other waiting writes.

        Returns once committed (see `service.runtime.writer`); ``fn`` must only write.
        """
        if self._writer is None:
            with self._writer_started:
                if self._writer is None:
                    self._writer = GroupWriter(self._new_cursor, self.write_lock)
        return self._writer.submit(fn)

    def fresh_cursor(self) -> Any:
        """A new cursor of this connection, for one long read (e.g. a backup); close it after use."""
        return self._new_cursor()

    def append_commit(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(cursor)``, which only INSERTs new rows (the audit log), without the writer lock.

        DuckDB lets the transactions of one process run and commit side by side (optimistic
        concurrency: only two writes to the same row conflict). New rows with fresh UUID keys
        conflict with nothing, so these jobs need not queue behind an import or any other write
        holding the writer lock. They are grouped like `group_commit` (their own writer thread and
        cursor) and it returns only once they are committed.
        """
        if self._appender is None:
            with self._writer_started:
                if self._appender is None:
                    self._appender = GroupWriter(self._new_cursor, threading.Lock(), name="append")
        return self._appender.submit(fn)

    def _new_cursor(self) -> Any:
        cur = self._con.cursor()
        cur.execute("SET TimeZone = 'UTC'")
        return cur

    def handle(self) -> ThreadCursor:
        """A connection for stores made in one thread and used in another.

        FastAPI runs each sync dependency and the route itself as separate threadpool calls, so a
        store built in a dependency would otherwise carry that thread's cursor into the route's
        thread, where another request may be using it at the same moment.
        """
        return ThreadCursor(self)

    def migrate(self) -> list[str]:
        """Apply pending migrations in order; return the names applied now."""
        con = self._con
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (package VARCHAR, version INTEGER, "
            "name VARCHAR, applied_at TIMESTAMPTZ, PRIMARY KEY (package, version))"
        )
        done = {(p, v) for p, v in con.execute("SELECT package, version FROM schema_migrations").fetchall()}
        applied = []
        with self.write_lock:
            for package, folder in MIGRATION_SOURCES:
                for script in sorted(folder.glob("*.sql")):
                    version = int(script.name.split("_", 1)[0])
                    if (package, version) in done:
                        continue
                    con.execute("BEGIN TRANSACTION")
                    con.execute(script.read_text())
                    con.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                        [package, version, script.name, datetime.now(UTC)],
                    )
                    con.execute("COMMIT")
                    applied.append(f"{package}/{script.name}")
        if applied and self.path != ":memory:":
            con.execute("CHECKPOINT")  # DDL in the WAL is the riskiest thing to replay
        return applied

    def close(self) -> None:
        """Commit queued writes, checkpoint and close."""
        for writer in (self._writer, self._appender):
            if writer is not None:
                writer.close()
        self._writer = self._appender = None
        if self.path != ":memory:":
            self._con.execute("CHECKPOINT")
        self._con.close()


class ThreadCursor:
    """Looks up the calling thread's cursor on every ``execute``/``executemany``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        """Run a statement on this thread's cursor; returns the cursor (to fetch from)."""
        return self._db.cursor().execute(*args, **kwargs)

    def executemany(self, *args: Any, **kwargs: Any) -> Any:
        """Run a statement for many parameter rows on this thread's cursor."""
        return self._db.cursor().executemany(*args, **kwargs)
