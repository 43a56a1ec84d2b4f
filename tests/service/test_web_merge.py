"""Safe merge from the browser (issue 15 item 4): the side-by-side screen, the merges history with
its undo, and the undo of "not a duplicate".

The forms are posted as a browser would (urlencoded, the session cookie, our Origin) and every
outcome is checked through the JSON API or the database, so a page that only looked right fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from service.access.audit import list_access
from service.access.users import set_password
from tests.conftest import Api
from tests.service.crm_helpers import change_log, contact, employer
from tests.service.server import chromium, cli, env_for, running_server, seed
from tests.service.unit_world import missing

PASSWORD = "correct horse battery staple"
ORIGIN = {"origin": "http://localhost"}
#: Stamps a write moves on: compared apart from the data (they say who changed the record last).
STAMPS = ("updated_at", "updated_by")
CONFIRM = {"confirm": "yes"}  # the confirmation page's button
UI = {"x-ipsmatch-ui": "1"}  # a script's header: a bodiless POST is no form


def _sign_in(api: Api, username: str = "spec.a") -> None:
    set_password(api.db, username=username, password=PASSWORD)
    r = api.client.post(
        "/ui/login", data={"username": username, "password": PASSWORD}, headers=ORIGIN, follow_redirects=False
    )
    assert r.status_code == 303, r.text


def _post(api: Api, url: str, data: dict[str, Any]) -> Any:
    return api.client.post(url, data=data, headers=ORIGIN, follow_redirects=False)


@pytest.fixture
def signed_in(api: Api) -> Api:
    _sign_in(api)
    return api


def _pair(api: Api) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The planted copy (no history), the real record (a person, a contact, an opening, a note,
    a follow-up from the contact's next step) and that person."""
    copy = employer(api, name="Ward Grill Limited", phone="0161 000 0000", website=None, needs_learned="")
    real = employer(
        api,
        name="Ward Grill Ltd",
        phone="0161 373 1433",
        website="https://www.wardgrill.co.uk",
        needs_learned="Kitchen porters at weekends",
        sector_nace="I56",
    )
    person = api.call(
        "POST",
        "/people",
        json={"full_name": "Dana Ward", "employers": [{"employer_id": real["id"], "role": "Head chef"}]},
    ).json()
    contact(api, real["id"], person_id=person["id"], next_step="Call back", next_step_due="2030-01-01")
    assert (
        api.call("POST", "/openings", json={"employer_id": real["id"], "title": "Porter"}).status_code == 201
    )
    assert api.call("POST", "/notes", json={"employer_id": real["id"], "body": "Met Dana"}).status_code == 201
    return copy, real, person


def _get(api: Api, path: str, user: str = "spec.a") -> dict[str, Any]:
    r = api.call("GET", path, user=user)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def _checked(html: str, name: str) -> str:
    """The value of the checked radio ``name`` on the page."""
    [value] = re.findall(rf'name="{name}" value="(\w+)" checked', html)
    return value


def test_the_screen_shows_both_records_what_differs_and_what_moves(signed_in: Api) -> None:
    api = signed_in
    copy, real, _ = _pair(api)
    dupes = api.client.get("/ui/employers/duplicates").text
    [link] = re.findall(r'href="/ui/employers/merge\?a=([0-9a-f-]+)&amp;b=([0-9a-f-]+)"', dupes)
    assert set(link) == {copy["id"], real["id"]}  # the pair links to its merge screen
    assert 'data-action="merge"' not in dupes  # no one-click merge left
    page = api.client.get("/ui/employers/merge", params={"a": copy["id"], "b": real["id"]})
    assert page.status_code == 200 and "Ward Grill Limited" in page.text and "Ward Grill Ltd" in page.text
    assert _checked(page.text, "survivor") == "b"  # the record with the history is suggested
    assert _checked(page.text, "pick_name") == "b" and _checked(page.text, "pick_website") == "b"
    assert _checked(page.text, "pick_phone") == "b"  # the survivor's own value by default
    assert 'name="pick_country"' not in page.text  # the same on both sides: nothing to choose
    moves = re.findall(r'<tr class="moves">(.*?)</tr>', page.text, re.S)[0]
    assert re.sub(r"\s+", " ", moves).count("0 people, 0 contacts, 0 openings, 0 follow-ups, 0 notes") == 1
    assert "1 person, 1 contact, 1 opening, 1 follow-up, 1 note" in re.sub(r"\s+", " ", moves)


def test_the_merge_keeps_the_chosen_record_and_values_and_moves_people_and_contacts(signed_in: Api) -> None:
    api = signed_in
    copy, real, person = _pair(api)
    form = {"a": copy["id"], "b": real["id"], "survivor": "b", "pick_name": "b", "pick_phone": "a"}
    r = _post(api, "/ui/employers/merge", form)
    assert r.status_code == 303 and r.headers["location"] == "/ui/employers/merges"
    kept = _get(api, f"/employers/{real['id']}")
    assert (kept["name"], kept["phone"], kept["website"]) == (
        "Ward Grill Ltd",
        "0161 000 0000",  # the copy's phone, as chosen
        "https://www.wardgrill.co.uk",
    )
    assert kept["needs_learned"] == "Kitchen porters at weekends" and "Ward Grill Limited" in kept["aliases"]
    assert api.call("GET", f"/employers/{copy['id']}").status_code == 404
    assert _get(api, f"/people/{person['id']}")["employers"][0]["employer_id"] == real["id"]
    assert [c["employer_id"] for c in _get(api, "/contacts")["items"]] == [real["id"]]
    [merge] = _get(api, "/employers/merges")["items"]
    assert (merge["survivor_id"], merge["loser_id"], merge["merged_by"]) == (real["id"], copy["id"], "spec.a")
    assert any(a["action"] == "merge" for a in list_access(api.db, entity_id=merge["id"]))
    history = api.client.get("/ui/employers/merges").text
    assert "Ward Grill Limited" in history and f"/ui/employers/merges/{merge['id']}/undo" in history


def test_the_copy_can_be_kept_instead(signed_in: Api) -> None:
    """Choosing the other record as survivor (and its name) is honoured too: no hidden lower-id rule."""
    api = signed_in
    copy, real, person = _pair(api)
    form = {"a": copy["id"], "b": real["id"], "survivor": "a", "pick_name": "b", "pick_website": "b"}
    assert _post(api, "/ui/employers/merge", form).status_code == 303
    kept = _get(api, f"/employers/{copy['id']}")
    assert (kept["name"], kept["website"]) == ("Ward Grill Ltd", "https://www.wardgrill.co.uk")
    assert kept["phone"] == "0161 000 0000"  # not chosen: the survivor's own
    assert "Ward Grill Limited" in kept["aliases"]  # its old name stays findable
    assert api.call("GET", f"/employers/{real['id']}").status_code == 404
    assert _get(api, f"/people/{person['id']}")["employers"][0]["employer_id"] == copy["id"]


def _snapshot(api: Api, ids: list[str], person_id: str) -> dict[str, Any]:
    records = {i: {k: v for k, v in _get(api, f"/employers/{i}").items() if k not in STAMPS} for i in ids}
    rows = {
        p: sorted((x["id"], x["employer_id"]) for x in _get(api, f"/{p}")["items"])
        for p in ("contacts", "openings", "notes", "tasks")
    }
    links = [(x["employer_id"], x["role"]) for x in _get(api, f"/people/{person_id}")["employers"]]
    return {"records": records, "rows": rows, "links": links}


def test_undo_asks_first_then_restores_both_records_exactly(signed_in: Api) -> None:
    api = signed_in
    copy, real, person = _pair(api)
    before = _snapshot(api, [copy["id"], real["id"]], person["id"])
    form = {"a": copy["id"], "b": real["id"], "survivor": "a", "pick_name": "b", "pick_phone": "b"}
    assert _post(api, "/ui/employers/merge", form).status_code == 303
    [merge] = _get(api, "/employers/merges")["items"]
    assert api.call("GET", f"/employers/{real['id']}").status_code == 404  # merged away meanwhile
    assert _snapshot(api, [copy["id"]], person["id"])["links"] == [(copy["id"], "Head chef")]
    ask = api.client.get(f"/ui/employers/merges/{merge['id']}/undo")
    assert ask.status_code == 200 and f'action="/ui/employers/merges/{merge["id"]}/undo"' in ask.text
    assert "1 person, 1 contact, 1 opening, 1 follow-up, 1 note" in re.sub(r"\s+", " ", ask.text)
    assert _get(api, f"/employers/merges/{merge['id']}")["undone_at"] is None  # asking changed nothing
    unconfirmed = api.client.post(f"/ui/employers/merges/{merge['id']}/undo", headers={**ORIGIN, **UI})
    assert (
        unconfirmed.status_code == 422 and _get(api, f"/employers/merges/{merge['id']}")["undone_at"] is None
    )
    r = _post(api, f"/ui/employers/merges/{merge['id']}/undo", CONFIRM)
    assert r.status_code == 303 and r.headers["location"] == "/ui/employers/merges"
    assert _snapshot(api, [copy["id"], real["id"]], person["id"]) == before
    assert "undone" in api.client.get("/ui/employers/merges").text
    again = _post(api, f"/ui/employers/merges/{merge['id']}/undo", CONFIRM)
    assert again.status_code == 409 and "already undone" in again.text


def test_not_a_duplicate_is_listed_and_its_undo_brings_the_pair_back(signed_in: Api) -> None:
    api = signed_in
    a = employer(api, name="Söderlunds Städservice AB")
    b = employer(api, name="Soderlunds Stadservice")
    pair = {a["id"], b["id"]}

    def queued() -> bool:
        return any({p["a_id"], p["b_id"]} == pair for p in _get(api, "/employers/duplicates")["items"])

    assert queued()
    r = api.call("POST", "/employers/duplicates/not-duplicate", json={"a_id": a["id"], "b_id": b["id"]})
    assert r.status_code == 204 and not queued()
    page = api.client.get("/ui/employers/duplicates").text
    section = page[page.index('class="decisions"') :]
    assert (
        "Söderlunds Städservice AB" in section
        and 'action="/ui/employers/duplicates/not-duplicate/undo"' in section
    )
    r = _post(api, "/ui/employers/duplicates/not-duplicate/undo", {"a_id": b["id"], "b_id": a["id"]})
    assert r.status_code == 303 and r.headers["location"] == "/ui/employers/duplicates"
    assert queued() and _get(api, "/employers/duplicates/not-duplicate")["items"] == []
    assert ("not_duplicate_undone", "not_duplicate_of", b["id"], None) in change_log(api, a["id"])
    # the API twin: DELETE, either order; a second time there is nothing to delete
    api.call("POST", "/employers/duplicates/not-duplicate", json={"a_id": a["id"], "b_id": b["id"]})
    assert api.call("DELETE", f"/employers/duplicates/not-duplicate/{b['id']}/{a['id']}").status_code == 204
    assert queued()
    assert api.call("DELETE", f"/employers/duplicates/not-duplicate/{a['id']}/{b['id']}").status_code == 404


def test_another_units_merge_and_decision_answer_like_missing_ones(signed_in: Api) -> None:
    api = signed_in
    copy, real, _ = _pair(api)
    c, d = employer(api, name="Nordic Cleaning AB"), employer(api, name="Nordic Cleaning")
    api.call("POST", "/employers/duplicates/not-duplicate", json={"a_id": c["id"], "b_id": d["id"]})
    _post(api, "/ui/employers/merge", {"a": copy["id"], "b": real["id"], "survivor": "b"})
    [merge] = _get(api, "/employers/merges")["items"]
    mid, fake = merge["id"], missing()
    assert _get(api, "/employers/merges", user="spec.b")["items"] == []
    assert "Ward Grill" not in api.call("GET", "/ui/employers/merges", user="spec.b").text
    for method, path in (
        ("GET", "/ui/employers/merges/{}/undo"),
        ("POST", "/ui/employers/merges/{}/undo"),  # bearer: a body-less POST
        ("GET", "/employers/merges/{}"),
        ("POST", "/employers/merges/{}/undo"),
    ):
        theirs = api.call(method, path.format(mid), user="spec.b")
        nothing = api.call(method, path.format(fake), user="spec.b")
        assert theirs.status_code == nothing.status_code == 404, (method, path, theirs.text)
        assert theirs.text.replace(mid, fake) == nothing.text
    assert _get(api, f"/employers/merges/{mid}")["undone_at"] is None  # nothing changed
    assert [m["id"] for m in _get(api, "/employers/merges", user="admin")["items"]] == [mid]  # no unit: all
    page_b = api.call("GET", "/ui/employers/duplicates", user="spec.b").text
    assert "Nordic Cleaning AB" not in page_b[page_b.index('class="decisions"') :]
    form = {"a_id": c["id"], "b_id": d["id"]}
    assert (
        api.call("POST", "/ui/employers/duplicates/not-duplicate/undo", user="spec.b", data=form).status_code
        == 404
    )
    gone = api.call("DELETE", f"/employers/duplicates/not-duplicate/{c['id']}/{d['id']}", user="spec.b")
    assert gone.status_code == 404
    assert len(_get(api, "/employers/duplicates/not-duplicate")["items"]) == 1  # still there for unit A


def test_bad_ids_and_bad_forms_are_4xx_never_500(signed_in: Api) -> None:
    api = signed_in
    copy, real, _ = _pair(api)
    gone = employer(api, name="Closed Down Ltd")
    assert api.call("DELETE", f"/employers/{gone['id']}").status_code == 204
    screens = {
        "not-a-uuid": ({"a": "x", "b": real["id"]}, 422),
        "one-missing": ({"a": missing(), "b": real["id"]}, 404),
        "deleted": ({"a": gone["id"], "b": real["id"]}, 404),
        "same-twice": ({"a": real["id"], "b": real["id"]}, 422),
        "no-ids": ({}, 422),
    }
    for name, (params, status) in screens.items():
        assert api.client.get("/ui/employers/merge", params=params).status_code == status, name
    forms = {
        "no-survivor": ({"a": copy["id"], "b": real["id"]}, 422),
        "bad-survivor": ({"a": copy["id"], "b": real["id"], "survivor": "c"}, 422),
        "bad-pick": ({"a": copy["id"], "b": real["id"], "survivor": "a", "pick_name": "z"}, 422),
        "bad-id": ({"a": "nope", "b": real["id"], "survivor": "a"}, 422),
        "same-twice": ({"a": real["id"], "b": real["id"], "survivor": "a"}, 422),
        "missing": ({"a": missing(), "b": real["id"], "survivor": "a"}, 404),
    }
    for name, (form, status) in forms.items():
        r = _post(api, "/ui/employers/merge", form)
        assert r.status_code == status, (name, r.text[:300])
    shown = _post(api, "/ui/employers/merge", forms["bad-pick"][0])
    assert 'role="alert"' in shown.text and _checked(shown.text, "survivor") == "a"  # as typed
    assert _get(api, f"/employers/{copy['id']}")["name"] == "Ward Grill Limited"  # nothing merged
    assert api.client.get("/ui/employers/merges/nope/undo").status_code == 422
    assert _post(api, f"/ui/employers/merges/{missing()}/undo", CONFIRM).status_code == 404
    assert _post(api, "/ui/employers/duplicates/not-duplicate/undo", {"a_id": "x"}).status_code == 422
    unknown = {"a_id": copy["id"], "b_id": real["id"]}
    assert _post(api, "/ui/employers/duplicates/not-duplicate/undo", unknown).status_code == 404
    elsewhere = {"origin": "https://evil.example"}
    form = {"a": copy["id"], "b": real["id"], "survivor": "a"}
    assert api.client.post("/ui/employers/merge", data=form, headers=elsewhere).status_code == 403
    assert api.call("GET", "/employers/merges").json()["items"] == []


# --- the whole flow in a real Chromium, in Swedish, on the demo data -----------------------------

SV_USER = "per.sv"  # the Stockholm unit's job developer
WARD_REAL, WARD_COPY = "5252002c-7d03-45dc-9451-295a85810108", "2afbea6b-2591-49a8-85f2-21ef06a51a7e"
BROWSER_TOKEN: dict[str, str] = {}
CSP_VIOLATIONS: list[str] = []


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("merge") / "merge.duckdb"
    env = env_for("hashing")
    seed(db, env)
    cli(["password", SV_USER, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    BROWSER_TOKEN["api"] = cli(["token", SV_USER, "--db", str(db)], env).stdout.strip()
    with running_server(db, env) as base:
        yield base


def _api(base: str, path: str) -> Any:
    r = httpx.get(f"{base}{path}", headers={"Authorization": f"Bearer {BROWSER_TOKEN['api']}"})
    return r.status_code, r.json()


def _swedish_page(context: Any, base: str) -> Any:
    """A page signed in as the Stockholm job developer, in Swedish, failing on any CSP violation."""
    context.add_cookies([{"name": "ipsmatch_lang", "value": "sv", "url": base}])
    page = context.new_page()
    page.on(
        "console", lambda m: CSP_VIOLATIONS.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto(f"{base}/ui/login")
    page.fill("input[name=username]", SV_USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/ui/participants")
    return page


@pytest.mark.browser
def test_a_swedish_job_developer_merges_the_planted_ward_grill_copy_and_undoes_it(
    demo_server: str, browser: Any
) -> None:
    base = demo_server
    _, real_before = _api(base, f"/employers/{WARD_REAL}")
    _, copy_before = _api(base, f"/employers/{WARD_COPY}")
    context = browser.new_context(locale="sv-SE")
    page = _swedish_page(context, base)
    page.goto(f"{base}/ui/employers/duplicates")
    pair = page.locator("li.pair", has_text="Ward Grill Limited").filter(has_text="Ward Grill Ltd")
    pair.locator("a.compare", has_text="Jämför och slå ihop").click()
    page.wait_for_url("**/ui/employers/merge?*")
    assert page.inner_text("h1") == "Slå ihop två arbetsgivare"
    page.get_by_label("Behåll ”Ward Grill Ltd”").check()  # the real record stays
    website = page.locator("tr[data-field=website] label", has_text="https://www.wardgrill.co.uk")
    website.locator("input").check()
    page.click("form.merge button[type=submit]")
    page.wait_for_url("**/ui/employers/merges")
    row = page.locator("table.merges tbody tr").first
    assert "Ward Grill Ltd" in row.inner_text() and "Ward Grill Limited" in row.inner_text()
    status, kept = _api(base, f"/employers/{WARD_REAL}")
    assert (
        status == 200
        and kept["name"] == "Ward Grill Ltd"
        and kept["website"] == "https://www.wardgrill.co.uk"
    )
    assert "Ward Grill Limited" in kept["aliases"] and _api(base, f"/employers/{WARD_COPY}")[0] == 404
    row.locator("a.undo", has_text="Ångra").click()  # the confirmation step first
    page.wait_for_url("**/undo")
    assert _api(base, f"/employers/{WARD_COPY}")[0] == 404  # asking undid nothing
    page.click("text=Ja, ångra sammanslagningen")
    page.wait_for_url("**/ui/employers/merges")
    assert "ångrad" in page.locator("table.merges tbody tr").first.inner_text()
    for rid, before in ((WARD_REAL, real_before), (WARD_COPY, copy_before)):
        status, now = _api(base, f"/employers/{rid}")
        assert status == 200 and {k: v for k, v in now.items() if k not in STAMPS} == {
            k: v for k, v in before.items() if k not in STAMPS
        }
    assert page.locator("html").get_attribute("lang") == "sv" and CSP_VIOLATIONS == []
    context.close()


@pytest.mark.browser
def test_not_a_duplicate_is_undone_from_the_duplicates_page_in_swedish(
    demo_server: str, browser: Any
) -> None:
    base = demo_server
    context = browser.new_context(locale="sv-SE")
    page = _swedish_page(context, base)
    page.goto(f"{base}/ui/employers/duplicates")
    first = page.locator("li.pair").first
    names = first.locator("a[href^='/ui/employers/']:not(.compare)").all_inner_texts()
    first.locator("button[data-action=not-duplicate]").click()
    first.locator(".status", has_text="hålls isär").wait_for()
    page.reload()
    pairs = [p.locator("a:not(.compare)").all_inner_texts() for p in page.locator("li.pair").all()]
    assert names not in pairs
    decision = page.locator("section.decisions li.decision", has_text=names[0]).filter(has_text=names[1])
    decision.locator("button", has_text="Ångra").click()
    page.wait_for_url("**/ui/employers/duplicates")
    pairs = [p.locator("a:not(.compare)").all_inner_texts() for p in page.locator("li.pair").all()]
    assert names in pairs and page.locator("section.decisions li.decision").count() == 0
    assert CSP_VIOLATIONS == []
    context.close()
