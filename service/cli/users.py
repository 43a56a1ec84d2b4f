"""``ipsmatch users``: the first admin, users, passwords and tokens (with the server stopped).

Passwords are asked twice without echo, or read from one line of stdin with ``--password-stdin``
(scripts, CI); never taken as an argument, where they would land in the shell history.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from service.access import accounts, tokens
from service.access.users import ROLES, UserError, find_user
from service.config import Settings
from service.runtime.database import Database

users_app = typer.Typer(help="Manage users, passwords and tokens.", no_args_is_help=True)
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: IPSMATCH_DB_PATH)")]
StdinOption = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from one line of stdin")
]
NameOption = Annotated[str, typer.Option("--display-name", help="Name shown in the pages")]


@contextmanager
def _database(db: str | None) -> Iterator[tuple[Database, Settings]]:
    settings = Settings() if db is None else Settings(db_path=db)
    database = Database(settings.db_path)
    try:
        database.migrate()
        yield database, settings
    except UserError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    finally:
        database.close()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _no_user(username: str) -> typer.Exit:
    err.print(f"[red]error:[/red] no user {username!r}")
    return typer.Exit(2)


@users_app.command("create-admin")
def create_admin(
    username: str, db: DbOption = None, display_name: NameOption = "", password_stdin: StdinOption = False
) -> None:
    """Create an admin (the first one on a new database): manages users, sees no participant data."""
    secret = _password(password_stdin)
    with _database(db) as (database, _):
        accounts.create_user(
            database, username=username, role="admin", display_name=display_name, password=secret
        )
    err.print(f"admin {username} created; sign in at /ui/login or run `ipsmatch users token {username}`")


@users_app.command("create")
def create(
    username: str,
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}")],
    unit: Annotated[str | None, typer.Option(help="Unit id (every role but admin)")] = None,
    db: DbOption = None,
    display_name: NameOption = "",
    password_stdin: StdinOption = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="No web sign-in: API tokens only")
    ] = False,
) -> None:
    """Create a user of a unit (asks for their password unless --no-password)."""
    secret = None if no_password else _password(password_stdin)
    with _database(db) as (database, _):
        accounts.create_user(
            database, username=username, role=role, unit_id=unit, display_name=display_name, password=secret
        )
    err.print(f"{role} {username} created")


def _set_active(username: str, db: str | None, active: bool) -> None:
    with _database(db) as (database, _):
        if not accounts.set_active(database, username=username, active=active):
            raise _no_user(username)
    err.print(f"{username} {'enabled' if active else 'disabled; their tokens and sessions are revoked'}")


@users_app.command("disable")
def disable(username: str, db: DbOption = None) -> None:
    """Disable a user: no sign-in, and every token and session of theirs is revoked."""
    _set_active(username, db, active=False)


@users_app.command("enable")
def enable(username: str, db: DbOption = None) -> None:
    """Enable a disabled user again (old tokens stay revoked)."""
    _set_active(username, db, active=True)


@users_app.command("reset-password")
def reset_password(username: str, db: DbOption = None, password_stdin: StdinOption = False) -> None:
    """Set a user's password (asked twice, or read from stdin); ends their sessions and tokens."""
    secret = _password(password_stdin)
    with _database(db) as (database, _):
        if not accounts.reset_password(database, username=username, password=secret):
            raise _no_user(username)
    err.print(f"password set for {username}")


@users_app.command("list")
def list_users(db: DbOption = None) -> None:
    """Every user, one tab-separated line each: role, unit, active, web password, live tokens."""
    typer.echo("\t".join(("username", "name", "role", "unit", "active", "password", "live_tokens")))
    with _database(db) as (database, _):
        for a in accounts.list_accounts(database):
            row = (a.username, a.display_name, a.role, a.unit_id or "-", a.active, a.has_password)
            typer.echo("\t".join(map(str, (*row, a.live_tokens))))


@users_app.command("token")
def token(
    username: str,
    db: DbOption = None,
    name: Annotated[str, typer.Option(help="What the token is for")] = "cli",
    hours: Annotated[
        float | None, typer.Option(min=0.01, max=24 * 365, help="Lifetime (default IPSMATCH_TOKEN_HOURS)")
    ] = None,
) -> None:
    """Print a new API token for USERNAME (shown once; store it)."""
    with _database(db) as (database, settings):
        found = find_user(database, username=username)
        if found is None or not found[1]:
            err.print(f"[red]error:[/red] no active user {username!r}")
            raise typer.Exit(2)
        secret = tokens.create_token(
            database, user_id=found[0].id, name=name, hours=hours or settings.token_hours
        )
    typer.echo(secret)


@users_app.command("tokens")
def list_tokens(
    username: str,
    db: DbOption = None,
    ended: Annotated[bool, typer.Option("--all", help="Include revoked and expired tokens")] = False,
) -> None:
    """A user's tokens and browser sessions, tab-separated (id, name, made, expires, revoked; UTC)."""
    typer.echo("\t".join(("id", "name", "created", "expires", "revoked")))
    with _database(db) as (database, _):
        if find_user(database, username=username) is None:
            raise _no_user(username)
        for t in tokens.list_tokens(database, username=username, live_only=not ended):
            when = (t.created_at, t.expires_at, t.revoked_at)
            typer.echo("\t".join((t.id, t.name, *(f"{w:%Y-%m-%dT%H:%MZ}" if w else "-" for w in when))))


@users_app.command("revoke-token")
def revoke_token(token_id: str, db: DbOption = None) -> None:
    """Revoke one token or session by its id (from `ipsmatch users tokens`)."""
    with _database(db) as (database, _):
        if not tokens.revoke_token_id(database, token_id=token_id):
            err.print(f"[red]error:[/red] no live token {token_id!r}")
            raise typer.Exit(2)
    err.print(f"token {token_id} revoked")
