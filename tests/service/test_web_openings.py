"""Openings added and edited from the employer page: stored, ranked at once, failures kept as typed."""

from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.service.crm_helpers import employer
from tests.service.record_forms import (
    created,
    employer_form,
    opening_form,
    post,
    sign_in,
)
from tests.service.test_api import _participant


@pytest.fixture
def signed_in(api: Api) -> Api:
    return sign_in(api)


def _ranked(api: Api, pid: str) -> set[str]:
    r = api.call("POST", f"/participants/{pid}/leads", json={"n": 50})
    assert r.status_code == 200, r.text
    return {lead["id"] for lead in r.json()["leads"]}


def test_an_opening_from_the_employer_page_is_ranked_at_once_and_its_edit_too(signed_in: Api) -> None:
    api = signed_in
    engine = api.client.app.state.engine  # type: ignore[attr-defined]
    pid = _participant(api, disclosure={"level": "partial", "es_may_contact_employers": True})["id"]
    first = engine.ranker()
    employer_id = created(api, post(api, "/ui/employers/new", employer_form()))
    new = api.client.get(f"/ui/employers/{employer_id}/openings/new").text
    assert 'value="SEK" selected' in new and 'value="Solna"' in new  # from the employer
    assert post(api, f"/ui/employers/{employer_id}/openings/new", opening_form()).status_code == 303
    [opening] = api.call("GET", "/openings", params={"employer_id": employer_id}).json()["items"]
    assert (opening["title"], opening["hours_min"], opening["wage_hourly"], opening["currency"]) == (
        "Lagerarbetare",
        20,
        145.5,
        "SEK",
    )
    assert opening["closes_at"].startswith(opening_form()["closes_at"]) and opening["occupation_uri"]
    [site] = api.call("GET", f"/employers/{employer_id}").json()["sites"]
    assert opening["site_id"] == site["id"]  # typed at the employer's site: the opening is there
    assert opening["id"] in _ranked(api, pid)  # the employer lead gave way to the opening
    edit = f"/ui/employers/{employer_id}/openings/{opening['id']}/edit"
    assert 'value="145.5"' in api.client.get(edit).text
    assert post(api, edit, opening_form(status="filled", city="Sundbyberg")).status_code == 303
    filled = api.call("GET", f"/openings/{opening['id']}").json()
    assert (filled["status"], filled["city"], filled["site_id"]) == ("filled", "Sundbyberg", None)
    assert opening["id"] not in _ranked(api, pid)  # a filled opening is no lead
    assert engine.ranker() is first  # both writes reached the index in place, no rebuild


def test_a_new_title_is_linked_to_esco_again(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api)
    post(api, f"/ui/employers/{emp['id']}/openings/new", opening_form(title="Lagerarbetare"))
    [before] = api.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"]
    edit = f"/ui/employers/{emp['id']}/openings/{before['id']}/edit"
    assert post(api, edit, opening_form(title="Kock")).status_code == 303
    after = api.call("GET", f"/openings/{before['id']}").json()
    assert after["occupation_uri"] and after["occupation_uri"] != before["occupation_uri"]
    fresh = api.call("POST", "/openings", json={"employer_id": emp["id"], "title": "Kock", "language": "sv"})
    assert after["occupation_uri"] == fresh.json()["occupation_uri"]  # as if it had been created so
    assert post(api, edit, opening_form(title="Kock", hours_max="25")).status_code == 303
    assert api.call("GET", f"/openings/{before['id']}").json()["occupation_uri"] == after["occupation_uri"]


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("title", "", "Please fill this in."),
        ("closes_at", "next Friday", "Please give a date (YYYY-MM-DD)."),
        ("wage_hourly", "a good wage", "Please give a number."),
        ("hours_max", "10", "must not be less than hours_min"),  # the store's rule, on its field
    ],
)
def test_an_opening_that_fails_keeps_the_input(signed_in: Api, field: str, typed: str, message: str) -> None:
    emp = employer(signed_in)
    r = post(signed_in, f"/ui/employers/{emp['id']}/openings/new", opening_form(**{field: typed}))
    assert r.status_code == 422 and f'id="err-{field}"' in r.text and message in r.text
    assert "Plock och pack" in r.text and (not typed or f'value="{typed}"' in r.text)
    assert signed_in.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"] == []


def test_a_status_change_against_the_flow_lands_on_the_status(signed_in: Api) -> None:
    emp = employer(signed_in)
    post(signed_in, f"/ui/employers/{emp['id']}/openings/new", opening_form(status="closed"))
    [opening] = signed_in.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"]
    edit = f"/ui/employers/{emp['id']}/openings/{opening['id']}/edit"
    r = post(signed_in, edit, opening_form(status="filled"))
    assert r.status_code == 422 and 'id="err-status"' in r.text and "cannot change from closed" in r.text
