"""`ipsmatch users`: the first admin, users of a unit, disable/enable, passwords, tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from service.access.tokens import user_for_token
from service.access.users import authenticate, create_units
from service.cli.app import app as cli
from service.runtime.database import Database

PASSWORD = "correct horse battery staple"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = str(tmp_path / "users.duckdb")
    db = Database(path)
    db.migrate()
    create_units(db, units=[{"id": "unit-a", "name": "Unit A"}])
    db.close()
    return path


def run(db_path: str, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", db_path], input=stdin)


def _check(db_path: str, username: str, password: str) -> bool:
    db = Database(db_path)
    try:
        return authenticate(db, username=username, password=password) is not None
    finally:
        db.close()


def _live(db_path: str, token: str) -> bool:
    db = Database(db_path)
    try:
        return user_for_token(db, token=token) is not None
    finally:
        db.close()


def test_first_admin_with_a_hidden_prompt_asked_twice(db_path: str) -> None:
    out = run(db_path, "users", "create-admin", "root", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert out.exit_code == 0, out.output
    assert PASSWORD not in out.output  # not echoed
    assert _check(db_path, "root", PASSWORD)
    listed = run(db_path, "users", "list").stdout.splitlines()
    assert listed[1].split("\t") == ["root", "root", "admin", "-", "True", "True", "0"]


def test_a_prompt_with_two_different_answers_asks_again(db_path: str) -> None:
    answers = f"{PASSWORD}\nsomething else entirely\n{PASSWORD}\n{PASSWORD}\n"
    out = run(db_path, "users", "create-admin", "root", stdin=answers)
    assert out.exit_code == 0 and "do not match" in out.output
    assert _check(db_path, "root", PASSWORD)


def test_create_checks_role_unit_password_and_duplicates(db_path: str) -> None:
    ok = run(
        db_path,
        "users",
        "create",
        "ann",
        "--role",
        "specialist",
        "--unit",
        "unit-a",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert ok.exit_code == 0, ok.output
    bad = [
        (["create", "bob", "--role", "wizard", "--unit", "unit-a", "--no-password"], "role must be one of"),
        (["create", "bob", "--role", "specialist", "--no-password"], "need an existing unit"),
        (
            ["create", "bob", "--role", "specialist", "--unit", "unit-x", "--no-password"],
            "need an existing unit",
        ),
        (["create", "ann", "--role", "specialist", "--unit", "unit-a", "--no-password"], "exists already"),
        (["create", "bo b", "--role", "admin", "--no-password"], "no spaces"),
    ]
    for args, message in bad:
        out = run(db_path, "users", *args)
        assert out.exit_code == 2 and message in out.output, (args, out.output)
    short = run(db_path, "users", "create", "bob", "--role", "admin", "--password-stdin", stdin="short\n")
    assert short.exit_code == 2 and "at least 12" in short.output
    names = [line.split("\t")[0] for line in run(db_path, "users", "list").stdout.splitlines()[1:]]
    assert names == ["ann"]


def test_tokens_listed_revoked_and_ended_by_disable(db_path: str) -> None:
    run(db_path, "users", "create", "ann", "--role", "specialist", "--unit", "unit-a", "--no-password")
    first = run(db_path, "users", "token", "ann", "--name", "script").stdout.strip()
    second = run(db_path, "token", "ann", "--hours", "1").stdout.strip()  # the top-level alias
    assert first.startswith("ipsm_") and _live(db_path, first) and _live(db_path, second)
    rows = [line.split("\t") for line in run(db_path, "users", "tokens", "ann").stdout.splitlines()[1:]]
    assert sorted(r[1] for r in rows) == ["cli", "script"] and all(first not in "".join(r) for r in rows)
    script_id = next(r[0] for r in rows if r[1] == "script")
    assert run(db_path, "users", "revoke-token", script_id).exit_code == 0
    assert not _live(db_path, first) and _live(db_path, second)
    assert run(db_path, "users", "revoke-token", script_id).exit_code == 2  # not live any more
    assert len(run(db_path, "users", "tokens", "ann", "--all").stdout.splitlines()) == 3
    assert run(db_path, "users", "disable", "ann").exit_code == 0
    assert not _live(db_path, second)
    assert run(db_path, "users", "token", "ann").exit_code == 2  # no tokens for a disabled user
    assert run(db_path, "users", "enable", "ann").exit_code == 0
    assert run(db_path, "users", "token", "ann").exit_code == 0
    assert run(db_path, "users", "disable", "nobody").exit_code == 2


def test_reset_password_from_stdin_ends_sessions(db_path: str) -> None:
    run(
        db_path,
        "users",
        "create",
        "ann",
        "--role",
        "specialist",
        "--unit",
        "unit-a",
        "--password-stdin",
        stdin=PASSWORD,
    )
    token = run(db_path, "users", "token", "ann").stdout.strip()
    out = run(db_path, "users", "reset-password", "ann", "--password-stdin", stdin="a brand new passphrase\n")
    assert out.exit_code == 0, out.output
    assert _check(db_path, "ann", "a brand new passphrase") and not _check(db_path, "ann", PASSWORD)
    assert not _live(db_path, token)
    assert run(db_path, "password", "nobody", "--password-stdin", stdin=PASSWORD).exit_code == 2
