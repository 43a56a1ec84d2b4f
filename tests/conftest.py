"""Shared fixtures: ESCO catalog, linker and skill matcher once per session; app factory, fake encoder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from embeddings import HashingEncoder
from matching.linking.esco import EscoCatalog
from service.access.tokens import create_token
from service.access.users import create_units, create_users, get_user
from service.app import create_app
from service.config import Settings
from service.runtime.linkers import load_linker, load_skill_matcher
from service.runtime.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = "http://localhost"
UNITS = [
    {"id": "unit-a", "name": "Unit A", "language": "en"},
    {"id": "unit-b", "name": "Unit B", "language": "sv"},
]
USERS = [
    {"username": "spec.a", "role": "specialist", "unit_id": "unit-a"},
    {"username": "sup.a", "role": "supervisor", "unit_id": "unit-a"},
    {"username": "spec.b", "role": "specialist", "unit_id": "unit-b"},
    {"username": "admin", "role": "admin", "unit_id": None},
]


@pytest.fixture(scope="session")
def resources() -> Resources:
    catalog = EscoCatalog.load(ROOT / "data" / "esco")
    encoder = HashingEncoder(dim=64)  # no shipped vectors for it: the lexical fusion links
    linker = load_linker(catalog, encoder, ROOT / "data")
    return Resources(encoder, catalog, linker, load_skill_matcher(catalog, encoder, ROOT / "data"))


class Api:
    """A TestClient plus a bearer token per test user."""

    def __init__(self, client: TestClient, tokens: dict[str, str]) -> None:
        self.client = client
        self.tokens = tokens

    def call(self, method: str, url: str, user: str | None = "spec.a", **kw: Any) -> Any:
        headers = {
            **kw.pop("headers", {}),
            **({"Authorization": f"Bearer {self.tokens[user]}"} if user else {}),
        }
        return self.client.request(method, url, headers=headers, **kw)

    @property
    def db(self) -> Any:
        return self.client.app.state.db  # type: ignore[attr-defined]


@pytest.fixture
def make_api(resources: Resources, tmp_path: Path) -> Iterator[Callable[..., Api]]:
    clients: list[TestClient] = []

    def build(**overrides: Any) -> Api:
        settings = Settings(
            db_path=str(tmp_path / "test.duckdb"), encoder="hashing", data_dir=ROOT / "data", **overrides
        )
        client = TestClient(
            create_app(settings, resources=resources),
            raise_server_exceptions=False,
            base_url=BASE_URL,  # a Host on the allow-list (service/web/security.py)
        )
        client.__enter__()
        clients.append(client)
        db = client.app.state.db  # type: ignore[attr-defined]
        create_units(db, units=UNITS)
        create_users(db, users=USERS)
        tokens = {
            u["username"]: create_token(db, user_id=get_user(db, username=u["username"]).id) for u in USERS
        }  # type: ignore[union-attr]
        return Api(client, tokens)

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def api(make_api: Callable[..., Api]) -> Api:
    return make_api()
