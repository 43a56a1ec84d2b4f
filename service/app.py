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
from service.access.anonymous import demo_user as allowed_demo_user
from service.access.throttle import LoginThrottle
from service.api.body_limit import BodyLimit, body_limits
from service.api.routes import admin as admin_routes
from service.api.routes import (
    audit,
    auth,
    batches,
    contacts,
    duplicates,
    education,
    employers,
    health,
    imports,
    jobs,
    lead_funnel,
    leads,
    notes,
    openings,
    participant_rights,
    participants,
    support_contacts,
    tasks,
    timeline,
    vocabulary,
)
from service.api.routes import people as crm_people
from service.api.routes import plans as participant_plans
from service.api.routes import profiles as participant_profiles
from service.api.routes import reports as report_routes
from service.api.routes import units as unit_routes
from service.config import Settings, settings_from_env
from service.runtime.database import Database
from service.runtime.resources import Resources
from service.usecases.feeds.schedule import FeedScheduler
from service.usecases.imports import recover_imports
from service.usecases.lead_engine import LeadEngine
from service.usecases.rerank import load_reranker
from service.web import actions as web_actions
from service.web import api_docs, employer_form, opening_form, person_form, security
from service.web import board_pages as web_board
from service.web import calendar_pages as web_calendar
from service.web import crm_pages as web_crm
from service.web import forms_caseload as web_forms_caseload
from service.web import forms_crm as web_forms_crm
from service.web import import_pages as web_imports
from service.web import list_pages as web_lists
from service.web import merge_pages as web_merges
from service.web import pages as web
from service.web import report_pages as web_reports
from service.web import team_pages as web_team

log = logging.getLogger("ipsmatch")
#: Route modules in order: fixed paths under /employers (dormant, duplicates, merges) come before
#: /employers/{employer_id}, which would otherwise answer them with a 422.
ROUTES = (
    health,
    auth,
    participants,
    lead_funnel,
    jobs,
    education,
    support_contacts,
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
    audit,
    report_routes,
)


def create_app(
    settings: Settings | None = None, *, resources: Resources | None = None, demo_user: str | None = None
) -> FastAPI:
    """Build the app. The database, model and index are opened in the lifespan, once.

    Args:
        settings: Defaults to the environment (``IPSMATCH_*``).
        resources: Pre-loaded encoder/catalog/linker (tests share one); loaded when omitted.
        demo_user: For ``ipsmatch demo`` only: who uncredentialed requests act as (`_anonymous_user`).
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
            recover_imports(db)  # a run a crash left half-written is undone before serving
            engine = _engine(db, settings, resources)
            app.state.settings, app.state.db, app.state.engine = settings, db, engine
            pulls = FeedScheduler.start_if_enabled(db, engine, settings)  # off unless configured
            try:
                app.state.anonymous_user = _anonymous_user(db, settings, demo_user)
                yield
            finally:
                if pulls is not None:
                    pulls.stop()
                db.close()

    app = FastAPI(
        title="ipsmatch",
        version="0.1.0",
        summary="Job leads and employer network for IPS supported-employment teams",
        lifespan=lifespan,
        # The docs pages are our own (web/api_docs.py: offline assets, no inline script).
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    errors.install(app)
    audit.install(app)
    security.install(app, settings)
    app.state.login_throttle = LoginThrottle()
    _install_routes(app)
    app.add_middleware(BodyLimit, **body_limits(settings))
    return app


def _engine(db: Database, settings: Settings, resources: Resources | None) -> LeadEngine:
    """The lead engine on ``db`` with the loaded models, its index built (no first-request wait)."""
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
    engine.ranker()
    return engine


def _anonymous_user(db: Database, settings: Settings, demo_user: str | None) -> str | None:
    """The demo's user if `access.anonymous.demo_user` allows it here (else the app does not start)."""
    if settings.anonymous_user and not demo_user:
        log.warning("IPSMATCH_ANONYMOUS_USER is ignored: only `ipsmatch demo` serves without sign-in")
    return allowed_demo_user(db, username=demo_user, host=settings.host) if demo_user else None


def _install_routes(app: FastAPI) -> None:
    """The JSON routes, the pages with their static assets and login redirect, and ``/``."""
    for module in ROUTES:
        app.include_router(module.router)
    app.include_router(participant_rights.router)
    app.include_router(admin_routes.router)
    app.include_router(unit_routes.router)
    app.include_router(web.router)
    app.include_router(web_merges.router)  # before /ui/employers/{employer_id}
    app.include_router(web_board.router)  # before /ui/employers/{employer_id}
    app.include_router(web_calendar.router)
    for form in (employer_form, person_form, opening_form):  # before /ui/employers/{id}
        app.include_router(form.router)
    app.include_router(web_crm.router)
    app.include_router(web_lists.router)
    app.include_router(web_actions.router)
    app.include_router(web_reports.router)
    app.include_router(web_team.router)
    api_docs.install(app)  # its /static/vendor mount must come before /static
    app.include_router(web_forms_crm.router)
    app.include_router(web_imports.router)
    app.include_router(web_forms_caseload.router)
    app.mount("/static", StaticFiles(directory=web.STATIC), name="static")

    @app.exception_handler(web.LoginRequired)
    async def to_login(_: Request, __: web.LoginRequired) -> RedirectResponse:
        return RedirectResponse("/ui/login", status_code=303)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui", status_code=303)
