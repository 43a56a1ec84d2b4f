"""The caller's own API tokens and browser sessions: list them, revoke one (admins: anyone's)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from service.api.schemas.auth import TokenList, TokenOut
from service.api.schemas.problems import error_responses
from service.deps import DbDep, UserDep
from service.usecases import accounts

router = APIRouter(prefix="/auth", tags=["auth"], responses=error_responses())


@router.get("/tokens", response_model=TokenList, responses={403: {"description": "Not an admin"}})
def list_tokens(
    user: UserDep,
    db: DbDep,
    username: Annotated[
        str | None, Query(max_length=100, description="Another user's tokens (admins only)")
    ] = None,
    ended: Annotated[bool, Query(description="Include revoked and expired tokens")] = False,
) -> TokenList:
    """Your tokens and sessions (live ones unless ``ended``), newest first; never the secrets."""
    tokens = accounts.tokens_of(db, user=user, username=username, ended=ended)
    return TokenList(items=[TokenOut.from_fields(t) for t in tokens])


@router.delete(
    "/tokens/{token_id}", status_code=204, responses={404: {"description": "No such token of yours"}}
)
def revoke_token(token_id: UUID, user: UserDep, db: DbDep) -> Response:
    """Revoke one of your tokens or sessions at once (admins: anyone's); it then gets 401."""
    accounts.revoke(db, user=user, token_id=str(token_id))
    return Response(status_code=204)
