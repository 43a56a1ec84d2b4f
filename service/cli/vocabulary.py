"""``ipsmatch vocabulary add|list|remove|import|gaps``: the team's aliases, straight in the file.

Like ``ipsmatch import``, these open the database file themselves (a file held by a running
server gives one clear line; use ``/vocabulary`` on that server instead). A running server
reads the aliases at start-up, so restart it after changing them here.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from matching.linking.esco import EscoCatalog
from service.access.auth import caseload_units
from service.cli.io import AsOption, DbOption, _opened
from service.usecases import vocabulary as usecase
from service.usecases.vocabulary_gaps import vocabulary_gaps
from service.usecases.vocabulary_io import CSV_COLUMNS, import_aliases, read_csv
from storekit.errors import StoreError
from vocabulary import AliasStore, AliasValues

err = Console(stderr=True)
vocabulary_app = typer.Typer(help="The team's aliases for titles and skills (-> ESCO).", no_args_is_help=True)
KindOption = Annotated[str, typer.Option(help="occupation or skill")]


@contextmanager
def _store(db: str | None, as_user: str | None = None) -> Iterator[tuple[AliasStore, EscoCatalog, str]]:
    """The alias store on the opened file, the ESCO catalog and the actor; store errors -> exit 1."""
    with _opened(db, as_user) as (database, settings, user):
        try:
            store = AliasStore(database.cursor(), database.write_lock)
            yield store, EscoCatalog.load(settings.data_dir / "esco"), user.username if user else "cli"
        except StoreError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from None


@vocabulary_app.command("add")
def add(
    text: Annotated[str, typer.Argument(help="The title or skill as the team writes it")],
    esco_uri: Annotated[str, typer.Argument(help="The ESCO occupation, ISCO group or skill URI")],
    language: Annotated[str, typer.Option(help="sv, da, fr or en")],
    kind: KindOption = "occupation",
    note: Annotated[str, typer.Option(help="Why the team added it")] = "",
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Add one alias; prints it as JSON."""
    with _store(db, as_user) as (store, catalog, actor):
        values = AliasValues(kind=kind, language=language, text=text, esco_uri=esco_uri, note=note)
        rec = usecase.add_alias(catalog=catalog, engine=None, store=store, values=values, actor=actor)
        typer.echo(json.dumps({"id": rec.id, "kind": rec.kind, "language": rec.language, "text": rec.text}))


@vocabulary_app.command("list")
def list_command(
    kind: Annotated[str | None, typer.Option(help="occupation or skill")] = None,
    language: Annotated[str | None, typer.Option(help="sv, da, fr or en")] = None,
    db: DbOption = None,
) -> None:
    """Every live alias as CSV (the import format, with id and note)."""
    with _store(db) as (store, _, _actor):
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow([*CSV_COLUMNS, "note", "id"])
        for a in store.live():
            if (kind is None or a.kind == kind) and (language is None or a.language == language):
                out.writerow([a.kind, a.language, a.text, a.esco_uri, a.note, a.id])


@vocabulary_app.command("remove")
def remove(
    alias_id: Annotated[str, typer.Argument(help="The alias id (see `vocabulary list`)")],
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Remove an alias (soft delete; records already linked keep their link)."""
    with _store(db, as_user) as (store, _, actor):
        rec = usecase.remove_alias(engine=None, store=store, alias_id=alias_id, actor=actor)
        err.print(f"removed {rec.text!r} ({rec.language}) -> {rec.esco_uri}")


@vocabulary_app.command("import")
def import_command(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="CSV: kind,language,text,esco_uri")
    ],
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Import aliases from CSV: all rows or none; every bad row is named with why (exit 1)."""
    rows, problems = read_csv(file.read_text(encoding="utf-8"))
    with _store(db, as_user) as (store, catalog, actor):
        outcome = (
            import_aliases(catalog=catalog, engine=None, store=store, rows=rows, actor=actor)
            if not problems
            else None
        )
    problems = problems or (outcome.problems if outcome else [])
    for p in problems:
        err.print(f"line {p.line}: {p.field}: {p.message}")
    if problems or outcome is None:
        err.print(f"nothing imported: {len(problems)} bad row(s)")
        raise typer.Exit(1)
    err.print(f"{len(outcome.created)} aliases added, {outcome.unchanged} already there")
    typer.echo(json.dumps({"created": len(outcome.created), "unchanged": outcome.unchanged}))


@vocabulary_app.command("gaps")
def gaps(
    limit: Annotated[int, typer.Option(help="At most this many")] = 50,
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Titles and skills in use that did not link to ESCO, most used first (tab-separated).

    Openings always count; participants' words only with ``--as`` (over that user's units).
    """
    from employers import OpeningStore
    from participants import ParticipantStore

    with _opened(db, as_user) as (database, _, user):
        cur = database.cursor()
        units = caseload_units(user) if user else []
        found = vocabulary_gaps(
            openings=OpeningStore(cur), participants=ParticipantStore(cur), unit_ids=units, limit=limit
        )
    typer.echo("count\topenings\tparticipants\tkind\tlanguage\ttext")
    for g in found:
        typer.echo(f"{g.count}\t{g.openings}\t{g.participants}\t{g.kind}\t{g.language}\t{g.text}")
