"""PATCH /participants/{id} and the lifecycle over HTTP: every field, histories, closure rules, audit."""

from __future__ import annotations

from typing import Any

import pytest

from service.access.audit import list_access
from tests.conftest import Api


def _participant(api: Api, user: str = "spec.a", **extra: Any) -> dict[str, Any]:
    body = {
        "display_name": "Sara L.",
        "preferences": {"preferred_occupations": [{"label": "warehouse worker"}]},
    }
    r = api.call("POST", "/participants", user=user, json={**body, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def test_patch_updates_fields_and_logs_old_and_new(api: Api) -> None:
    pid = _participant(api, phase="referred", referral_source="self", referral_received_at="2026-01-05")["id"]
    r = api.call(
        "PATCH",
        f"/participants/{pid}",
        json={
            "display_name": "Sara Lind",
            "phase": "enrolled",
            "phase_date": "2026-01-12",
            "referral_accepted_at": "2026-01-07",
            "first_meeting_at": "2026-01-12",
            "employment_status_at_entry": "unemployed",
            "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
            "licences": ["driving_b"],
            "preferences": {"hours_max": 30},
        },
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["display_name"], out["phase"], out["status"]) == ("Sara Lind", "enrolled", "active")
    assert out["programme_entry"] == "2026-01-12" and out["referral_source"] == "self"
    assert out["preferences"]["hours_max"] == 30 and out["preferences"]["preferred_occupations"]  # kept
    assert out["home_city"] == "Solna" and out["licences"] == ["driving_b"]
    assert api.call("GET", f"/participants/{pid}").json() == out
    logged = set(
        api.db.cursor()
        .execute("SELECT field, old_value, new_value FROM caseload_change_log WHERE entity_id = ?", [pid])
        .fetchall()
    )
    assert ("display_name", "Sara L.", "Sara Lind") in logged and ("phase", "referred", "enrolled") in logged
    audit = [a for a in list_access(api.db, entity_id=pid) if a["action"] == "update"]
    assert audit and "display_name" in str(audit[0]["detail"]) and "Sara" not in str(audit[0]["detail"])


def test_entry_date_follows_the_programme_setting(make_api) -> None:  # type: ignore[no-untyped-def]
    api = make_api(entry_date_field="referral_accepted_at")
    pid = _participant(api, referral_accepted_at="2026-01-07", first_meeting_at="2026-01-12")["id"]
    assert api.call("GET", f"/participants/{pid}").json()["programme_entry"] == "2026-01-07"


def test_history_shows_phases_and_reassignments(api: Api) -> None:
    pid = _participant(api, phase="referred", referral_received_at="2026-01-05")["id"]
    for phase, day in (("enrolled", "2026-01-12"), ("job_search", "2026-01-13"), ("working", "2026-03-01")):
        assert (
            api.call("PATCH", f"/participants/{pid}", json={"phase": phase, "phase_date": day}).status_code
            == 200
        )
    r = api.call(
        "PATCH",
        f"/participants/{pid}",
        user="sup.a",
        json={"specialist_id": "es-2", "reassignment_note": "leave"},
    )
    assert r.status_code == 200 and r.json()["specialist_id"] == "es-2"
    history = api.call("GET", f"/participants/{pid}/history").json()
    assert [(h["value"], h["effective_on"]) for h in history["statuses"]] == [
        ("referred", "2026-01-05"),
        ("enrolled", "2026-01-12"),
        ("job_search", "2026-01-13"),
        ("working", "2026-03-01"),
    ]
    assert [h["value"] for h in history["assignments"]][-1] == "es-2"
    assert (
        history["assignments"][-1]["recorded_by"] == "sup.a" and history["assignments"][-1]["note"] == "leave"
    )


@pytest.mark.parametrize(
    "reason", ["not ready", "Missed appointments", "time limit reached", "declined by the programme"]
)
def test_closing_for_a_reason_that_breaks_zero_exclusion_is_a_clear_422(api: Api, reason: str) -> None:
    pid = _participant(api)["id"]
    r = api.call("PATCH", f"/participants/{pid}", json={"phase": "closed", "closure_reason": reason})
    assert r.status_code == 422
    (error,) = r.json()["detail"]
    assert error["loc"] == ["body", "closure_reason"] and "zero exclusion" in error["msg"]
    assert "missed_appointments" in error["msg"] and "moved_away" in error["msg"]  # refused and allowed named
    assert api.call("GET", f"/participants/{pid}").json()["phase"] == "enrolled"


def test_closing_and_reopening(api: Api) -> None:
    pid = _participant(api)["id"]
    r = api.call(
        "PATCH",
        f"/participants/{pid}",
        json={
            "phase": "closed",
            "closure_reason": "chose_to_leave",
            "closure_note": "wants a break",
            "closed_at": "2026-06-01",
        },
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["closed_at"], r.json()["closure_reason"]) == (
        "closed",
        "2026-06-01",
        "chose_to_leave",
    )
    assert [p["id"] for p in api.call("GET", "/participants?status=closed").json()["items"]] == [pid]
    r = api.call("PATCH", f"/participants/{pid}", json={"phase": "referred"})
    assert (r.json()["status"], r.json()["closed_at"], r.json()["closure_reason"]) == ("active", None, None)


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"phase": "retired"}, ["body", "phase"]),
        ({"referral_source": "police"}, ["body", "referral_source"]),
        ({"employment_status_at_entry": "rich"}, ["body", "employment_status_at_entry"]),
        (
            {"referral_received_at": "2026-02-01", "referral_accepted_at": "2026-01-01"},
            ["body", "referral_accepted_at"],
        ),
        ({"phase": "closed"}, ["body", "closure_reason"]),
        ({"status": "closed", "phase": "working"}, ["body", "status"]),
        ({"display_name": ""}, ["body", "display_name"]),
        ({"preferences": {"hours_min": 30, "hours_max": 10}}, ["body", "preferences"]),
        (
            {"disclosure": {"level": "none", "es_may_contact_employers": True}},
            ["body", "disclosure", "es_may_contact_employers"],
        ),
        ({"colour": "red"}, ["body", "colour"]),
        ({"unit_id": "unit-b"}, None),
    ],
)
def test_bad_patches_are_4xx_naming_the_field(api: Api, body: dict[str, Any], loc: list[str] | None) -> None:
    pid = _participant(api)["id"]
    r = api.call("PATCH", f"/participants/{pid}", json=body)
    if loc is None:
        assert r.status_code == 403
        return
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"][: len(loc)] == loc


def test_another_units_participant_cannot_be_patched(api: Api) -> None:
    pid = _participant(api)["id"]
    assert (
        api.call("PATCH", f"/participants/{pid}", user="spec.b", json={"display_name": "X"}).status_code
        == 404
    )
    assert (
        api.call("PATCH", f"/participants/{pid}", user="admin", json={"display_name": "X"}).status_code == 403
    )
    assert api.call("GET", f"/participants/{pid}/history", user="spec.b").status_code == 404
    assert api.call("GET", f"/participants/{pid}").json()["display_name"] == "Sara L."


def test_the_participant_page_shows_the_lifecycle(api: Api) -> None:
    pid = _participant(api, phase="referred", referral_source="mh_team", referral_received_at="2026-01-05")[
        "id"
    ]
    body = {"phase": "closed", "closure_reason": "moved_away", "closed_at": "2026-05-01"}
    assert api.call("PATCH", f"/participants/{pid}", json=body).status_code == 200
    page = api.call("GET", f"/ui/participants/{pid}")
    assert page.status_code == 200, page.text[:300]
    assert "Mental health team · received 5 Jan 2026" in page.text and "1 May 2026 · Moved away" in page.text


def test_patched_statements_are_screened_and_named_under_disclosure(api: Api) -> None:
    pid = _participant(api)["id"]
    body = {
        "disclosure": {
            "level": "full",
            "es_may_contact_employers": True,
            "approved_statements": ["Has autism"],
        }
    }
    r = api.call("PATCH", f"/participants/{pid}", json=body)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "disclosure", "approved_statements", "0"]
    assert r.json()["detail"][0]["type"] == "needs_confirmation"
    r = api.call("PATCH", f"/participants/{pid}", json={**body, "confirm_warnings": True})
    assert r.status_code == 200 and r.json()["disclosure"]["approved_statements"] == ["Has autism"]
    versions = api.call("GET", f"/participants/{pid}/plans/disclosure/versions").json()["items"]
    assert [v["plan"]["level"] for v in versions] == ["full"]
