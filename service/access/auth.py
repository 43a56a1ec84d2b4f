"""Who is calling, and which participants they may see.

Three ways in, each for its own door:
- an API token (``Authorization: Bearer``) for the JSON API (and the pages, for scripts);
- a browser session cookie (set by the sign-in page; HttpOnly, SameSite=Strict) for the pages
  under ``/ui`` only: the JSON API never reads it, so a stolen page session is no API key and the
  API needs no cross-site request checks for it;
- in the local demo only (`anonymous.demo_user`), the demo's user for requests with neither.

A write authenticated by the cookie or made anonymously must come from our own pages: its Origin
(or, without one, its Referer) must name the host the request was sent to, which the Host
allow-list has checked (`service.web.security`); cookie writes by fetch() also carry
``X-Ipsmatch-UI``, a header other sites cannot send without a CORS pre-flight this service never
grants.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from service.access.errors import AuthError, ForbiddenError
from service.access.tokens import user_for_token
from service.access.users import User, get_user
from service.runtime.database import Database

#: Roles that work with participants; admins manage users and see no participant data.
CASELOAD_ROLES = frozenset({"specialist", "job_developer", "supervisor"})
SESSION_COOKIE = "ipsmatch_session"
UI_HEADER = "x-ipsmatch-ui"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def api_user(db: Database, authorization: str | None, anonymous: str | None) -> User:
    """The caller of the JSON API: a bearer token, else the demo's anonymous user, else AuthError."""
    if authorization:
        return _bearer_user(db, authorization)
    return _anonymous_user(db, anonymous)


def page_user(db: Database, authorization: str | None, session: str | None, anonymous: str | None) -> User:
    """The caller of a page: a bearer token, else the session cookie, else the demo's user."""
    if authorization:
        return _bearer_user(db, authorization)
    if session:
        return _token_user(db, session)
    return _anonymous_user(db, anonymous)


def check_same_origin(
    method: str,
    host: str | None,
    origin: str | None,
    referer: str | None,
    *,
    ui_header: str | None = None,
    need_ui_header: bool = False,
) -> None:
    """Refuse a browser-credentialed write (cookie or anonymous) that may come from another site.

    Args:
        method: The HTTP method; safe methods pass.
        host: The request's Host header (already on the allow-list).
        origin: The Origin header, used when present (browsers send it on every cross-site POST,
            as ``null`` from opaque origins).
        referer: The Referer header, used when there is no Origin.
        ui_header: The X-Ipsmatch-UI header.
        need_ui_header: True for cookie writes that are not HTML forms (our fetch() calls).
    """
    if method in SAFE_METHODS:
        return
    source = origin if origin is not None else referer
    if source is not None and urlsplit(source).netloc != (host or ""):
        raise ForbiddenError("cross-site request refused")
    if need_ui_header and ui_header is None:
        raise ForbiddenError(f"browser requests must send the {UI_HEADER} header")


def _bearer_user(db: Database, authorization: str) -> User:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("use 'Authorization: Bearer <token>'")
    return _token_user(db, token.strip())


def _anonymous_user(db: Database, anonymous: str | None) -> User:
    if anonymous:
        user = get_user(db, username=anonymous)
        if user is not None:
            return user
    raise AuthError("authentication required")


def _token_user(db: Database, token: str) -> User:
    user = user_for_token(db, token=token)
    if user is None:
        raise AuthError("invalid, expired or revoked token")
    return user


def caseload_units(user: User) -> list[str]:
    """Units whose participants ``user`` may see: their own unit, for caseload roles only."""
    if user.role not in CASELOAD_ROLES or not user.unit_id:
        return []
    return [user.unit_id]


def require_caseload_role(user: User) -> str:
    """The user's unit, or ForbiddenError for roles that do not work with participants."""
    units = caseload_units(user)
    if not units:
        raise ForbiddenError(f"role {user.role} has no access to participant data")
    return units[0]
