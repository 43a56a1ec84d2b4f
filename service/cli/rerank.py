"""``ipsmatch rerank train|simulate``: the learned re-ranker over score parts (off by default)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from service.config import Settings

err = Console(stderr=True)
rerank_app = typer.Typer(help="Learn the lead order from specialists' feedback.", no_args_is_help=True)
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")]


def _settings(db: str | None) -> Settings:
    return Settings(db_path=db) if db is not None else Settings()


@rerank_app.command("train")
def train(db: DbOption = None) -> None:
    """Fit the re-ranker on every lead with feedback; enable it with IPSMATCH_RERANKER=logistic."""
    from service.runtime.database import Database
    from service.usecases.rerank import reranker_path, train_reranker

    settings = _settings(db)
    database = Database(settings.db_path)
    try:
        database.migrate()
        path = reranker_path(settings)
        try:
            model = train_reranker(database, path)
        except ValueError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        weights = ", ".join(
            f"{n} {w:+.2f}" for n, w in zip(model.feature_names_in_, model.coef_, strict=True)
        )
        err.print(f"trained on {model.n_train_} labelled leads; wrote {path}\nweights: {weights}")
    finally:
        database.close()


@rerank_app.command("simulate")
def simulate_command(
    db: DbOption = None,
    draws: Annotated[int, typer.Option(help="Simulated specialists (hidden preferences)")] = 20,
    depth: Annotated[int, typer.Option(help="Candidates per person")] = 50,
) -> None:
    """Offline evaluation on simulated feedback over the database's participants (e.g. the demo)."""
    from service.runtime.database import Database
    from service.runtime.resources import Resources
    from service.usecases.lead_engine import LeadEngine
    from service.usecases.rerank import candidate_parts, simulation_table

    settings = _settings(db)
    database = Database(settings.db_path)
    try:
        database.migrate()
        res = Resources.load(settings)
        engine = LeadEngine(database, res.encoder, res.catalog, res.linker)
        with err.status("ranking candidates for every active participant"):
            people = candidate_parts(database, engine, depth)
        if len(people) < 10:
            err.print(
                f"[red]error:[/red] only {len(people)} participants with enough leads; seed the demo first"
            )
            raise typer.Exit(2)
        table, _ = simulation_table(people, draws=draws)
        typer.echo(
            f"{len(people)} participants, {depth} candidates each, {draws} simulated specialists\n\n{table}"
        )
    finally:
        database.close()
