"""Units, users and API tokens (app schema). Passwords are hashed with argon2 (pwdlib)."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from pwdlib import PasswordHash

from service.runtime.database import Database

Role = Literal["specialist", "job_developer", "supervisor", "admin"]
ROLES: tuple[Role, ...] = ("specialist", "job_developer", "supervisor", "admin")
_HASHER = PasswordHash.recommended()


@dataclass(frozen=True, slots=True)
class User:
    """An authenticated person using the service."""

    id: str
    username: str
    display_name: str
    role: str
    unit_id: str | None


class UserError(ValueError):
    """Bad user or unit data."""


def create_units(db: Database, *, units: Sequence[Mapping[str, Any]]) -> None:
    """Insert units (id, name, country, language, travel_area_km); existing ids are left alone."""
    cur = db.cursor()
    with db.write_lock:
        cur.executemany(
            "INSERT INTO app_units (id, name, country, language, travel_area_km) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (u["id"], u["name"], u.get("country"), u.get("language") or "en", u.get("travel_area_km"))
                for u in units
            ],
        )


def create_users(db: Database, *, users: Sequence[Mapping[str, Any]]) -> None:
    """Insert users; a ``password`` key is hashed, never stored."""
    rows = []
    for u in users:
        if u["role"] not in ROLES:
            raise UserError(f"role must be one of {', '.join(ROLES)}")
        pw = u.get("password")
        rows.append(
            (
                u.get("id") or str(uuid.uuid4()),
                u["username"],
                u.get("display_name") or u["username"],
                u["role"],
                u.get("unit_id"),
                _HASHER.hash(pw) if pw else None,
                True,
                datetime.now(UTC),
            )
        )
    cur = db.cursor()
    with db.write_lock:
        cur.executemany("INSERT INTO app_users VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def get_user(db: Database, *, username: str) -> User | None:
    """The active user with that username, or None."""
    row = (
        db.cursor()
        .execute(
            "SELECT id, username, display_name, role, unit_id FROM app_users WHERE username = ? AND active",
            [username],
        )
        .fetchone()
    )
    return User(*row) if row else None


def authenticate(db: Database, *, username: str, password: str) -> User | None:
    """The user if the password matches; None otherwise (same answer for unknown users)."""
    row = (
        db.cursor()
        .execute("SELECT password_hash FROM app_users WHERE username = ? AND active", [username])
        .fetchone()
    )
    if row is None or row[0] is None:
        _HASHER.hash(password)  # spend the same time as a real check: no user enumeration by timing
        return None
    return get_user(db, username=username) if _HASHER.verify(password, row[0]) else None


def create_token(db: Database, *, user_id: str, name: str = "") -> str:
    """Issue an API token for a user; only its SHA-256 is stored, the token is returned once."""
    token = "ipsm_" + secrets.token_urlsafe(32)
    cur = db.cursor()
    with db.write_lock:
        cur.execute(
            "INSERT INTO app_api_tokens VALUES (?, ?, ?, ?, NULL)",
            [_digest(token), user_id, name, datetime.now(UTC)],
        )
    return token


#: How long a token's user is remembered in this process. Revoking through this process (sign-out)
#: takes effect at once; a revocation or deactivation made by another process within this time.
TOKEN_CACHE_SECONDS = 10.0


def user_for_token(db: Database, *, token: str) -> User | None:
    """The active user a live token belongs to, or None (remembered for TOKEN_CACHE_SECONDS)."""
    digest = _digest(token)
    cache: dict[str, tuple[float, User]] = db.memo.setdefault("tokens", {})
    hit = cache.get(digest)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    user = _lookup_token(db, digest)
    if user is not None:
        if len(cache) > 10_000:
            cache.clear()
        cache[digest] = (time.monotonic() + TOKEN_CACHE_SECONDS, user)
    return user


def _lookup_token(db: Database, digest: str) -> User | None:
    row = (
        db.cursor()
        .execute(
            "SELECT u.id, u.username, u.display_name, u.role, u.unit_id FROM app_api_tokens t "
            "JOIN app_users u ON u.id = t.user_id "
            "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active",
            [digest],
        )
        .fetchone()
    )
    return User(*row) if row else None


def revoke_token(db: Database, *, token: str) -> None:
    """Revoke a token (logout); unknown tokens are ignored."""
    db.memo.get("tokens", {}).pop(_digest(token), None)
    cur = db.cursor()
    with db.write_lock:
        cur.execute(
            "UPDATE app_api_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
            [datetime.now(UTC), _digest(token)],
        )


def set_password(db: Database, *, username: str, password: str) -> bool:
    """Set a user's password (argon2 hash); False when the user does not exist."""
    if len(password) < 12:
        raise UserError("passwords need at least 12 characters")
    if get_user(db, username=username) is None:
        return False
    cur = db.cursor()
    with db.write_lock:
        cur.execute(
            "UPDATE app_users SET password_hash = ? WHERE username = ?", [_HASHER.hash(password), username]
        )
    return True


def list_units(db: Database) -> list[dict[str, Any]]:
    """All units (id, name, country, language, travel_area_km: km or None)."""
    cols = ("id", "name", "country", "language", "travel_area_km")
    rows = db.cursor().execute(f"SELECT {', '.join(cols)} FROM app_units ORDER BY name").fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
