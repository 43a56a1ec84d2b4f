"""Notes about employers."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from service.api.record_routes import RecordRoutes
from service.api.schemas.notes import NoteIn, NoteOut, NotePage, NotePatch
from service.api.schemas.problems import error_responses
from service.deps import get_note_store
from service.usecases import tasks

router = APIRouter(prefix="/notes", tags=["tasks and notes"], responses=error_responses())
routes = RecordRoutes(router, entity="note", get_store=get_note_store, out_model=NoteOut)
routes.add_create(
    NoteIn,
    tasks.add_note,
    doc="Add a note about an employer (optionally about one of its people or openings).",
)


routes.add_list(
    NotePage,
    "Notes ordered by id, filtered; cursor pagination.",
    name="list_notes",
    employer_id=UUID | None,
    person_id=UUID | None,
)
routes.add_get("Read one note.")
routes.add_update(
    NotePatch,
    "Change a note's text (the old text stays in the change log).",
    change=tasks.change_note,
    exclude_unset=False,
)
routes.add_delete_and_restore()
