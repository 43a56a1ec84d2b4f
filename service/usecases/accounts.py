"""A caller's own tokens and sessions over HTTP (`GET/DELETE /auth/tokens`); admins see anyone's.

"Not yours" and "not there" give the same 404, so a token id reveals nothing about other users.
"""

from __future__ import annotations

from service.access.errors import ForbiddenError
from service.access.tokens import TokenInfo, get_token, list_tokens, revoke_token_id
from service.access.users import User
from service.runtime.database import Database
from storekit.errors import NotFoundError


def tokens_of(db: Database, *, user: User, username: str | None, ended: bool) -> list[TokenInfo]:
    """``username``'s tokens (default: the caller's), live ones only unless ``ended``.

    ForbiddenError when a non-admin asks for someone else's.
    """
    if username is not None and username != user.username and user.role != "admin":
        raise ForbiddenError("only admins list other users' tokens")
    return list_tokens(db, username=username or user.username, live_only=not ended)


def revoke(db: Database, *, user: User, token_id: str) -> TokenInfo:
    """Revoke one of the caller's tokens (an admin: anyone's); NotFoundError when not theirs."""
    token = get_token(db, token_id=token_id)
    if token is None or (token.username != user.username and user.role != "admin"):
        raise NotFoundError("token", token_id)
    revoke_token_id(db, token_id=token_id)
    revoked = get_token(db, token_id=token_id)
    assert revoked is not None
    return revoked
