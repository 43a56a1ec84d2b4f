"""Contacts, participant links under the disclosure plan, timeline, dormant list, week view,
and concurrent writes through HTTP."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

from service.access.audit import list_access
from tests.conftest import Api
from tests.service.crm_helpers import contact, employer, participant


def test_contact_with_next_step_opens_a_follow_up_task(api: Api) -> None:
    emp = employer(api)
    due = (date.today() + timedelta(days=2)).isoformat()
    c = contact(api, emp["id"], next_step="Bring a candidate profile", next_step_due=due)
    tasks = api.call("GET", f"/tasks?employer_id={emp['id']}").json()["items"]
    assert [(t["title"], t["due_on"], t["assignee"], t["contact_id"]) for t in tasks] == [
        ("Bring a candidate profile", due, "spec.a", c["id"])
    ]
    future = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    r = api.call(
        "POST",
        "/contacts",
        json={
            "employer_id": emp["id"],
            "occurred_at": future,
            "mode": "phone",
            "status": "held",
            "purpose": "follow_up",
        },
    )
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "occurred_at"]
    planned = contact(api, emp["id"], occurred_at=future, status="planned", mode="video", purpose="follow_up")
    held = api.call(
        "PATCH",
        f"/contacts/{planned['id']}",
        json={"status": "held", "occurred_at": datetime.now(UTC).isoformat()},
    )
    assert held.status_code == 200 and held.json()["status"] == "held"
    bad = api.call(
        "POST",
        "/contacts",
        json={"employer_id": emp["id"], "occurred_at": future, "mode": "fax", "purpose": "x"},
    )
    assert {tuple(e["loc"]) for e in bad.json()["detail"]} >= {("body", "mode"), ("body", "purpose")}
    ghost = "00000000-0000-4000-8000-000000000000"
    assert api.call("POST", "/contacts", json={**_body(emp["id"]), "employer_id": ghost}).status_code == 404
    assert api.call("DELETE", f"/contacts/{planned['id']}").status_code == 204
    assert api.call("POST", f"/contacts/{planned['id']}/restore").status_code == 200


def _body(employer_id: str) -> dict[str, object]:
    return {
        "employer_id": employer_id,
        "occurred_at": datetime.now(UTC).isoformat(),
        "mode": "phone",
        "purpose": "introduction",
    }


def test_participant_link_needs_the_disclosure_plan_and_the_unit(api: Api) -> None:
    emp = employer(api)
    allowed = participant(api, may_contact=True)
    private = participant(api, may_contact=False)
    other_unit = participant(api, user="spec.b", may_contact=True)
    r = api.call("POST", "/contacts", json={**_body(emp["id"]), "participant_id": private["id"]})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "participant_id"]
    assert "disclosure plan does not allow" in r.json()["detail"][0]["msg"]
    r = api.call("POST", "/contacts", json={**_body(emp["id"]), "participant_id": other_unit["id"]})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "participant_id"]
    linked = api.call(
        "POST",
        "/contacts",
        json={**_body(emp["id"]), "participant_id": allowed["id"], "purpose": "candidate_introduction"},
    )
    assert linked.status_code == 201 and linked.json()["participant_id"] == allowed["id"]
    assert api.db.cursor().execute("SELECT count(*) FROM crm_contacts").fetchone() == (1,)


def test_contacts_naming_a_participant_are_hidden_outside_the_unit_and_reads_are_audited(api: Api) -> None:
    emp = employer(api)
    pid = participant(api)["id"]
    cid = api.call("POST", "/contacts", json={**_body(emp["id"]), "participant_id": pid}).json()["id"]
    mine = api.call("GET", f"/contacts/{cid}", user="sup.a").json()
    theirs = api.call("GET", f"/contacts/{cid}", user="spec.b").json()
    assert (mine["participant_id"], mine["participant_hidden"]) == (pid, False)
    assert (theirs["participant_id"], theirs["participant_hidden"]) == (None, True)
    assert api.call("GET", "/contacts", user="spec.b").json()["items"][0]["participant_id"] is None
    timeline = api.call("GET", f"/employers/{emp['id']}/timeline", user="spec.b").json()["items"]
    assert [i["participant_id"] for i in timeline if i["kind"] == "contact"] == [None]
    assert (
        api.call("GET", f"/employers/{emp['id']}/timeline", user="spec.a").json()["items"][0][
            "participant_id"
        ]
        == pid
    )
    audited = [(row["action"], row["detail"]) for row in list_access(api.db, entity_id=pid)]
    actions = sorted(a for a, _ in audited)
    assert actions == [
        "create",
        "create",
        "read",
        "read",
    ]  # participant create, contact create, get, timeline
    assert all(row["user_id"] != "" for row in list_access(api.db, entity_id=pid))


def test_timeline_rolls_up_people_notes_openings_and_changes_newest_first(api: Api) -> None:
    emp = employer(api, stage="prospect")
    person = api.call(
        "POST",
        "/people",
        json={"full_name": "Anna Holm", "employers": [{"employer_id": emp["id"], "role": "Owner"}]},
    ).json()
    other = employer(api, name="Någon Annan AB")
    contact(api, other["id"], person_id=person["id"], purpose="follow_up")  # her contact at another employer
    api.call(
        "PATCH", f"/employers/{emp['id']}", json={"stage": "introduced", "needs_learned": "Morning shifts"}
    )
    api.call("PATCH", f"/people/{person['id']}", json={"phone": "070-123 45 67"})
    api.call("POST", "/notes", json={"employer_id": emp["id"], "body": "Owner prefers visits on Tuesdays"})
    api.call("POST", "/openings", json={"employer_id": emp["id"], "title": "Lagerarbetare"})
    items = api.call("GET", f"/employers/{emp['id']}/timeline").json()["items"]
    kinds = {i["kind"] for i in items}
    assert kinds == {"contact", "note", "opening", "stage_change", "field_change"}
    assert any(i["summary"] == "person.phone" for i in items)
    assert any(i["summary"] == "prospect -> introduced" for i in items)
    stamps = [i["occurred_at"] for i in items]
    assert stamps == sorted(stamps, reverse=True)
    pages, cursor = [], None
    while True:
        page = api.call(
            "GET",
            f"/employers/{emp['id']}/timeline",
            params={"limit": 2, **({"after": cursor} if cursor else {})},
        ).json()
        pages += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == [i["id"] for i in items]
    assert api.call("GET", f"/employers/{emp['id']}/timeline?after=nonsense").status_code == 422


def test_dormant_list_by_days_and_owner(api: Api) -> None:
    fresh = employer(api, name="Färsk AB", owner="spec.a")
    stale = employer(api, name="Gammal AB", owner="spec.a")
    never = employer(api, name="Aldrig AB", owner="spec.a")
    employer(api, name="Annans AB", owner="spec.b")
    employer(api, name="Spärrad AB", owner="spec.a", do_not_contact=True)
    contact(api, fresh["id"], occurred_at=(datetime.now(UTC) - timedelta(days=5)).isoformat())
    contact(api, stale["id"], occurred_at=(datetime.now(UTC) - timedelta(days=75)).isoformat())
    rows = api.call("GET", "/employers/dormant", params={"days": 30, "owner": "spec.a"}).json()["items"]
    assert [(r["employer_id"], r["days_since"]) for r in rows] == [(never["id"], None), (stale["id"], 75)]
    assert [
        r["employer_id"] for r in api.call("GET", "/employers/dormant?days=90&owner=spec.a").json()["items"]
    ] == [never["id"]]
    first = api.call("GET", "/employers/dormant", params={"days": 30, "owner": "spec.a", "limit": 1}).json()
    rest = api.call(
        "GET", "/employers/dormant", params={"days": 30, "owner": "spec.a", "after": first["next_cursor"]}
    ).json()
    assert [r["employer_id"] for r in first["items"] + rest["items"]] == [never["id"], stale["id"]]
    assert api.call("GET", "/employers/dormant?days=0").status_code == 422


def test_specialist_week_counts_face_to_face_against_the_target(api: Api) -> None:
    emp = employer(api)
    monday = date.today() - timedelta(days=date.today().weekday())
    start = datetime.combine(monday, datetime.min.time(), tzinfo=UTC)
    for i in range(4):
        contact(api, emp["id"], occurred_at=(start + timedelta(hours=9 + i)).isoformat())
    contact(
        api,
        emp["id"],
        occurred_at=(start + timedelta(hours=14)).isoformat(),
        mode="phone",
        purpose="follow_up",
    )
    contact(api, emp["id"], occurred_at=(start - timedelta(days=2)).isoformat())  # last week
    overdue = (date.today() - timedelta(days=3)).isoformat()
    api.call("POST", "/tasks", json={"employer_id": emp["id"], "title": "Send thank-you", "due_on": overdue})
    api.call(
        "POST",
        "/tasks",
        json={"employer_id": emp["id"], "title": "Visit", "due_on": (monday + timedelta(days=6)).isoformat()},
    )
    iso = monday.isocalendar()
    week = api.call("GET", f"/specialists/spec.a/week?week={iso.year}-W{iso.week:02d}", user="sup.a").json()
    assert (week["held"], week["face_to_face_held"], week["face_to_face_target"], week["target_met"]) == (
        5,
        4,
        6,
        False,
    )
    assert week["by_mode"] == {"face_to_face": 4, "phone": 1}
    assert [t["title"] for t in week["follow_ups_overdue"]] == ["Send thank-you"]
    assert [t["title"] for t in week["follow_ups_due"]] == ["Visit"]
    assert api.call("GET", "/specialists/nobody/week").status_code == 404
    assert api.call("GET", "/specialists/spec.a/week?week=2026-W60").status_code == 422
    assert api.call("GET", "/specialists/spec.a/week?week=48").status_code == 422


def test_concurrent_contact_logging_loses_nothing(api: Api) -> None:
    emp = employer(api)
    errors: list[str] = []

    def worker(n: int) -> None:
        for i in range(10):
            r = api.call(
                "POST",
                "/contacts",
                user="spec.a" if n % 2 else "sup.a",
                json={**_body(emp["id"]), "learned": f"{n}-{i}"},
            )
            if r.status_code != 201:
                errors.append(r.text)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    learned = {r[0] for r in api.db.cursor().execute("SELECT learned FROM crm_contacts").fetchall()}
    assert len(learned) == 160
    logged = (
        api.db.cursor().execute("SELECT count(*) FROM crm_change_log WHERE entity = 'contact'").fetchone()
    )
    assert logged == (160,)
