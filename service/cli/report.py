"""``ipsmatch report fidelity|outcomes|key-dates|ips-grow``: the supervisor's reports from a database file.

The operator acts as an admin named ``cli`` (every unit, or ``--unit``); each report read is
audit-logged per participant under that name, as the HTTP routes log theirs. JSON goes to
``--out`` or stdout; CSV cells are made formula-safe as in the CRM exports.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

import polars as pl
import typer
from rich.console import Console

from reports.rules import ProgrammeRules
from service.access.users import User
from service.api.schemas.reports import FidelityItemOut
from service.config import Settings
from service.runtime.database import Database
from service.usecases import reports as uc
from service.usecases.programme_rules import programme
from service.usecases.report_csv import to_csv
from storekit.errors import InvalidError

report_app = typer.Typer(
    help="IPS-25 fidelity, outcomes, key dates and the IPS Grow sheet.", no_args_is_help=True
)
err = Console(stderr=True)
OPERATOR = User(id="cli", username="cli", display_name="cli", role="admin", unit_id=None)

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")]
SinceOption = Annotated[dt.datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="first day")]
UntilOption = Annotated[dt.datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="last day")]
UnitOption = Annotated[str | None, typer.Option("--unit", help="one unit (default: all)")]
Format = Literal["json", "csv"]
FormatOption = Annotated[str, typer.Option("--format", help="json or csv")]
OutOption = Annotated[Path | None, typer.Option("--out", help="file to write (default: stdout)")]


def _run(
    db: str | None,
    fmt: str,
    out: Path | None,
    make: Callable[[Database, uc.Scope, ProgrammeRules], str | pl.DataFrame],
    unit: str | None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> None:
    """Open the file, build the scope, run ``make`` with the rules, write its JSON text or table."""
    if fmt not in ("json", "csv"):
        err.print("[red]error:[/red] --format must be json or csv")
        raise typer.Exit(2)
    settings = Settings(db_path=db) if db else Settings()
    database = Database(settings.db_path)
    try:
        database.migrate()
        scope = uc.scope_for(OPERATOR, unit=unit, since=since and since.date(), until=until and until.date())
        result = make(database, scope, programme(settings).rules)
    except InvalidError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(2) from None
    finally:
        database.close()
    if isinstance(result, pl.DataFrame):
        result = to_csv(result) if fmt == "csv" else json.dumps(result.to_dicts(), default=str, indent=2)
    if out is None:
        typer.echo(result, nl=False)
    else:
        out.write_text(result, encoding="utf-8")
        err.print(f"wrote {out}")


@report_app.command("fidelity")
def fidelity(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    unit: UnitOption = None,
    format: FormatOption = "json",
    out: OutOption = None,
) -> None:
    """The computable IPS-25 items (JSON: with their evidence rows; CSV: one row per item)."""

    def make(database: Database, scope: uc.Scope, rules: ProgrammeRules) -> str | pl.DataFrame:
        items = uc.fidelity_report(db=database, user=OPERATOR, rules=rules, scope=scope)
        served = [FidelityItemOut.from_result(i).model_dump(mode="json") for i in items]
        if format == "csv":
            return pl.DataFrame(
                [{k: v for k, v in i.items() if k not in ("evidence", "extra")} for i in served]
            )
        return json.dumps(served, indent=2)

    _run(db, format, out, make, unit, since, until)


@report_app.command("outcomes")
def outcomes(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    unit: UnitOption = None,
    by: Annotated[str, typer.Option("--by", help="programme, unit or specialist")] = "programme",
    format: FormatOption = "json",
    out: OutOption = None,
) -> None:
    """Outcome rates per quarter and group, with the ids behind each count."""
    if by not in ("programme", "unit", "specialist"):
        err.print("[red]error:[/red] --by must be programme, unit or specialist")
        raise typer.Exit(2)

    def make(database: Database, scope: uc.Scope, rules: ProgrammeRules) -> str | pl.DataFrame:
        return uc.outcomes_report(db=database, user=OPERATOR, rules=rules, scope=scope, by=by)  # type: ignore[arg-type]

    _run(db, format, out, make, unit, since, until)


@report_app.command("key-dates")
def key_dates(
    db: DbOption = None, unit: UnitOption = None, format: FormatOption = "json", out: OutOption = None
) -> None:
    """One row per participant with the dates a fidelity chart review checks."""

    def make(database: Database, scope: uc.Scope, rules: ProgrammeRules) -> str | pl.DataFrame:
        return uc.key_dates_report(db=database, user=OPERATOR, rules=rules, scope=scope)

    _run(db, format, out, make, unit)


@report_app.command("ips-grow")
def ips_grow(
    db: DbOption = None,
    quarter: Annotated[str | None, typer.Option(help="e.g. 2026-Q3")] = None,
    unit: UnitOption = None,
    sheet: Annotated[str, typer.Option(help="caseload or counts (CSV)")] = "caseload",
    format: FormatOption = "json",
    out: OutOption = None,
) -> None:
    """The IPS Grow caseload sheet and the quarter's counts (CSV: the one ``--sheet`` names)."""

    def make(database: Database, scope: uc.Scope, rules: ProgrammeRules) -> str | pl.DataFrame:
        q = uc.quarter_window(quarter) if quarter else uc.current_quarter()
        people, counts = uc.ips_grow_report(
            db=database, user=OPERATOR, rules=rules, scope=uc.Scope(scope.units, q), quarter=q
        )
        if format == "csv":
            return people if sheet == "caseload" else counts
        return json.dumps(
            {"quarter": q.label, "caseload": people.to_dicts(), "counts": counts.to_dicts()},
            default=str,
            indent=2,
        )

    _run(db, format, out, make, unit)
