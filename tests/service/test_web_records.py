"""Creating and editing employers and people at employers from the browser (issue 15 item 2).

Each form is posted as a browser would (urlencoded, the session cookie, our Origin) on a real
DuckDB file and checked through the JSON API, so a form that only looked right on the page fails
here. Openings: test_web_openings.py; the Swedish pages in Chromium: test_web_records_browser.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Api
from tests.service.crm_helpers import employer
from tests.service.record_forms import (
    NOBODY,
    SV,
    created,
    employer_form,
    opening_form,
    post,
    sign_in,
)


@pytest.fixture
def signed_in(api: Api) -> Api:
    return sign_in(api)


def test_a_new_employer_is_stored_and_shown(signed_in: Api) -> None:
    api = signed_in
    listing = api.client.get("/ui/employers").text
    assert 'href="/ui/employers/new"' in listing
    blank = api.client.get("/ui/employers/new")
    assert blank.status_code == 200 and 'value="spec.a"' in blank.text  # the caller owns it
    employer_id = created(api, post(api, "/ui/employers/new", employer_form()))
    stored = api.call("GET", f"/employers/{employer_id}").json()
    assert (stored["name"], stored["country"], stored["sector_nace"], stored["stage"]) == (
        "Solna Lager & Logistik AB",
        "SE",
        "H52",
        "introduced",
    )
    assert (stored["registry_number"], stored["owner"], stored["size_band"]) == (
        "556123-4567",
        "spec.a",
        "10-49",
    )
    [site] = stored["sites"]
    assert (site["address"], site["postcode"], site["city"]) == ("Industrivägen 4", "171 48", "Solna")
    page = api.client.get(f"/ui/employers/{employer_id}").text
    assert "Solna Lager &amp; Logistik AB" in page and "Sweden" in page
    for link in ("edit", "people/new", "openings/new"):
        assert f'href="/ui/employers/{employer_id}/{link}"' in page


def test_a_likely_duplicate_asks_is_it_one_of_these_then_saves_anyway(signed_in: Api) -> None:
    api = signed_in
    planted = employer(api, name="Ward Grill Ltd", country="GB")
    r = post(api, "/ui/employers/new", employer_form(name="Ward Grill Limited", country="GB", city="Leeds"))
    assert r.status_code == 409
    assert "Is it one of these?" in r.text and f'href="/ui/employers/{planted["id"]}"' in r.text
    assert 'value="Ward Grill Limited"' in r.text and 'value="Leeds"' in r.text  # the form as typed
    assert 'name="skip_duplicate_check"' in r.text
    found = api.call("GET", "/employers", params={"q": "Ward Grill"}).json()["items"]
    assert [e["id"] for e in found] == [planted["id"]]  # nothing written yet
    anyway = {**employer_form(name="Ward Grill Limited", country="GB"), "skip_duplicate_check": "1"}
    new_id = created(api, post(api, "/ui/employers/new", anyway))
    names = {
        e["id"]: e["name"] for e in api.call("GET", "/employers", params={"q": "Ward Grill"}).json()["items"]
    }
    assert names == {planted["id"]: "Ward Grill Ltd", new_id: "Ward Grill Limited"}


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("name", "   ", "Please fill this in."),
        ("country", "XX", "Please choose one of the options."),
        ("sector_nace", "cafés", "Please give a NACE code such as I56 or F."),
        ("owner", "nobody.here", "No user has this username."),
    ],
)
def test_an_employer_that_fails_keeps_the_input_and_names_the_field(
    signed_in: Api, field: str, typed: str, message: str
) -> None:
    r = post(signed_in, "/ui/employers/new", employer_form(**{field: typed}, needs_learned="Kept text"))
    assert r.status_code == 422
    assert f'id="err-{field}"' in r.text and message in r.text
    assert f'aria-describedby="err-{field}"' in r.text and "Kept text" in r.text
    assert signed_in.call("GET", "/employers", params={"q": "Solna Lager"}).json()["items"] == []


def test_the_field_messages_are_in_the_pages_language(signed_in: Api) -> None:
    r = post(signed_in, "/ui/employers/new", employer_form(name=""), **SV)
    assert r.status_code == 422 and "Fyll i det här." in r.text


def test_an_employer_is_edited_and_a_taken_registry_number_lands_on_its_field(signed_in: Api) -> None:
    api = signed_in
    other = employer(api, name="Bageriet AB", registry_number="556999-0001")
    employer_id = created(api, post(api, "/ui/employers/new", employer_form()))
    form = api.client.get(f"/ui/employers/{employer_id}/edit")
    assert form.status_code == 200 and 'value="Solna Lager &amp; Logistik AB"' in form.text
    changed = employer_form(name="Solna Lager AB", stage="partnered", do_not_contact="on", sector_nace="")
    assert post(api, f"/ui/employers/{employer_id}/edit", changed).headers["location"] == (
        f"/ui/employers/{employer_id}"
    )
    stored = api.call("GET", f"/employers/{employer_id}").json()
    assert (stored["name"], stored["stage"], stored["do_not_contact"], stored["sector_nace"]) == (
        "Solna Lager AB",
        "partnered",
        True,
        None,
    )
    taken = post(api, f"/ui/employers/{employer_id}/edit", {**changed, "registry_number": "556999-0001"})
    assert taken.status_code == 409 and 'id="err-registry_number"' in taken.text
    assert api.call("GET", f"/employers/{employer_id}").json()["registry_number"] == "556123-4567"
    assert api.call("GET", f"/employers/{other['id']}").json()["name"] == "Bageriet AB"


def test_an_owner_kept_as_it_was_need_not_be_a_user(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, name="Bageriet AB", owner="left.the.team")
    kept = employer_form(name="Bageriet AB", owner="left.the.team", registry_number="", stage="learning")
    assert post(api, f"/ui/employers/{emp['id']}/edit", kept).status_code == 303
    assert api.call("GET", f"/employers/{emp['id']}").json()["stage"] == "learning"
    other = post(api, f"/ui/employers/{emp['id']}/edit", {**kept, "owner": "also.gone"})
    assert other.status_code == 422 and 'id="err-owner"' in other.text


def test_people_are_added_and_edited_from_the_employer_page(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api)
    person = {
        "full_name": "Eva Ek",
        "role": "Store manager",
        "email": "eva@lager.example",
        "phone": "",
        "notes": "",
    }
    assert post(api, f"/ui/employers/{emp['id']}/people/new", person).status_code == 303
    [stored] = api.call("GET", "/people", params={"employer_id": emp["id"]}).json()["items"]
    assert (stored["full_name"], stored["email"], stored["employers"][0]["role"]) == (
        "Eva Ek",
        "eva@lager.example",
        "Store manager",
    )
    edit = f"/ui/employers/{emp['id']}/people/{stored['id']}/edit"
    assert f'href="{edit}"' in api.client.get(f"/ui/employers/{emp['id']}").text
    assert 'value="Store manager"' in api.client.get(edit).text
    bad = post(api, edit, {**person, "email": "not an address", "notes": "Kept"})
    assert bad.status_code == 422 and 'id="err-email"' in bad.text and "Kept" in bad.text
    assert post(api, edit, {**person, "role": "Owner", "phone": "070-1"}).status_code == 303
    again = api.call("GET", f"/people/{stored['id']}").json()
    assert (again["phone"], again["employers"][0]["role"]) == ("070-1", "Owner")


def test_records_of_another_employer_or_none_are_not_there(signed_in: Api) -> None:
    api = signed_in
    mine, theirs = employer(api, name="Ett AB"), employer(api, name="Två AB")
    post(api, f"/ui/employers/{theirs['id']}/openings/new", opening_form())
    post(api, f"/ui/employers/{theirs['id']}/people/new", {"full_name": "Ola T.", "role": ""})
    [opening] = api.call("GET", "/openings", params={"employer_id": theirs["id"]}).json()["items"]
    [person] = api.call("GET", "/people", params={"employer_id": theirs["id"]}).json()["items"]
    urls = [
        f"/ui/employers/{mine['id']}/openings/{opening['id']}/edit",
        f"/ui/employers/{mine['id']}/people/{person['id']}/edit",
        f"/ui/employers/{NOBODY}/edit",
        f"/ui/employers/{NOBODY}/openings/new",
        f"/ui/employers/{NOBODY}/people/new",
    ]
    for url in urls:
        assert api.client.get(url).status_code == 404, url
        assert post(api, url, {**opening_form(), "full_name": "X", "name": "X"}).status_code == 404, url
    assert api.call("GET", f"/openings/{opening['id']}").json()["title"] == "Lagerarbetare"
    assert api.call("GET", f"/people/{person['id']}").json()["full_name"] == "Ola T."


def test_a_form_from_another_site_is_refused(signed_in: Api) -> None:
    r = signed_in.client.post(
        "/ui/employers/new", data=employer_form(), headers={"origin": "https://evil.example"}
    )
    assert r.status_code == 403
    assert signed_in.call("GET", "/employers", params={"q": "Solna Lager"}).json()["items"] == []


def test_fuzzed_forms_never_500(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, name="Fuzz AB")
    post(api, f"/ui/employers/{emp['id']}/openings/new", opening_form())
    post(api, f"/ui/employers/{emp['id']}/people/new", {"full_name": "Ola T."})
    [opening] = api.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"]
    [person] = api.call("GET", "/people", params={"employer_id": emp["id"]}).json()["items"]
    forms = {
        "/ui/employers/new": employer_form(),
        f"/ui/employers/{emp['id']}/edit": employer_form(name="Fuzz AB"),
        f"/ui/employers/{emp['id']}/openings/new": opening_form(),
        f"/ui/employers/{emp['id']}/openings/{opening['id']}/edit": opening_form(),
        f"/ui/employers/{emp['id']}/people/new": {"full_name": "Eva", "role": "", "email": ""},
        f"/ui/employers/{emp['id']}/people/{person['id']}/edit": {"full_name": "Ola T.", "email": ""},
    }

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        url=st.sampled_from(sorted(forms)),
        changes=st.dictionaries(st.sampled_from(FUZZED), st.text(max_size=60)),
    )
    def check(url: str, changes: dict[str, str]) -> None:
        r = post(api, url, {**forms[url], **changes, "skip_duplicate_check": "1"})
        assert r.status_code in (303, 409, 422), (url, changes, r.status_code, r.text[-300:])

    check()


FUZZED = sorted({*employer_form(), *opening_form(), "full_name", "role", "email", "notes"})
