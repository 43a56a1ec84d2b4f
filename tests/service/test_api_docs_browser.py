"""/docs and /redoc in Debian's headless Chromium with every non-local request refused (offline)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.service.server import cli, env_for, running_server, seed
from tests.service.test_web import browser  # noqa: F401  (the shared Chromium fixture)

pytestmark = pytest.mark.browser
USER = "owen.en"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The base URL of a real server on the demo data, and an API token of one of its users."""
    db: Path = tmp_path_factory.mktemp("docs") / "docs.duckdb"
    env = env_for("hashing")
    seed(db, env)
    token = cli(["token", USER, "--db", str(db)], env).stdout.strip()  # before the server holds the file
    with running_server(db, env) as base:
        yield base, token


def _offline_page(chromium, base: str, problems: list[str]):  # type: ignore[no-untyped-def]
    """A page that may reach only ``base``; outside requests and CSP refusals land in ``problems``."""
    page = chromium.new_page()

    def only_local(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(base):
            route.continue_()
        else:
            problems.append(f"outside request {route.request.url}")
            route.abort()

    page.route("**/*", only_local)
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(f"page error {e}"))
    return page


def test_swagger_ui_renders_offline_and_authorize_works(served, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    base, token = served
    problems: list[str] = []
    page = _offline_page(browser, base, problems)
    page.goto(f"{base}/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert page.locator(".opblock").count() > 50  # every operation of the spec is rendered
    assert page.locator(".opblock-summary-path", has_text="/participants").count() > 0
    page.click("button.authorize")
    page.fill(".auth-container input", token)
    page.click(".auth-btn-wrapper button.authorize")
    page.click("button.btn-done")
    op = page.locator("#operations-participants-list_participants_participants_get")
    op.locator(".opblock-summary").click()
    op.locator("button.try-out__btn").click()
    op.locator("button.execute").click()
    status = op.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=30_000)
    assert status.inner_text().strip() == "200"  # the token from "Authorize" was sent
    assert problems == []
    page.close()


def test_redoc_renders_offline(served, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    base, _ = served
    problems: list[str] = []
    page = _offline_page(browser, base, problems)
    page.goto(f"{base}/redoc")
    page.wait_for_selector("[data-section-id^='operation/']", timeout=60_000)
    assert page.locator("[data-section-id^='operation/']").count() > 50
    # The bundle's "powered by" badge names a logo on Redocly's CDN; the CSP refuses it, nothing
    # leaves the machine, and the docs do not need it.
    assert [p for p in problems if "cdn.redoc.ly/redoc/logo-mini.svg" not in p] == []
    page.close()
