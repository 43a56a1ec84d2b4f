"""The lead index keeps the change log's version in memory, read again after every write it is told of."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from employers.change_log import index_version
from tests.conftest import Api
from tests.service.test_api import _employer, _opening


def _index(api: Api) -> Any:
    return api.client.app.state.engine.index  # type: ignore[attr-defined]


def _ok(r: Any) -> None:
    assert r.status_code in (200, 201, 204), r.text


WRITES: dict[str, Callable[[Api, dict[str, Any], dict[str, Any]], None]] = {
    "employer created": lambda api, emp, op: _employer(api, name="Nytt Lager AB") and None,
    "employer changed": lambda api, emp, op: _ok(
        api.call("PATCH", f"/employers/{emp['id']}", json={"stage": "learning"})
    ),
    "site added": lambda api, emp, op: _ok(
        api.call("POST", f"/employers/{emp['id']}/sites", json={"name": "Depå 2", "city": "Kista"})
    ),
    "opening created": lambda api, emp, op: _opening(api, emp, title="Truckförare") and None,
    "opening changed": lambda api, emp, op: _ok(
        api.call("PATCH", f"/openings/{op['id']}", json={"title": "Lagermedarbetare"})
    ),
    "opening deleted": lambda api, emp, op: _ok(api.call("DELETE", f"/openings/{op['id']}")),
    "employers merged": lambda api, emp, op: _ok(
        api.call(
            "POST",
            "/employers/merges",
            json={"survivor_id": emp["id"], "loser_id": _employer(api, name="Lager AB (2)")["id"]},
        )
    ),
}


@pytest.mark.parametrize("path", list(WRITES))
def test_every_indexed_write_is_in_the_next_version(api: Api, path: str) -> None:
    emp = _employer(api)
    op = _opening(api, emp)
    index = _index(api)
    before = index.version()
    WRITES[path](api, emp, op)
    after = index.version()
    assert after == index_version(api.db.cursor()) and after[0] > before[0]


def test_the_version_is_kept_until_the_index_is_told_of_a_write(api: Api) -> None:
    emp = _employer(api)
    index = _index(api)
    kept = index.version()
    api.db.cursor().execute(  # a change the index is not told of (no route writes like this)
        "INSERT INTO crm_change_log SELECT * REPLACE (uuid() AS id) FROM crm_change_log LIMIT 1"
    )
    assert index.version() == kept != index_version(api.db.cursor())
    index.upsert_employers([emp["id"]])
    assert index.version() == index_version(api.db.cursor())
    api.db.cursor().execute(
        "INSERT INTO crm_change_log SELECT * REPLACE (uuid() AS id) FROM crm_change_log LIMIT 1"
    )
    index.invalidate()
    assert index.version() == index_version(api.db.cursor())
