"""Creating and editing employers, people at employers and openings from the browser (issue 15 item 2).

Each form is posted as a browser would (urlencoded, the session cookie, our Origin) on a real
DuckDB file, and checked through the JSON API and the ranking, so a form that only looked right
on the page fails here. The last test drives the Swedish pages in Debian's Chromium.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.access.users import set_password
from tests.conftest import Api
from tests.needs import need
from tests.service.crm_helpers import employer
from tests.service.server import cli, env_for, running_server
from tests.service.test_api import _participant

PASSWORD = "correct horse battery staple"
ORIGIN = {"origin": "http://localhost"}
SV = {"accept-language": "sv-SE,sv;q=0.9"}
NOBODY = "00000000-0000-4000-8000-000000000000"


def _post(api: Api, url: str, data: dict[str, Any], **headers: str) -> Any:
    return api.client.post(url, data=data, headers={**ORIGIN, **headers}, follow_redirects=False)


@pytest.fixture
def signed_in(api: Api) -> Api:
    set_password(api.db, username="spec.a", password=PASSWORD)
    r = _post(api, "/ui/login", {"username": "spec.a", "password": PASSWORD})
    assert r.status_code == 303, r.text
    return api


def _employer_form(**changes: str) -> dict[str, str]:
    return {
        "name": "Solna Lager & Logistik AB",
        "registry_number": "556123-4567",
        "registry_kind": "org_nr",
        "country": "SE",
        "address": "Industrivägen 4",
        "postcode": "171 48",
        "city": "Solna",
        "sector_nace": "h52",
        "size_band": "10-49",
        "website": "https://lager.example",
        "phone": "08-123 45 67",
        "stage": "introduced",
        "owner": "spec.a",
        "needs_learned": "Pickers for the evening shift",
        "hiring_process": "",
        **changes,
    }


def _opening_form(**changes: str) -> dict[str, str]:
    return {
        "title": "Lagerarbetare",
        "language": "sv",
        "city": "Solna",
        "hours_min": "20",
        "hours_max": "30",
        "contract_type": "permanent",
        "wage_hourly": "145,50",
        "currency": "SEK",
        "closes_at": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        "application_route": "either",
        "status": "open",
        "description": "Plock och pack",
        **changes,
    }


def _created(api: Api, reply: Any) -> str:
    assert reply.status_code == 303, reply.text
    employer_id = reply.headers["location"].rsplit("/", 1)[-1]
    assert reply.headers["location"] == f"/ui/employers/{employer_id}"
    return employer_id


def test_a_new_employer_is_stored_and_shown(signed_in: Api) -> None:
    api = signed_in
    listing = api.client.get("/ui/employers").text
    assert 'href="/ui/employers/new"' in listing
    blank = api.client.get("/ui/employers/new")
    assert blank.status_code == 200 and 'value="spec.a"' in blank.text  # the caller owns it
    employer_id = _created(api, _post(api, "/ui/employers/new", _employer_form()))
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
    r = _post(api, "/ui/employers/new", _employer_form(name="Ward Grill Limited", country="GB", city="Leeds"))
    assert r.status_code == 409
    assert "Is it one of these?" in r.text and f'href="/ui/employers/{planted["id"]}"' in r.text
    assert 'value="Ward Grill Limited"' in r.text and 'value="Leeds"' in r.text  # the form as typed
    assert 'name="skip_duplicate_check"' in r.text
    found = api.call("GET", "/employers", params={"q": "Ward Grill"}).json()["items"]
    assert [e["id"] for e in found] == [planted["id"]]  # nothing written yet
    anyway = {**_employer_form(name="Ward Grill Limited", country="GB"), "skip_duplicate_check": "1"}
    new_id = _created(api, _post(api, "/ui/employers/new", anyway))
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
    r = _post(signed_in, "/ui/employers/new", _employer_form(**{field: typed}, needs_learned="Kept text"))
    assert r.status_code == 422
    assert f'id="err-{field}"' in r.text and message in r.text
    assert f'aria-describedby="err-{field}"' in r.text and "Kept text" in r.text
    assert signed_in.call("GET", "/employers", params={"q": "Solna Lager"}).json()["items"] == []


def test_the_field_messages_are_in_the_pages_language(signed_in: Api) -> None:
    r = _post(signed_in, "/ui/employers/new", _employer_form(name=""), **SV)
    assert r.status_code == 422 and "Fyll i det här." in r.text


def test_an_employer_is_edited_and_a_taken_registry_number_lands_on_its_field(signed_in: Api) -> None:
    api = signed_in
    other = employer(api, name="Bageriet AB", registry_number="556999-0001")
    employer_id = _created(api, _post(api, "/ui/employers/new", _employer_form()))
    form = api.client.get(f"/ui/employers/{employer_id}/edit")
    assert form.status_code == 200 and 'value="Solna Lager &amp; Logistik AB"' in form.text
    changed = _employer_form(name="Solna Lager AB", stage="partnered", do_not_contact="on", sector_nace="")
    assert _post(api, f"/ui/employers/{employer_id}/edit", changed).headers["location"] == (
        f"/ui/employers/{employer_id}"
    )
    stored = api.call("GET", f"/employers/{employer_id}").json()
    assert (stored["name"], stored["stage"], stored["do_not_contact"], stored["sector_nace"]) == (
        "Solna Lager AB",
        "partnered",
        True,
        None,
    )
    taken = _post(api, f"/ui/employers/{employer_id}/edit", {**changed, "registry_number": "556999-0001"})
    assert taken.status_code == 409 and 'id="err-registry_number"' in taken.text
    assert api.call("GET", f"/employers/{employer_id}").json()["registry_number"] == "556123-4567"
    assert api.call("GET", f"/employers/{other['id']}").json()["name"] == "Bageriet AB"


def test_an_owner_kept_as_it_was_need_not_be_a_user(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, name="Bageriet AB", owner="left.the.team")
    kept = _employer_form(name="Bageriet AB", owner="left.the.team", registry_number="", stage="learning")
    assert _post(api, f"/ui/employers/{emp['id']}/edit", kept).status_code == 303
    assert api.call("GET", f"/employers/{emp['id']}").json()["stage"] == "learning"
    other = _post(api, f"/ui/employers/{emp['id']}/edit", {**kept, "owner": "also.gone"})
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
    assert _post(api, f"/ui/employers/{emp['id']}/people/new", person).status_code == 303
    [stored] = api.call("GET", "/people", params={"employer_id": emp["id"]}).json()["items"]
    assert (stored["full_name"], stored["email"], stored["employers"][0]["role"]) == (
        "Eva Ek",
        "eva@lager.example",
        "Store manager",
    )
    edit = f"/ui/employers/{emp['id']}/people/{stored['id']}/edit"
    assert f'href="{edit}"' in api.client.get(f"/ui/employers/{emp['id']}").text
    assert 'value="Store manager"' in api.client.get(edit).text
    bad = _post(api, edit, {**person, "email": "not an address", "notes": "Kept"})
    assert bad.status_code == 422 and 'id="err-email"' in bad.text and "Kept" in bad.text
    assert _post(api, edit, {**person, "role": "Owner", "phone": "070-1"}).status_code == 303
    again = api.call("GET", f"/people/{stored['id']}").json()
    assert (again["phone"], again["employers"][0]["role"]) == ("070-1", "Owner")


def _ranked(api: Api, pid: str) -> set[str]:
    r = api.call("POST", f"/participants/{pid}/leads", json={"n": 50})
    assert r.status_code == 200, r.text
    return {lead["id"] for lead in r.json()["leads"]}


def test_an_opening_from_the_employer_page_is_ranked_at_once_and_its_edit_too(signed_in: Api) -> None:
    api = signed_in
    engine = api.client.app.state.engine  # type: ignore[attr-defined]
    pid = _participant(api, disclosure={"level": "partial", "es_may_contact_employers": True})["id"]
    first = engine.ranker()
    employer_id = _created(api, _post(api, "/ui/employers/new", _employer_form()))
    new = api.client.get(f"/ui/employers/{employer_id}/openings/new").text
    assert 'value="SEK" selected' in new and 'value="Solna"' in new  # from the employer
    assert _post(api, f"/ui/employers/{employer_id}/openings/new", _opening_form()).status_code == 303
    [opening] = api.call("GET", "/openings", params={"employer_id": employer_id}).json()["items"]
    assert (opening["title"], opening["hours_min"], opening["wage_hourly"], opening["currency"]) == (
        "Lagerarbetare",
        20,
        145.5,
        "SEK",
    )
    assert opening["closes_at"].startswith(_opening_form()["closes_at"]) and opening["occupation_uri"]
    [site] = api.call("GET", f"/employers/{employer_id}").json()["sites"]
    assert opening["site_id"] == site["id"]  # typed at the employer's site: the opening is there
    assert opening["id"] in _ranked(api, pid)  # the employer lead gave way to the opening
    edit = f"/ui/employers/{employer_id}/openings/{opening['id']}/edit"
    assert 'value="145.5"' in api.client.get(edit).text
    assert _post(api, edit, _opening_form(status="filled", city="Sundbyberg")).status_code == 303
    filled = api.call("GET", f"/openings/{opening['id']}").json()
    assert (filled["status"], filled["city"], filled["site_id"]) == ("filled", "Sundbyberg", None)
    assert opening["id"] not in _ranked(api, pid)  # a filled opening is no lead
    assert engine.ranker() is first  # both writes reached the index in place, no rebuild


def test_a_new_title_is_linked_to_esco_again(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api)
    _post(api, f"/ui/employers/{emp['id']}/openings/new", _opening_form(title="Lagerarbetare"))
    [before] = api.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"]
    edit = f"/ui/employers/{emp['id']}/openings/{before['id']}/edit"
    assert _post(api, edit, _opening_form(title="Kock")).status_code == 303
    after = api.call("GET", f"/openings/{before['id']}").json()
    assert after["occupation_uri"] and after["occupation_uri"] != before["occupation_uri"]
    fresh = api.call("POST", "/openings", json={"employer_id": emp["id"], "title": "Kock", "language": "sv"})
    assert after["occupation_uri"] == fresh.json()["occupation_uri"]  # as if it had been created so
    assert _post(api, edit, _opening_form(title="Kock", hours_max="25")).status_code == 303
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
    r = _post(signed_in, f"/ui/employers/{emp['id']}/openings/new", _opening_form(**{field: typed}))
    assert r.status_code == 422 and f'id="err-{field}"' in r.text and message in r.text
    assert "Plock och pack" in r.text and (not typed or f'value="{typed}"' in r.text)
    assert signed_in.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"] == []


def test_a_status_change_against_the_flow_lands_on_the_status(signed_in: Api) -> None:
    emp = employer(signed_in)
    _post(signed_in, f"/ui/employers/{emp['id']}/openings/new", _opening_form(status="closed"))
    [opening] = signed_in.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"]
    edit = f"/ui/employers/{emp['id']}/openings/{opening['id']}/edit"
    r = _post(signed_in, edit, _opening_form(status="filled"))
    assert r.status_code == 422 and 'id="err-status"' in r.text and "cannot change from closed" in r.text


def test_records_of_another_employer_or_none_are_not_there(signed_in: Api) -> None:
    api = signed_in
    mine, theirs = employer(api, name="Ett AB"), employer(api, name="Två AB")
    _post(api, f"/ui/employers/{theirs['id']}/openings/new", _opening_form())
    _post(api, f"/ui/employers/{theirs['id']}/people/new", {"full_name": "Ola T.", "role": ""})
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
        assert _post(api, url, {**_opening_form(), "full_name": "X", "name": "X"}).status_code == 404, url
    assert api.call("GET", f"/openings/{opening['id']}").json()["title"] == "Lagerarbetare"
    assert api.call("GET", f"/people/{person['id']}").json()["full_name"] == "Ola T."


def test_a_form_from_another_site_is_refused(signed_in: Api) -> None:
    r = signed_in.client.post(
        "/ui/employers/new", data=_employer_form(), headers={"origin": "https://evil.example"}
    )
    assert r.status_code == 403
    assert signed_in.call("GET", "/employers", params={"q": "Solna Lager"}).json()["items"] == []


def test_fuzzed_forms_never_500(signed_in: Api) -> None:
    api = signed_in
    emp = employer(api, name="Fuzz AB")
    _post(api, f"/ui/employers/{emp['id']}/openings/new", _opening_form())
    _post(api, f"/ui/employers/{emp['id']}/people/new", {"full_name": "Ola T."})
    [opening] = api.call("GET", "/openings", params={"employer_id": emp["id"]}).json()["items"]
    [person] = api.call("GET", "/people", params={"employer_id": emp["id"]}).json()["items"]
    forms = {
        "/ui/employers/new": _employer_form(),
        f"/ui/employers/{emp['id']}/edit": _employer_form(name="Fuzz AB"),
        f"/ui/employers/{emp['id']}/openings/new": _opening_form(),
        f"/ui/employers/{emp['id']}/openings/{opening['id']}/edit": _opening_form(),
        f"/ui/employers/{emp['id']}/people/new": {"full_name": "Eva", "role": "", "email": ""},
        f"/ui/employers/{emp['id']}/people/{person['id']}/edit": {"full_name": "Ola T.", "email": ""},
    }

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        url=st.sampled_from(sorted(forms)),
        changes=st.dictionaries(st.sampled_from(FUZZED), st.text(max_size=60)),
    )
    def check(url: str, changes: dict[str, str]) -> None:
        r = _post(api, url, {**forms[url], **changes, "skip_duplicate_check": "1"})
        assert r.status_code in (303, 409, 422), (url, changes, r.status_code, r.text[-300:])

    check()


FUZZED = sorted({*_employer_form(), *_opening_form(), "full_name", "role", "email", "notes"})


# --- in the browser, in Swedish --------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
USER = "owen.en"
TOKEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("records") / "web.duckdb"
    env = env_for("hashing")
    cli(["seed", "--db", str(db)], env)
    cli(["password", USER, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    TOKEN["api"] = cli(["token", USER, "--db", str(db)], env).stdout.strip()
    with running_server(db, env) as base:
        yield base


@pytest.mark.browser
def test_an_employer_and_an_opening_are_created_in_swedish(server: str) -> None:
    need(CHROMIUM is not None, "Debian chromium (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(locale="sv-SE")
        context.add_cookies([{"name": "ipsmatch_lang", "value": "sv", "url": server}])
        page = context.new_page()
        _browse_in_swedish(page, server)
        browser.close()


def _browse_in_swedish(page: Any, server: str) -> None:
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{server}/ui/login")
    page.fill("input[name=username]", USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/ui/participants")
    page.goto(f"{server}/ui/employers")
    page.click("a.new-employer")
    page.fill("#f-name", "Kvarnens Bageri i Uppsala AB")
    page.select_option("#f-country", "SE")
    page.fill("#f-city", "Uppsala")
    page.fill("#f-sector_nace", "bageri")
    page.click("form.employer-form button[type=submit]")
    assert "Ange en NACE-kod" in page.inner_text("#err-sector_nace")  # the field's message, in Swedish
    assert page.input_value("#f-name") == "Kvarnens Bageri i Uppsala AB"  # what was typed is kept
    page.fill("#f-sector_nace", "C10")
    page.click("form.employer-form button[type=submit]")
    page.wait_for_url("**/ui/employers/*")
    employer_id = page.url.rsplit("/", 1)[-1]
    assert "Kvarnens Bageri i Uppsala AB" in page.inner_text("h1")
    page.click("a.add-opening")
    page.fill("#f-title", "Bagare")
    page.select_option("#f-language", "sv")
    page.fill("#f-hours_min", "20")
    page.fill("#f-wage_hourly", "150")
    page.click("form.opening-form button[type=submit]")
    page.wait_for_url(f"**/ui/employers/{employer_id}")
    assert "Bagare" in page.inner_text("section.openings") and "Öppen" in page.inner_text("section.openings")
    assert page.locator("html").get_attribute("lang") == "sv" and blocked == []
    headers = {"Authorization": f"Bearer {TOKEN['api']}"}
    [opening] = httpx.get(f"{server}/openings", params={"employer_id": employer_id}, headers=headers).json()[
        "items"
    ]
    assert (opening["title"], opening["language"], opening["currency"], opening["city"]) == (
        "Bagare",
        "sv",
        "SEK",
        "Uppsala",
    )
