"""``ipsmatch import`` and ``ipsmatch export``: CRM files straight into/out of the DuckDB file.

Both open the database file themselves (stop the server first, or use ``POST /imports`` and
``GET /exports/{entity}``); a file held by a running server gives one clear line (exit code 3).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from service.usecases.lead_engine import LeadEngine

from service.access.users import User, get_user
from service.config import Settings
from service.runtime.database import Database
from service.usecases.imports import recover_imports, run_export, run_import

err = Console(stderr=True)
AsOption = Annotated[
    str | None,
    typer.Option(
        "--as", help="Username to act as (needed to import or export participant links on contacts)"
    ),
]
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")]


def import_file(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or xlsx file")],
    entity: Annotated[str, typer.Option(help="employers, people, contacts or openings")] = "employers",
    mode: Annotated[str, typer.Option(help="create, upsert or update")] = "upsert",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report only; write nothing")] = False,
    skip_bad_rows: Annotated[bool, typer.Option("--skip-bad-rows", help="Apply the good rows")] = False,
    skip_duplicate_check: Annotated[
        bool, typer.Option("--skip-duplicate-check", help="Create employers even if they look like one")
    ] = False,
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Import a CSV/xlsx file; prints counts, every bad row, and a JSON summary last."""
    with _opened(db, as_user) as (database, settings, user):
        engine = _engine(database, settings) if entity == "openings" else None
        rec = run_import(
            database,
            engine,
            user,
            entity=entity,
            mode=mode,
            file_name=file.name,
            data=file.read_bytes(),
            actor=user.username if user else "cli",
            dry_run=dry_run,
            skip_bad_rows=skip_bad_rows,
            skip_duplicate_check=skip_duplicate_check,
        )
        for row in rec.rows:
            if row.action == "error":
                err.print(f"row {row.row_number}: {row.field or ''}: {row.message}")
        err.print(
            f"{rec.status}: {rec.created} created, {rec.updated} updated, {rec.unchanged} unchanged, "
            f"{rec.skipped} skipped, {rec.errors} bad rows (import {rec.id})"
        )
        summary = {k: getattr(rec, k) for k in ("id", "status", "created", "updated", "skipped", "errors")}
        typer.echo(json.dumps(summary | {"unchanged": rec.unchanged}))
        if rec.status == "rejected":
            raise typer.Exit(1)


def export_entity(
    entity: Annotated[str, typer.Argument(help="employers, people, contacts or openings")],
    out: Annotated[Path, typer.Option("--out", help="File to write")],
    fmt: Annotated[str, typer.Option("--format", help="csv or xlsx")] = "csv",
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Export every live record in the import format (audit-logged)."""
    with _opened(db, as_user) as (database, _, user):
        data, count = run_export(database, user, entity=entity, fmt=fmt, user_id=user.id if user else "cli")
        out.write_bytes(data)
        err.print(f"wrote {count} {entity} to {out}")


@contextmanager
def _opened(db: str | None, username: str | None) -> Iterator[tuple[Database, Settings, User | None]]:
    """The migrated database file, the settings and the user to act as; closed afterwards."""
    settings = Settings(db_path=db) if db else Settings()
    database = Database(settings.db_path)
    try:
        database.migrate()
        recover_imports(database)
        yield database, settings, _user(database, username)
    finally:
        database.close()


def _user(database: Database, username: str | None) -> User | None:
    if username is None:
        return None
    user = get_user(database, username=username)
    if user is None:
        err.print(f"no active user {username!r}")
        raise typer.Exit(2)
    return user


def _engine(database: Database, settings: Settings) -> LeadEngine:
    """An engine for ESCO linking of imported openings (no embedding model needed for that)."""
    from service.runtime.resources import Resources  # heavy imports only when an opening import needs them
    from service.usecases.lead_engine import LeadEngine

    res = Resources.load(settings.model_copy(update={"encoder": "hashing"}))
    return LeadEngine(database, res.encoder, res.catalog, res.linker)
