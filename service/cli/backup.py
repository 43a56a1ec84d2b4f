"""``ipsmatch backup OUT`` and ``ipsmatch restore IN --db FILE`` (Parquet via DuckDB EXPORT/IMPORT)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from service.config import Settings
from service.runtime.backup import BackupError, restore_backup, write_backup
from service.runtime.database import Database, DatabaseLockedError

err = Console(stderr=True)


def backup(
    out: Annotated[Path, typer.Argument(help="New folder to write the backup into")],
    db: Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")] = None,
) -> None:
    """Back up the database to the folder OUT; a running server's file: use POST /admin/backup."""
    settings = Settings(db_path=db) if db else Settings()
    try:
        database = Database(settings.db_path)
    except DatabaseLockedError as exc:
        err.print(f"[red]error:[/red] {exc.path} is held by a running server; use its POST /admin/backup")
        sys.exit(3)
    try:
        done = write_backup(database, out.parent, name=out.name)
    except BackupError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
    finally:
        database.close()
    rows = sum(t["rows"] for t in done.tables.values())
    err.print(f"backup {done.name}: {len(done.tables)} tables, {rows} rows, manifest {out / 'manifest.json'}")


def restore(
    source: Annotated[Path, typer.Argument(help="Backup folder (holds manifest.json)")],
    db: Annotated[str, typer.Option("--db", help="New DuckDB file to create (never overwritten)")],
) -> None:
    """Restore the backup folder IN into a new database file, checked against its manifest."""
    try:
        manifest = restore_backup(source, Path(db))
    except BackupError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
    database = Database(db)
    try:
        applied = database.migrate()  # an older backup comes up to the current schema
    finally:
        database.close()
    rows = sum(t["rows"] for t in manifest.tables.values())
    err.print(f"restored {manifest.name} into {db}: {rows} rows; migrations applied: {applied or 'none'}")
