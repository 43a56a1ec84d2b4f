"""HTTP hardening for every response: the Host allow-list and the browser security headers.

- Host allow-list: a request whose ``Host`` is not a name this server is known by gets 400 before
  any route runs. A page on another site that re-points its own name at 127.0.0.1 (DNS rebinding)
  sends its own name as Host, so it can neither read the demo nor reach a signed-in session.
- Content-Security-Policy without inline script or style: the pages load ``/static/app.js`` and
  ``app.css`` only, so an injected ``<script>`` or ``onclick=`` would not run even if escaping
  failed. The Swagger UI and ReDoc pages (`api_docs`: vendored assets, no inline script either)
  get a policy that adds inline styles and a blob: worker, which ReDoc needs (they show no data
  of their own).
- ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY`` (no clickjacking), ``nosniff``, a
  same-origin Referrer-Policy (the Referer stays on our own requests, for the CSRF check, and
  never leaves for another site), and ``Cache-Control: no-store`` on everything but static assets
  (``no-cache``): participant pages and API answers are never kept by a browser or proxy cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.config import Settings
from service.web.api_docs import DOCS_PATHS

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src blob:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
COMMON = (
    ("x-frame-options", "DENY"),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
)
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
STATIC_PREFIX = "/static/"


def allowed_hosts(settings: Settings) -> frozenset[str] | None:
    """Host names (lower case, IPv6 without brackets) requests may name; None when ``*`` allows any."""
    named = [h.strip() for h in settings.allowed_hosts.split(",") if h.strip()]
    if "*" in named:
        return None
    return frozenset(_bare(h) for h in (*LOOPBACK_HOSTS, settings.host, *named))


def install(app: FastAPI, settings: Settings) -> None:
    """Add the middleware to ``app`` (the docs pages get `DOCS_CSP`)."""
    app.add_middleware(SecurityMiddleware, hosts=allowed_hosts(settings), docs_paths=DOCS_PATHS)


class SecurityMiddleware:
    """Pure ASGI middleware: refuse unknown Host names, add the security headers to every answer."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str] | None, docs_paths: Iterable[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.docs_paths = frozenset(docs_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 400 for an unknown Host; otherwise pass on, adding the headers to the answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.hosts is not None and _request_host(scope) not in self.hosts:
            refuse = PlainTextResponse(
                "This Host name is not allowed here; add it to IPSMATCH_ALLOWED_HOSTS.", status_code=400
            )
            await refuse(scope, receive, self._with_headers(send, scope["path"]))
            return
        await self.app(scope, receive, self._with_headers(send, scope["path"]))

    def _with_headers(self, send: Send, path: str) -> Send:
        csp = DOCS_CSP if path in self.docs_paths else PAGE_CSP
        static = path.startswith(STATIC_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["content-security-policy"] = csp
                for name, value in COMMON:
                    headers[name] = value
                # Static assets are checked again on every use (a cheap 304 with the ETag), so a
                # browser never runs an old app.js against a newer server.
                headers["cache-control"] = "no-cache" if static else "no-store"
            await send(message)

        return send_with_headers


def _request_host(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"host":
            return _bare(value.decode("latin-1"))
    return ""


def _bare(host: str) -> str:
    """``Example.org:8000`` -> ``example.org``; ``[::1]:8000`` and ``[::1]`` -> ``::1``."""
    try:
        name = urlsplit("//" + host.strip()).hostname
    except ValueError:
        return ""
    return name or host.strip().strip("[]").lower()
