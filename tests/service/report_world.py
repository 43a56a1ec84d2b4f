"""A small caseload for the report tests, built through the HTTP API (see test_reports_api's docstring)."""

from __future__ import annotations

from typing import Any

from service.access.tokens import create_token
from service.access.users import create_users, get_user
from tests.conftest import Api
from tests.service import crm_helpers as crm

WINDOW = {"since": "2025-01-01", "until": "2025-06-30"}


def _person(api: Api, user: str, first_meeting: str, name: str = "Sara L.") -> str:
    pid: str = crm.participant(api, user=user)["id"]
    patch = {
        "display_name": name,
        "referral_accepted_at": first_meeting,
        "first_meeting_at": first_meeting,
        "employment_status_at_entry": "unemployed",
    }
    r = api.call("PATCH", f"/participants/{pid}", user=user, json=patch)
    assert r.status_code == 200, r.text
    return pid


def _job(api: Api, user: str, pid: str, employer: str, start: str, paid: str, wage: float) -> str:
    body = {
        "employer_id": employer, "start_date": start, "first_paid_hours_at": paid, "wage_hourly": wage,
        "currency": "GBP", "hours_week": 20, "contract_type": "permanent", "isco_group": "5120",
    }  # fmt: skip
    r = api.call("POST", f"/participants/{pid}/jobs", user=user, json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _contact(api: Api, user: str, employer: str, pid: str, day: str) -> None:
    crm.contact(api, employer, user=user, participant_id=pid, occurred_at=f"{day}T10:00:00+00:00")


def build(api: Api) -> dict[str, Any]:
    """The caseload above, plus a supervisor for unit B (the shared test users have none)."""
    db = api.db
    create_users(db, users=[{"username": "sup.b", "role": "supervisor", "unit_id": "unit-b"}])
    api.tokens["sup.b"] = create_token(db, user_id=get_user(db, username="sup.b").id)  # type: ignore[union-attr]
    emp = crm.employer(api)["id"]
    a1 = _person(api, "spec.a", "2025-01-10", "Anna A.")
    a2 = _person(api, "spec.a", "2025-02-01", "Bo B.")
    a3 = _person(api, "spec.a", "2025-03-01", "Cleo C.")
    b1 = _person(api, "spec.b", "2025-01-15", "Dan D.")
    _contact(api, "spec.a", emp, a1, "2025-01-30")
    _contact(api, "spec.a", emp, a2, "2025-03-13")
    _contact(api, "spec.b", emp, b1, "2025-01-20")
    jobs = {
        "a1": _job(api, "spec.a", a1, emp, "2025-02-10", "2025-02-12", 13.0),
        "a2": _job(api, "spec.a", a2, emp, "2025-04-01", "2025-04-02", 11.0),
        "b1": _job(api, "spec.b", b1, emp, "2025-03-03", "2025-03-04", 14.0),
    }
    for day in ("2025-02-11", "2025-02-18"):  # A1's follow-along after the start, face to face
        body = {"contact_date": day, "mode": "face_to_face", "job_id": jobs["a1"]}
        r = api.call("POST", f"/participants/{a1}/support-contacts", user="spec.a", json=body)
        assert r.status_code == 201, r.text
    return {"a": [a1, a2, a3], "b": [b1], "jobs": jobs}
