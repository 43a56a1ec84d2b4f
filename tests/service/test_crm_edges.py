"""Bad input to the CRM routes gets a 4xx naming the problem, never a 500."""

from __future__ import annotations

from tests.conftest import Api
from tests.service.crm_helpers import contact, employer


def test_crm_edge_cases_are_4xx(api: Api) -> None:
    e = employer(api, registry_number="556677-8899")
    e2 = employer(api, name="Other AB")
    r = api.call(
        "POST",
        "/contacts",
        json={
            "employer_id": e["id"],
            "occurred_at": "2026-01-05T10:00:00",
            "mode": "phone",
            "purpose": "follow_up",
        },
    )
    assert r.status_code == 422, r.text
    r = api.call(
        "POST",
        "/contacts",
        json={
            "employer_id": e["id"],
            "occurred_at": "2026-01-05T10:00:00Z",
            "mode": "phone",
            "purpose": "follow_up",
            "participant_id": "00000000-0000-4000-8000-000000000000",
        },
    )
    assert r.status_code == 422, r.text
    c = contact(api, e["id"])
    assert (
        api.call(
            "PATCH", f"/contacts/{c['id']}", json={"person_id": "00000000-0000-4000-8000-000000000000"}
        ).status_code
        == 404
    )
    assert api.call("PATCH", f"/contacts/{c['id']}", json={"mode": None}).status_code == 422
    assert api.call("PATCH", f"/contacts/{c['id']}", json={"next_step_due": "2026-12-01"}).status_code == 422
    assert (
        api.call("PATCH", f"/employers/{e2['id']}", json={"registry_number": "5566778899"}).status_code == 409
    )
    assert (
        api.call("PATCH", "/tasks/00000000-0000-4000-8000-000000000000", json={"status": "done"}).status_code
        == 404
    )
    for data in (b"", b"PK\x03\x04garbage", b"\xff\xfe\x00binary", b"name\n"):
        r = api.call(
            "POST",
            "/imports",
            files={"file": ("x.xlsx" if data.startswith(b"PK") else "x.csv", data)},
            data={"entity": "employers"},
        )
        assert r.status_code in (201, 422), (data, r.text)
    assert api.call("GET", "/exports/foo").status_code == 422
    assert api.call("GET", "/exports/employers?format=pdf").status_code == 422
    assert api.call("DELETE", f"/employers/{e2['id']}").status_code == 204
    assert (
        api.call("POST", "/employers/merges", json={"survivor_id": e["id"], "loser_id": e2["id"]}).status_code
        == 404
    )
    r = api.call(
        "POST",
        "/imports",
        files={"file": ("x.csv", f"id,name\n{e2['id']},Back AB\n".encode())},
        data={"entity": "employers"},
    )
    assert r.json()["rows"][0]["field"] == "id", r.text
    assert api.call("GET", "/specialists/spec.a/week?week=2026-W00").status_code == 422
    assert api.call("GET", "/employers/dormant?after=xyz").status_code == 422
    r = api.call("GET", "/employers/dormant", params={"after": "fA"})
    assert r.status_code == 422
    r = api.call("POST", "/people", json={"full_name": "X", "employers": [{"employer_id": e2["id"]}]})
    assert r.status_code == 404
    r = api.call(
        "POST",
        "/people",
        json={
            "full_name": "X",
            "employers": [{"employer_id": e["id"], "active_from": "2026-01-01", "left_on": "2025-01-01"}],
        },
    )
    assert r.status_code == 422, r.text
    assert api.db.cursor().execute("select count(*) from crm_people").fetchone() == (0,)
    r = api.call("POST", "/employers/duplicates/not-duplicate", json={"a_id": e["id"], "b_id": e2["id"]})
    assert r.status_code == 404
    r = api.call("PATCH", "/openings/00000000-0000-4000-8000-000000000000", json={})
    assert r.status_code == 404
