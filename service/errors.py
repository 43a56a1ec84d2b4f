"""Domain errors -> HTTP answers. The only place that knows both sides.

Bad input is a 4xx with field messages in FastAPI's shape
(``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``); an unexpected error is a plain 500
with an id to quote, never a traceback.
"""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Mapping, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

import employers
import storekit
from service.access.errors import AuthError, ForbiddenError
from service.runtime.database import DatabaseLockedError
from service.usecases.errors import ConflictError

log = logging.getLogger("ipsmatch")
#: How much of a bad input a 422 shows back: enough to recognise it, never the whole upload.
_ECHO_CHARS = 120
_ECHO_ITEMS = 5
_MESSAGE_CHARS = 2000


def echo(value: object, depth: int = 0) -> object:
    """``value`` as short, always-serialisable JSON: for quoting client input back in an error.

    Texts are cut to ``_ECHO_CHARS`` with lone surrogates escaped, lists and objects to
    ``_ECHO_ITEMS`` entries and two levels, NaN and infinities become text, anything else its text.
    """
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        text = value.encode("utf-8", "backslashreplace").decode("utf-8")
        return text if len(text) <= _ECHO_CHARS else f"{text[:_ECHO_CHARS]}… ({len(text)} characters)"
    if depth < 2 and isinstance(value, Mapping):
        return {str(echo(str(k))): echo(v, depth + 1) for k, v in list(value.items())[:_ECHO_ITEMS]}
    if depth < 2 and isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [echo(v, depth + 1) for v in list(value[:_ECHO_ITEMS])]
    return echo(f"<{type(value).__name__}>" if depth >= 2 else str(value), depth)


def _message(text: str) -> str:
    """An error message whole (ours explain the rule and list the choices), surrogates escaped.

    Only a message that quotes a huge input is cut, at ``_MESSAGE_CHARS``.
    """
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= _MESSAGE_CHARS else f"{text[:_MESSAGE_CHARS]}… ({len(text)} characters)"


def _error_item(error: Mapping[str, object]) -> dict[str, object]:
    """One pydantic error as FastAPI's ``ValidationError`` item, safe to serialise and short."""
    loc = error.get("loc")
    item: dict[str, object] = {
        "loc": [p if isinstance(p, int) else echo(str(p)) for p in loc] if isinstance(loc, Sequence) else [],
        "msg": _message(str(error.get("msg", ""))),
        "type": str(error.get("type", "value_error")),
    }
    if "input" in error:
        item["input"] = echo(error["input"])
    ctx = error.get("ctx")
    if isinstance(ctx, Mapping):
        item["ctx"] = {str(k): echo(v, 2) for k, v in ctx.items()}
    return item


def _field_error(field: str, message: str, kind: str = "value_error") -> JSONResponse:
    parts = field.split(".")
    loc = parts if parts[0] in ("query", "path", "header") else ["body", *parts]
    item = _error_item({"loc": loc, "msg": message, "type": kind})
    return JSONResponse(status_code=422, content={"detail": [item]})


def _install_crm(app: FastAPI) -> None:
    """409 answers of the stores: likely duplicate employers (with candidates) and taken keys."""

    @app.exception_handler(employers.DuplicateError)
    async def duplicate(_: Request, exc: employers.DuplicateError) -> JSONResponse:
        return JSONResponse(
            status_code=409,
            content={
                "detail": f"{exc}; resend with the header 'X-Skip-Duplicate-Check: true' to create it anyway",
                "candidates": exc.candidates,
            },
        )

    @app.exception_handler(storekit.ConflictError)
    async def conflict(_: Request, exc: storekit.ConflictError) -> JSONResponse:
        loc = ["body", *exc.field.split(".")]
        item = {"loc": loc, "msg": exc.message, "type": "conflict", "existing_id": exc.existing_id}
        return JSONResponse(status_code=409, content={"detail": [item]})


def install(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""

    @app.exception_handler(storekit.NotFoundError)
    async def not_found(_: Request, exc: storekit.NotFoundError) -> JSONResponse:
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    @app.exception_handler(RequestValidationError)
    async def unprocessable(_: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own handler echoes every input whole and fails on NaN and lone surrogates.
        return JSONResponse(status_code=422, content={"detail": [_error_item(e) for e in exc.errors()]})

    @app.exception_handler(storekit.InvalidError)
    async def invalid(_: Request, exc: storekit.InvalidError) -> JSONResponse:
        # a store error may carry its own type, e.g. "needs_confirmation" for screening warnings
        return _field_error(exc.field, exc.message, getattr(exc, "code", "value_error"))

    _install_crm(app)

    @app.exception_handler(AuthError)
    async def unauthenticated(_: Request, exc: AuthError) -> JSONResponse:
        return JSONResponse(
            status_code=401, content={"detail": str(exc)}, headers={"WWW-Authenticate": "Bearer"}
        )

    @app.exception_handler(ForbiddenError)
    async def forbidden(_: Request, exc: ForbiddenError) -> JSONResponse:
        return JSONResponse(status_code=403, content={"detail": str(exc)})

    @app.exception_handler(ConflictError)
    async def conflict(_: Request, exc: ConflictError) -> JSONResponse:
        return JSONResponse(status_code=409, content={"detail": str(exc)})

    @app.exception_handler(DatabaseLockedError)
    async def locked(_: Request, exc: DatabaseLockedError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:12]
        log.exception("unexpected error %s on %s %s", error_id, request.method, request.url.path)
        return JSONResponse(status_code=500, content={"detail": f"internal error (id {error_id})"})
