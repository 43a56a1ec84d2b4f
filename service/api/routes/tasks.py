"""Follow-up tasks and notes."""

from __future__ import annotations

from typing import Annotated, Any, cast
from uuid import UUID

from fastapi import APIRouter, Query

from employers import NoteValues, TaskValues
from service.api.mappers_crm import fields_of, ids_as_text
from service.api.routes.soft_delete import add_delete_and_restore
from service.api.schemas import crm as schemas_crm
from service.deps import NotesDep, TasksDep, UserDep, get_note_store, get_task_store

router = APIRouter(tags=["tasks and notes"])
Limit = Annotated[int, Query(ge=1, le=500)]


def task_out(rec: Any, _user: Any = None, _db: Any = None) -> schemas_crm.TaskOut:
    """A task for the API."""
    return fields_of(rec, schemas_crm.TaskOut)


def note_out(rec: Any, _user: Any = None, _db: Any = None) -> schemas_crm.NoteOut:
    """A note for the API."""
    return fields_of(rec, schemas_crm.NoteOut)


@router.post("/tasks", status_code=201, response_model=schemas_crm.TaskOut)
def create_task(body: schemas_crm.TaskIn, user: UserDep, store: TasksDep) -> schemas_crm.TaskOut:
    """Add a follow-up task (assigned to the caller unless ``assignee`` is given)."""
    values = ids_as_text(body.model_dump())
    values["assignee"] = body.assignee or user.username
    return task_out(store.create(values=cast(TaskValues, values), actor=user.username))


@router.get("/tasks", response_model=schemas_crm.TaskPage)
def list_tasks(
    user: UserDep,
    store: TasksDep,
    employer_id: UUID | None = None,
    assignee: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(pattern="^(open|done|cancelled)$")] = None,
    limit: Limit = 50,
    after: UUID | None = None,
) -> schemas_crm.TaskPage:
    """Tasks ordered by id, filtered; cursor pagination."""
    filters = {"employer_id": employer_id, "assignee": assignee, "status": status}
    records = store.list(limit=limit, after=str(after) if after else None, filters=filters)
    cursor = records[-1].id if len(records) == limit else None
    return schemas_crm.TaskPage(items=[task_out(r) for r in records], next_cursor=cursor)


@router.get("/tasks/{task_id}", response_model=schemas_crm.TaskOut)
def get_task(task_id: UUID, user: UserDep, store: TasksDep) -> schemas_crm.TaskOut:
    """Read one task."""
    return task_out(store.get(record_id=str(task_id)))


@router.patch("/tasks/{task_id}", response_model=schemas_crm.TaskOut)
def update_task(
    task_id: UUID, body: schemas_crm.TaskPatch, user: UserDep, store: TasksDep
) -> schemas_crm.TaskOut:
    """Change a task; status ``done`` stamps ``done_at``."""
    values = body.model_dump(exclude_unset=True)
    return task_out(
        store.update(record_id=str(task_id), values=cast(TaskValues, values), actor=user.username)
    )


@router.post("/notes", status_code=201, response_model=schemas_crm.NoteOut)
def create_note(body: schemas_crm.NoteIn, user: UserDep, store: NotesDep) -> schemas_crm.NoteOut:
    """Add a note about an employer (optionally about one of its people or openings)."""
    return note_out(
        store.create(values=cast(NoteValues, ids_as_text(body.model_dump())), actor=user.username)
    )


@router.get("/notes", response_model=schemas_crm.NotePage)
def list_notes(
    user: UserDep,
    store: NotesDep,
    employer_id: UUID | None = None,
    person_id: UUID | None = None,
    limit: Limit = 50,
    after: UUID | None = None,
) -> schemas_crm.NotePage:
    """Notes ordered by id, filtered; cursor pagination."""
    filters = {"employer_id": employer_id, "person_id": person_id}
    records = store.list(limit=limit, after=str(after) if after else None, filters=filters)
    cursor = records[-1].id if len(records) == limit else None
    return schemas_crm.NotePage(items=[note_out(r) for r in records], next_cursor=cursor)


@router.get("/notes/{note_id}", response_model=schemas_crm.NoteOut)
def get_note(note_id: UUID, user: UserDep, store: NotesDep) -> schemas_crm.NoteOut:
    """Read one note."""
    return note_out(store.get(record_id=str(note_id)))


@router.patch("/notes/{note_id}", response_model=schemas_crm.NoteOut)
def update_note(
    note_id: UUID, body: schemas_crm.NotePatch, user: UserDep, store: NotesDep
) -> schemas_crm.NoteOut:
    """Change a note's text (the old text stays in the change log)."""
    return note_out(
        store.update(record_id=str(note_id), values=cast(NoteValues, body.model_dump()), actor=user.username)
    )


add_delete_and_restore(
    router,
    path="/tasks",
    entity="task",
    get_store=get_task_store,
    to_out=task_out,
    out_model=schemas_crm.TaskOut,
)
add_delete_and_restore(
    router,
    path="/notes",
    entity="note",
    get_store=get_note_store,
    to_out=note_out,
    out_model=schemas_crm.NoteOut,
)
