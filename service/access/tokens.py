"""API tokens and browser sessions (app_api_tokens): issue, check, list and revoke.

A token is ``ipsm_`` + 32 random bytes; only its SHA-256 is stored, so the database never holds a
usable secret. Each token has an id (to list and revoke it without knowing the secret) and an
expiry: an expired or revoked token answers like an unknown one (401).
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from service.access.users import User
from service.runtime.database import Database

#: How long a token's user is remembered in this process. Revoking through this process (sign-out,
#: `DELETE /auth/tokens/{id}`) takes effect at once; a revocation made by another process within this
#: time. Never longer than the token's own expiry.
TOKEN_CACHE_SECONDS = 10.0
#: Token lifetime when the caller gives none (hours); the service passes IPSMATCH_TOKEN_HOURS.
DEFAULT_HOURS = 12.0
_COLUMNS = "t.id, u.username, t.name, t.created_at, t.expires_at, t.revoked_at"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token as listed: never the secret. Times are timezone-aware UTC."""

    id: str
    username: str
    name: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @property
    def live(self) -> bool:
        """Neither revoked nor expired."""
        return self.revoked_at is None and self.expires_at > datetime.now(UTC)


def create_token(db: Database, *, user_id: str, name: str = "", hours: float | None = None) -> str:
    """Issue a token for a user valid for ``hours`` (default 12); the secret is returned once."""
    token = "ipsm_" + secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + timedelta(hours=DEFAULT_HOURS if hours is None else hours)
    cur = db.cursor()
    with db.write_lock:
        cur.execute(
            "INSERT INTO app_api_tokens (token_hash, user_id, name, created_at, revoked_at, id, expires_at) "
            "VALUES (?, ?, ?, ?, NULL, ?, ?)",
            [_digest(token), user_id, name, now, str(uuid.uuid4()), expires],
        )
    return token


def user_for_token(db: Database, *, token: str) -> User | None:
    """The active user a live token belongs to, or None (remembered for TOKEN_CACHE_SECONDS)."""
    digest = _digest(token)
    cache: dict[str, tuple[float, datetime, User]] = db.memo.setdefault("tokens", {})
    hit = cache.get(digest)
    if hit is not None and hit[0] > time.monotonic() and hit[1] > datetime.now(UTC):
        return hit[2]
    found = _lookup_token(db, digest)
    if found is None:
        return None
    if len(cache) > 10_000:
        cache.clear()
    cache[digest] = (time.monotonic() + TOKEN_CACHE_SECONDS, *found)
    return found[1]


def _lookup_token(db: Database, digest: str) -> tuple[datetime, User] | None:
    row = (
        db.cursor()
        .execute(
            "SELECT t.expires_at, u.id, u.username, u.display_name, u.role, u.unit_id "
            "FROM app_api_tokens t JOIN app_users u ON u.id = t.user_id "
            "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.active",
            [digest, datetime.now(UTC)],
        )
        .fetchone()
    )
    return (row[0], User(*row[1:])) if row else None


def revoke_token(db: Database, *, token: str) -> None:
    """Revoke a token by its secret (sign-out); unknown tokens are ignored."""
    _revoke(db, "token_hash = ?", [_digest(token)])


def list_tokens(db: Database, *, username: str | None = None, live_only: bool = False) -> list[TokenInfo]:
    """Tokens of one user (or everyone's), newest first."""
    rows = (
        db.cursor()
        .execute(
            f"SELECT {_COLUMNS} FROM app_api_tokens t JOIN app_users u ON u.id = t.user_id "
            "WHERE (?::VARCHAR IS NULL OR u.username = ?) ORDER BY t.created_at DESC, t.id",
            [username, username],
        )
        .fetchall()
    )
    tokens = [TokenInfo(*row) for row in rows]
    return [t for t in tokens if t.live] if live_only else tokens


def get_token(db: Database, *, token_id: str) -> TokenInfo | None:
    """One token by id, or None."""
    row = (
        db.cursor()
        .execute(
            f"SELECT {_COLUMNS} FROM app_api_tokens t JOIN app_users u ON u.id = t.user_id WHERE t.id = ?",
            [token_id],
        )
        .fetchone()
    )
    return TokenInfo(*row) if row else None


def revoke_token_id(db: Database, *, token_id: str) -> bool:
    """Revoke a token by id; False when no live token has that id."""
    return _revoke(db, "id = ?", [token_id]) > 0


def revoke_user_tokens(db: Database, *, user_id: str) -> int:
    """Revoke every live token of a user (disabling them, resetting their password); returns how many."""
    return _revoke(db, "user_id = ?", [user_id])


def _revoke(db: Database, where: str, params: list[object]) -> int:
    cur = db.cursor()
    with db.write_lock:
        rows = cur.execute(
            f"UPDATE app_api_tokens SET revoked_at = ? WHERE {where} AND revoked_at IS NULL RETURNING id",
            [datetime.now(UTC), *params],
        ).fetchall()
    # Forget every remembered token (after the update, so no request can re-remember a revoked
    # one): the next request of any caller looks its token up again.
    db.memo.get("tokens", {}).clear()
    return len(rows)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
