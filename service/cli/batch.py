"""The ``ipsmatch batch`` command's body: a rich progress bar with ETA around `run_batch`."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from service.config import Settings
from service.runtime.database import Database
from service.runtime.resources import Resources
from service.usecases.batch.options import BatchOptions
from service.usecases.batch.report import cap_summary
from service.usecases.batch.runner import run_batch
from service.usecases.lead_engine import LeadEngine


class RichProgress:
    """One bar per phase; a plain line per finished chunk too, so logs (and tests) can follow."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
        )
        self.task: TaskID | None = None
        self.name = ""
        self.chunks = 0

    def phase(self, name: str, total: int) -> None:  # noqa: D102
        if self.task is not None:
            self.bar.update(self.task, completed=self.bar.tasks[self.task].total)
        self.name, self.chunks = name, 0
        self.task = self.bar.add_task(f"{name:<6}", total=total)

    def advance(self, done: int) -> None:  # noqa: D102
        assert self.task is not None
        self.bar.advance(self.task, done)
        self.chunks += 1
        self.console.log(f"{self.name} chunk {self.chunks} done ({done} participants)")


def run_from_cli(
    database: Database, settings: Settings, options: BatchOptions, batch_id: str | None, console: Console
) -> None:
    """Load the model, run or resume the batch with a progress bar, print a one-line report."""
    database.migrate()
    res = Resources.load(settings)
    engine = LeadEngine(
        database, res.encoder, res.catalog, res.linker, travel_area_km=settings.travel_area_km
    )
    with console.status("building the index"):
        engine.ranker()
    progress = RichProgress(console)
    with progress.bar:
        record = run_batch(database, engine, options, batch_id=batch_id, actor="cli-batch", progress=progress)
    console.print(
        f"batch {record.id} {record.status}: {record.participants_done}/{record.participants} participants, "
        f"{record.leads_written} leads (caps: max {options.max_per_opening} per opening, "
        f"{options.max_per_employer} per employer)"
    )
    console.print(cap_summary(record), soft_wrap=True)  # one line, whatever the terminal width
