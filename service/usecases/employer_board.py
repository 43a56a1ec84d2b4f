"""The employer board: the employer list's rows in one column per relationship stage.

Employer data is shared by the programme (as on the list, `employer_list`); the filters narrow
it the same way (country, owner, sector). Each card carries the employer's next open follow-up
(the earliest due open task). A move is the stage change every other writer makes
(`indexed_employers(...).update`: change log, stage history, lead index).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from employers import EmployerRecord, EmployerStore, TaskStore
from employers.listing import EmployerFilter, EmployerListing, EmployerRow
from matching.types import STAGES
from service.runtime.database import Database
from service.usecases.employers import indexed_employers
from service.usecases.lead_engine import LeadEngine

#: Cards a column shows; the rest are a link to the list filtered by the stage.
COLUMN_CARDS = 50
#: Open follow-ups read for the cards' "next follow-up" (the whole programme's, in one read).
_OPEN_TASKS = 20_000


@dataclass(frozen=True, slots=True)
class Card:
    """One employer on the board and its next open follow-up (None: none with a due date)."""

    employer: EmployerRow
    next_follow_up: date | None


@dataclass(frozen=True, slots=True)
class Column:
    """One stage's cards (at most `COLUMN_CARDS` by name, and a card just moved) and how many it holds."""

    stage: str
    cards: tuple[Card, ...]
    total: int


def employer_board(
    *, db: Database, where: EmployerFilter, per_column: int = COLUMN_CARDS, pinned: str | None = None
) -> list[Column]:
    """The board's columns in pipeline order (`STAGES`), each filtered by ``where`` (its stage ignored).

    ``pinned`` (the card a move just put there) is shown in its column even past ``per_column``,
    when it matches ``where``: after a move the board always shows the card where it went.
    """
    listing = EmployerListing(db.handle())
    pages: dict[str, tuple[list[EmployerRow], int]] = {
        stage: listing.page(where=replace(where, stage=stage), sort="name", offset=0, limit=per_column)
        for stage in STAGES
    }
    shown = {row.id for rows, _ in pages.values() for row in rows}
    if pinned is not None and pinned not in shown:
        found, _ = listing.page(
            where=replace(where, stage=None, ids=(pinned,)), sort="name", offset=0, limit=1
        )
        for row in found:
            rows, total = pages[row.stage]
            pages[row.stage] = ([*rows, row], total)
            shown.add(row.id)
    follow_ups = _next_follow_ups(TaskStore(db.handle()), shown)
    return [
        Column(stage, tuple(Card(r, follow_ups.get(r.id)) for r in rows), total)
        for stage, (rows, total) in pages.items()
    ]


def _next_follow_ups(tasks: TaskStore, employer_ids: set[str]) -> dict[str, date]:
    """Employer id -> the earliest due day of its open follow-ups, for ``employer_ids``."""
    if not employer_ids:
        return {}
    out: dict[str, date] = {}
    for task in tasks.list(filters={"status": "open"}, limit=_OPEN_TASKS):
        if task.employer_id in employer_ids and task.due_on is not None:
            out[task.employer_id] = min(task.due_on, out.get(task.employer_id, task.due_on))
    return out


def move_employer(
    *, store: EmployerStore, engine: LeadEngine, employer_id: str, stage: str, actor: str
) -> EmployerRecord:
    """Move a live employer to ``stage`` (NotFoundError: gone or merged; InvalidError: a bad stage).

    The same write as the employer page's stage form and ``PATCH /employers/{id}``.
    """
    return indexed_employers(store, engine).update(
        record_id=employer_id, values={"stage": stage}, actor=actor
    )
