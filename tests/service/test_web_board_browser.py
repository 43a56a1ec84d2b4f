"""The employer board and the calendar in Debian's Chromium against the real server on the demo data.

Board (Swedish, the Stockholm job developer): a card moved by keyboard (its "Move to" select and
button), by drag and drop (no page load), and with script switched off (a plain POST), each read
back through the JSON API. Calendar (Swedish, a Stockholm specialist): a follow-up and a support
contact on their day, a task ticked done from it, a colleague not shown a person who withdrew team
sharing, the audit rows; both pages in English too. Screenshots go to the artifacts folder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.service.browser import chromium, signed_in_state
from tests.service.server import cli, env_for, running_server, seed

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("IPSMATCH_ARTIFACTS", "/tmp/ipsmatch-artifacts"))
PASSWORD = "correct horse battery staple"
JD, SPECIALIST, COLLEAGUE, SUPERVISOR, ENGLISH = "per.sv", "ebba.sv", "ahmed.sv", "karin.sv", "hannah.en"
USERS = (JD, SPECIALIST, COLLEAGUE, SUPERVISOR, ENGLISH)
TODAY = dt.date.today()


@dataclass
class Site:
    """The served demo, one browser, and each user's API token and signed-in browser state."""

    base: str
    browser: Any
    tokens: dict[str, str] = field(default_factory=dict)
    states: dict[str, dict[str, Any]] = field(default_factory=dict)

    def api(self, method: str, path: str, user: str, **kw: Any) -> Any:
        r = httpx.request(
            method, self.base + path, headers={"Authorization": f"Bearer {self.tokens[user]}"}, **kw
        )
        assert r.status_code < 300, (path, r.status_code, r.text)
        return r.json() if r.content else None

    def page(self, user: str, lang: str, **options: Any) -> Any:
        context = self.browser.new_context(storage_state=self.states[user], locale=lang, **options)
        context.add_cookies([{"name": "ipsmatch_lang", "value": lang, "url": self.base}])
        page = context.new_page()
        page.blocked = []
        page.on(
            "console", lambda m: page.blocked.append(m.text) if "Content Security Policy" in m.text else None
        )
        return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("board-live") / "web.duckdb"
    env = env_for("hashing")
    seed(db, env)
    tokens = {}
    for user in USERS:
        cli(["password", user, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
        tokens[user] = cli(["token", user, "--db", str(db)], env).stdout.strip()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running_server(db, env) as base, chromium() as browser:
        site = Site(base, browser, tokens)
        site.states = {u: signed_in_state(browser, base, u, PASSWORD) for u in USERS}
        yield site


def _prospects(page: Any) -> list[str]:
    ids = page.locator("section.column[data-stage=prospect] li.board-card").evaluate_all(
        "els => els.map(e => e.dataset.employerId)"
    )
    assert len(ids) >= 3, "the demo's Swedish board has too few prospects to move"
    return list(ids)


def _drag(page: Any, source: str, target: str) -> None:
    """Drag ``source`` onto ``target`` with the mouse, the drag begun before the page scrolls.

    (Playwright's ``drag_and_drop`` scrolls to the target before the first move, so the drag would
    start on whichever card is then under the pointer.) The card is taken by its name: a press on
    its select would open the select.
    """
    page.hover(source)
    page.mouse.down()
    box = page.locator(source).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + 10, box["y"] + box["height"] / 2 + 10)
    page.hover(target)
    page.mouse.up()


def _column_of(page: Any, employer_id: str) -> str:
    return str(
        page.locator(f"#card-{employer_id}").evaluate("e => e.closest('section.column').dataset.stage")
    )


def test_a_card_moves_by_keyboard_by_drag_and_without_script(site: Site) -> None:
    page = site.page(JD, "sv")
    page.goto(f"{site.base}/ui/employers/board")
    assert "Arbetsgivartavla" in page.inner_text("h1") and "Flytta till" in page.inner_text("main")
    first, second, third = _prospects(page)[:3]
    # keyboard: from the card's name, Tab to its select, choose the next stage with an arrow, Tab, Enter
    page.focus(f"#name-{first}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"move-{first}"
    page.keyboard.press("ArrowDown")  # prospect -> introduced
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert _column_of(page, first) == "introduced" and "moved=" in page.url
    assert "är nu i" in page.inner_text("p.moved")
    assert site.api("GET", f"/employers/{first}", JD)["stage"] == "introduced"
    page.screenshot(path=str(ARTIFACTS / "board-sv.png"), full_page=True)

    # drag and drop: the same form posted by script, the board swapped in without a page load
    page.evaluate("window.stillHere = true")
    _drag(page, f"#name-{second}", "#col-partnered")
    page.wait_for_function(
        "id => document.getElementById(`card-${id}`)?.closest('.column')?.dataset.stage === 'partnered'",
        arg=second,
    )
    assert page.evaluate("window.stillHere") is True and "är nu i" in page.inner_text("#board-messages")
    assert page.evaluate("document.activeElement.id") == f"name-{second}"  # the focus follows the card
    assert site.api("GET", f"/employers/{second}", JD)["stage"] == "partnered"
    assert page.blocked == []
    page.context.close()

    # without script: the card's form is a plain POST and the answer is the board again
    bare = site.page(JD, "sv", java_script_enabled=False)
    bare.goto(f"{site.base}/ui/employers/board")
    bare.select_option(f"#move-{third}", "learning")
    bare.click(f"#card-{third} form.move button")
    bare.wait_for_url("**/ui/employers/board?moved=*")
    assert _column_of(bare, third) == "learning"
    assert site.api("GET", f"/employers/{third}", JD)["stage"] == "learning"
    bare.context.close()


def test_the_board_shows_only_the_units_country_and_a_gone_employer_gets_a_message(site: Site) -> None:
    danish = site.api("GET", "/employers", JD, params={"limit": 200})["items"]
    danish_ids = {e["id"] for e in danish if e.get("country") == "DK"}
    page = site.page(JD, "sv")
    page.goto(f"{site.base}/ui/employers/board")
    shown = set(page.locator("li.board-card").evaluate_all("els => els.map(e => e.dataset.employerId)"))
    assert danish_ids and shown and not shown & danish_ids
    gone = _prospects(page)[-1]
    site.api("DELETE", f"/employers/{gone}", JD)
    page.select_option(f"#move-{gone}", "introduced")  # the board was loaded before the delete
    with page.expect_navigation():
        page.click(f"#card-{gone} form.move button")
    assert "finns inte längre i nätverket" in page.inner_text("#board-messages")
    assert page.locator(f"#card-{gone}").count() == 0
    page.context.close()


def _participant(site: Site, name: str, employer_id: str) -> str:
    """A new participant of the specialist (who creates them) with a job starting today."""
    pid = site.api("POST", "/participants", SPECIALIST, json={"display_name": name})["id"]
    site.api(
        "POST",
        f"/participants/{pid}/jobs",
        SPECIALIST,
        json={"employer_id": employer_id, "start_date": TODAY.isoformat()},
    )
    return str(pid)


def _cell(page: Any, day: dt.date) -> str:
    return str(page.inner_text(f"li.day[data-day='{day.isoformat()}']"))


def test_the_calendar_shows_what_is_due_by_day_hides_the_withheld_and_audits(site: Site) -> None:
    employer = site.api("GET", "/employers", SPECIALIST, params={"limit": 1})["items"][0]
    shown = _participant(site, "Kalle Kalender", employer["id"])
    hidden = _participant(site, "Dora Dold", employer["id"])
    site.api(
        "POST",
        f"/participants/{hidden}/consents",
        SPECIALIST,
        json={"purpose": "team_sharing", "state": "withdrawn"},
    )
    due = TODAY + dt.timedelta(days=2)
    task = site.api(
        "POST",
        "/tasks",
        SPECIALIST,
        json={
            "employer_id": employer["id"],
            "title": "Ring om provanställningen",
            "due_on": due.isoformat(),
            "assignee": SPECIALIST,
        },
    )["id"]
    after = TODAY + dt.timedelta(days=3)  # a job starting today: the "after" contact is due by then

    page = site.page(SPECIALIST, "sv")
    page.goto(f"{site.base}/ui/calendar?day={after.isoformat()}")
    assert "Kalender" in page.inner_text("h1") and page.locator("html").get_attribute("lang") == "sv"
    assert "Kalle Kalender" in _cell(page, after) and "Dora Dold" in _cell(page, after)  # both are hers
    page.goto(f"{site.base}/ui/calendar?day={due.isoformat()}")
    assert "Ring om provanställningen" in _cell(page, due)
    page.goto(f"{site.base}/ui/calendar?view=month")
    assert page.locator("li.day[aria-current=date] .today-mark").inner_text() == "i dag"
    page.screenshot(path=str(ARTIFACTS / "calendar-sv.png"), full_page=True)
    page.goto(f"{site.base}/ui/calendar?day={due.isoformat()}")
    with page.expect_navigation():
        page.click(f"li[data-task-id='{task}'] form.tick button")
    assert "Ring om provanställningen" not in page.inner_text("main")
    assert site.api("GET", f"/tasks/{task}", SPECIALIST)["status"] == "done"
    assert page.blocked == []
    page.context.close()

    colleague = site.page(COLLEAGUE, "sv")
    colleague.goto(f"{site.base}/ui/calendar?specialist={SPECIALIST}&day={after.isoformat()}")
    assert "Kalle Kalender" in _cell(colleague, after) and "Dora Dold" not in colleague.inner_text("main")
    colleague.context.close()

    assert _calendar_readers(site, shown) == {SPECIALIST, COLLEAGUE}
    assert _calendar_readers(site, hidden) == {SPECIALIST}  # the colleague was not shown her


def _calendar_readers(site: Site, participant_id: str) -> set[str]:
    """Who read ``participant_id`` on the specialist's calendar, from the audit log (as the supervisor)."""
    rows = site.api("GET", "/audit", SUPERVISOR, params={"participant_id": participant_id, "limit": 200})
    return {
        a["username"]
        for a in rows["items"]
        if a["action"] == "read" and a["detail"].startswith(f"calendar of {SPECIALIST} ")
    }


def test_both_pages_in_english(site: Site) -> None:
    page = site.page(ENGLISH, "en")
    page.goto(f"{site.base}/ui/calendar")
    assert "Calendar" in page.inner_text("h1") and "Next week" in page.inner_text("nav.weeks")
    assert page.locator("header nav a[href='/ui/calendar']").inner_text() == "Calendar"
    page.screenshot(path=str(ARTIFACTS / "calendar-en.png"), full_page=True)
    page.goto(f"{site.base}/ui/employers/board")
    assert "Employer board" in page.inner_text("h1") and "Has hired from us" in page.inner_text("main")
    assert page.locator("html").get_attribute("lang") == "en"
    page.screenshot(path=str(ARTIFACTS / "board-en.png"), full_page=True)
    page.context.close()
