"""Who is calling, and which participants they may see."""

from __future__ import annotations

from service.config import Settings
from service.db import Database
from service.errors import AuthError, ForbiddenError
from service.users import User, get_user, user_for_token

#: Roles that work with participants; admins manage users and see no participant data.
CASELOAD_ROLES = frozenset({"specialist", "job_developer", "supervisor"})


def resolve_user(db: Database, settings: Settings, authorization: str | None) -> User:
    """The caller from an ``Authorization: Bearer <token>`` header.

    Without a header, the configured anonymous user (local demo only) or a 401.
    """
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise AuthError("use 'Authorization: Bearer <token>'")
        user = user_for_token(db, token=token.strip())
        if user is None:
            raise AuthError("invalid or revoked token")
        return user
    if settings.anonymous_user:
        user = get_user(db, username=settings.anonymous_user)
        if user is not None:
            return user
    raise AuthError("authentication required")


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
