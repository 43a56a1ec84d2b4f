"""When requests without credentials may act as a user: the local demo, and nothing else.

Three conditions, all checked when the server starts (`demo_user`):
- the server was started by ``ipsmatch demo`` (which passes the user; the environment alone,
  ``IPSMATCH_ANONYMOUS_USER``, never turns it on: plain ``serve`` refuses to start with it set);
- the database file was made by the demo seeder from an empty database (`mark_demo_file` writes
  the marker in app_demo_marker) and nobody has made an account in it since (`ipsmatch users
  create` removes the marker), so a real caseload is never served without sign-in;
- the server listens on a loopback address only.
"""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

from service.access.users import get_user
from service.runtime.database import Database

LOOPBACK_NAMES = frozenset({"localhost"})


class AnonymousRefused(Exception):
    """Anonymous access was asked for where it is not allowed (the server does not start)."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``; False for 0.0.0.0, LAN addresses, names."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_fresh_install(db: Database) -> bool:
    """True when the database holds no users yet (the seeder may then mark it as a demo file)."""
    return db.cursor().execute("SELECT count(*) FROM app_users").fetchone()[0] == 0


def mark_demo_file(db: Database, *, note: str = "") -> None:
    """Record that the demo seeder filled this (empty) database."""
    cur = db.cursor()
    with db.write_lock:
        cur.execute("INSERT INTO app_demo_marker VALUES (?, ?)", [datetime.now(UTC), note])


def unmark_demo_file(db: Database) -> None:
    """Forget the marker: someone made a real account here, so it is no fresh demo any more."""
    cur = db.cursor()
    with db.write_lock:
        cur.execute("DELETE FROM app_demo_marker")


def is_demo_file(db: Database) -> bool:
    """True when the demo seeder made this database."""
    return db.cursor().execute("SELECT count(*) FROM app_demo_marker").fetchone()[0] > 0


def demo_user(db: Database, *, username: str, host: str) -> str:
    """``username`` when anonymous demo access is allowed here; AnonymousRefused (saying why) otherwise."""
    if not is_loopback(host):
        raise AnonymousRefused(f"the demo serves without sign-in only on a loopback address, not on {host!r}")
    if not is_demo_file(db):
        raise AnonymousRefused(
            f"{db.path} was not made by the demo seeder (or holds real accounts now); the demo serves "
            "only its own fresh file without sign-in (use a new --db path, or `ipsmatch serve` and "
            "sign in)"
        )
    if get_user(db, username=username) is None:
        raise AnonymousRefused(f"the demo user {username!r} does not exist or is disabled")
    return username
