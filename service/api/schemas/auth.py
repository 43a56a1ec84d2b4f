"""Tokens and sessions as the API lists them (never the secret)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from service.api.schemas.common import Items, Out, with_examples

_EXAMPLE: dict[str, Any] = {
    "id": "5b0b1e3c-6f0e-4a57-9a39-1c0f7d1d2b11",
    "username": "karin.sv",
    "name": "browser-session",
    "created_at": "2026-12-01T08:00:00Z",
    "expires_at": "2026-12-01T20:00:00Z",
    "revoked_at": None,
    "live": True,
}


class TokenOut(Out):
    """An API token or browser session: ``live`` when neither revoked nor expired (UTC times)."""

    model_config = with_examples(_EXAMPLE)

    id: str
    username: str
    name: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    live: bool


class TokenList(Items[TokenOut]):
    """Tokens, newest first."""
