"""Education, support contacts, the week's follow-along items and the lead funnel over HTTP."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Api
from tests.service import crm_helpers as crm

TODAY = dt.date.today()


def test_education_round_trip_and_rules(api: Api) -> None:
    pid = crm.participant(api)["id"]
    body = {"institution": "Komvux Solna", "level": "adult_education", "start_date": "2026-01-12"}
    rec = api.call("POST", f"/participants/{pid}/education", json=body).json()
    assert rec["status"] == "enrolled"
    url = f"/participants/{pid}/education/{rec['id']}"
    r = api.call("PATCH", url, json={"status": "completed"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "end_date"
    done = api.call("PATCH", url, json={"status": "completed", "end_date": "2026-06-05"}).json()
    assert (done["status"], done["end_date"]) == ("completed", "2026-06-05")
    assert [e["id"] for e in api.call("GET", f"/participants/{pid}/education").json()["items"]] == [rec["id"]]
    assert api.call("GET", url, user="spec.b").status_code == 404
    bad = api.call("POST", f"/participants/{pid}/education", json=body | {"level": "phd"})
    assert bad.status_code == 422


def test_support_contacts_validate_and_stay_in_the_unit(api: Api) -> None:
    pid = crm.participant(api)["id"]
    url = f"/participants/{pid}/support-contacts"
    body = {"contact_date": TODAY.isoformat(), "mode": "video", "with_whom": ["participant", "family"]}
    rec = api.call("POST", url, json=body).json()
    assert rec["with_whom"] == ["participant", "family"] and rec["created_by"] == "spec.a"
    for bad in (
        {"mode": "fax"},
        {"with_whom": []},
        {"with_whom": ["neighbour"]},
        {"job_id": crm.employer(api)["id"]},
    ):
        r = api.call("POST", url, json=body | bad)
        assert r.status_code in (404, 422), (bad, r.text)
    assert api.call("POST", url, user="spec.b", json=body).status_code == 404
    assert api.call("GET", url, user="spec.b").status_code == 404
    assert len(api.call("GET", url).json()["items"]) == 1


def test_a_job_start_puts_support_in_the_specialists_week_and_a_contact_ticks_it_off(api: Api) -> None:
    emp = crm.employer(api)["id"]
    pid = crm.participant(api)["id"]
    r = api.call(
        "POST", f"/participants/{pid}/jobs", json={"employer_id": emp, "start_date": TODAY.isoformat()}
    )
    assert r.status_code == 201, r.text
    week = api.call("GET", "/specialists/spec.a/week").json()
    assert "after" in {i["check"] for i in week["support_due"]}
    assert all(i["display_name"] == "Sara L." for i in week["support_due"])
    assert api.call("GET", "/specialists/spec.a/week", user="spec.b").status_code == 404  # other unit
    contact = {"contact_date": TODAY.isoformat(), "mode": "face_to_face", "location": "workplace"}
    assert api.call("POST", f"/participants/{pid}/support-contacts", json=contact).status_code == 201
    week = api.call("GET", "/specialists/spec.a/week").json()
    assert "after" not in {i["check"] for i in week["support_due"]}
    assert "after" in {i["check"] for i in week["support_met"]}


def test_the_week_page_lists_support_due(api: Api) -> None:
    emp = crm.employer(api)["id"]
    pid = crm.participant(api)["id"]
    api.call("POST", f"/participants/{pid}/jobs", json={"employer_id": emp, "start_date": TODAY.isoformat()})
    page = api.call("GET", "/ui/week")
    assert page.status_code == 200 and "Follow-along support" in page.text and "Sara L." in page.text


def test_lead_funnel_counts_reached_stages_and_reasons(api: Api) -> None:
    emp = crm.employer(api)["id"]
    for title in ("Lagerarbetare", "Kock", "Städare"):
        assert api.call("POST", "/openings", json={"employer_id": emp, "title": title}).status_code == 201
    pid = crm.participant(api)["id"]
    leads = api.call("POST", f"/participants/{pid}/leads", json={"n": 3}).json()["leads"]
    assert len(leads) == 3
    a, b, c = (x["lead_id"] for x in leads)

    def feedback(lead: str, status: str, **extra: str) -> int:
        return api.call("POST", f"/leads/{lead}/feedback", json={"feedback": status, **extra}).status_code

    assert feedback(a, "discussed") == feedback(a, "interview") == 201
    assert feedback(b, "person_declined", reason="hours") == 201
    assert feedback(c, "employer_declined", reason="hours") == 422  # not a reason for employer_declined
    assert feedback(c, "not_relevant", reason="other") == 422  # "other" needs a note
    assert feedback(c, "pursued", reason="hours") == 422  # pursued takes no reason
    assert feedback(c, "offer") == 201
    funnel = api.call("GET", f"/participants/{pid}/leads/funnel").json()
    assert funnel["reached"] == {
        "shown": 3, "discussed": 2, "pursued": 2, "applied": 2, "interview": 2, "offer": 1, "hired": 0
    }  # fmt: skip
    assert funnel["closed"]["person_declined"] == 1 and funnel["reasons"]["person_declined"] == {"hours": 1}
    month = dt.datetime.now(dt.UTC).strftime("%Y-%m")
    assert funnel["months"][month] == {
        "shown": 3,
        "discussed": 1,
        "interview": 1,
        "person_declined": 1,
        "offer": 1,
    }
    by_id = {x["lead_id"]: x for x in funnel["leads"]}
    assert [h["feedback"] for h in by_id[a]["history"]] == ["discussed", "interview"]
    assert by_id[b]["reason"] == "hours" and "hours" in funnel["reason_choices"]["person_declined"]
    recorded = api.call("GET", f"/participants/{pid}/leads").json()["items"]
    assert {x["lead_id"]: x["reason"] for x in recorded}[b] == "hours"
    assert api.call("GET", f"/participants/{pid}/leads/funnel", user="spec.b").status_code == 404
