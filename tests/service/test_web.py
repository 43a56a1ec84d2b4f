"""The web pages in a real headless Chromium (Debian's), against a real uvicorn server."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.service.browser import chromium
from tests.service.server import cli, env_for, running_server, seed

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "owen.en", "correct horse battery staple"
TOKEN: dict[str, str] = {}


def _bearer() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN['api']}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    env = env_for("hashing")  # no anonymous user: the pages must ask for a sign-in
    seed(db, env)
    cli(["password", USER, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    TOKEN["api"] = cli(["token", USER, "--db", str(db)], env).stdout.strip()  # the API takes no cookie
    with running_server(db, env) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def _unit_people(username: str) -> set[str]:
    meta = json.loads((ROOT / "data/demo/units.json").read_text())
    unit = next(u["unit_id"] for u in meta["users"] if u["username"] == username)
    with gzip.open(ROOT / "data/demo/participants.jsonl.gz", "rt") as fh:
        return {p["display_name"] for p in map(json.loads, fh) if p["unit_id"] == unit}


def _sign_in(page, base: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/ui")
    assert page.url.endswith("/ui/login")
    page.fill("input[name=username]", USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/ui/participants")


def test_wrong_password_is_refused(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(f"{server}/ui/login")
    page.fill("input[name=username]", USER)
    page.fill("input[name=password]", "wrong password here")
    page.click("button[type=submit]")
    assert "wrong password" in page.inner_text(".error")
    page.close()


def test_specialist_signs_in_sees_own_unit_gets_leads_and_gives_feedback(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    _sign_in(page, server)
    names = set(page.locator("a.person").all_inner_texts())
    assert names == _unit_people(USER)  # exactly the unit's participants, nobody else's
    page.click("a.person >> nth=0")
    page.wait_for_selector("li.lead")
    assert page.locator("li.lead").count() == 10
    first = page.locator("li.lead").first
    assert first.locator("ul.parts li").count() == 8
    first.locator("button[data-feedback=applied]").click()
    first.locator(".status", has_text="saved").wait_for()
    lead_id = first.get_attribute("data-lead-id")
    pid = page.url.rsplit("/", 1)[-1].split("?")[0]
    history = page.request.get(f"{server}/participants/{pid}/leads", headers=_bearer()).json()["items"]
    assert {h["lead_id"]: h["feedback"] for h in history}[lead_id] == "applied"
    page.close()


def _shown(page, where: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    return list(page.locator(f"{where} li.lead").evaluate_all("els => els.map(e => e.dataset.leadId)"))


def test_a_lead_card_shows_the_job_its_summary_and_how_good_each_part_is(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    _sign_in(page, server)
    page.click("a.person >> nth=2")
    card = page.locator("li.lead").first
    card.wait_for()
    assert card.locator("p.summary").inner_text().strip()
    assert card.locator("dl.facts dt").all_inner_texts() == [
        "Where", "Hours", "Wage", "Contract", "Closes", "Apply", "Employer"
    ][: card.locator("dl.facts dt").count()]  # fmt: skip
    assert card.locator("dl.facts dt").count() >= 7
    values = card.locator("ul.parts .bar").evaluate_all(
        "els => els.map(e => +e.getAttribute('aria-valuenow'))"
    )
    widths = card.locator("ul.parts .bar span").evaluate_all("els => els.map(e => parseFloat(e.style.width))")
    assert len(values) == 8 and all(0 <= v <= 1 for v in values)
    assert widths == pytest.approx([100 * v for v in values], abs=0.6)  # the bar is the value, not the weight
    assert all("weight" in t for t in card.locator("ul.parts .name").all_inner_texts())
    page.screenshot(path="/tmp/ipsmatch-lead-card.png", full_page=True)
    page.close()


def test_feedback_survives_a_reload_set_aside_and_undo(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    _sign_in(page, server)
    page.click("a.person >> nth=1")
    page.wait_for_selector("li.lead")
    pid = page.url.rsplit("/", 1)[-1].split("?")[0]
    recorded = len(page.request.get(f"{server}/participants/{pid}/leads", headers=_bearer()).json()["items"])
    ids = _shown(page)
    first, second = (page.locator(f"li.lead[data-lead-id='{i}']") for i in ids[:2])
    first.locator("button[data-feedback=pursued]").click()
    first.locator(".status", has_text="saved").wait_for()
    with page.expect_navigation():
        second.locator("button[data-feedback=not_relevant]").click()
    page.wait_for_selector(".set-aside li.lead")
    assert _shown(page, ".set-aside") == [ids[1]] and ids[1] not in _shown(
        page, "ol.leads:not(.set-aside ol)"
    )
    assert page.locator(f".set-aside li[data-lead-id='{ids[1]}'] .given").inner_text() == "Not relevant"
    assert first.locator(".given").inner_text() == "Pursued"
    assert "chosen" in (first.locator("button[data-feedback=pursued]").get_attribute("class") or "")
    assert sorted(_shown(page)) == sorted(ids)  # the same recorded set, shown again
    with page.expect_navigation():
        page.locator(".set-aside button[data-feedback=reconsider]").click()
    page.wait_for_selector("li.lead")
    assert page.locator(".set-aside").count() == 0 and _shown(page) == ids
    after = len(page.request.get(f"{server}/participants/{pid}/leads", headers=_bearer()).json()["items"])
    assert after == recorded  # three views of the page, one recorded lead set
    page.close()


def test_cookie_writes_from_other_sites_are_refused(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, server)
    page.click("a.person >> nth=0")
    lead_id = page.locator("li.lead").first.get_attribute("data-lead-id")
    cookie = next(c for c in context.cookies() if c["name"] == "ipsmatch_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    jar = {"ipsmatch_session": cookie["value"]}
    assert httpx.get(f"{server}/participants", cookies=jar).status_code == 401  # pages only
    url = f"{server}/ui/leads/{lead_id}/feedback"
    body = {"feedback": "hired"}
    assert httpx.post(url, json=body, cookies=jar).status_code == 403  # no UI header
    evil = {"origin": "http://evil.example", "x-ipsmatch-ui": "1"}
    assert httpx.post(url, json=body, cookies=jar, headers=evil).status_code == 403
    assert httpx.post(url, json=body, cookies=jar, headers={"x-ipsmatch-ui": "1"}).status_code == 201
    page.click("text=Sign out")
    page.wait_for_url("**/ui/login")
    assert httpx.post(url, json=body, cookies=jar, headers={"x-ipsmatch-ui": "1"}).status_code == 401
    context.close()


def test_job_developer_pages(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    _sign_in(page, server)
    page.goto(f"{server}/ui/employers")
    first = page.locator("a.employer").first.inner_text()
    typo = first[:-4] + first[-3:]  # drop one letter: fuzzy search still finds it
    page.fill("input[name=q]", typo)
    page.click("form.search button")
    assert first in page.locator("a.employer").all_inner_texts()[:3]
    page.click(f"a.employer:text-is('{first}')")
    assert page.inner_text("h1") == first
    assert page.locator("ol.timeline li").count() > 0  # the demo has contacts and openings for it
    page.goto(f"{server}/ui/employers/dormant?days=30&mine=false")
    assert page.locator("table.list tbody tr").count() > 0
    page.goto(f"{server}/ui/employers/duplicates")
    pairs = page.locator("li.pair")
    before = pairs.count()
    assert before >= 5  # the planted duplicates
    names = pairs.first.locator("a").all_inner_texts()
    pairs.first.locator("button[data-action=not-duplicate]").click()
    pairs.first.locator(".status", has_text="kept apart").wait_for()
    page.reload()
    assert page.locator("li.pair").count() == before - 1
    assert names not in [p.locator("a").all_inner_texts() for p in page.locator("li.pair").all()]
    page.goto(f"{server}/ui/week")
    assert "of the target 6" in page.inner_text("p.target")
    page.close()


def test_no_page_breaks_the_content_security_policy(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    _sign_in(page, server)
    page.click("a.person >> nth=0")
    page.wait_for_selector("li.lead")
    widths = page.locator("ul.parts .bar span").evaluate_all("els => els.map(e => e.style.width)")
    assert widths and all(w.endswith("%") for w in widths)  # sized by app.js under the CSP
    page.goto(f"{server}/ui/employers")
    page.click("a.employer >> nth=0")
    page.wait_for_selector("h1")
    for path in ("/ui/employers/dormant?mine=false", "/ui/employers/duplicates", "/ui/week"):
        response = page.goto(f"{server}{path}")
        assert (
            response is not None
            and response.ok
            and "script-src 'self'" in response.headers["content-security-policy"]
        )
    assert violations == []
    page.close()


def test_a_swedish_specialist_logs_a_contact_ticks_it_off_and_edits_a_profile(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    """Issue 15's day in Swedish: a contact from the week view (with its follow-up), the follow-up
    ticked off, a participant's preferences edited (one wrong field first), all without the API."""
    context = browser.new_context(locale="sv-SE")
    context.add_cookies([{"name": "ipsmatch_lang", "value": "sv", "url": server}])
    page = context.new_page()
    _sign_in(page, server)
    page.goto(f"{server}/ui/week")
    assert page.inner_text("header nav").count("Min vecka") == 1
    page.click("details.write summary")  # 1: open the form (mode, status, time, purpose are filled in)
    employer_id = page.locator("#f-employer_id option[value]:not([value=''])").first.get_attribute("value")
    page.select_option("#f-employer_id", employer_id)  # 2: the employer
    page.fill("#f-next_step", "Ring tillbaka om våren")
    page.fill("#f-next_step_due", dt.date.today().isoformat())
    page.click("form.contact button[type=submit]")  # 3: save
    page.wait_for_url("**/ui/week")
    follow_up = page.locator("ul.follow-ups li", has_text="Ring tillbaka om våren")
    assert follow_up.count() == 1
    contacts = httpx.get(f"{server}/contacts", params={"employer_id": employer_id}, headers=_bearer()).json()
    assert any(
        c["next_step"] == "Ring tillbaka om våren" and c["mode"] == "face_to_face" for c in contacts["items"]
    )
    follow_up.locator("form.tick button").click()  # the follow-up ticked off
    page.wait_for_url("**/ui/week")
    assert page.locator("ul.follow-ups li", has_text="Ring tillbaka om våren").count() == 0
    tasks = httpx.get(f"{server}/tasks", params={"employer_id": employer_id}, headers=_bearer()).json()[
        "items"
    ]
    assert [t["status"] for t in tasks if t["title"] == "Ring tillbaka om våren"] == ["done"]

    page.goto(f"{server}/ui/participants")
    page.click("a.person >> nth=0")
    pid = page.url.rsplit("/", 1)[-1].split("?")[0]
    page.click("text=Ändra önskemål")
    page.fill("#f-goals", "Vill jobba med djur")
    page.fill("#f-hours_min", "tio")
    page.click("form.profile-form button[type=submit]")
    assert "Ange ett tal." in page.inner_text("#err-hours_min")  # the field's message, in Swedish
    assert page.input_value("#f-goals") == "Vill jobba med djur"  # what was typed is kept
    page.fill("#f-hours_min", "10")
    page.fill("#f-hours_max", "20")
    page.click("form.profile-form button[type=submit]")
    page.wait_for_url(f"**/ui/participants/{pid}")
    assert "Vill jobba med djur" in page.inner_text("section.profile")
    prefs = httpx.get(f"{server}/participants/{pid}", headers=_bearer()).json()["preferences"]
    assert (prefs["goals"], prefs["hours_min"], prefs["hours_max"]) == ("Vill jobba med djur", 10, 20)
    assert page.locator("html").get_attribute("lang") == "sv"
    context.close()
