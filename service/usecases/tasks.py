"""Follow-up tasks and notes: every write of the task and note stores goes through here."""

from __future__ import annotations

from employers import NoteRecord, NoteStore, TaskRecord, TaskStore
from employers.values import NoteValues, TaskValues


def add_task(*, store: TaskStore, values: TaskValues, actor: str) -> TaskRecord:
    """Add a follow-up task, assigned to ``actor`` unless ``values`` names an ``assignee``."""
    return store.create(values={**values, "assignee": values.get("assignee") or actor}, actor=actor)


def change_task(*, store: TaskStore, record_id: str, values: TaskValues, actor: str) -> TaskRecord:
    """Change a task; status ``done`` stamps ``done_at``."""
    return store.update(record_id=record_id, values=values, actor=actor)


def add_note(*, store: NoteStore, values: NoteValues, actor: str) -> NoteRecord:
    """Add a note about an employer (optionally about one of its people or openings)."""
    return store.create(values=values, actor=actor)


def change_note(*, store: NoteStore, record_id: str, values: NoteValues, actor: str) -> NoteRecord:
    """Change a note's text (the old text stays in the change log)."""
    return store.update(record_id=record_id, values=values, actor=actor)
