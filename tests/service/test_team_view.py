"""The supervisor's team view over HTTP and as a page, on a small world built through the API.

The week asked for is 2025-W12 (Mon 2025-03-17 .. Sun 03-23); its 8 weeks are W05 (from
2025-01-27) .. W12. Unit A has two specialists, unit B one (spec.b, never in unit A's view).

spec.a ("Asa A."):
- P1 entered 2025-01-06, face-to-face employer contact naming them 2025-01-16 (W03, before the
  8 weeks): 10 days; a support contact 2025-03-20.
- P2 entered 2025-01-20, contact naming them 2025-02-19 (W08): 30 days; nothing since.
- P3 entered 2025-02-01, no employer contact: 50 days by 03-23, waiting; support contact 03-05.
- generic: 7 face-to-face held in W11; in W12 3 face-to-face held, 1 by phone, 1 face-to-face
  only planned -> this week 3 of 6; weeks [0, 0, 0, 1, 0, 0, 7, 3], mean 11 / 8 = 1.375.
- median days to first contact: median(10, 30) = 20; waiting 1.
- caseload on 03-23 (active: a contact in the 28 days from 02-24): P1 (03-20), P3 (03-05) -> 2.
- tasks: one open due 2025-03-01 (overdue), one open due 2099-01-01, one done due 2025-03-02 -> 1.

spec.c ("Cai C."): P4 entered 2025-03-01, contact naming them 2025-03-04 (W10): 3 days; 6
face-to-face held in W12 -> target met; weeks [0, 0, 0, 0, 0, 1, 0, 6], mean 7 / 8 = 0.875;
caseload 1 (P4, 03-04); no tasks.

spec.b: 4 face-to-face held in W12.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from service.access.tokens import create_token
from service.access.users import create_users, get_user
from tests.conftest import Api
from tests.service import crm_helpers as crm

WEEK = {"week": "2025-W12"}


def _at(day: str, hour: int = 10) -> str:
    return f"{day}T{hour:02d}:00:00+00:00"


def _person(api: Api, user: str, entry: str) -> str:
    pid: str = crm.participant(api, user=user)["id"]
    r = api.call("PATCH", f"/participants/{pid}", user=user, json={"first_meeting_at": entry})
    assert r.status_code == 200, r.text
    return pid


def _meetings(api: Api, user: str, emp: str, first: str, n: int, **values: Any) -> None:
    start = dt.date.fromisoformat(first)
    for i in range(n):
        crm.contact(
            api, emp, user=user, occurred_at=_at(str(start + dt.timedelta(days=i % 5)), 9 + i), **values
        )


def _support(api: Api, user: str, pid: str, day: str) -> None:
    body = {"contact_date": day, "mode": "phone", "with_whom": ["participant"]}
    r = api.call("POST", f"/participants/{pid}/support-contacts", user=user, json=body)
    assert r.status_code == 201, r.text


def _task(api: Api, emp: str, due: str, done: bool = False) -> None:
    r = api.call(
        "POST", "/tasks", user="spec.a", json={"employer_id": emp, "title": "Call back", "due_on": due}
    )
    assert r.status_code == 201, r.text
    if done:
        r = api.call("PATCH", f"/tasks/{r.json()['id']}", user="spec.a", json={"status": "done"})
        assert r.status_code == 200, r.text


@pytest.fixture
def world(api: Api) -> dict[str, str]:
    db = api.db
    create_users(
        db,
        users=[{"username": "spec.c", "role": "specialist", "unit_id": "unit-a", "display_name": "Cai C."}],
    )
    db.cursor().execute("UPDATE app_users SET display_name = 'Asa A.' WHERE username = 'spec.a'")
    api.tokens["spec.c"] = create_token(db, user_id=get_user(db, username="spec.c").id)  # type: ignore[union-attr]
    emp = crm.employer(api)["id"]
    p1, p2, p3 = (_person(api, "spec.a", d) for d in ("2025-01-06", "2025-01-20", "2025-02-01"))
    p4 = _person(api, "spec.c", "2025-03-01")
    for user, pid, day in (
        ("spec.a", p1, "2025-01-16"),
        ("spec.a", p2, "2025-02-19"),
        ("spec.c", p4, "2025-03-04"),
    ):
        crm.contact(api, emp, user=user, participant_id=pid, occurred_at=_at(day))
    _meetings(api, "spec.a", emp, "2025-03-10", 7)
    _meetings(api, "spec.a", emp, "2025-03-17", 3)
    crm.contact(api, emp, user="spec.a", occurred_at=_at("2025-03-18", 15), mode="phone")
    crm.contact(api, emp, user="spec.a", occurred_at=_at("2025-03-20", 15), status="planned")
    _meetings(api, "spec.c", emp, "2025-03-17", 6)
    _meetings(api, "spec.b", emp, "2025-03-17", 4)
    _support(api, "spec.a", p1, "2025-03-20")
    _support(api, "spec.a", p3, "2025-03-05")
    _task(api, emp, "2025-03-01")
    _task(api, emp, "2099-01-01")
    _task(api, emp, "2025-03-02", done=True)
    return {"p1": p1, "p2": p2, "p3": p3, "p4": p4}


def _team(api: Api, user: str = "sup.a", **query: str) -> dict[str, Any]:
    r = api.call("GET", "/reports/team", user=user, params=WEEK | query)
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_figures_match_the_hand_count(api: Api, world: dict[str, str]) -> None:
    team = _team(api)
    assert (team["week"], team["starts_on"], team["ends_on"]) == ("2025-W12", "2025-03-17", "2025-03-23")
    assert team["units"] == ["unit-a"] and team["target"] == 6
    rows = {s["username"]: s for s in team["specialists"]}
    assert list(rows) == ["spec.a", "spec.c"]  # spec.b is unit B's
    a, c = rows["spec.a"], rows["spec.c"]
    assert [w["week"] for w in a["weeks"]] == [f"2025-W{n:02d}" for n in range(5, 13)]
    assert [w["face_to_face"] for w in a["weeks"]] == [0, 0, 0, 1, 0, 0, 7, 3]
    assert (a["face_to_face_this_week"], a["target_met"], a["weekly_mean"]) == (3, False, 1.375)
    assert (a["caseload"], a["follow_ups_overdue"], a["median_days_to_first_contact"], a["waiting"]) == (
        2,
        1,
        20,
        1,
    )
    assert a["display_name"] == "Asa A."
    assert [w["face_to_face"] for w in c["weeks"]] == [0, 0, 0, 0, 0, 1, 0, 6]
    assert (c["face_to_face_this_week"], c["target_met"], c["weekly_mean"]) == (6, True, 0.875)
    assert (c["caseload"], c["follow_ups_overdue"], c["median_days_to_first_contact"], c["waiting"]) == (
        1,
        0,
        3,
        0,
    )


def test_the_week_agrees_with_my_week(api: Api, world: dict[str, str]) -> None:
    mine = api.call("GET", "/specialists/spec.a/week", user="spec.a", params=WEEK).json()
    rows = {s["username"]: s for s in _team(api)["specialists"]}
    assert mine["face_to_face_held"] == rows["spec.a"]["face_to_face_this_week"] == 3


def test_supervisors_only_and_their_unit(api: Api, world: dict[str, str]) -> None:
    assert api.call("GET", "/reports/team", user="spec.a").status_code == 403
    assert api.call("GET", "/reports/team", user="sup.a", params={"unit": "unit-b"}).status_code == 403
    assert api.call("GET", "/reports/team", user=None).status_code == 401
    theirs = _team(api, "admin", unit="unit-b")
    assert [(s["username"], s["face_to_face_this_week"]) for s in theirs["specialists"]] == [("spec.b", 4)]
    everyone = _team(api, "admin")
    assert everyone["units"] is None and [s["username"] for s in everyone["specialists"]] == [
        "spec.a",
        "spec.b",
        "spec.c",
    ]


def test_bad_weeks_are_field_errors(api: Api, world: dict[str, str]) -> None:
    for week in ("2025-W60", "2025-12", "0000-W01"):
        r = api.call("GET", "/reports/team", user="sup.a", params={"week": week})
        assert r.status_code == 422, (week, r.text)
        assert r.json()["detail"][0]["loc"] == ["query", "week"]


def test_one_audit_row_per_unit_and_no_participant(api: Api, world: dict[str, str]) -> None:
    before = (
        api.db.cursor()
        .execute("SELECT count(*) FROM app_audit_log WHERE entity = 'participant'")
        .fetchone()[0]
    )
    _team(api)
    rows = (
        api.db.cursor()
        .execute("SELECT entity, entity_id FROM app_audit_log WHERE action = 'read_team'")
        .fetchall()
    )
    assert rows == [("unit", "unit-a")]
    after = (
        api.db.cursor()
        .execute("SELECT count(*) FROM app_audit_log WHERE entity = 'participant'")
        .fetchone()[0]
    )
    assert after == before


def test_the_page(api: Api, world: dict[str, str]) -> None:
    r = api.call("GET", "/ui/team", user="sup.a", params=WEEK)
    assert r.status_code == 200, r.text
    html = r.text
    assert 'data-specialist="spec.a"' in html and 'data-specialist="spec.c"' in html
    assert "spec.b" not in html and "Unit A" in html  # the unit's name, not its id
    assert "3 of 6" in html and "6 of 6" in html
    assert html.count("<rect ") == 16  # 8 weeks per specialist
    assert "<title>2025-W11: 7</title>" in html
    assert 'href="/ui/team?week=2025-W11"' in html and 'href="/ui/team?week=2025-W13"' in html
    assert "<script>" not in html and " style=" not in html  # the CSP allows neither
    assert api.call("GET", "/ui/team", user="spec.a").status_code == 403
    week = api.call("GET", "/ui/week", user="sup.a").text
    assert 'href="/ui/team?week=' in week and 'href="/ui/team"' in week  # from My week, and the nav
    assert 'href="/ui/team' not in api.call("GET", "/ui/week", user="spec.a").text


def test_the_page_in_swedish(api: Api, world: dict[str, str]) -> None:
    r = api.call("GET", "/ui/team", user="sup.a", params=WEEK, headers={"Accept-Language": "sv"})
    assert r.status_code == 200 and "3 av 6" in r.text
