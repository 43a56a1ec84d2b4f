"""Unit lines through the CRM, imports, lead feedback and batches (issue 13, item 3).

Each test tries one of the holes a probe found, as a user of another unit, and checks the answer
is the one a record that does not exist gets, and that nothing changed.
"""

from __future__ import annotations

import io

import pytest

from tests.conftest import Api
from tests.service import unit_world
from tests.service.test_api import _participant
from tests.service.unit_world import LEARNED, OTHER_UNIT, SAME_UNIT, World, missing, same_reply


@pytest.fixture
def world(api: Api) -> World:
    return unit_world.build(api, batch=False)


def _contact(world: World, user: str = "spec.a") -> dict[str, object]:
    r = world.api.call("GET", f"/contacts/{world.ids['contact']}", user=user)
    assert r.status_code == 200, r.text
    out: dict[str, object] = r.json()
    return out


@pytest.mark.parametrize("user", OTHER_UNIT)
def test_another_unit_cannot_change_delete_or_restore_a_participant_contact(world: World, user: str) -> None:
    api, cid, fake = world.api, world.ids["contact"], missing()
    patch = {"learned": "overwritten", "status": "cancelled"}
    for method, tail, body in (("PATCH", "", patch), ("DELETE", "", None), ("POST", "/restore", None)):
        theirs = api.call(method, f"/contacts/{cid}{tail}", user=user, json=body)
        nothing = api.call(method, f"/contacts/{fake}{tail}", user=user, json=body)
        assert theirs.status_code == 404 and same_reply(theirs, nothing, cid, fake), (method, theirs.text)
    assert _contact(world)["learned"] == LEARNED and _contact(world)["status"] == "held"
    # deleted by its own unit, it still cannot be restored from outside
    assert api.call("DELETE", f"/contacts/{cid}", user="jd.a").status_code == 204
    theirs = api.call("POST", f"/contacts/{cid}/restore", user=user)
    nothing = api.call("POST", f"/contacts/{fake}/restore", user=user)
    assert theirs.status_code == 404 and same_reply(theirs, nothing, cid, fake)
    assert api.call("POST", f"/contacts/{cid}/restore", user="sup.a").status_code == 200


@pytest.mark.parametrize("user", SAME_UNIT)
def test_the_participants_unit_may_change_the_contact(world: World, user: str) -> None:
    r = world.api.call("PATCH", f"/contacts/{world.ids['contact']}", user=user, json={"next_step": "Visit"})
    assert r.status_code == 200 and r.json()["learned"] == LEARNED and r.json()["participant_id"]


def test_other_units_see_the_employer_side_of_a_contact_but_not_the_participant_text(world: World) -> None:
    api, emp, cid = world.api, world.ids["employer"], world.ids["contact"]
    mine, theirs = _contact(world, "jd.a"), _contact(world, "jd.b")
    assert mine["learned"] == LEARNED and mine["participant_id"] == world.ids["participant"]
    assert (theirs["learned"], theirs["participant_id"], theirs["participant_hidden"]) == ("", None, True)
    same = ("employer_id", "occurred_at", "mode", "status", "purpose", "specialist")
    assert {k: theirs[k] for k in same} == {k: mine[k] for k in same}
    listed = {c["id"]: c for c in api.call("GET", "/contacts", user="jd.b").json()["items"]}
    assert listed[cid]["learned"] == "" and listed[cid]["participant_id"] is None
    timeline = api.call("GET", f"/employers/{emp}/timeline", user="spec.b").json()["items"]
    contacts = [i for i in timeline if i["kind"] == "contact"]
    assert contacts and all(i["detail"] == "" and i["participant_id"] is None for i in contacts)
    week = api.call("GET", "/specialists/spec.a/week", user="spec.b")  # no week of another unit
    nobody = api.call("GET", "/specialists/nobody-here/week", user="spec.b")
    assert (week.status_code, nobody.status_code) == (404, 404)
    page = api.call("GET", f"/ui/employers/{emp}", user="jd.b")
    assert page.status_code == 200 and "Sara L." not in page.text and "Sara L." in _page(api, emp)


def _page(api: Api, emp: str) -> str:
    return str(api.call("GET", f"/ui/employers/{emp}", user="jd.a").text)


def _csv(rows: str) -> dict[str, object]:
    return {"file": ("c.csv", io.BytesIO(rows.encode()), "text/csv")}


def test_an_update_import_cannot_move_another_units_participant_link(world: World) -> None:
    api, cid = world.api, world.ids["contact"]
    mine = _participant(api, user="spec.b", disclosure={"level": "full", "es_may_contact_employers": True})
    rows = f"id,learned,participant_id\n{cid},moved,{mine['id']}\n"
    r = api.call(
        "POST", "/imports", user="spec.b", files=_csv(rows), data={"entity": "contacts", "mode": "update"}
    )
    assert r.status_code == 201, r.text
    gone = f"id,learned\n{missing()},moved\n"
    nothing = api.call(
        "POST", "/imports", user="spec.b", files=_csv(gone), data={"entity": "contacts", "mode": "update"}
    )
    assert [(x["action"], x["message"]) for x in r.json()["rows"]] == [
        (x["action"], x["message"]) for x in nothing.json()["rows"]
    ]
    upsert = api.call("POST", "/imports", user="spec.b", files=_csv(rows), data={"entity": "contacts"})
    assert upsert.json()["rows"][0]["action"] == "error" and upsert.json()["rows"][0]["field"] == "id"
    after = _contact(world)
    assert (after["learned"], after["participant_id"]) == (LEARNED, world.ids["participant"])


@pytest.mark.parametrize("user", [*OTHER_UNIT, "admin"])
def test_another_units_import_is_not_there(world: World, user: str) -> None:
    api, iid, fake = world.api, world.ids["import"], missing()
    for method, tail in (("GET", ""), ("GET", "/failed-rows"), ("POST", "/revert")):
        theirs = api.call(method, f"/imports/{iid}{tail}", user=user)
        nothing = api.call(method, f"/imports/{fake}{tail}", user=user)
        assert theirs.status_code == 404 and same_reply(theirs, nothing, iid, fake), (tail, theirs.text)
        assert world.ids["participant"] not in theirs.text
    assert api.call("GET", f"/imports/{iid}", user="spec.a").json()["status"] == "applied"


def test_the_importers_unit_downloads_failed_rows_and_reverts(world: World) -> None:
    api, iid = world.api, world.ids["import"]
    rows = api.call("GET", f"/imports/{iid}/failed-rows", user="sup.a")
    assert rows.status_code == 200 and "not a date" in rows.text
    assert api.call("POST", f"/imports/{iid}/revert", user="jd.a").json()["status"] == "reverted"


@pytest.mark.parametrize("user", [*OTHER_UNIT, "admin"])
def test_feedback_on_another_units_lead_is_the_unknown_lead_404(world: World, user: str) -> None:
    api, lid, fake = world.api, world.ids["lead"], missing()
    theirs = api.call("POST", f"/leads/{lid}/feedback", user=user, json={"feedback": "pursued"})
    nothing = api.call("POST", f"/leads/{fake}/feedback", user=user, json={"feedback": "pursued"})
    assert theirs.status_code == 404 and same_reply(theirs, nothing, lid, fake)
    assert world.ids["participant"] not in theirs.text
    assert (
        api.call("POST", f"/leads/{lid}/feedback", user="spec.a", json={"feedback": "pursued"}).status_code
        == 201
    )


def test_a_supervisors_batch_ranks_only_their_unit_and_is_theirs_to_see(api: Api) -> None:
    world = unit_world.build(api, batch=False)
    other = _participant(api, user="spec.b")["id"]
    batch_id = unit_world.run_batch(api, "sup.a")
    ranked = {
        str(r[0])
        for r in api.db.cursor()
        .execute("SELECT DISTINCT participant_id FROM caseload_leads WHERE batch_id = ?", [batch_id])
        .fetchall()
    }
    assert ranked == {world.ids["participant"]} and other not in ranked
    fake = missing()
    for user in ("sup.b", "spec.b", "jd.b"):
        theirs, nothing = (
            api.call("GET", f"/batches/{batch_id}", user=user),
            api.call("GET", f"/batches/{fake}", user=user),
        )
        assert theirs.status_code == 404 and same_reply(theirs, nothing, batch_id, fake)
    resumed = api.call("POST", "/batches", user="sup.b", json={"batch_id": batch_id})
    assert resumed.status_code == 404
    assert api.call("GET", f"/batches/{batch_id}", user="admin").status_code == 200
    everyone = unit_world.run_batch(api, "admin")
    assert api.call("GET", f"/batches/{everyone}", user="sup.b").json()["participants"] == 2
