"""The audit log: complete (reads, exports, leads, imports, batches, merges, deletes, refusals),
queryable by supervisors within their unit, append-only, and in an owner-only file (issue 13, item 5).
"""

from __future__ import annotations

import os
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts

from tests.conftest import ROOT, Api
from tests.service import unit_world
from tests.service.crm_helpers import employer
from tests.service.unit_world import World, missing


@pytest.fixture
def world(api: Api) -> World:
    return unit_world.build(api)


def _audit(api: Api, reader: str = "sup.a", **query: Any) -> list[dict[str, Any]]:
    r = api.call("GET", "/audit", user=reader, params=query)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


def _actions(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(r["action"], r["entity"]) for r in rows}


def test_every_kind_of_work_writes_an_audit_row(world: World) -> None:
    api, ids = world.api, world.ids
    api.call("GET", f"/imports/{ids['import']}/failed-rows", user="spec.a")
    api.call("GET", "/exports/contacts", user="spec.a")
    api.call("DELETE", f"/notes/{ids['note']}", user="jd.a")
    api.call("POST", f"/notes/{ids['note']}/restore", user="jd.a")
    api.call("DELETE", f"/contacts/{ids['contact']}", user="jd.a")
    other = employer(api, name="Lagerhuset Aktiebolag")
    merged = api.call(
        "POST", "/employers/merges", json={"survivor_id": ids["employer"], "loser_id": other["id"]}
    )
    assert merged.status_code == 201, merged.text
    rows = _audit(api, limit=500)
    expected = {
        ("create", "participant"),
        ("leads", "participant"),
        ("import", "import"),
        ("import", "participant"),  # the import linked the participant
        ("failed_rows", "import"),
        ("export", "contacts"),
        ("batch", "batch"),
        ("delete", "note"),
        ("restore", "note"),
        ("delete", "contact"),
        ("merge", "merge"),
    }
    assert expected <= _actions(rows), expected - _actions(rows)
    generated = next(r for r in rows if r["action"] == "leads")
    assert re.search(r"model=\S+ inputs=[0-9a-f]{16} batch=", generated["detail"]), generated["detail"]


def test_refused_attempts_are_audited_401_403_and_404(world: World) -> None:
    api, pid = world.api, world.ids["participant"]
    api.call("GET", f"/participants/{pid}", user="spec.b")  # another unit's: 404
    api.call("POST", "/participants", user="admin", json={"display_name": "X"})  # 403
    api.client.get("/contacts", headers={"Authorization": "Bearer ipsm_not-a-token"})  # 401
    rows = _audit(api, reader="admin", limit=500)
    denied = [r for r in rows if r["action"] == "denied"]
    assert any(
        r["entity_id"] == pid and r["username"] == "spec.b" and r["detail"].startswith("404") for r in denied
    )
    assert any(r["username"] == "admin" and r["detail"].startswith("403 POST /participants") for r in denied)
    assert any(r["user_id"] == "" and r["detail"].startswith("401 GET /contacts") for r in denied)
    # unit A's supervisor sees the attempt on their participant, unit B's sees their own user's
    assert any(r["action"] == "denied" for r in _audit(api, participant_id=pid))
    assert any(r["action"] == "denied" and r["username"] == "spec.b" for r in _audit(api, reader="sup.b"))


def test_supervisors_query_their_unit_by_person_user_and_time(world: World) -> None:
    api, pid = world.api, world.ids["participant"]
    mine = _audit(api, limit=500)
    assert mine and {r["username"] for r in mine} - {"spec.a", "jd.a", "sup.a", "spec.b"} <= {None}
    theirs = _audit(api, reader="sup.b", limit=500)
    assert not {r["entity_id"] for r in theirs if r["entity"] == "participant"} & {pid}
    about = _audit(api, participant_id=pid, limit=500)
    assert about and all(r["entity"] == "participant" and r["entity_id"] == pid for r in about)
    by_user = _audit(api, user="spec.a")
    assert by_user and all(r["username"] == "spec.a" for r in by_user)
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert _audit(api, since=later.isoformat()) == []
    assert len(_audit(api, until=later.isoformat(), limit=500)) == len(mine)
    for user in ("spec.a", "jd.a"):
        assert api.call("GET", "/audit", user=user).status_code == 403
    assert api.call("GET", "/audit", user=None).status_code == 401
    assert len(_audit(api, reader="admin", limit=500)) >= len(mine) + len(theirs) - len(
        {r["id"] for r in mine} & {r["id"] for r in theirs}
    )


def test_audit_pages_follow_the_cursor_without_repeats(world: World) -> None:
    api = world.api
    everything = [r["id"] for r in _audit(api, limit=500)]
    seen: list[str] = []
    after = None
    while True:
        r = api.call(
            "GET", "/audit", user="sup.a", params={"limit": 3, **({"after": after} if after else {})}
        )
        seen += [i["id"] for i in r.json()["items"]]
        after = r.json()["next_cursor"]
        if after is None:
            break
    assert seen == everything and len(everything) > 3
    bad = api.call("GET", "/audit", user="sup.a", params={"after": "nope"})
    assert bad.status_code == 422


def test_no_code_updates_or_deletes_audit_rows_and_no_route_writes_them(api: Api) -> None:
    writes = re.compile(r"(UPDATE|DELETE\s+FROM|TRUNCATE|DROP\s+TABLE|ALTER\s+TABLE)\s+app_audit_log", re.I)
    sources = [
        p
        for d in ("service", "employers", "participants", "storekit", "vocabulary")
        for p in (ROOT / d).rglob("*")
    ]
    offending = [
        str(p.relative_to(ROOT))
        for p in sources
        if p.suffix in (".py", ".sql") and writes.search(p.read_text())
    ]
    # The one sanctioned path: retention (GDPR storage limitation) deletes rows past the audit
    # period, from the CLI only, and logs that it did (tests/service/test_retention.py).
    assert offending == ["service/access/audit_retention.py"]
    audit_routes = [r for r in iter_route_contexts(api.client.app.routes) if str(r.path).startswith("/audit")]
    assert audit_routes and all(set(r.methods or ()) <= {"GET", "HEAD"} for r in audit_routes)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert api.call(method, "/audit", user="admin").status_code == 405
        assert api.call(method, f"/audit/{missing()}", user="admin").status_code in (404, 405)


def test_the_database_file_is_owner_only(api: Api, tmp_path: Path) -> None:
    api.call("POST", "/employers", json={"name": "Skriv AB"}, headers={"X-Skip-Duplicate-Check": "true"})
    files = [p for p in tmp_path.iterdir() if p.name.startswith("test.duckdb")]
    assert files
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
