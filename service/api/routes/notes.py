"""Notes about employers."""

from __future__ import annotations

from typing import cast
from uuid import UUID

from fastapi import APIRouter

from employers.values import NoteValues
from service.api.delete_restore import add_delete_and_restore, add_get, add_update
from service.api.pagination import Limit, after_id, id_page
from service.api.schemas.notes import NoteIn, NoteOut, NotePage, NotePatch
from service.deps import NotesDep, UserDep, get_note_store
from service.usecases import tasks

router = APIRouter(prefix="/notes", tags=["tasks and notes"])


@router.post("", status_code=201, response_model=NoteOut)
def create_note(body: NoteIn, user: UserDep, store: NotesDep) -> NoteOut:
    """Add a note about an employer (optionally about one of its people or openings)."""
    return NoteOut.from_fields(
        tasks.add_note(store=store, values=cast(NoteValues, body.store_values()), actor=user.username)
    )


@router.get("", response_model=NotePage)
def list_notes(
    user: UserDep,
    store: NotesDep,
    employer_id: UUID | None = None,
    person_id: UUID | None = None,
    limit: Limit = 50,
    after: UUID | None = None,
) -> NotePage:
    """Notes ordered by id, filtered; cursor pagination."""
    filters = {"employer_id": employer_id, "person_id": person_id}
    records = store.list(limit=limit, after=after_id(after), filters=filters)
    return id_page(NotePage, records, limit, NoteOut.from_fields)


add_get(router, entity="note", get_store=get_note_store, out_model=NoteOut, doc="Read one note.")


add_update(
    router,
    entity="note",
    get_store=get_note_store,
    patch_model=NotePatch,
    out_model=NoteOut,
    change=tasks.change_note,
    doc="Change a note's text (the old text stays in the change log).",
    exclude_unset=False,
)


add_delete_and_restore(router, entity="note", get_store=get_note_store, out_model=NoteOut)
