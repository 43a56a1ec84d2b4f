"""Writing from the browser (issue 15 item 2): the pages' HTML forms, posted with the session cookie.

Each form is posted as a browser would (urlencoded, the session cookie, our Origin) and checked
through the JSON API, so a form that only looked right on the page fails here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from service.access.users import set_password
from tests.conftest import Api
from tests.service.crm_helpers import employer, participant

PASSWORD = "correct horse battery staple"
ORIGIN = {"origin": "http://localhost"}
SV = {"accept-language": "sv-SE,sv;q=0.9"}


def _sign_in(api: Api, username: str = "spec.a") -> None:
    set_password(api.db, username=username, password=PASSWORD)
    r = api.client.post(
        "/ui/login", data={"username": username, "password": PASSWORD}, headers=ORIGIN, follow_redirects=False
    )
    assert r.status_code == 303, r.text


def _post(api: Api, url: str, data: dict[str, Any], **headers: str) -> Any:
    return api.client.post(url, data=data, headers={**ORIGIN, **headers}, follow_redirects=False)


@pytest.fixture
def signed_in(api: Api) -> Api:
    _sign_in(api)
    return api


def _an_hour_ago() -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")


def _contact_form(employer_id: str, **extra: str) -> dict[str, str]:
    return {
        "employer_id": employer_id,
        "mode": "face_to_face",
        "status": "held",
        "purpose": "follow_up",
        "occurred_at": _an_hour_ago(),
        "next": "/ui/week",
        **extra,
    }


def test_a_contact_logged_from_the_week_view_opens_its_follow_up(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, name="Kaffebaren AB", owner="spec.a")
    week = api.client.get("/ui/week")
    assert week.status_code == 200 and 'action="/ui/contacts"' in week.text
    assert f'<option value="{emp["id"]}"' in week.text  # the employer to choose
    assert 'value="face_to_face" selected' in week.text  # mode pre-filled
    due = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    form = _contact_form(
        emp["id"], learned="They hire in spring.", next_step="Bring a profile", next_step_due=due
    )
    r = _post(api, "/ui/contacts", form)
    assert r.status_code == 303 and r.headers["location"] == "/ui/week"
    [logged] = api.call("GET", "/contacts", params={"employer_id": emp["id"]}).json()["items"]
    assert (logged["mode"], logged["purpose"], logged["learned"]) == (
        "face_to_face",
        "follow_up",
        "They hire in spring.",
    )
    assert logged["occurred_at"].startswith(form["occurred_at"])  # read as UTC, as the form says
    [task] = api.call("GET", "/tasks", params={"employer_id": emp["id"]}).json()["items"]
    assert (task["title"], task["due_on"], task["status"]) == ("Bring a profile", due, "open")
    again = api.client.get("/ui/week").text
    assert f'action="/ui/tasks/{task["id"]}/done"' in again  # the follow-up, with its button


def test_the_employer_page_form_has_the_employer_and_a_purpose_for_its_stage(signed_in: Api) -> None:
    emp = employer(signed_in, name="Verkstan AB", stage="prospect")
    page = signed_in.client.get(f"/ui/employers/{emp['id']}").text
    assert f'name="employer_id" value="{emp["id"]}"' in page
    assert 'value="introduction" selected' in page  # a prospect is introduced to
    r = _post(signed_in, "/ui/contacts", _contact_form(emp["id"], next=f"/ui/employers/{emp['id']}"))
    assert r.status_code == 303 and r.headers["location"] == f"/ui/employers/{emp['id']}"
    [logged] = signed_in.call("GET", "/contacts", params={"employer_id": emp["id"]}).json()["items"]
    assert logged["specialist"] == "spec.a"  # the caller, as the API does


def test_a_contact_that_fails_keeps_what_was_typed_and_names_the_field(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    r = _post(api, "/ui/contacts", _contact_form(emp["id"], occurred_at=later, learned="Typed text kept"))
    assert r.status_code == 422
    assert "Typed text kept" in r.text and f'value="{later}"' in r.text
    assert 'id="err-occurred_at"' in r.text and "cannot be in the future" in r.text
    bad = _post(
        api, "/ui/contacts", _contact_form(emp["id"], occurred_at="tomorrow", next_step_due="soon"), **SV
    )
    assert bad.status_code == 422
    assert "Ange ett datum och en tid" in bad.text and "Ange ett datum (ÅÅÅÅ-MM-DD)" in bad.text
    assert api.call("GET", "/contacts", params={"employer_id": emp["id"]}).json()["items"] == []


def test_another_units_participant_cannot_be_named_on_a_contact(signed_in: Api) -> None:
    emp = employer(signed_in)
    theirs = participant(signed_in, user="spec.b")
    r = _post(signed_in, "/ui/contacts", _contact_form(emp["id"], participant_id=theirs["id"]))
    assert r.status_code == 422 and 'id="err-participant_id"' in r.text
    assert signed_in.call("GET", "/contacts", params={"employer_id": emp["id"]}).json()["items"] == []


def test_a_contact_link_from_a_lead_card_names_the_participant(signed_in: Api) -> None:
    emp = employer(signed_in)
    mine = participant(signed_in)
    r = signed_in.client.get(
        "/ui/contacts/new",
        params={"employer_id": emp["id"], "participant_id": mine["id"], "purpose": "candidate_introduction"},
    )
    assert r.status_code == 200
    assert (
        f'<option value="{mine["id"]}" selected' in r.text
        and 'value="candidate_introduction" selected' in r.text
    )
    form = _contact_form(emp["id"], participant_id=mine["id"], purpose="candidate_introduction")
    assert _post(signed_in, "/ui/contacts", form).status_code == 303
    [logged] = signed_in.call("GET", "/contacts", params={"employer_id": emp["id"]}).json()["items"]
    assert logged["participant_id"] == mine["id"]


def _follow_up(api: Api) -> tuple[str, str]:
    emp = employer(api)
    due = (dt.date.today() - dt.timedelta(days=1)).isoformat()  # overdue
    _post(api, "/ui/contacts", _contact_form(emp["id"], next_step="Call back", next_step_due=due))
    [task] = api.call("GET", "/tasks", params={"employer_id": emp["id"]}).json()["items"]
    return emp["id"], task["id"]


def test_a_follow_up_is_ticked_done_from_the_week_and_the_employer_page(signed_in: Api) -> None:
    api = signed_in
    emp_id, task_id = _follow_up(api)
    assert f'action="/ui/tasks/{task_id}/done"' in api.client.get(f"/ui/employers/{emp_id}").text
    r = _post(api, f"/ui/tasks/{task_id}/done", {"next": f"/ui/employers/{emp_id}"})
    assert r.status_code == 303 and r.headers["location"] == f"/ui/employers/{emp_id}"
    done = api.call("GET", f"/tasks/{task_id}").json()
    assert done["status"] == "done" and done["done_at"]
    assert f"/ui/tasks/{task_id}/done" not in api.client.get("/ui/week").text
    elsewhere = _post(api, f"/ui/tasks/{task_id}/done", {"next": "https://evil.example/"})
    assert elsewhere.headers["location"] == "/ui/week"  # no open redirect
    assert (
        _post(api, "/ui/tasks/00000000-0000-4000-8000-000000000000/done", {"next": "/ui/week"}).status_code
        == 404
    )


def test_a_cookie_form_from_another_site_is_refused(signed_in: Api) -> None:
    emp = employer(signed_in)
    # a browser sends Origin on every cross-site POST ("null" from an opaque origin)
    for headers in (
        {"origin": "https://evil.example"},
        {"origin": "null"},
        {"referer": "https://evil.example/x"},
    ):
        r = signed_in.client.post(
            "/ui/contacts", data=_contact_form(emp["id"]), headers=headers, follow_redirects=False
        )
        assert r.status_code == 403
    assert signed_in.call("GET", "/contacts", params={"employer_id": emp["id"]}).json()["items"] == []


def test_a_note_and_a_stage_change_from_the_employer_page(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, stage="introduced")
    assert (
        _post(api, f"/ui/employers/{emp['id']}/notes", {"body": "Ask for Maria at the desk."}).status_code
        == 303
    )
    [note] = api.call("GET", "/notes", params={"employer_id": emp["id"]}).json()["items"]
    assert note["body"] == "Ask for Maria at the desk."
    empty = _post(api, f"/ui/employers/{emp['id']}/notes", {"body": "   "}, **SV)
    assert empty.status_code == 422 and 'id="err-body"' in empty.text and "Fyll i det här." in empty.text
    assert _post(api, f"/ui/employers/{emp['id']}/stage", {"stage": "partnered"}).status_code == 303
    assert api.call("GET", f"/employers/{emp['id']}").json()["stage"] == "partnered"
    wrong = _post(api, f"/ui/employers/{emp['id']}/stage", {"stage": "best_friends"})
    assert wrong.status_code == 422 and 'id="err-stage"' in wrong.text
    assert api.call("GET", f"/employers/{emp['id']}").json()["stage"] == "partnered"
    nobody = "00000000-0000-4000-8000-000000000000"
    assert _post(api, f"/ui/employers/{nobody}/notes", {"body": "x"}).status_code == 404


def _profile_form(**changes: str) -> dict[str, str]:
    return {
        "goals": "Work with animals",
        "occupations": "",
        "hours_min": "15",
        "hours_max": "25",
        "max_commute_km": "12,5",
        "commute_is_constraint": "on",
        "liked_sectors": "a01, Q",
        "refused_sectors": "",
        **changes,
    }


def test_a_participants_preferences_are_edited(signed_in: Api) -> None:
    api = signed_in
    pid = participant(api)["id"]
    form = api.client.get(f"/ui/participants/{pid}/profile")
    assert form.status_code == 200 and 'name="hours_min"' in form.text
    r = _post(api, f"/ui/participants/{pid}/profile", _profile_form())
    assert r.status_code == 303 and r.headers["location"] == f"/ui/participants/{pid}"
    prefs = api.call("GET", f"/participants/{pid}").json()["preferences"]
    assert (prefs["goals"], prefs["hours_min"], prefs["hours_max"]) == ("Work with animals", 15, 25)
    assert (prefs["max_commute_km"], prefs["commute_is_constraint"], prefs["hours_is_constraint"]) == (
        12.5,
        True,
        False,
    )
    assert prefs["liked_sectors"] == ["A01", "Q"]
    again = api.client.get(f"/ui/participants/{pid}/profile").text
    assert 'value="12.5"' in again and "Work with animals" in again


def test_preferences_that_fail_keep_the_input_and_change_nothing(signed_in: Api) -> None:
    api = signed_in
    pid = participant(api)["id"]
    before = api.call("GET", f"/participants/{pid}").json()["preferences"]
    crossed = _post(api, f"/ui/participants/{pid}/profile", _profile_form(hours_min="30", goals="Kept goals"))
    assert (
        crossed.status_code == 422 and 'id="err-hours_max"' in crossed.text and "Kept goals" in crossed.text
    )
    codes = _post(api, f"/ui/participants/{pid}/profile", _profile_form(refused_sectors="cafés"), **SV)
    assert (
        codes.status_code == 422
        and 'id="err-refused_sectors"' in codes.text
        and 'value="cafés"' in codes.text
    )
    assert "NACE-koder" in codes.text
    hours = _post(api, f"/ui/participants/{pid}/profile", _profile_form(hours_max="many"))
    assert hours.status_code == 422 and "Please give a number." in hours.text
    assert api.call("GET", f"/participants/{pid}").json()["preferences"] == before


def test_another_units_participant_is_not_there_for_the_forms(signed_in: Api) -> None:
    api = signed_in
    theirs = participant(api, user="spec.b")["id"]
    before = api.call("GET", f"/participants/{theirs}", user="spec.b").json()
    for method, url in (
        ("GET", f"/ui/participants/{theirs}/profile"),
        ("POST", f"/ui/participants/{theirs}/profile"),
        ("GET", f"/ui/participants/{theirs}/jobs/new"),
        ("POST", f"/ui/participants/{theirs}/jobs"),
    ):
        data = _profile_form() if url.endswith("profile") else {"start_date": "2026-01-05"}
        kw: dict[str, Any] = {"data": data} if method == "POST" else {}
        r = api.client.request(method, url, headers=ORIGIN, follow_redirects=False, **kw)
        assert r.status_code == 404, (method, url, r.status_code)
    assert api.call("GET", f"/participants/{theirs}", user="spec.b").json() == before


def test_a_job_start_shows_the_follow_along_contacts_due(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, name="Bageriet AB")
    pid = participant(api)["id"]
    page = api.client.get(f"/ui/participants/{pid}/jobs/new")
    assert page.status_code == 200 and f'<option value="{emp["id"]}"' in page.text
    start = dt.date.today().isoformat()
    form = {"employer_id": emp["id"], "start_date": start, "title": "Baker's assistant", "hours_week": "20"}
    r = _post(api, f"/ui/participants/{pid}/jobs", form)
    assert r.status_code == 303 and r.headers["location"] == f"/ui/participants/{pid}"
    [job] = api.call("GET", f"/participants/{pid}/jobs").json()["items"]
    assert (job["employer_id"], job["start_date"], job["hours_week"]) == (emp["id"], start, 20)
    assert api.call("GET", f"/employers/{emp['id']}").json()["stage"] == "hired_from_us"
    shown = api.client.get(f"/ui/participants/{pid}").text
    assert "Follow-along support" in shown and "the first days in the job" in shown  # due within 3 days
    assert "Baker&#39;s assistant" in shown


def test_a_job_start_that_fails_keeps_the_input(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api)
    pid = participant(api)["id"]
    r = _post(
        api, f"/ui/participants/{pid}/jobs", {"employer_id": emp["id"], "start_date": "", "title": "Porter"}
    )
    assert r.status_code == 422 and 'id="err-start_date"' in r.text and 'value="Porter"' in r.text
    none = _post(api, f"/ui/participants/{pid}/jobs", {"employer_id": "", "start_date": "2026-01-05"})
    assert none.status_code == 422 and 'id="err-employer_id"' in none.text
    hours = _post(
        api,
        f"/ui/participants/{pid}/jobs",
        {"employer_id": emp["id"], "start_date": "2026-01-05", "hours_week": "200"},
    )
    assert hours.status_code == 422 and 'id="err-hours_week"' in hours.text
    assert api.call("GET", f"/participants/{pid}/jobs").json()["items"] == []


def test_a_support_contact_logged_on_the_participant_page_ticks_the_due_item_off(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api)
    pid = participant(api)["id"]
    start = dt.date.today() - dt.timedelta(days=1)
    _post(api, f"/ui/participants/{pid}/jobs", {"employer_id": emp["id"], "start_date": start.isoformat()})
    page = api.client.get(f"/ui/participants/{pid}").text
    assert f'action="/ui/participants/{pid}/support-contacts"' in page and "the first days in the job" in page
    today = dt.date.today().isoformat()
    form = {
        "contact_date": today,
        "mode": "face_to_face",
        "with_whom": ["participant", "employer"],
        "note": "Met at work",
    }
    r = _post(api, f"/ui/participants/{pid}/support-contacts", form)
    assert r.status_code == 303 and r.headers["location"] == f"/ui/participants/{pid}"
    [logged] = api.call("GET", f"/participants/{pid}/support-contacts").json()["items"]
    assert (logged["contact_date"], logged["with_whom"], logged["note"]) == (
        today,
        ["participant", "employer"],
        "Met at work",
    )
    after = api.call("GET", f"/participants/{pid}/follow-along").json()["items"]
    assert [i["status"] for i in after if i["check"] == "after"] == ["met"]
    assert "the first days in the job" not in api.client.get(f"/ui/participants/{pid}").text


def test_a_support_contact_that_fails_keeps_the_input(signed_in: Api) -> None:
    api = signed_in
    pid = participant(api)["id"]
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    r = _post(
        api,
        f"/ui/participants/{pid}/support-contacts",
        {"contact_date": future, "mode": "phone", "note": "Kept"},
    )
    assert r.status_code == 422 and "Kept" in r.text and 'id="err-' in r.text
    nobody = _post(
        api, f"/ui/participants/{pid}/support-contacts", {"contact_date": "", "mode": "phone"}, **SV
    )
    assert nobody.status_code == 422 and "Fyll i det här." in nobody.text
    assert api.call("GET", f"/participants/{pid}/support-contacts").json()["items"] == []
    theirs = participant(api, user="spec.b")["id"]
    other = _post(
        api, f"/ui/participants/{theirs}/support-contacts", {"contact_date": future, "mode": "phone"}
    )
    assert other.status_code == 404
