"""Debian chromium (headless, through playwright) for the browser tests, and a browser sign-in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.needs import need

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: Nothing in the background (updates, sync, first-run pages): the tests' loads are the only traffic.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium() -> Iterator[Any]:
    """Yield a launched playwright ``Browser`` (Debian's chromium); skip or fail where it is missing."""
    need(CHROMIUM is not None, "Debian chromium (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def signed_in_state(browser: Any, base: str, username: str, password: str) -> dict[str, Any]:
    """Sign ``username`` in through the login form; return the context's storage state (its cookies).

    Every context made with ``storage_state=`` this dict is that user's browser, without a second
    sign-in (the login throttle never sees the tests as a password guesser).
    """
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/ui/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_url("**/ui/participants")
    state: dict[str, Any] = context.storage_state()
    context.close()
    return state
