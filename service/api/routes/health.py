"""Liveness: cheap, async, answers while every request thread is busy."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from service.api.schemas.health import Health
from service.api.schemas.problems import error_responses
from service.runtime.probe import database_answers

router = APIRouter(tags=["health"], responses=error_responses(503))


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database does not answer"}},
)
async def health(request: Request) -> JSONResponse:
    """Report that the service is up, its model, and whether the database answers (503 if not).

    Async and on its own thread for the one query, so it never waits behind the request threads
    (a long import, heavy ranking); it counts nothing and names no file.
    """
    engine = request.app.state.engine
    ok = await database_answers(request.app.state.db)
    body = Health(
        status="ok" if ok else "unavailable",
        version=engine.model_version,
        encoder=engine.encoder.model_id,
        database="ok" if ok else "unavailable",
    )
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
