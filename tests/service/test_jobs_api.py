"""Job episodes over HTTP: derived competitive flag, start effects, end -> support due, visibility."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.conftest import Api
from tests.service import crm_helpers as crm

TODAY = dt.datetime.now(dt.UTC).date()


def _opening(api: Api, employer_id: str, **extra: Any) -> dict[str, Any]:
    body = {"employer_id": employer_id, "title": "Kitchen assistant", "wage_hourly": 13.0, "currency": "GBP"}
    r = api.call("POST", "/openings", json=body | extra)
    assert r.status_code == 201, r.text
    return r.json()


def _job(api: Api, pid: str, user: str = "spec.a", **values: Any) -> Any:
    return api.call("POST", f"/participants/{pid}/jobs", user=user, json=values)


def test_competitive_is_derived_from_the_programme_rules(api: Api) -> None:
    emp = crm.employer(api)["id"]
    pid = crm.participant(api)["id"]
    base = {"employer_id": emp, "start_date": "2025-05-05", "currency": "GBP"}
    paid = _job(api, pid, **base, wage_hourly=12.5).json()
    assert (paid["competitive"], paid["competitive_reasons"]) == (True, [])
    low = _job(api, pid, **base, wage_hourly=11.0).json()  # the 2025 National Living Wage is 12.21
    assert low["competitive"] is False and "below the minimum 12.21" in low["competitive_reasons"][0]
    subsidised = _job(api, pid, **base, wage_hourly=14.0, subsidy_type="wage_subsidy").json()
    assert subsidised["competitive"] is False
    euro = _job(api, pid, **base | {"currency": "EUR"}, wage_hourly=14.0).json()
    assert euro["competitive"] is None and "EUR" in euro["competitive_reasons"][0]
    r = _job(api, pid, **base, wage_hourly=14.0, competitive=True)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "competitive"
    listed = api.call("GET", f"/participants/{pid}/jobs").json()["items"]
    assert [j["competitive"] for j in listed] == [True, False, False, None]


def test_subsidised_jobs_count_when_the_programme_says_so(make_api) -> None:  # type: ignore[no-untyped-def]
    api = make_api(programme_count_subsidised_as_competitive=True, programme_minimum_wage={"GB-2031": 15.0})
    emp = crm.employer(api)["id"]
    pid = crm.participant(api)["id"]
    job = _job(api, pid, employer_id=emp, start_date="2031-01-06", wage_hourly=15.5, subsidy_type="flexjob")
    assert job.json()["competitive"] is True, job.text


def test_job_start_moves_status_lead_and_employer_stage(api: Api) -> None:
    emp = crm.employer(api)["id"]
    opening = _opening(api, emp)
    pid = crm.participant(api)["id"]
    lead = api.call("POST", f"/participants/{pid}/leads", json={"n": 5}).json()["leads"]
    served = next(x for x in lead if x["id"] == opening["id"])
    r = _job(api, pid, lead_id=served["lead_id"], start_date=TODAY.isoformat(), hours_week=20)
    assert r.status_code == 201, r.text
    job = r.json()
    assert (job["employer_id"], job["opening_id"], job["title"]) == (emp, opening["id"], "Kitchen assistant")
    assert job["wage_hourly"] == 13.0 and job["isco_group"]  # filled from the opening, linked to ESCO
    assert job["effects"] == [
        "status active -> working",
        "lead hired",
        "employer stage prospect -> hired_from_us",
    ]
    assert api.call("GET", f"/participants/{pid}").json()["status"] == "working"
    assert api.call("GET", f"/employers/{emp}").json()["stage"] == "hired_from_us"
    feedback = api.call("GET", f"/participants/{pid}/leads").json()["items"]
    assert next(x for x in feedback if x["lead_id"] == served["lead_id"])["feedback"] == "hired"
    again = _job(api, pid, employer_id=emp, start_date=TODAY.isoformat()).json()
    assert again["effects"] == []


def test_references_are_checked_with_field_errors(api: Api) -> None:
    emp = crm.employer(api)["id"]
    other = crm.employer(api, name="Bageriet")["id"]
    opening = _opening(api, other)
    pid = crm.participant(api)["id"]
    start = {"start_date": "2025-05-05"}
    missing = "00000000-0000-4000-8000-000000000009"
    for body, field in (
        ({"employer_id": missing}, "employer_id"),
        ({"employer_id": emp, "opening_id": opening["id"]}, "opening_id"),
        ({"employer_id": emp, "lead_id": missing}, "lead_id"),
        ({}, "employer_id"),
        ({"employer_id": emp, "end_date": "2025-01-01"}, "end_date"),
    ):
        r = _job(api, pid, **start, **body)
        assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == field, (body, r.text)
    assert api.call("GET", f"/participants/{pid}/jobs").json()["items"] == []


def test_jobs_are_unit_scoped_and_audited(api: Api) -> None:
    emp = crm.employer(api)["id"]
    pid = crm.participant(api)["id"]
    job = _job(api, pid, employer_id=emp, start_date="2025-05-05").json()
    assert _job(api, pid, user="spec.b", employer_id=emp, start_date="2025-05-05").status_code == 404
    assert api.call("GET", f"/participants/{pid}/jobs", user="spec.b").status_code == 404
    assert api.call("GET", f"/participants/{pid}/jobs/{job['id']}", user="spec.b").status_code == 404
    r = api.call("PATCH", f"/participants/{pid}/jobs/{job['id']}", user="spec.b", json={"hours_week": 10})
    assert r.status_code == 404
    assert api.call("GET", f"/participants/{pid}/jobs", user="admin").status_code == 404
    assert api.call("GET", f"/participants/{pid}/jobs/{job['id']}").status_code == 200
    actions = (
        api.db.cursor()
        .execute("SELECT DISTINCT action FROM app_audit_log WHERE entity_id = ? ORDER BY action", [pid])
        .fetchall()
    )
    assert {"create_job", "read_jobs"} <= {a for (a,) in actions}


def test_job_end_makes_support_due_and_a_contact_meets_it(api: Api) -> None:
    emp = crm.employer(api)["id"]
    pid = crm.participant(api)["id"]
    start = TODAY - dt.timedelta(days=60)
    job = _job(api, pid, employer_id=emp, start_date=start.isoformat()).json()
    learned = TODAY - dt.timedelta(days=1)
    end = {"end_date": learned.isoformat(), "end_learned_at": learned.isoformat(), "end_reason": "laid_off"}
    r = api.call("PATCH", f"/participants/{pid}/jobs/{job['id']}", json=end)
    assert r.status_code == 200 and r.json()["end_reason"] == "laid_off", r.text
    items = api.call("GET", f"/participants/{pid}/follow-along").json()["items"]
    end_item = next(i for i in items if i["check"] == "end")
    assert (end_item["status"], end_item["first"], end_item["last"]) == (
        "due",
        learned.isoformat(),
        (learned + dt.timedelta(days=3)).isoformat(),
    )
    phone = {"contact_date": TODAY.isoformat(), "mode": "phone", "contact_type": "job_end"}
    assert api.call("POST", f"/participants/{pid}/support-contacts", json=phone).status_code == 201
    items = api.call("GET", f"/participants/{pid}/follow-along").json()["items"]
    assert next(i for i in items if i["check"] == "end")["status"] == "due"  # a phone call does not count
    met = api.call(
        "POST", f"/participants/{pid}/support-contacts", json=phone | {"mode": "face_to_face"}
    ).json()
    items = api.call("GET", f"/participants/{pid}/follow-along").json()["items"]
    end_item = next(i for i in items if i["check"] == "end")
    assert (end_item["status"], end_item["met_by_contact_id"]) == ("met", met["id"])
    r = api.call("PATCH", f"/participants/{pid}/jobs/{job['id']}", json={"start_date": None})
    assert r.status_code == 422
