"""Follow-up tasks."""

from __future__ import annotations

from typing import Annotated, cast
from uuid import UUID

from fastapi import APIRouter, Query

from employers.values import TaskValues
from service.api.delete_restore import add_delete_and_restore, add_get, add_update
from service.api.pagination import Limit, after_id, id_page
from service.api.schemas.tasks import TaskIn, TaskOut, TaskPage, TaskPatch
from service.deps import TasksDep, UserDep, get_task_store
from service.usecases import tasks

router = APIRouter(prefix="/tasks", tags=["tasks and notes"])


@router.post("", status_code=201, response_model=TaskOut)
def create_task(body: TaskIn, user: UserDep, store: TasksDep) -> TaskOut:
    """Add a follow-up task (assigned to the caller unless ``assignee`` is given)."""
    return TaskOut.from_fields(
        tasks.add_task(store=store, values=cast(TaskValues, body.store_values()), actor=user.username)
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
    filters = {"employer_id": employer_id, "assignee": assignee, "status": status}
    records = store.list(limit=limit, after=after_id(after), filters=filters)
    return id_page(TaskPage, records, limit, TaskOut.from_fields)


add_get(router, entity="task", get_store=get_task_store, out_model=TaskOut, doc="Read one task.")


add_update(
    router,
    entity="task",
    get_store=get_task_store,
    patch_model=TaskPatch,
    out_model=TaskOut,
    change=tasks.change_task,
    doc="Change a task; status ``done`` stamps ``done_at``.",
)


add_delete_and_restore(router, entity="task", get_store=get_task_store, out_model=TaskOut)
