"""``ipsmatch feeds pull SOURCE [FILE]``: a job board's ads into the CRM's openings, straight in the file.

Like ``ipsmatch import``, this opens the database file itself (a file held by a running server
gives one clear line). Without FILE the board's API is asked (IPSMATCH_FEEDS_LIVE; ``--since``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, TaskID

from feeds import FeedError, ParsedFeed, adapter_for
from service.cli.io import AsOption, DbOption, _engine, _opened
from service.config import Settings
from service.usecases.feeds.fetch import FeedFetchError, fetch_feed
from service.usecases.feeds.pull import pull_feed

err = Console(stderr=True)
feeds_app = typer.Typer(help="Openings from the public job boards (JobTech, France Travail, Jobnet, UK).")


@feeds_app.command("pull")
def pull(
    source: Annotated[str, typer.Argument(help="jobtech, francetravail, jobnet, uk or generic")],
    file: Annotated[
        Path | None, typer.Argument(exists=True, dir_okay=False, help="A saved feed file")
    ] = None,
    since: Annotated[
        datetime | None, typer.Option(help="Live fetch: ads changed since this UTC time (JobStream)")
    ] = None,
    snapshot: Annotated[
        bool, typer.Option("--snapshot", help="The file lists every open ad: close the stored ones it lacks")
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help="Field mapping (JSON) for a generic board"),
    ] = None,
    as_user: AsOption = None,
    db: DbOption = None,
) -> None:
    """Pull a file (or a live fetch) of ads; prints counts, each refused ad, and a JSON summary last."""
    with _opened(db, as_user) as (database, settings, user):
        feed = _parsed(source, file, mapping, since, settings)
        engine = _engine(database, settings)
        with _progress() as tick:
            summary = pull_feed(
                database,
                engine,
                feed,
                actor=user.username if user else "feeds",
                snapshot=snapshot,
                progress=tick,
            )
        for rejected in summary.rejected:
            err.print(f"ad {rejected.ad_id or '?'}: {rejected.reason}")
        err.print(
            f"{source}: {summary.new} new, {summary.updated} updated, {summary.closed} closed, "
            f"{summary.unchanged} unchanged, {len(summary.rejected)} rejected; employers "
            f"{summary.employers_matched} matched, {summary.employers_created} new prospects"
        )
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))


def _parsed(
    source: str, file: Path | None, mapping: Path | None, since: datetime | None, settings: Settings
) -> ParsedFeed:
    """The parsed ads; a bad source, mapping or file is one line and exit code 2."""
    try:
        adapter = adapter_for(source, json.loads(mapping.read_text()) if mapping else None)
        data = file.read_bytes() if file else fetch_feed(adapter.source, settings, since=since)
        return adapter.parse(data)
    except (FeedError, FeedFetchError, json.JSONDecodeError) as exc:
        err.print(f"feeds pull: {exc}")
        raise typer.Exit(2) from None


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar per stage (link, match, write), fed by `pull_feed`'s progress calls."""
    with Progress(console=err, transient=True) as bars:
        tasks: dict[str, TaskID] = {}

        def tick(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=max(total, 1))
            bars.update(tasks[stage], completed=done, total=max(total, 1))

        yield tick
