"""Follow-up tasks."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from service.api.pagination import Limit
from service.api.record_routes import RecordRoutes
from service.api.schemas.tasks import TaskIn, TaskOut, TaskPage, TaskPatch
from service.deps import TasksDep, UserDep, get_task_store
from service.usecases import tasks

router = APIRouter(prefix="/tasks", tags=["tasks and notes"])
routes = RecordRoutes(router, entity="task", get_store=get_task_store, out_model=TaskOut)
routes.add_create(
    TaskIn, tasks.add_task, doc="Add a follow-up task (assigned to the caller unless ``assignee`` is given)."
)


@router.get("", response_model=TaskPage)
def list_tasks(
    user: UserDep,
    store: TasksDep,
    employer_id: UUID | None = None,
    assignee: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(pattern="^(open|done|cancelled)$")] = None,
    limit: Limit = 50,
    after: UUID | None = None,
) -> TaskPage:
    """Tasks ordered by id, filtered; cursor pagination."""
    return routes.page(
        TaskPage, store, limit=limit, after=after, employer_id=employer_id, assignee=assignee, status=status
    )


routes.add_get("Read one task.")
routes.add_update(TaskPatch, "Change a task; status ``done`` stamps ``done_at``.", change=tasks.change_task)
routes.add_delete_and_restore()
