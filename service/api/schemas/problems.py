"""The error answers every route may give, as OpenAPI declares them (`service.errors` builds them).

`error_responses` is the ``responses=`` mapping a router passes to FastAPI so the spec lists each
status code its routes can answer with (schemathesis checks that no other code comes back).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorOut(BaseModel):
    """401, 403, 404, 413 or 503: what went wrong, in one sentence."""

    detail: str


class FieldErrorOut(BaseModel):
    """One field's problem (FastAPI's ``ValidationError`` shape; ``input`` shortened)."""

    loc: list[str | int]
    msg: str
    type: str
    input: Any = None
    ctx: dict[str, Any] | None = None
    existing_id: str | None = None


class FieldErrorsOut(BaseModel):
    """422: the fields that are wrong."""

    detail: list[FieldErrorOut]


class ConflictOut(BaseModel):
    """409: the change conflicts with the stored state.

    ``detail`` is a sentence (e.g. an import already reverted) or, for a taken unique key, one item
    per field with the ``existing_id`` of the record holding it.
    """

    detail: str | list[FieldErrorOut]


_ANSWERS: dict[int, tuple[type[BaseModel], str]] = {
    401: (ErrorOut, "No valid credentials"),
    403: (ErrorOut, "Your role may not do this"),
    404: (ErrorOut, "No such record (or not visible to you)"),
    409: (ConflictOut, "Conflicts with the stored state"),
    413: (ErrorOut, "Request body too large"),
    422: (FieldErrorsOut, "Invalid input"),
    503: (ErrorOut, "The database is held by another process"),
}
#: Every error a route behind a login may answer with.
SIGNED_IN = (401, 403, 404, 409, 413, 422, 503)


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entries for ``codes`` (default: `SIGNED_IN`), each with its model."""
    return {
        code: {"model": _ANSWERS[code][0], "description": _ANSWERS[code][1]} for code in codes or SIGNED_IN
    }
