"""Backup and restore: DuckDB ``EXPORT DATABASE`` to Parquet, taken while the service runs.

A backup is a folder ``ipsmatch-<UTC time>/`` holding DuckDB's ``schema.sql``, ``load.sql``, one
Parquet file per table and ``manifest.json``: per table its row count and a content checksum
(``sum(hash(row))``, order-independent), per file its SHA-256, and the DuckDB version. The export
and the checksums run in one read transaction on a cursor of their own, so they describe one
consistent snapshot (DuckDB's MVCC) while requests keep reading and writing; the writer lock is
not held, so a backup never stalls the service.

Restore builds a new database file from a backup: file digests are checked first, then the
import runs into a temporary file whose row counts (and, with the same DuckDB version, content
checksums) must equal the manifest's before it is moved into place. An existing file is never
overwritten. Migrations then bring an older backup up to the current schema (`Database.migrate`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from service.runtime.database import Database

MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    """A backup cannot be written or restored (bad folder, changed file, mismatched counts)."""


@dataclass(frozen=True, slots=True)
class Backup:
    """A written backup: ``tables`` maps table -> {"rows": n, "checksum": text}; ``files`` name -> sha256."""

    name: str
    path: str
    created_at: str
    duckdb_version: str
    tables: dict[str, dict[str, Any]]
    files: dict[str, str]


def write_backup(db: Database, folder: Path, *, name: str | None = None) -> Backup:
    """Export the whole database into ``folder/<name>`` (a new folder) and write its manifest.

    Args:
        db: The open database (the server's own, or one the CLI opened).
        folder: Parent folder, created if missing (owner-only: backups hold participant data).
        name: Folder name; default ``ipsmatch-YYYYmmddTHHMMSSffffffZ``.
    """
    at = datetime.now(UTC)
    name = name or f"ipsmatch-{at:%Y%m%dT%H%M%S%fZ}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / name
    if target.exists():
        raise BackupError(f"{target} already exists")
    cur = db.fresh_cursor()
    try:
        cur.execute("BEGIN TRANSACTION")  # export and checksums read one snapshot
        cur.execute(f"EXPORT DATABASE '{_sql_path(target)}' (FORMAT parquet)")
        tables = table_stats(cur)
        cur.execute("COMMIT")
    except duckdb.Error as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise BackupError(f"backup to {target} failed: {exc}") from None
    finally:
        cur.close()
    os.chmod(target, 0o700)  # participant data: owner only, whatever the umask
    for file in target.iterdir():
        os.chmod(file, 0o600)
    files = {p.name: _sha256(p) for p in sorted(target.iterdir())}
    backup = Backup(name, str(target), at.isoformat(), duckdb.__version__, tables, files)
    manifest = target / MANIFEST
    manifest.write_text(json.dumps(asdict(backup), indent=2, sort_keys=True))
    os.chmod(manifest, 0o600)
    return backup


def restore_backup(source: Path, db_path: Path) -> Backup:
    """Build ``db_path`` (must not exist) from the backup folder ``source``; return its manifest.

    Raises:
        BackupError: No manifest, a file changed since the backup, or the imported tables differ.
    """
    if db_path.exists():
        raise BackupError(f"{db_path} exists; restore only into a new file")
    manifest = read_manifest(source)
    for file, digest in manifest.files.items():
        if not (source / file).is_file() or _sha256(source / file) != digest:
            raise BackupError(f"{source / file} is missing or changed since the backup")
    temp = db_path.with_name(db_path.name + ".restoring")
    for leftover in (temp, temp.with_name(temp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        _import(source, temp, manifest)
        os.chmod(temp, 0o600)
        os.replace(temp, db_path)
    finally:
        temp.unlink(missing_ok=True)
        temp.with_name(temp.name + ".wal").unlink(missing_ok=True)
    return manifest


def _import(source: Path, temp: Path, manifest: Backup) -> None:
    try:
        with duckdb.connect(str(temp)) as con:
            con.execute("SET TimeZone = 'UTC'")
            con.execute(f"IMPORT DATABASE '{_sql_path(source)}'")
            _compare(manifest, table_stats(con))
            con.execute("CHECKPOINT")
    except duckdb.Error as exc:
        raise BackupError(f"restoring {source} failed: {exc}") from None


def read_manifest(source: Path) -> Backup:
    """The manifest of a backup folder (BackupError when there is none or it is unreadable)."""
    try:
        return Backup(**json.loads((source / MANIFEST).read_text()))
    except (OSError, ValueError, TypeError) as exc:
        raise BackupError(f"{source} is not an ipsmatch backup ({exc})") from None


def table_stats(con: Any) -> dict[str, dict[str, Any]]:
    """Table -> {"rows": count, "checksum": sum of row hashes as text} for every base table."""
    names = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "AND schema_name = 'main' ORDER BY table_name"
        ).fetchall()
    ]
    out = {}
    for table in names:  # names come from the catalog, quoted as identifiers
        rows, checksum = con.execute(f'SELECT count(*), sum(hash(t)::HUGEINT) FROM "{table}" AS t').fetchone()
        out[table] = {"rows": int(rows), "checksum": str(checksum or 0)}
    return out


def _compare(manifest: Backup, found: dict[str, dict[str, Any]]) -> None:
    same_engine = manifest.duckdb_version == duckdb.__version__  # hash() may change between versions
    for table, want in manifest.tables.items():
        got = found.get(table)
        if (
            got is None
            or got["rows"] != want["rows"]
            or (same_engine and got["checksum"] != want["checksum"])
        ):
            raise BackupError(f"table {table}: restored {got} differs from the backup's {want}")
    if set(found) != set(manifest.tables):
        raise BackupError(f"restored tables differ: {sorted(set(found) ^ set(manifest.tables))}")


def _sql_path(path: Path) -> str:
    """An absolute path as a SQL string literal body (quotes doubled)."""
    return str(path.resolve()).replace("'", "''")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
