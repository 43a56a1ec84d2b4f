"""Who is calling, and which participants they may see.

Three ways in: an API token (``Authorization: Bearer``), a browser session cookie (set by the
login page; SameSite=Strict), or, for a local demo only, the configured anonymous user.
A write authenticated by the cookie must come from our own pages: its Origin (when sent) must be
this host, and fetch() calls carry ``X-Ipsmatch-UI`` — a custom header other sites cannot send
without a CORS pre-flight, which this service never grants.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from service.access.errors import AuthError, ForbiddenError
from service.access.users import User, get_user, user_for_token
from service.config import Settings
from service.runtime.database import Database

#: Roles that work with participants; admins manage users and see no participant data.
CASELOAD_ROLES = frozenset({"specialist", "job_developer", "supervisor"})
SESSION_COOKIE = "ipsmatch_session"
UI_HEADER = "x-ipsmatch-ui"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def resolve_user(
    db: Database, settings: Settings, authorization: str | None, session: str | None = None
) -> User:
    """The caller from a bearer token, else a session cookie, else the demo's anonymous user."""
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise AuthError("use 'Authorization: Bearer <token>'")
        return _token_user(db, token.strip())
    if session:
        return _token_user(db, session)
    if settings.anonymous_user:
        user = get_user(db, username=settings.anonymous_user)
        if user is not None:
            return user
    raise AuthError("authentication required")


def check_same_origin(
    method: str, host: str | None, origin: str | None, ui_header: str | None, form: bool
) -> None:
    """Refuse cookie-authenticated writes that may come from another site (CSRF)."""
    if method in SAFE_METHODS:
        return
    if origin is not None and urlsplit(origin).netloc != (host or ""):
        raise ForbiddenError("cross-site request refused")
    if not form and ui_header is None:
        raise ForbiddenError(f"browser requests must send the {UI_HEADER} header")


def _token_user(db: Database, token: str) -> User:
    user = user_for_token(db, token=token)
    if user is None:
        raise AuthError("invalid or revoked token")
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
