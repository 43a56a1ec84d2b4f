"""The pages' own writes (fetch() from ``static/app.js``): lead feedback, duplicate decisions.

They live under ``/ui`` because the session cookie is accepted there only; each calls the use
case its JSON API twin calls (``POST /leads/{id}/feedback``,
``POST /employers/duplicates/not-duplicate``), so the page can do nothing the API would refuse.
A merge is no fetch: it has its own screen and form (`merge_pages`).
Errors answer as JSON (401, 403, 404, 422), never with a redirect a script would follow.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse, Response

from service.deps import DbDep, DuplicatesDep, LeadsDep, ParticipantsDep
from service.usecases import duplicates as workflows
from service.usecases.leads import record_feedback
from service.web.pages import ActionUser

router = APIRouter(prefix="/ui", include_in_schema=False)


@router.post("/leads/{lead_id}/feedback", status_code=201)
def give_feedback(
    lead_id: UUID,
    user: ActionUser,
    recorded: LeadsDep,
    people: ParticipantsDep,
    db: DbDep,
    feedback: Annotated[str, Body(max_length=40)],
    note: Annotated[str, Body(max_length=2000)] = "",
) -> JSONResponse:
    """Record the specialist's choice on a lead card: ``{"lead_id", "feedback"}``."""
    updated = record_feedback(
        store=recorded, people=people, db=db, user=user, lead_id=str(lead_id), feedback=feedback, note=note
    )
    return JSONResponse({"lead_id": updated.id, "feedback": feedback}, status_code=201)


@router.post("/employers/duplicates/not-duplicate", status_code=204)
def not_duplicate(
    user: ActionUser, store: DuplicatesDep, a_id: Annotated[UUID, Body()], b_id: Annotated[UUID, Body()]
) -> Response:
    """Remember that two employers are different."""
    workflows.mark_not_duplicate(store=store, a_id=str(a_id), b_id=str(b_id), actor=user.username)
    return Response(status_code=204)
