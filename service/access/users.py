"""Units and users (app schema). Passwords are hashed with argon2 (pwdlib); tokens: `tokens.py`."""

from __future__ import annotations

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
MIN_PASSWORD = 12
#: Longer passwords are refused before hashing: argon2 over a megabyte is work an attacker chooses.
MAX_PASSWORD = 1024


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


def unit_users(db: Database, *, unit_id: str | None) -> list[User]:
    """The active users of ``unit_id`` (none for None), by display name."""
    rows = (
        db.cursor()
        .execute(
            "SELECT id, username, display_name, role, unit_id FROM app_users WHERE unit_id = ? AND active "
            "ORDER BY display_name, username",
            [unit_id],
        )
        .fetchall()
    )
    return [User(*row) for row in rows]


def find_user(db: Database, *, username: str) -> tuple[User, bool] | None:
    """The user with that username and whether they are active, or None."""
    row = (
        db.cursor()
        .execute(
            "SELECT id, username, display_name, role, unit_id, active FROM app_users WHERE username = ?",
            [username],
        )
        .fetchone()
    )
    return (User(*row[:5]), bool(row[5])) if row else None


def unit_usernames(db: Database, *, unit_id: str | None) -> list[str]:
    """Every username of the unit, active or not (``unit_id`` None: the users without a unit)."""
    rows = (
        db.cursor()
        .execute(
            "SELECT username FROM app_users WHERE unit_id IS NOT DISTINCT FROM ? ORDER BY username", [unit_id]
        )
        .fetchall()
    )
    return [str(r[0]) for r in rows]


def authenticate(db: Database, *, username: str, password: str) -> User | None:
    """The user if the password matches; None otherwise (same answer for unknown users)."""
    if len(password) > MAX_PASSWORD:
        return None
    row = (
        db.cursor()
        .execute("SELECT password_hash FROM app_users WHERE username = ? AND active", [username])
        .fetchone()
    )
    if row is None or row[0] is None:
        _HASHER.hash(password)  # spend the same time as a real check: no user enumeration by timing
        return None
    return get_user(db, username=username) if _HASHER.verify(password, row[0]) else None


def check_password_rules(password: str) -> None:
    """UserError unless the password has MIN_PASSWORD..MAX_PASSWORD characters."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"passwords need at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise UserError(f"passwords have at most {MAX_PASSWORD} characters")


def set_password(db: Database, *, username: str, password: str) -> bool:
    """Set a user's password (argon2 hash); False when no such user (active or not) exists."""
    check_password_rules(password)
    if find_user(db, username=username) is None:
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


def __getattr__(name: str) -> object:
    # The token functions moved to `tokens.py`; code written before that still finds them here.
    if name in ("create_token", "user_for_token", "revoke_token"):
        from service.access import tokens

        return getattr(tokens, name)
    raise AttributeError(name)
