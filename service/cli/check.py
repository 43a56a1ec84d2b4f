"""``ipsmatch check``: rule checks measured on a database (``check travel``)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console

from service.config import Settings
from service.runtime.database import Database

check_app = typer.Typer(help="Measure the ranking rules on a database.", no_args_is_help=True)
err = Console(stderr=True)


@check_app.command("travel")
def travel(
    db: Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")] = None,
    n: Annotated[int, typer.Option(help="Top leads per person to look at")] = 10,
) -> None:
    """Share of top-n leads beyond the person's travel area while a local one of the same group waits."""
    from service.runtime.resources import Resources  # heavy imports only when the command runs
    from service.usecases.lead_engine import LeadEngine
    from service.usecases.travel_check import check_travel

    settings = Settings() if db is None else Settings(db_path=db)
    database = Database(settings.db_path)
    try:
        database.migrate()
        res = Resources.load(settings)
        engine = LeadEngine(
            database, res.encoder, res.catalog, res.linker, travel_area_km=settings.travel_area_km
        )
        with err.status("ranking every participant"):
            found = check_travel(database, engine, n=n)
    finally:
        database.close()
    err.print(
        f"{found.outside_with_local} of {found.leads} top-{n} leads ({found.share:.1%}) lie beyond the "
        f"travel area while a local lead of the same group waits; {found.people} people; "
        f"{found.top5_other_country} top-5 leads in another country (encoder {settings.encoder})"
    )
    typer.echo(json.dumps({"share": found.share, **{k: getattr(found, k) for k in found.__slots__}}))
