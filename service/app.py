"""`create_app(settings)`: the FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from threadpoolctl import threadpool_limits

from service import errors
from service.api.routes import (
    batches,
    contacts,
    duplicates,
    employers,
    health,
    imports,
    leads,
    notes,
    openings,
    participants,
    tasks,
    timeline,
    vocabulary,
)
from service.api.routes import people as crm_people
from service.api.routes import plans as participant_plans
from service.api.routes import profiles as participant_profiles
from service.config import Settings, settings_from_env
from service.runtime.database import Database
from service.runtime.resources import Resources
from service.usecases.lead_engine import LeadEngine
from service.usecases.rerank import load_reranker
from service.web import crm_pages as web_crm
from service.web import pages as web

log = logging.getLogger("ipsmatch")
#: Route modules in order: fixed paths under /employers (dormant, duplicates, merges) come before
#: /employers/{employer_id}, which would otherwise answer them with a 422.
ROUTES = (
    health,
    participants,
    participant_profiles,
    participant_plans,
    leads,
    timeline,
    duplicates,
    employers,
    openings,
    crm_people,
    contacts,
    tasks,
    notes,
    imports,
    batches,
    vocabulary,
)


def create_app(settings: Settings | None = None, *, resources: Resources | None = None) -> FastAPI:
    """Build the app. The database, model and index are opened in the lifespan, once.

    Args:
        settings: Defaults to the environment (``IPSMATCH_*``).
        resources: Pre-loaded encoder/catalog/linker (tests share one); loaded when omitted.
    """
    settings = settings or settings_from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # A few request handlers at a time; the rest wait in the event loop (see request_threads).
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        # One BLAS thread per process: under concurrent requests on few cores the default
        # thread count made numpy scoring collapse (DESIGN §6).
        with threadpool_limits(limits=settings.blas_threads):
            db = Database(settings.db_path)
            db.migrate()
            res = resources or Resources.load(settings)
            engine = LeadEngine(
                db,
                res.encoder,
                res.catalog,
                res.linker,
                skills=res.skills,
                reranker=load_reranker(settings),
                travel_area_km=settings.travel_area_km,
            )
            app.state.settings, app.state.db, app.state.engine = settings, db, engine
            engine.ranker()  # build the index now, so the first request does not wait for it
            try:
                yield
            finally:
                db.close()

    app = FastAPI(
        title="ipsmatch",
        version="0.1.0",
        summary="Job leads and employer network for IPS supported-employment teams",
        lifespan=lifespan,
    )
    errors.install(app)
    _install_routes(app)
    return app


def _install_routes(app: FastAPI) -> None:
    """The JSON routes, the pages with their static assets and login redirect, and ``/``."""
    for module in ROUTES:
        app.include_router(module.router)
    app.include_router(web.router)
    app.include_router(web_crm.router)
    app.mount("/static", StaticFiles(directory=web.STATIC), name="static")

    @app.exception_handler(web.LoginRequired)
    async def to_login(_: Request, __: web.LoginRequired) -> RedirectResponse:
        return RedirectResponse("/ui/login", status_code=303)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui", status_code=303)
