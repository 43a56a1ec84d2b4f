"""Search-as-you-type on the employer list, in Swedish, in Debian chromium against the real server.

The list pages' other checks (filters, sorting, paging, unit lines) are in test_web_lists.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.service.server import chromium, cli, env_for, running_server, seed

SE_JD = "per.sv"  # Per Sandberg, the Stockholm unit's job developer


PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("lists-live") / "web.duckdb"
    env = env_for("hashing")
    seed(db, env)
    cli(["password", SE_JD, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    with running_server(db, env) as base:
        yield base


@pytest.mark.browser
def test_search_as_you_type_in_swedish(live: str) -> None:
    """Typing in the employer search swaps in the matching rows without a page load; nonsense empties it."""
    with chromium() as browser:
        context = browser.new_context(locale="sv-SE")  # type: ignore[attr-defined]
        context.add_cookies([{"name": "ipsmatch_lang", "value": "sv", "url": live}])
        page = context.new_page()
        violations: list[str] = []
        page.on(
            "console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None
        )
        page.goto(f"{live}/ui/login")
        page.fill("input[name=username]", SE_JD)
        page.fill("input[name=password]", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url("**/ui/participants")
        page.goto(f"{live}/ui/employers")
        assert page.locator("a.employer").count() == 50 and "Föregående" not in page.inner_text("main")
        name = page.locator("a.employer").nth(7).inner_text()
        page.evaluate("window.stillHere = true")  # gone if the page were loaded again
        page.locator("#f-q").press_sequentially(name[:-2] + name[-1], delay=40)  # a typo, as typed
        page.wait_for_function("() => location.search.includes('q=')")
        page.wait_for_function("n => document.querySelector('a.employer')?.textContent === n", arg=name)
        assert page.evaluate("window.stillHere") is True
        assert page.locator("a.employer").count() < 20 and "rad" in page.inner_text("p.count")
        page.locator("#f-q").fill("qqqzzxx")
        page.get_by_text("Ingen arbetsgivare matchar.").wait_for()
        assert page.locator("a.employer").count() == 0 and page.evaluate("window.stillHere") is True
        assert violations == []
        context.close()
