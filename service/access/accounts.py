"""Managing accounts (the `ipsmatch users` commands): create one user with checks, disable, list.

Disabling a user or resetting their password revokes their tokens and sessions, so a lost laptop
or a leaver stops working at once (within `tokens.TOKEN_CACHE_SECONDS` in another process).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from service.access.anonymous import unmark_demo_file
from service.access.tokens import revoke_user_tokens
from service.access.users import (
    ROLES,
    User,
    UserError,
    check_password_rules,
    create_users,
    find_user,
    list_units,
    set_password,
)
from service.runtime.database import Database


@dataclass(frozen=True, slots=True)
class Account:
    """A user as listed for an admin: never the password hash.

    Attributes:
        live_tokens: Tokens (API and browser sessions) neither revoked nor expired.
    """

    username: str
    display_name: str
    role: str
    unit_id: str | None
    active: bool
    has_password: bool
    live_tokens: int


def create_user(
    db: Database,
    *,
    username: str,
    role: str,
    unit_id: str | None = None,
    display_name: str = "",
    password: str | None = None,
) -> User:
    """Create one user after checking the role, the unit and the password; UserError otherwise.

    A demo file with a real account in it is no fresh demo: ``ipsmatch demo`` then asks for sign-in.
    """
    username = username.strip()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise UserError("usernames have 1 to 100 characters and no spaces")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if role != "admin" and unit_id not in {u["id"] for u in list_units(db)}:
        raise UserError(f"{role} users need an existing unit (--unit); admins have none")
    if password is not None:
        check_password_rules(password)
    if find_user(db, username=username) is not None:
        raise UserError(f"user {username!r} exists already")
    row = {
        "username": username,
        "role": role,
        "unit_id": unit_id if role != "admin" else None,
        "display_name": display_name or username,
        "password": password,
    }
    create_users(db, users=[row])
    unmark_demo_file(db)
    found = find_user(db, username=username)
    assert found is not None  # just written
    return found[0]


def set_active(db: Database, *, username: str, active: bool) -> bool:
    """Enable or disable a user; disabling revokes their tokens. False when no such user."""
    found = find_user(db, username=username)
    if found is None:
        return False
    cur = db.cursor()
    with db.write_lock:
        cur.execute("UPDATE app_users SET active = ? WHERE username = ?", [active, username])
    if not active:
        revoke_user_tokens(db, user_id=found[0].id)
    return True


def reset_password(db: Database, *, username: str, password: str) -> bool:
    """Set a new password and end every session and token of the user. False when no such user."""
    if not set_password(db, username=username, password=password):
        return False
    found = find_user(db, username=username)
    assert found is not None
    revoke_user_tokens(db, user_id=found[0].id)
    return True


def list_accounts(db: Database) -> list[Account]:
    """Every user by username, with how many live tokens each holds."""
    rows = (
        db.cursor()
        .execute(
            "SELECT u.username, u.display_name, u.role, u.unit_id, u.active, u.password_hash IS NOT NULL, "
            "count(t.id) FILTER (WHERE t.revoked_at IS NULL AND t.expires_at > ?) "
            "FROM app_users u LEFT JOIN app_api_tokens t ON t.user_id = u.id "
            "GROUP BY ALL ORDER BY u.username",
            [datetime.now(UTC)],
        )
        .fetchall()
    )
    return [Account(*row) for row in rows]
