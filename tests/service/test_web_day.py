"""A Swedish specialist's day in the demo, in Debian's Chromium, without touching the API (issue 15).

`ipsmatch demo --as ebba.sv` serves the seeded demo file as Ebba Björk, a specialist of the
Stockholm unit, exactly as a new user would start it. In Swedish she opens her caseload and a
person's leads, marks a lead pursued, logs two employer contacts (one from the lead card, one from
"Min vecka", whose next step makes a follow-up), ticks the follow-up off and edits the person's
preferences; her supervisor Karin, signed in beside her, sees two more face-to-face contacts on
Ebba's row of the team view. Each step is read back (through the JSON API's answers or the
supervisor's page), and every page is screenshotted into the artifacts folder: the README's tour
uses these pictures (docs/tour/).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.service.browser import chromium
from tests.service.server import cli, env_for, running_server, seed

pytestmark = pytest.mark.browser
SPECIALIST, SUPERVISOR = "ebba.sv", "karin.sv"
PASSWORD = "correct horse battery staple"
ARTIFACTS = Path(os.environ.get("IPSMATCH_ARTIFACTS", "/tmp/ipsmatch-artifacts")) / "tour"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web-day") / "demo.duckdb"
    env = env_for("hashing")
    seed(db, env)
    cli(["password", SUPERVISOR, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    with running_server(db, env, command="demo", options=["--as", SPECIALIST]) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def _swedish(browser: Any, base: str) -> Any:
    context = browser.new_context(locale="sv-SE", viewport={"width": 1200, "height": 900})
    context.add_cookies([{"name": "ipsmatch_lang", "value": "sv", "url": base}])
    return context


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _face_to_face_this_week(page: Any, base: str) -> int:
    """Ebba's face-to-face employer contacts this week, as the supervisor's team view shows them."""
    page.goto(f"{base}/ui/team")
    text = page.locator(f"table.team tr[data-specialist='{SPECIALIST}'] td.target").inner_text()
    held = re.match(r"\s*(\d+) av 6", text)
    assert held, text
    return int(held.group(1))


def _person_with_contactable_leads(page: Any, base: str) -> str:
    """Open the first person on the caseload whose leads offer "Logga en kontakt"; return their id."""
    page.goto(f"{base}/ui/participants")
    hrefs = page.locator("a.person").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs, "Ebba's caseload is empty"
    for href in hrefs:
        page.goto(f"{base}{href}")
        page.wait_for_selector("li.lead")
        if page.locator("li.lead p.actions a[href*='/ui/contacts/new']").count():
            return str(href).rsplit("/", 1)[-1]
    raise AssertionError("no one on Ebba's caseload lets her contact employers")


def test_a_swedish_specialists_day_and_her_supervisors_view(demo: str, browser: Any) -> None:
    boss = _swedish(browser, demo).new_page()
    boss.goto(f"{demo}/ui/login")
    boss.fill("input[name=username]", SUPERVISOR)
    boss.fill("input[name=password]", PASSWORD)
    boss.click("main button[type=submit]")
    boss.wait_for_url("**/ui/participants")
    before = _face_to_face_this_week(boss, demo)

    context = _swedish(browser, demo)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{demo}/ui")  # the demo: no sign-in, Ebba's own caseload
    page.wait_for_selector("a.person")
    _shot(page, "1-caseload")

    pid = _person_with_contactable_leads(page, demo)
    card = page.locator("li.lead").filter(has=page.locator("p.actions a[href*='/ui/contacts/new']")).first
    lead_id = card.get_attribute("data-lead-id")
    card.locator("button[data-feedback=pursued]").click()
    card.locator(".status").filter(has_text=re.compile(r"\S")).wait_for()
    _shot(page, "2-leads")

    card.locator("p.actions a[href*='/ui/contacts/new']").click()  # contact 1, from the lead card
    page.wait_for_selector("form.contact")
    assert page.locator("#f-participant_id option[selected]").get_attribute("value") == pid
    page.fill("#f-learned", "Chefen vill träffa kandidaten på tisdag")
    _shot(page, "3-contact-from-lead")
    page.click("form.contact button[type=submit]")
    page.wait_for_url(f"**/ui/participants/{pid}*")

    page.goto(f"{demo}/ui/week")  # contact 2, from My week, with its next step
    page.click("details.write summary")
    employer_id = page.locator("#f-employer_id option[value]:not([value=''])").first.get_attribute("value")
    page.select_option("#f-employer_id", employer_id)
    page.fill("#f-next_step", "Skicka CV till butikschefen")
    page.fill("#f-next_step_due", dt.date.today().isoformat())
    page.click("form.contact button[type=submit]")
    page.wait_for_url("**/ui/week")
    follow_up = page.locator("ul.follow-ups li", has_text="Skicka CV till butikschefen")
    assert follow_up.count() == 1
    _shot(page, "4-week")
    follow_up.locator("form.tick button").click()  # the follow-up ticked off
    page.wait_for_url("**/ui/week")
    assert page.locator("ul.follow-ups li", has_text="Skicka CV till butikschefen").count() == 0

    page.goto(f"{demo}/ui/participants/{pid}")
    page.click("text=Ändra önskemål")
    page.fill("#f-hours_min", "15")
    page.fill("#f-hours_max", "25")
    _shot(page, "5-preferences")
    page.click("form.profile-form button[type=submit]")
    page.wait_for_url(f"**/ui/participants/{pid}")

    # Read back what the day wrote, as the demo's API answers Ebba (no token: the demo's user).
    history = httpx.get(f"{demo}/participants/{pid}/leads").json()["items"]
    assert {h["lead_id"]: h["feedback"] for h in history}[lead_id] == "pursued"
    contacts = httpx.get(f"{demo}/contacts", params={"employer_id": employer_id}).json()["items"]
    assert any(c["next_step"] == "Skicka CV till butikschefen" for c in contacts)
    tasks = httpx.get(f"{demo}/tasks", params={"employer_id": employer_id}).json()["items"]
    assert [t["status"] for t in tasks if t["title"] == "Skicka CV till butikschefen"] == ["done"]
    prefs = httpx.get(f"{demo}/participants/{pid}").json()["preferences"]
    assert (prefs["hours_min"], prefs["hours_max"]) == (15, 25)
    assert page.locator("html").get_attribute("lang") == "sv" and violations == []
    context.close()

    assert _face_to_face_this_week(boss, demo) == before + 2  # the supervisor sees Ebba's two contacts
    _shot(boss, "6-team")
    boss.context.close()
