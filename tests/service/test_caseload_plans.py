"""Career profile versions and plans over HTTP; the disclosure overrides leads and the contact log honour."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from service.access.audit import list_access
from tests.conftest import Api
from tests.service.crm_helpers import employer


def _participant(api: Api, **extra: Any) -> str:
    body = {"display_name": "Sara L.", "home": {"city": "Kista", "lat": 59.40, "lon": 17.94}, **extra}
    r = api.call("POST", "/participants", json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _network_employer(api: Api, name: str, sector: str = "H52") -> str:
    site = {"name": "Kista", "city": "Kista", "lat": 59.40, "lon": 17.94}
    return str(employer(api, name=name, sector_nace=sector, stage="partnered", sites=[site])["id"])


def _employer_leads(api: Api, pid: str) -> set[str]:
    r = api.call("POST", f"/participants/{pid}/leads", json={"kinds": ["employer"]})
    assert r.status_code == 200, r.text
    return {lead["employer_id"] for lead in r.json()["leads"]}


PROFILE = {
    "trigger": "review",
    "goals": "Work in a warehouse",
    "occupations": [{"label": "warehouse worker", "weight": 3}, {"label": "cashier", "liked": False}],
    "refused_sectors": ["G47"],
    "hours_min": 20,
    "hours_max": 30,
    "shifts": ["day"],
    "pay_min": 13,
    "skills": [{"label": "drive a forklift", "evidence": "licence since 2020"}],
    "work_history": [{"title": "Packer", "employer": "Lager AB", "start": "2020-03", "end": "2021-01"}],
    "strengths": ["reliable"],
    "conditions_for_success": ["written instructions"],
}


def test_profile_saves_are_versions_and_the_ranking_uses_the_current_one(api: Api) -> None:
    pid = _participant(api)
    r = api.call("PUT", f"/participants/{pid}/profile", json=PROFILE)
    assert r.status_code == 200, r.text
    saved = r.json()
    assert (saved["version"], saved["trigger"], saved["saved_by"]) == (2, "review", "spec.a")
    liked = saved["profile"]["occupations"][0]
    assert liked["uri"].startswith("http://data.europa.eu/esco/occupation/")  # linked on save
    person = api.call("GET", f"/participants/{pid}").json()
    assert person["preferences"]["preferred_occupations"][0]["uri"] == liked["uri"]
    assert (
        person["preferences"]["refused_sectors"] == ["G47"]
        and person["skills"][0]["label"] == "drive a forklift"
    )
    r = api.call(
        "PUT", f"/participants/{pid}/profile", json={**PROFILE, "trigger": "job_start", "hours_max": 40}
    )
    versions = api.call("GET", f"/participants/{pid}/profile/versions").json()["items"]
    assert [(v["version"], v["trigger"]) for v in versions] == [
        (3, "job_start"),
        (2, "review"),
        (1, "initial"),
    ]
    assert api.call("GET", f"/participants/{pid}/profile").json()["profile"]["hours_max"] == 40
    assert api.call("GET", f"/participants/{pid}").json()["preferences"]["hours_max"] == 40
    assert any(a["detail"] == "profile versions" for a in list_access(api.db, entity_id=pid))


def test_a_refused_sector_in_the_profile_removes_its_employer_leads(api: Api) -> None:
    shop, depot = _network_employer(api, "Butiken AB", "G47"), _network_employer(api, "Depån AB", "H52")
    pid = _participant(api, disclosure={"level": "service_only", "es_may_contact_employers": True})
    assert _employer_leads(api, pid) == {shop, depot}
    assert api.call("PUT", f"/participants/{pid}/profile", json=PROFILE).status_code == 200
    assert _employer_leads(api, pid) == {depot}


def test_conditions_naming_a_diagnosis_need_confirmation(api: Api) -> None:
    pid = _participant(api)
    body = {**PROFILE, "conditions_for_success": ["short days because of bipolar disorder"]}
    r = api.call("PUT", f"/participants/{pid}/profile", json=body)
    assert r.status_code == 422
    (error,) = r.json()["detail"]
    assert error["type"] == "needs_confirmation" and error["loc"] == [
        "body",
        "profile",
        "conditions_for_success",
        "0",
    ]
    r = api.call("PUT", f"/participants/{pid}/profile", json={**body, "confirm_warnings": True})
    assert r.status_code == 200 and "diagnosis" in r.json()["warnings"][0]


def test_disclosure_plan_rules(api: Api) -> None:
    pid = _participant(api)
    url = f"/participants/{pid}/plans/disclosure"
    r = api.call("PUT", url, json={"level": "none", "es_may_contact_employers": True})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "es_may_contact_employers"]
    statements = ["Works best with written instructions", "Was in hospital last spring"]
    r = api.call(
        "PUT",
        url,
        json={"level": "partial", "es_may_contact_employers": True, "approved_statements": statements},
    )
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "needs_confirmation"
    assert r.json()["detail"][0]["loc"] == ["body", "approved_statements", "1"]
    body = {
        "level": "partial",
        "es_may_contact_employers": True,
        "approved_statements": statements,
        "confirm_warnings": True,
    }
    assert api.call("PUT", url, json=body).status_code == 200
    missing = {"employer_id": "00000000-0000-4000-8000-000000000000", "may_contact": False}
    r = api.call("PUT", url, json={**body, "employer_overrides": [missing]})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == [
        "body",
        "employer_overrides",
        "0",
        "employer_id",
    ]
    versions = api.call("GET", f"{url}/versions").json()["items"]
    assert [v["version"] for v in versions] == [1]
    assert api.call("GET", url, user="spec.b").status_code == 404


def test_per_employer_overrides_are_honoured_by_leads_and_the_contact_log(api: Api) -> None:
    yes, no, other = (_network_employer(api, n) for n in ("Ja AB", "Nej AB", "Annan AB"))
    pid = _participant(api)
    url = f"/participants/{pid}/plans/disclosure"
    plan = {
        "level": "service_only",
        "es_may_contact_employers": False,
        "employer_overrides": [{"employer_id": yes, "may_contact": True}],
    }
    assert api.call("PUT", url, json=plan).status_code == 200, api.call("PUT", url, json=plan).text
    assert _employer_leads(api, pid) == {yes}
    plan = {
        "level": "service_only",
        "es_may_contact_employers": True,
        "employer_overrides": [{"employer_id": no, "may_contact": False}],
    }
    assert api.call("PUT", url, json=plan).status_code == 200
    assert _employer_leads(api, pid) == {yes, other}
    contact = {
        "occurred_at": datetime.now(UTC).isoformat(),
        "mode": "phone",
        "purpose": "introduction",
        "participant_id": pid,
    }
    r = api.call("POST", "/contacts", json={**contact, "employer_id": no})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "participant_id"]
    assert api.call("POST", "/contacts", json={**contact, "employer_id": other}).status_code == 201


def test_job_search_plan_and_discussions(api: Api) -> None:
    pid = _participant(
        api, preferences={"preferred_occupations": [{"label": "warehouse worker"}], "liked_sectors": ["H52"]}
    )
    target_employer = _network_employer(api, "Lagret AB")
    plan = {
        "targets": [{"kind": "sector", "code": "H52"}, {"kind": "employer", "employer_id": target_employer}],
        "actions": [{"what": "Visit Lagret AB together", "owner": "both", "due": "2026-02-01"}],
        "reviewed_at": "2026-01-20",
    }
    r = api.call("PUT", f"/participants/{pid}/plans/job_search", json=plan)
    assert r.status_code == 200, r.text
    assert [t["from_preferences"] for t in r.json()["plan"]["targets"]] == [True, False]
    assert r.json()["plan"]["actions"][0]["due"] == "2026-02-01"
    url = f"/participants/{pid}/plans/disclosure/discussions"
    assert (
        api.call(
            "POST", url, json={"discussed_on": "2026-01-10", "topics": ["pros_cons", "wording"]}
        ).status_code
        == 201
    )
    assert api.call("POST", url, json={"discussed_on": "2026-01-10", "topics": []}).status_code == 422
    assert [d["topics"] for d in api.call("GET", url).json()["items"]] == [["pros_cons", "wording"]]


def test_benefits_plan(api: Api) -> None:
    pid = _participant(api)
    body = {
        "status": "sickness",
        "hours_threshold": 16,
        "earnings_threshold": 195.5,
        "earnings_period": "week",
        "offered_at": "2026-01-05",
        "completed_at": "2026-01-19",
        "planner_trained": True,
    }
    r = api.call("PUT", f"/participants/{pid}/plans/benefits", json=body)
    assert r.status_code == 200 and r.json()["plan"]["completed_at"] == "2026-01-19"
    assert api.call("GET", f"/participants/{pid}").json()["benefits"] == {
        "status": "sickness",
        "hours_threshold": 16,
    }
    bad = api.call("PUT", f"/participants/{pid}/plans/benefits", json={**body, "completed_at": "2026-01-01"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "completed_at"]


@pytest.mark.parametrize("kind", ["job_search", "disclosure", "benefits"])
def test_a_plan_never_saved_is_404_and_versions_empty(api: Api, kind: str) -> None:
    pid = _participant(api)
    assert api.call("GET", f"/participants/{pid}/plans/{kind}").status_code == 404
    assert api.call("GET", f"/participants/{pid}/plans/{kind}/versions").json() == {"items": []}
