"""Follow-up tasks."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from service.api.record_routes import RecordRoutes
from service.api.schemas.problems import error_responses
from service.api.schemas.tasks import TaskIn, TaskOut, TaskPage, TaskPatch
from service.deps import get_task_store
from service.usecases import tasks

router = APIRouter(prefix="/tasks", tags=["tasks and notes"], responses=error_responses())
routes = RecordRoutes(router, entity="task", get_store=get_task_store, out_model=TaskOut)
routes.add_create(
    TaskIn, tasks.add_task, doc="Add a follow-up task (assigned to the caller unless ``assignee`` is given)."
)


routes.add_list(
    TaskPage,
    "Tasks ordered by id, filtered; cursor pagination.",
    name="list_tasks",
    employer_id=UUID | None,
    assignee=Annotated[str | None, Query(max_length=100)],
    status=Annotated[str | None, Query(pattern="^(open|done|cancelled)$")],
)
routes.add_get("Read one task.")
routes.add_update(TaskPatch, "Change a task; status ``done`` stamps ``done_at``.", change=tasks.change_task)
routes.add_delete_and_restore()
