"""GDPR commands on the database file: ``participants export|erase`` and ``retention``.

These run as the operator on a file no server holds (DuckDB allows one writing process); against
a running server use its routes (``GET /participants/{id}/export``, ``POST .../erase``). The
operator acts as ``cli``: every export and erasure is audit-logged under that name.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from participants import InvalidError
from service.config import Settings
from service.runtime.database import Database
from service.usecases import subject_export
from service.usecases.erasure import apply_erasure
from service.usecases.retention import apply_retention, plan_retention

participants_app = typer.Typer(help="A participant's GDPR rights: export what is held, erase it.")
err = Console(stderr=True)
OPERATOR = "cli"
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")]


def _open(db: str | None) -> tuple[Database, Settings]:
    settings = Settings(db_path=db) if db else Settings()
    database = Database(settings.db_path)
    database.migrate()
    return database, settings


def _missing(participant_id: str) -> NoReturn:
    err.print(f"[red]error:[/red] no participant {participant_id!r} in this database")
    raise typer.Exit(2)


@participants_app.command("export")
def export_participant(
    participant_id: str,
    out: Annotated[Path, typer.Option("--out", help="File to write (.json, or .zip for one CSV per table)")],
    db: DbOption = None,
) -> None:
    """Write everything held about PARTICIPANT_ID (erased ones too) to --out; audit-logged."""
    from service.access.audit import log_access

    database, _ = _open(db)
    try:
        tables = subject_export.gather(database, participant_id)
        if not tables["caseload_participants"]:
            _missing(participant_id)
        fmt = "zip" if out.suffix == ".zip" else "json"
        data = (
            subject_export.to_zip(tables) if fmt == "zip" else subject_export.to_json(participant_id, tables)
        )
        out.write_bytes(data)
        log_access(
            database,
            user_id=OPERATOR,
            action="export",
            entity="participant",
            entity_ids=[participant_id],
            detail=fmt,
        )
    finally:
        database.close()
    err.print(f"wrote {sum(len(r) for r in tables.values())} rows in {len(tables)} tables to {out}")


@participants_app.command("erase")
def erase_participant(
    participant_id: str,
    mode: Annotated[str, typer.Option(help="erase (all personal data) or pseudonymise")] = "erase",
    db: DbOption = None,
) -> None:
    """Erase or pseudonymise PARTICIPANT_ID, keeping a tombstone for aggregate figures."""
    database, _ = _open(db)
    try:
        if not subject_export.gather(database, participant_id)["caseload_participants"]:
            _missing(participant_id)
        try:
            done = apply_erasure(
                database, participant_id=participant_id, mode=mode, actor=OPERATOR, user_id=OPERATOR
            )
        except InvalidError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    finally:
        database.close()
    err.print(f"{done.mode}: caseload {done.caseload}; crm {done.crm}")


def retention(
    db: DbOption = None,
    apply: Annotated[bool, typer.Option("--apply/--dry-run", help="Act, or only list (default)")] = False,
) -> None:
    """List (--dry-run) or pseudonymise/delete (--apply) what is past the retention settings."""
    database, settings = _open(db)
    try:
        plan = plan_retention(database, settings, now=datetime.now(UTC))
        for person in plan.participants:
            typer.echo(f"participant {person['id']}\tunit {person['unit_id']}\tclosed {person['closed_on']}")
        typer.echo(f"audit rows before {plan.audit_cutoff:%Y-%m-%d}: {plan.audit_rows}")
        if apply:
            done = apply_retention(database, plan)
            err.print(
                f"pseudonymised {done['pseudonymised']}; deleted {done['audit_rows_deleted']} audit rows"
            )
        else:
            err.print(f"dry run: {len(plan.participants)} past {settings.retention_closed_months} months")
    finally:
        database.close()
