"""Duplicate check on create (409 + override), the review queue, "not a duplicate" memory, merge
and undo, through HTTP."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.service.crm_helpers import change_log, contact, employer


def _post(api: Api, body: dict[str, Any], **headers: str) -> Any:
    return api.call("POST", "/employers", json=body, headers=headers)


def test_likely_duplicate_gives_409_with_candidates_unless_confirmed(api: Api) -> None:
    first = _post(api, {"name": "Hansen & Søn ApS", "phone": "33 12 34 56"}).json()
    r = _post(api, {"name": "Hansen og Søn A/S"})
    assert r.status_code == 409
    (candidate,) = r.json()["candidates"]
    assert candidate["id"] == first["id"] and candidate["score"] >= 88 and candidate["reasons"]
    by_phone = _post(api, {"name": "Hansen og Søn", "phone": "+45 33123456", "country": "SE"})
    assert by_phone.status_code == 409 and by_phone.json()["candidates"][0]["reasons"] == [
        "same phone number",
        "similar name (100)",
    ]  # a shared phone and a similar name block (even across countries, which a name alone does not)
    switchboard = _post(api, {"name": "Helt Annat Namn ApS", "phone": "+45 33123456"})
    assert switchboard.status_code == 201  # the phone alone (a switchboard?) is only to review
    queue = api.call("GET", "/employers/duplicates").json()["items"]
    assert {(p["b_name"] if p["a_id"] == first["id"] else p["a_name"], p["review"]) for p in queue} == {
        ("Helt Annat Namn ApS", True)
    }
    assert _post(api, {"name": "Hansen og Søn A/S"}, **{"X-Skip-Duplicate-Check": "true"}).status_code == 201
    assert _post(api, {"name": "Hansen and Son", "skip_duplicate_check": True}).status_code == 201
    assert _post(api, {"name": "Nordic Care AB"}).status_code == 201
    assert _post(api, {"name": "Nordic Cars AB"}).status_code == 201  # a hard negative passes
    assert api.db.cursor().execute("SELECT count(*) FROM crm_employers").fetchone() == (6,)


def test_scan_queue_and_not_duplicate_memory(api: Api) -> None:
    a = employer(api, name="Söderlunds Städservice AB")
    b = employer(api, name="Soderlunds Stadservice")
    c = employer(api, name="Pennine Logistics Ltd", website="https://www.penninelogistics.co.uk")
    d = employer(api, name="PL Haulage Ltd", website="penninelogistics.co.uk/contact")
    employer(api, name="Irwell Bakery Ltd")
    queue = api.call("GET", "/employers/duplicates").json()["items"]
    pairs = {frozenset((p["a_id"], p["b_id"])): p for p in queue}
    assert set(pairs) == {frozenset((a["id"], b["id"])), frozenset((c["id"], d["id"]))}
    shared_site = pairs[frozenset((c["id"], d["id"]))]
    assert shared_site["reasons"] == ["same website domain", "nothing else in common"]
    assert shared_site["review"] and not pairs[frozenset((a["id"], b["id"]))]["review"]
    assert queue[0] is pairs[frozenset((a["id"], b["id"]))]  # likely duplicates before pairs to review
    assert api.call("POST", "/employers/duplicates/scan").json()["items"] == queue
    r = api.call("POST", "/employers/duplicates/not-duplicate", json={"a_id": d["id"], "b_id": c["id"]})
    assert r.status_code == 204
    left = api.call("GET", "/employers/duplicates").json()["items"]
    assert [frozenset((p["a_id"], p["b_id"])) for p in left] == [frozenset((a["id"], b["id"]))]
    assert ("not_duplicate", "not_duplicate_of", None, d["id"]) in change_log(api, c["id"])
    same = api.call("POST", "/employers/duplicates/not-duplicate", json={"a_id": a["id"], "b_id": a["id"]})
    assert same.status_code == 422


def test_merge_moves_every_child_keeps_an_alias_and_undo_restores(api: Api) -> None:
    keep = employer(
        api, name="Lindqvist Bygg AB", registry_number=None, phone=None, needs_learned="Site cleaners"
    )
    lose = employer(
        api,
        name="Lindqvist Bygg",
        registry_number="556100-1005",
        phone="08-555 12 12",
        do_not_contact=True,
        sites=[{"name": "Kista", "city": "Kista"}],
    )
    person = api.call(
        "POST",
        "/people",
        json={
            "full_name": "Erik Holm",
            "employers": [{"employer_id": lose["id"], "role": "Site manager", "active_from": "2025-03-01"}],
        },
    ).json()
    c = contact(api, lose["id"], person_id=person["id"], next_step="Call", next_step_due="2030-01-01")
    op = api.call("POST", "/openings", json={"employer_id": lose["id"], "title": "Snickare"}).json()
    note = api.call("POST", "/notes", json={"employer_id": lose["id"], "body": "Met Erik"}).json()
    r = api.call(
        "POST",
        "/employers/merges",
        json={"survivor_id": keep["id"], "loser_id": lose["id"], "choices": {"needs_learned": "survivor"}},
    )
    assert r.status_code == 201, r.text
    merge = r.json()
    survivor = merge["survivor"]
    assert survivor["registry_number"] == "556100-1005" and survivor["phone"] == "08-555 12 12"
    assert survivor["do_not_contact"] is True and survivor["needs_learned"] == "Site cleaners"
    assert "Lindqvist Bygg" in survivor["aliases"] and survivor["sites"][0]["city"] == "Kista"
    assert api.call("GET", f"/employers/{lose['id']}").status_code == 404
    link = api.call("GET", f"/people/{person['id']}").json()["employers"][0]
    assert (link["employer_id"], link["role"], link["active_from"]) == (
        keep["id"],
        "Site manager",
        "2025-03-01",
    )
    for path, rid in (("contacts", c["id"]), ("openings", op["id"]), ("notes", note["id"])):
        assert api.call("GET", f"/{path}/{rid}").json()["employer_id"] == keep["id"]
    assert api.call("GET", f"/tasks?employer_id={keep['id']}").json()["items"][0]["contact_id"] == c["id"]
    assert any(row[0] == "merge" for row in change_log(api, keep["id"]))
    assert api.call("GET", "/employers", params={"q": "lindqvist"}).json()["items"][0]["id"] == keep["id"]
    # A contact logged after the merge stays with the survivor on undo.
    later = contact(api, keep["id"], purpose="follow_up")
    undone = api.call("POST", f"/employers/merges/{merge['id']}/undo")
    assert undone.status_code == 200 and undone.json()["undone_at"] is not None
    back = api.call("GET", f"/employers/{lose['id']}").json()
    assert back["registry_number"] == "556100-1005" and back["sites"][0]["city"] == "Kista"
    restored = api.call("GET", f"/employers/{keep['id']}").json()
    assert (
        restored["registry_number"],
        restored["phone"],
        restored["aliases"],
        restored["do_not_contact"],
    ) == (None, None, [], False)
    assert api.call("GET", f"/contacts/{c['id']}").json()["employer_id"] == lose["id"]
    assert api.call("GET", f"/contacts/{later['id']}").json()["employer_id"] == keep["id"]
    assert api.call("GET", f"/people/{person['id']}").json()["employers"][0]["employer_id"] == lose["id"]
    assert api.call("POST", f"/employers/merges/{merge['id']}/undo").status_code == 409
    assert api.call("GET", f"/employers/merges/{merge['id']}").json()["moved"]["crm_contacts"] == [c["id"]]


def test_merge_rejects_bad_requests(api: Api) -> None:
    a, b = employer(api, name="Ett AB"), employer(api, name="Två AB")
    same = api.call("POST", "/employers/merges", json={"survivor_id": a["id"], "loser_id": a["id"]})
    assert same.status_code == 422
    bad_field = api.call(
        "POST",
        "/employers/merges",
        json={"survivor_id": a["id"], "loser_id": b["id"], "choices": {"id": "loser"}},
    )
    assert bad_field.status_code == 422 and bad_field.json()["detail"][0]["loc"] == ["body", "choices", "id"]
    ghost = "00000000-0000-4000-8000-000000000000"
    assert (
        api.call("POST", "/employers/merges", json={"survivor_id": a["id"], "loser_id": ghost}).status_code
        == 404
    )
    assert api.call("GET", f"/employers/merges/{ghost}").status_code == 404
