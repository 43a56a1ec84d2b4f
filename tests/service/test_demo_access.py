"""Anonymous access only in `ipsmatch demo`: on a file the demo seeder made, bound to loopback,
with the Host allow-list and the Origin check on writes like any browser session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from service.access import accounts
from service.access.anonymous import (
    AnonymousRefused,
    is_demo_file,
    is_fresh_install,
    is_loopback,
    mark_demo_file,
)
from service.access.tokens import create_token
from service.access.users import create_units, create_users, get_user
from service.app import create_app
from service.cli.app import app as cli
from service.config import Settings
from service.runtime.database import Database
from service.runtime.resources import Resources
from tests.conftest import BASE_URL, ROOT, UNITS, USERS

PERSON = {"display_name": "Sara L.", "home": {"city": "Solna", "lat": 59.36, "lon": 18.0}}


def _database(path: Path, *, demo: bool) -> None:
    db = Database(str(path))
    try:
        db.migrate()
        assert is_fresh_install(db)
        create_units(db, units=UNITS)
        create_users(db, users=USERS)
        assert not is_fresh_install(db)
        if demo:
            mark_demo_file(db, note="test")
    finally:
        db.close()


def _client(path: Path, resources: Resources, *, host: str = "127.0.0.1", **kw: Any) -> TestClient:
    settings = Settings(db_path=str(path), encoder="hashing", data_dir=ROOT / "data", host=host)
    return TestClient(create_app(settings, resources=resources, **kw), base_url=BASE_URL)


@pytest.fixture
def demo(tmp_path: Path, resources: Resources) -> Iterator[TestClient]:
    path = tmp_path / "demo.duckdb"
    _database(path, demo=True)
    with _client(path, resources, demo_user="spec.a") as client:
        yield client


def test_loopback_names() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.168.1.10", "ipsmatch.example.org", ""]))


def test_the_demo_answers_without_credentials(demo: TestClient) -> None:
    assert demo.get("/participants").status_code == 200
    assert demo.get("/ui/participants", follow_redirects=False).status_code == 200  # no sign-in page
    r = demo.post("/participants", json=PERSON)  # curl on the same machine sends no Origin
    assert r.status_code == 201, r.text


def test_demo_writes_from_another_site_are_refused(demo: TestClient) -> None:
    for evil in ({"origin": "http://evil.example"}, {"referer": "http://evil.example/x"}, {"origin": "null"}):
        assert demo.post("/participants", json=PERSON, headers=evil).status_code == 403, evil
    assert demo.post("/participants", json=PERSON, headers={"origin": BASE_URL}).status_code == 201
    assert demo.get("/participants").json()["items"].__len__() == 1


def test_dns_rebinding_cannot_read_the_demo(demo: TestClient) -> None:
    r = demo.get("/participants", headers={"host": "rebound.attacker.example:8000"})
    assert r.status_code == 400 and "items" not in r.text


def test_the_demo_refuses_a_file_its_seeder_did_not_make(tmp_path: Path, resources: Resources) -> None:
    path = tmp_path / "real.duckdb"
    _database(path, demo=False)
    refused = pytest.raises(AnonymousRefused, match="not made by the demo seeder")
    with refused, _client(path, resources, demo_user="spec.a"):
        pass
    with _client(path, resources) as client:  # the same file served normally asks for sign-in
        assert client.get("/participants").status_code == 401


def test_a_demo_file_with_a_real_account_is_no_demo_any_more(tmp_path: Path, resources: Resources) -> None:
    path = tmp_path / "demo.duckdb"
    _database(path, demo=True)
    db = Database(str(path))
    try:
        assert is_demo_file(db)
        accounts.create_user(db, username="root", role="admin")  # `ipsmatch users create-admin`
        assert not is_demo_file(db)
    finally:
        db.close()
    refused = pytest.raises(AnonymousRefused, match="not made by the demo seeder")
    with refused, _client(path, resources, demo_user="spec.a"):
        pass


def test_the_demo_refuses_to_serve_other_interfaces(tmp_path: Path, resources: Resources) -> None:
    path = tmp_path / "demo.duckdb"
    _database(path, demo=True)
    for host in ("0.0.0.0", "192.168.1.10"):
        with (
            pytest.raises(AnonymousRefused, match="loopback"),
            _client(path, resources, host=host, demo_user="spec.a"),
        ):
            pass


def test_a_bearer_token_still_names_the_caller_in_the_demo(demo: TestClient) -> None:
    db = demo.app.state.db  # type: ignore[attr-defined]
    user = get_user(db, username="spec.b")
    assert user is not None
    token = create_token(db, user_id=user.id)
    assert demo.post("/participants", json=PERSON).status_code == 201  # as spec.a (unit A)
    mine = demo.get("/participants", headers={"Authorization": f"Bearer {token}"}).json()["items"]
    assert mine == []  # spec.b of unit B sees none of unit A's people
    assert demo.get("/participants", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_serve_refuses_to_start_with_the_anonymous_setting() -> None:
    out = CliRunner().invoke(cli, ["serve", "--db", ":memory:"], env={"IPSMATCH_ANONYMOUS_USER": "owen.en"})
    assert out.exit_code == 2
    said = " ".join(out.output.split())
    assert "IPSMATCH_ANONYMOUS_USER" in said and "ipsmatch demo" in said


def test_demo_command_refuses_a_database_with_real_data(tmp_path: Path, resources: Resources) -> None:
    path = tmp_path / "caseload.duckdb"
    _database(path, demo=False)
    with _client(path, resources) as client:  # someone's caseload: one participant
        db = client.app.state.db  # type: ignore[attr-defined]
        token = create_token(db, user_id=get_user(db, username="spec.a").id)  # type: ignore[union-attr]
        r = client.post("/participants", json=PERSON, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 201
    out = CliRunner().invoke(cli, ["demo", "--db", str(path)], env={"IPSMATCH_ENCODER": "hashing"})
    assert out.exit_code == 2, out.output
    said = " ".join(out.output.split())  # as one line, whatever the console's wrapping
    assert "not made by the demo seeder" in said and "already holds data" in said
