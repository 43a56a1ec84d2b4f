"""Domain errors -> HTTP answers. The only place that knows both sides.

Bad input is a 4xx with field messages in FastAPI's shape
(``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``); an unexpected error is a plain 500
with an id to quote, never a traceback.
"""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

import employers
import storekit
from service.access.errors import AuthError, ForbiddenError
from service.runtime.database import DatabaseLockedError
from service.usecases.errors import ConflictError

log = logging.getLogger("ipsmatch")


def _field_error(field: str, message: str, kind: str = "value_error") -> JSONResponse:
    parts = field.split(".")
    loc = parts if parts[0] in ("query", "path", "header") else ["body", *parts]
    return JSONResponse(status_code=422, content={"detail": [{"loc": loc, "msg": message, "type": kind}]})


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
