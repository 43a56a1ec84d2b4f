"""Schemathesis over every operation of the OpenAPI spec: no 5xx, every answer as the spec declares.

Runs the app in-process (ASGI) on a seeded DuckDB file with a valid bearer token. The default
run is bounded (a few examples per operation, about a minute); `test_contract_deep` is the long
run (`make test-slow`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.python import asgi

from service.access.users import create_token, create_units, create_users, get_user
from service.app import create_app
from service.config import Settings
from service.runtime.resources import Resources
from tests.conftest import ROOT, UNITS, USERS


class Target:
    """The running app, a client that reached it, a specialist's token and the loaded schema."""

    def __init__(self, app: Any, client: Any, token: str) -> None:
        self.app, self.client, self.token = app, client, token
        self.schema = schemathesis.openapi.from_asgi("/openapi.json", app)


def _seed(app: Any) -> str:
    db = app.state.db
    create_units(db, units=UNITS)
    create_users(db, users=USERS)
    user = get_user(db, username="sup.a")
    assert user is not None
    token = create_token(db, user_id=user.id)
    headers = {"Authorization": f"Bearer {token}"}
    client = asgi.get_client(app)
    emp = client.post("/employers", json={"name": "Lagerhuset AB"}, headers=headers).json()
    client.post("/openings", json={"employer_id": emp["id"], "title": "Lagerarbetare"}, headers=headers)
    client.post("/participants", json={"display_name": "Sara L."}, headers=headers)
    return token


@pytest.fixture(scope="module")
def target(resources: Resources, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    path: Path = tmp_path_factory.mktemp("contract") / "contract.duckdb"
    app = create_app(
        # schemathesis's ASGI client names the Host "testserver": allowed like a configured host name
        Settings(db_path=str(path), encoder="hashing", data_dir=ROOT / "data", allowed_hosts="testserver"),
        resources=resources,
    )
    client = asgi.get_client(app).__enter__()  # starts the lifespan (kept by schemathesis)
    yield Target(app, client, _seed(app))
    asgi.shutdown_lifespans()


#: Checks left out of "all": the spec cannot state every rule (dates from 1900 to 2200, hours_min at
#: most hours_max, ids that must exist), so schema-valid data may rightly get a 4xx.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


def _run(target: Target, examples: int) -> None:
    failures: list[str] = []
    auth = {"Authorization": f"Bearer {target.token}"}
    ran = []
    for operation in target.schema.get_all_operations():
        op = operation.ok()
        ran.append((op.method.upper(), op.path))

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=op.as_strategy())
        def check(case: Any) -> None:
            case.call_and_validate(session=target.client, headers=auth, excluded_checks=EXCLUDED)

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failure, not only the first
            failures.append(f"{op.label}: {str(exc)[:1500]}")
    spec = target.app.openapi()["paths"]
    assert sorted(ran) == sorted((m.upper(), p) for p, item in spec.items() for m in item), (
        "not every operation"
    )
    assert not failures, f"{len(failures)} operations fail:\n\n" + "\n\n".join(failures)


def test_contract(target: Target) -> None:
    _run(target, examples=5)


@pytest.mark.slow
def test_contract_deep(target: Target) -> None:
    _run(target, examples=int(os.environ.get("IPSMATCH_CONTRACT_EXAMPLES", "100")))
