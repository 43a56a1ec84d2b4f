"""`TaskStore`: follow-up tasks with a due date and an assignee."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from employers import changes
from employers.base import RecordStore
from employers.records import TaskRecord, check_task
from employers.values import TaskValues
from storekit.connection import Connection
from storekit.transactions import now


class TaskStore(RecordStore[TaskRecord, TaskValues]):
    """Tasks in ``crm_tasks``; marking one done stamps ``done_at``."""

    table = "crm_tasks"
    entity = "task"
    record = TaskRecord
    filters = ("employer_id", "person_id", "contact_id", "assignee", "status")
    defaults: ClassVar[Mapping[str, Any]] = {"status": "open"}
    internal = frozenset({"done_at"})

    def check(self, values: Mapping[str, Any]) -> None:
        """Task rules."""
        check_task(values)

    def apply_update(
        self, con: Connection, record_id: str, values: Mapping[str, Any], actor: str
    ) -> dict[str, tuple[Any, Any]]:
        """Update, then stamp (or clear) ``done_at`` when the status changed."""
        done = super().apply_update(con, record_id, values, actor)
        if "status" in done:
            stamp = now() if done["status"][1] == "done" else None
            done |= changes.update_row(
                con,
                table=self.table,
                entity=self.entity,
                entity_id=record_id,
                values={"done_at": stamp},
                actor=actor,
            )
        return done
