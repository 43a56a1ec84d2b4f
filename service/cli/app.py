"""The `ipsmatch` command line (typer)."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from rich.console import Console

from service.cli import backup as cli_backup
from service.cli import check as cli_check
from service.cli import feeds as cli_feeds
from service.cli import io as cli_io
from service.cli import quality as cli_quality
from service.cli import report as cli_report
from service.cli import rerank as cli_rerank
from service.cli import rights as cli_rights
from service.cli import users as cli_users
from service.cli import vocabulary as cli_vocabulary
from service.config import Settings
from service.runtime.database import Database, DatabaseLockedError

app = typer.Typer(help="ipsmatch: job leads and employer network for IPS teams.", no_args_is_help=True)
err = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH or ipsmatch.duckdb)")
]


def _settings(db: str | None = None, **overrides: object) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if db is not None:
        values["db_path"] = db
    return Settings(**values)  # type: ignore[arg-type]


def _serve(settings: Settings, demo_user: str | None = None) -> None:
    import uvicorn

    from service.app import create_app

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    uvicorn.run(
        create_app(settings, demo_user=demo_user),
        host=settings.host,
        port=settings.port,
        workers=1,
        log_level=settings.log_level,
    )


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port")] = None,
) -> None:
    """Serve the API (docs at /docs) from one process that owns the database file."""
    settings = _settings(db, host=host, port=port)
    if settings.anonymous_user:
        err.print(
            "[red]error:[/red] IPSMATCH_ANONYMOUS_USER is set, but `serve` always asks for sign-in; "
            "unset it (only `ipsmatch demo` serves its own demo file without sign-in)"
        )
        raise typer.Exit(2)
    _serve(settings)


@app.command()
def seed(db: DbOption = None) -> None:
    """Load the synthetic demo data into the database (once; a seeded database is left alone)."""
    settings = _settings(db)
    _seed(settings)


def _seed(settings: Settings) -> None:
    from service.demo.seed import is_seeded, seed_demo
    from service.runtime.resources import Resources
    from service.usecases.lead_engine import LeadEngine

    database = Database(settings.db_path)
    try:
        database.migrate()
        if is_seeded(database):
            err.print(f"{settings.db_path} already holds data; not seeding again")
            return
        res = Resources.load(settings)
        engine = LeadEngine(database, res.encoder, res.catalog, res.linker, skills=res.skills)
        with err.status("seeding synthetic demo data"):
            counts = seed_demo(database, engine, settings.data_dir / "demo")
        with err.status("embedding openings and employers (cached for next time)"):
            engine.ranker()
        err.print("seeded " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    finally:
        database.close()


@app.command()
def demo(
    db: DbOption = None,
    port: Annotated[int | None, typer.Option(help="TCP port")] = None,
    as_user: Annotated[
        str | None,
        typer.Option("--as", help="Demo user to act as, e.g. ebba.sv (default: the Manchester supervisor)"),
    ] = None,
) -> None:
    """Seed the demo data into a new file if needed and serve it on 127.0.0.1 without sign-in.

    Only a file the demo seeder made is served without sign-in; any other is refused.
    """
    from service.access.anonymous import AnonymousRefused, demo_user
    from service.demo.seed import demo_username

    base = _settings(db, port=port).model_copy(update={"host": "127.0.0.1"})
    _seed(base)
    user = as_user or demo_username(base.data_dir / "demo")
    database = Database(base.db_path)
    try:
        demo_user(database, username=user, host=base.host)
    except AnonymousRefused as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        database.close()
    err.print(
        f"[bold]Demo[/bold]: requests without a token act as [cyan]{user}[/cyan]. "
        f"API docs: http://{base.host}:{base.port}/docs"
    )
    _serve(base, demo_user=user)


# The first commands for accounts, kept at the top level: `ipsmatch token` and `ipsmatch password`.
app.command("token")(cli_users.token)
app.command("password")(cli_users.reset_password)
app.command("import")(cli_io.import_file)
app.command("export")(cli_io.export_entity)


@app.command()
def batch(
    db: DbOption = None,
    batch_id: Annotated[str | None, typer.Option("--batch-id", help="Resume or re-run this batch id")] = None,
    engine: Annotated[str | None, typer.Option(help="local (this process) or ray")] = None,
    ray_address: Annotated[
        str | None, typer.Option(help="Ray cluster address (IPSMATCH_RAY_ADDRESS)")
    ] = None,
    leads: Annotated[int | None, typer.Option(help="Leads per participant")] = None,
    max_per_opening: Annotated[int | None, typer.Option(help="Cap: participants per opening")] = None,
    max_per_employer: Annotated[int | None, typer.Option(help="Cap: leads per employer")] = None,
    chunk: Annotated[int | None, typer.Option(help="Participants per chunk")] = None,
) -> None:
    """Re-rank every active participant into a lead batch (resumable; same rules as the API)."""
    from service.cli.batch import run_from_cli
    from service.usecases.batch.options import BatchOptions

    settings = _settings(db)
    options = BatchOptions.from_settings(
        settings,
        engine=engine,
        ray_address=ray_address,
        leads=leads,
        max_per_opening=max_per_opening,
        max_per_employer=max_per_employer,
        chunk=chunk,
    )
    try:
        database = Database(settings.db_path)
    except DatabaseLockedError as exc:
        who = f"process {exc.pid}" if exc.pid else "another process"
        err.print(
            f"[red]error:[/red] {exc.path} is in use by {who}; run the batch inside that server "
            "instead: POST /batches (then GET /batches/{id})"
        )
        sys.exit(3)
    try:
        run_from_cli(database, settings, options, batch_id, err)
    finally:
        database.close()


app.command("eval")(cli_quality.eval_command)
app.add_typer(cli_quality.linker_app, name="linker")
app.add_typer(cli_rerank.rerank_app, name="rerank")
app.add_typer(cli_check.check_app, name="check")
app.add_typer(cli_vocabulary.vocabulary_app, name="vocabulary")
app.add_typer(cli_feeds.feeds_app, name="feeds")
app.add_typer(cli_rights.participants_app, name="participants")
app.command("retention")(cli_rights.retention)
app.command("backup")(cli_backup.backup)
app.command("restore")(cli_backup.restore)
app.add_typer(cli_users.users_app, name="users")
app.add_typer(cli_report.report_app, name="report")


def main() -> None:
    """Console entry point: domain errors become one clear line and a non-zero exit."""
    try:
        app()
    except DatabaseLockedError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(3)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
