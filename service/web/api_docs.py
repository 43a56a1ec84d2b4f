"""The API docs pages (`/docs` Swagger UI, `/redoc` ReDoc) served offline and under the page CSP.

FastAPI's own docs pages load Swagger UI and ReDoc from a CDN (blank offline) and start Swagger UI
with an inline script (refused by a CSP without ``'unsafe-inline'``). Here the assets come from the
``fastapi-offline`` wheel, which vendors swagger-ui-dist (Apache-2.0) and ReDoc (MIT), mounted at
`ASSETS_URL`; the pages are plain HTML whose only scripts are files: the vendored bundle and our
``static/docs/swagger-init.js``, which reads the spec's address from a ``data-`` attribute.
The two page titles are English and not translated: the API, its spec and Swagger UI's own
interface are English (docs/web.md lists what stays English).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

#: Where the vendored Swagger UI / ReDoc files are served (under /static: cached like our assets).
ASSETS_URL = "/static/vendor/apidocs"
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
DOCS_URL, REDOC_URL = "/docs", "/redoc"
#: The docs pages' paths, which get `security.DOCS_CSP` (ReDoc needs inline styles and a worker).
DOCS_PATHS = frozenset({DOCS_URL, REDOC_URL})

router = APIRouter(include_in_schema=False)


def install(app: FastAPI) -> None:
    """Mount the vendored assets and add the two pages (before the ``/static`` mount is added)."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="apidocs")
    app.include_router(router)


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" type="image/png" href="{ASSETS_URL}/favicon.png">'
        f"{body}</html>"
    )


@router.get(DOCS_URL)
def swagger_ui() -> HTMLResponse:
    """Swagger UI for ``/openapi.json``; "Authorize" takes an API token (``ipsmatch token``)."""
    return _page(
        "ipsmatch API - Swagger UI",
        f'<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css"></head><body>'
        '<div id="swagger-ui" data-openapi-url="/openapi.json"></div>'
        f'<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>'
        '<script src="/static/docs/swagger-init.js"></script></body>',
    )


@router.get(REDOC_URL)
def redoc() -> HTMLResponse:
    """ReDoc for ``/openapi.json`` (it starts itself from the ``<redoc>`` element)."""
    return _page(
        "ipsmatch API - ReDoc",
        '</head><body><redoc spec-url="/openapi.json"></redoc>'
        f'<script src="{ASSETS_URL}/redoc.standalone.js"></script></body>',
    )
