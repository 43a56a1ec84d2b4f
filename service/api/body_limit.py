"""`BodyLimit`: request bodies over a size are refused with a 413 before they are read.

Without it a client could post a 200 MB JSON body: the server read it whole into memory, parsed
it, and (being invalid) echoed it back in the 422. A declared ``Content-Length`` over the limit is
answered at once; a body without one (chunked) is counted as it arrives by Starlette's
`RequestBodyLimitMiddleware`, whose 413 FastAPI answers in the same JSON shape.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from starlette.datastructures import Headers
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from service.config import Settings


class BodyLimit:
    """Pure ASGI middleware: at most ``max_bytes`` per request body, ``upload_bytes`` on uploads.

    Args:
        app: The application to guard.
        max_bytes: Limit for every request body (bytes).
        upload_bytes: Limit for the paths in ``upload_paths`` (file imports), bytes.
        upload_paths: Exact request paths that take files, e.g. ``{"/imports"}``.
    """

    def __init__(
        self, app: ASGIApp, *, max_bytes: int, upload_bytes: int, upload_paths: Collection[str]
    ) -> None:
        self.app = app
        self.max_bytes, self.upload_bytes = max_bytes, upload_bytes
        self.upload_paths = frozenset(upload_paths)
        self._counted = {n: RequestBodyLimitMiddleware(app, n) for n in {max_bytes, upload_bytes}}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 413 for a declared length over the path's limit, else count the body as it comes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.upload_bytes if scope["path"] in self.upload_paths else self.max_bytes
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await too_large(limit)(scope, receive, send)
            return
        await self._counted[limit](scope, receive, send)


def too_large(limit: int) -> JSONResponse:
    """The 413 answer for a body over ``limit`` bytes (the connection is closed after it)."""
    detail = f"request body is larger than {limit} bytes"
    return JSONResponse(status_code=413, content={"detail": detail}, headers={"Connection": "close"})


def body_limits(settings: Settings) -> dict[str, Any]:
    """`BodyLimit`'s keyword arguments from the settings (uploads: the import route)."""
    return {
        "max_bytes": settings.max_body_bytes,
        "upload_bytes": settings.max_upload_bytes,
        "upload_paths": {"/imports"},
    }
