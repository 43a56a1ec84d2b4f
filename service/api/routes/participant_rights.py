"""GDPR rights on a participant: export what is held, erase or pseudonymise, the consent register."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from fastapi import APIRouter, Response

from service.api.schemas.problems import error_responses
from service.api.schemas.rights import ConsentIn, ConsentOut, ConsentsOut, ErasureIn, ErasureOut
from service.deps import DbDep, UserDep
from service.usecases import consent as consents
from service.usecases import erasure
from service.usecases import subject_export as exports

router = APIRouter(prefix="/participants", tags=["participant rights"], responses=error_responses())
_MEDIA = {"json": "application/json", "zip": "application/zip"}
#: The error answers these routes give (documented so the OpenAPI spec lists every status code).
_ERRORS: dict[int | str, dict[str, str]] = {
    401: {"description": "No or bad credentials"},
    403: {"description": "The role may not do this for this participant"},
    404: {"description": "No such participant in the caller's unit"},
}


@router.get(
    "/{participant_id}/export",
    response_class=Response,
    responses={
        200: {"content": {m: {} for m in _MEDIA.values()}, "description": "The export file"},
        **_ERRORS,
    },
)
def export_participant(
    participant_id: UUID, user: UserDep, db: DbDep, format: Literal["json", "zip"] = "json"
) -> Response:
    """Everything held about the person (their specialist or unit supervisor only; audit-logged).

    ``json``: one document ``{participant_id, exported_at, tables}``; ``zip``: one CSV per table.
    """
    pid = str(participant_id)
    tables = exports.export_participant(db=db, user=user, participant_id=pid, fmt=format)
    data = exports.to_json(pid, tables) if format == "json" else exports.to_zip(tables)
    name = f"participant-{pid}.{format}"
    return Response(
        data,
        media_type=_MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


@router.post("/{participant_id}/erase", response_model=ErasureOut, responses=_ERRORS)
def erase_participant(participant_id: UUID, body: ErasureIn, user: UserDep, db: DbDep) -> ErasureOut:
    """Erase or pseudonymise the person (their unit's supervisor, or an admin); a tombstone keeps counts."""
    done = erasure.erase(db=db, user=user, participant_id=str(participant_id), mode=body.mode)
    return ErasureOut.from_fields(done)


@router.get("/{participant_id}/consents", response_model=ConsentsOut, responses=_ERRORS)
def list_consents(participant_id: UUID, user: UserDep, db: DbDep) -> ConsentsOut:
    """The person's consent register: current state per purpose and the full history."""
    entries = consents.consent_history(db=db, user=user, participant_id=str(participant_id))
    return ConsentsOut.from_history(entries)


@router.post("/{participant_id}/consents", status_code=201, response_model=ConsentOut, responses=_ERRORS)
def record_consent(participant_id: UUID, body: ConsentIn, user: UserDep, db: DbDep) -> ConsentOut:
    """Record that the person gave or withdrew a consent (kept as history; the latest counts)."""
    rec = consents.record_consent(
        db=db,
        user=user,
        participant_id=str(participant_id),
        purpose=body.purpose,
        state=body.state,
        effective_on=body.effective_on,
    )
    return ConsentOut.from_fields(rec)
