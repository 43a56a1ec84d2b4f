"""Creating an employer and an opening in the Swedish pages, in Debian's Chromium on a real server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.needs import need
from tests.service.record_forms import PASSWORD
from tests.service.server import cli, env_for, running_server, seed

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
USER = "owen.en"
TOKEN: dict[str, str] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("records") / "web.duckdb"
    env = env_for("hashing")
    seed(db, env)
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
