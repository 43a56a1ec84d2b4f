"""Employers, openings, people, tasks and notes through HTTP: updates with field-level change log,
soft delete and restore, unique live registry numbers, filters and cursor pagination."""

from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.service.crm_helpers import change_log, employer


def test_employer_patch_logs_each_field_and_the_stage_history(api: Api) -> None:
    emp = employer(api, registry_number="556677-8899", registry_kind="org_nr", stage="prospect")
    r = api.call(
        "PATCH",
        f"/employers/{emp['id']}",
        json={"stage": "introduced", "hiring_process": "Apply in spring", "phone": "08-123 45 67"},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["stage"], out["hiring_process"], out["phone"]) == (
        "introduced",
        "Apply in spring",
        "08-123 45 67",
    )
    log = change_log(api, emp["id"])
    assert ("update", "stage", "prospect", "introduced") in log
    assert ("update", "hiring_process", "", "Apply in spring") in log
    assert ("update", "phone", None, "08-123 45 67") in log
    history = (
        api.db.cursor()
        .execute(
            "SELECT from_stage, to_stage FROM crm_stage_history WHERE employer_id = ? ORDER BY changed_at",
            [emp["id"]],
        )
        .fetchall()
    )
    assert history == [(None, "prospect"), ("prospect", "introduced")]
    assert api.call("PATCH", f"/employers/{emp['id']}", json={"stage": "married"}).status_code == 422
    assert api.call("PATCH", f"/employers/{emp['id']}", json={"name": None}).status_code == 422
    assert api.call("PATCH", f"/employers/{emp['id']}", json={"colour": "red"}).status_code == 422
    site = {"name": "Lager Kista", "address": "Kistagången 12", "postcode": "164 40", "city": "Kista"}
    with_site = api.call("POST", f"/employers/{emp['id']}/sites", json=site)
    assert with_site.status_code == 201 and with_site.json()["sites"][0]["address"] == "Kistagången 12"


def test_live_registry_numbers_are_unique_and_deleting_frees_them(api: Api) -> None:
    first = employer(api, name="Kvarnen AB", registry_number="556677-8899")
    r = api.call(
        "POST",
        "/employers",
        json={"name": "Annat AB", "registry_number": "5566778899", "skip_duplicate_check": True},
    )
    assert r.status_code == 409 and r.json()["detail"][0]["loc"] == ["body", "registry_number"]
    assert r.json()["detail"][0]["existing_id"] == first["id"]
    assert api.call("DELETE", f"/employers/{first['id']}").status_code == 204
    assert api.call("GET", f"/employers/{first['id']}").status_code == 404
    again = employer(api, name="Kvarnen AB", registry_number="556677-8899")
    assert again["id"] != first["id"]
    # The old record cannot come back while the new one holds the number.
    assert api.call("POST", f"/employers/{first['id']}/restore").status_code == 409
    assert api.call("DELETE", f"/employers/{again['id']}").status_code == 204
    restored = api.call("POST", f"/employers/{first['id']}/restore")
    assert restored.status_code == 200 and restored.json()["id"] == first["id"]
    assert [a for a, *_ in change_log(api, first["id"])] == ["create", "delete", "restore"]
    assert api.call("POST", f"/employers/{first['id']}/restore").status_code == 404


def test_employer_list_filters_search_and_pages(api: Api) -> None:
    names = ["Nordic Care AB", "Nordic Cars AB", "Söderlunds Städ AB", "Hansen & Søn ApS", "Lumière SAS"]
    made = [
        employer(api, name=n, stage="learning" if i % 2 else "prospect", owner="spec.a")
        for i, n in enumerate(names)
    ]
    assert {e["name"] for e in api.call("GET", "/employers?stage=learning").json()["items"]} == {
        "Nordic Cars AB",
        "Hansen & Søn ApS",
    }
    found = api.call("GET", "/employers", params={"q": "soderlund stad"}).json()["items"]
    assert found[0]["name"] == "Söderlunds Städ AB" and found[0]["score"] >= 90
    hits = api.call("GET", "/employers", params={"q": "nordic", "limit": 1}).json()
    second = api.call(
        "GET", "/employers", params={"q": "nordic", "limit": 1, "after": hits["next_cursor"]}
    ).json()
    assert {hits["items"][0]["name"], second["items"][0]["name"]} == {"Nordic Care AB", "Nordic Cars AB"}
    seen, cursor = [], None
    while True:
        page = api.call(
            "GET", "/employers", params={"limit": 2, **({"after": cursor} if cursor else {})}
        ).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(e["id"] for e in made)
    assert api.call("GET", "/employers?do_not_contact=true").json()["items"] == []
    assert api.call("GET", "/employers?owner=nobody").json()["items"] == []


def test_opening_updates_follow_the_status_flow(api: Api) -> None:
    emp = employer(api)
    op = api.call(
        "POST", "/openings", json={"employer_id": emp["id"], "title": "Lagerarbetare", "status": "lead"}
    ).json()
    r = api.call(
        "PATCH",
        f"/openings/{op['id']}",
        json={"status": "open", "subsidy_type": "wage_subsidy", "wage_hourly": 150},
    )
    assert r.status_code == 200 and r.json()["subsidy_type"] == "wage_subsidy"
    assert api.call("PATCH", f"/openings/{op['id']}", json={"status": "lead"}).status_code == 422
    assert api.call("PATCH", f"/openings/{op['id']}", json={"status": "filled"}).json()["status"] == "filled"
    assert ("update", "status", "open", "filled") in change_log(api, op["id"])
    assert [o["id"] for o in api.call("GET", "/openings?status=filled").json()["items"]] == [op["id"]]
    assert api.call("DELETE", f"/openings/{op['id']}").status_code == 204
    assert api.call("GET", f"/openings/{op['id']}").status_code == 404
    assert api.call("POST", f"/openings/{op['id']}/restore").json()["status"] == "filled"


def test_people_have_many_employers_with_roles_and_dates(api: Api) -> None:
    a, b = employer(api, name="Första AB"), employer(api, name="Andra AB")
    r = api.call(
        "POST",
        "/people",
        json={
            "full_name": "Mette Jensen",
            "email": "mette@example.dk",
            "employers": [{"employer_id": a["id"], "role": "HR", "active_from": "2024-01-01"}],
        },
    )
    assert r.status_code == 201, r.text
    person = r.json()
    link = person["employers"][0]
    r = api.call("PATCH", f"/people/{person['id']}/employers/{link['id']}", json={"left_on": "2026-06-30"})
    assert r.json()["left_on"] == "2026-06-30"
    bad = api.call("PATCH", f"/people/{person['id']}/employers/{link['id']}", json={"left_on": "2020-01-01"})
    assert bad.status_code == 422
    moved = api.call(
        "POST", f"/people/{person['id']}/employers", json={"employer_id": b["id"], "role": "Store manager"}
    )
    assert {(k["employer_id"], k["role"]) for k in moved.json()["employers"]} == {
        (a["id"], "HR"),
        (b["id"], "Store manager"),
    }
    assert [p["id"] for p in api.call("GET", f"/people?employer_id={b['id']}").json()["items"]] == [
        person["id"]
    ]
    r = api.call("PATCH", f"/people/{person['id']}", json={"title": "HR lead"})
    assert r.json()["title"] == "HR lead" and ("update", "title", "", "HR lead") in change_log(
        api, person["id"]
    )
    assert api.call("POST", "/people", json={"full_name": "X", "email": "not-an-email"}).status_code == 422
    assert api.call("DELETE", f"/people/{person['id']}").status_code == 204
    assert api.call("GET", f"/people/{person['id']}").status_code == 404
    assert api.call("POST", f"/people/{person['id']}/restore").status_code == 200


@pytest.mark.parametrize("kind", ["tasks", "notes"])
def test_tasks_and_notes_update_delete_restore(api: Api, kind: str) -> None:
    emp = employer(api)
    body = {
        "employer_id": emp["id"],
        **({"title": "Call back", "due_on": "2026-12-01"} if kind == "tasks" else {"body": "Met the owner"}),
    }
    made = api.call("POST", f"/{kind}", json=body)
    assert made.status_code == 201, made.text
    rid = made.json()["id"]
    patch = {"status": "done"} if kind == "tasks" else {"body": "Met the owner and the HR lead"}
    out = api.call("PATCH", f"/{kind}/{rid}", json=patch).json()
    if kind == "tasks":
        assert out["status"] == "done" and out["done_at"] is not None and out["assignee"] == "spec.a"
    assert api.call("GET", f"/{kind}?employer_id={emp['id']}").json()["items"][0]["id"] == rid
    assert api.call("DELETE", f"/{kind}/{rid}").status_code == 204
    assert api.call("GET", f"/{kind}/{rid}").status_code == 404
    assert api.call("POST", f"/{kind}/{rid}/restore").status_code == 200
    actions = [a for a, *_ in change_log(api, rid)]
    assert actions[0] == "create" and actions[-2:] == ["delete", "restore"]
