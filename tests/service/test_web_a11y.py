"""Accessibility of every /ui page in a real headless Chromium, on the seeded demo (issue 15, item 8).

Each page is opened as a supervisor (who sees every page: team and reports too) in English (owen.en)
and Swedish (karin.sv, her own unit's people), the sign-in page also in Danish, in three browsers:

* desktop, 1280 px: axe-core (``axe-playwright-python``, every rule axe runs by default) finds no
  violation of impact serious or critical; the failure lists each one with its elements;
* phone, 390 px: axe's rules that depend on the layout (a scroll box must take the focus, the
  viewport may be zoomed, targets are large enough; colours and names are the desktop's), and the
  page does not scroll sideways (``document.documentElement.scrollWidth <= 390``): wide tables
  scroll inside their own box, forms and cards stack;
* 200% zoom: 640 px at device scale factor 2 (a 1280 px window zoomed to 200%), no sideways scroll.

A keyboard test tabs through the caseload: the skip link is the first stop and moves the focus to
``main``, every stop shows a focus ring, every participant link is reached.

Screenshots (desktop and phone) go to ``artifacts/screens/`` (git-ignored; ``IPSMATCH_ARTIFACTS``
moves the folder). Each page's load time in the browser (navigation timing: server answer and the
``load`` event) is printed, never asserted: timed assertions fail on a loaded machine, and speed is
measured in benchmarks/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.service.browser import chromium, signed_in_state
from tests.service.server import cli, env_for, running_server, seed

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SCREENS = Path(os.environ.get("IPSMATCH_ARTIFACTS", ROOT / "artifacts")) / "screens"
PASSWORD = "correct horse battery staple"
SUPERVISORS = {"en": "owen.en", "sv": "karin.sv"}
LOCALES = {"en": "en-GB", "sv": "sv-SE", "da": "da-DK"}
#: form -> playwright context options; "zoom" is a 1280 px window at 200%.
FORMS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True},
    "zoom": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}
#: page name -> path; {pid} and {eid} are the first participant and employer the user is shown,
#: {pair} the query of the first "compare and merge" link of the duplicates page.
PAGES = {
    "login": "/ui/login",
    "caseload": "/ui/participants",
    "participant": "/ui/participants/{pid}",
    "profile_form": "/ui/participants/{pid}/profile",
    "job_form": "/ui/participants/{pid}/jobs/new",
    "employers": "/ui/employers",
    "employer": "/ui/employers/{eid}",
    "dormant": "/ui/employers/dormant?days=30",
    "duplicates": "/ui/employers/duplicates",
    "week": "/ui/week",
    "board": "/ui/employers/board",
    "calendar": "/ui/calendar?view=month",
    "calendar_week": "/ui/calendar",
    "team": "/ui/team",
    "reports": "/ui/reports",
    "contact_form": "/ui/contacts/new",
    "openings": "/ui/openings",
    "employer_new": "/ui/employers/new",
    "employer_edit": "/ui/employers/{eid}/edit",
    "opening_new": "/ui/employers/{eid}/openings/new",
    "person_new": "/ui/employers/{eid}/people/new",
    "merge": "/ui/employers/merge{pair}",
    "merges": "/ui/employers/merges",
    "imports": "/ui/imports",
}
CASES = [(lang, name) for lang in SUPERVISORS for name in PAGES] + [("da", "login")]
BLOCKING = ("serious", "critical")
#: form -> axe options; the phone's CSS changes the layout only (colour contrast, the slow rule, is
#: the same as on the desktop), so the phone runs the rules a layout can break.
AXE_OPTIONS: dict[str, dict[str, Any]] = {
    "desktop": {"resultTypes": ["violations"]},
    "phone": {"runOnly": ["scrollable-region-focusable", "meta-viewport", "target-size", "region"]},
}
TIMING = """() => { const n = performance.getEntriesByType("navigation")[0];
  return {answer: n.responseEnd - n.requestStart, load: n.loadEventEnd - n.startTime}; }"""


@dataclass
class Site:
    """The served demo and one browser; contexts (lang, form, signed in) are made once and reused."""

    base: str
    browser: Any
    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    ids: dict[str, dict[str, str]] = field(default_factory=dict)
    pages: dict[tuple[str, str, bool], Any] = field(default_factory=dict)

    def page(self, lang: str, form: str, signed_in: bool = True) -> Any:
        """The one tab of the context for ``lang`` in ``form``, as the language's supervisor or nobody."""
        key = (lang, form, signed_in)
        if key not in self.pages:
            state = self.states[lang] if signed_in else None
            context = self.browser.new_context(locale=LOCALES[lang], storage_state=state, **FORMS[form])
            self.pages[key] = context.new_page()
        return self.pages[key]

    def url(self, lang: str, name: str) -> str:
        if lang not in self.ids and name != "login":
            self.ids[lang] = _first_ids(self.page(lang, "desktop"), self.base)
        return self.base + PAGES[name].format(**self.ids.get(lang, {}))


def _first_ids(page: Any, base: str) -> dict[str, str]:
    """The first participant of the caseload and the first employer of the list, as the user sees them."""
    page.goto(f"{base}/ui/participants")
    pid = page.locator("a.person").first.get_attribute("href").rsplit("/", 1)[-1]
    page.goto(f"{base}/ui/employers")
    eid = page.locator("a.employer").first.get_attribute("href").rsplit("/", 1)[-1]
    page.goto(f"{base}/ui/employers/duplicates")
    pair = page.locator("a.compare").first.get_attribute("href").split("/ui/employers/merge", 1)[1]
    return {"pid": pid, "eid": eid, "pair": pair}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("web-a11y") / "web.duckdb"
    env = env_for("hashing")
    seed(db, env)
    for username in SUPERVISORS.values():
        cli(["password", username, "--db", str(db), "--password-stdin"], env, stdin=PASSWORD + "\n")
    SCREENS.mkdir(parents=True, exist_ok=True)
    with running_server(db, env) as base, chromium() as browser:
        site = Site(base, browser)
        site.states = {lang: signed_in_state(browser, base, u, PASSWORD) for lang, u in SUPERVISORS.items()}
        yield site


def _open(page: Any, url: str) -> dict[str, float]:
    """Load ``url`` (status 200, not sent to sign in); return its navigation timing in ms."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, (url, response and response.status)
    assert page.url == url or "/ui/login" in url, f"{url} went to {page.url}"
    return dict(page.evaluate(TIMING))


def _blocking(page: Any, form: str) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per rule with its elements."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=AXE_OPTIONS[form]).response["violations"]
    return [f"{form}: {_described(v)}" for v in found if v["impact"] in BLOCKING]


def _described(violation: dict[str, Any]) -> str:
    """``rule (impact): help — first elements`` of one axe violation."""
    where = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:6])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} — {where}"


def _page_width(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


@pytest.mark.slow  # 49 pages x 3 browsers with axe: 4-8 minutes on the 2 shared cores
@pytest.mark.parametrize(("lang", "name"), CASES, ids=[f"{lang}-{name}" for lang, name in CASES])
def test_the_page_passes_axe_and_fits_a_phone_and_200_percent_zoom(
    site: Site, lang: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    signed_in = name != "login"
    url = site.url(lang, name)
    found: list[str] = []
    widths: dict[str, int] = {}
    times: dict[str, dict[str, float]] = {}
    for form in FORMS:
        page = site.page(lang, form, signed_in)
        times[form] = _open(page, url)
        assert page.evaluate("document.documentElement.lang") == lang  # the language under test
        widths[form] = _page_width(page)
        if form in AXE_OPTIONS:
            found += _blocking(page, form)
            page.screenshot(path=str(SCREENS / f"{lang}-{name}-{form}.png"), full_page=True)
    loads = ", ".join(f"{form} {t['answer']:.0f}/{t['load']:.0f} ms" for form, t in times.items())
    with capsys.disabled():  # shown in every run, not only on a failure
        print(f"\n{lang} {name}: {loads} (server answer/load event)")
    assert not found, "axe, serious or critical:\n" + "\n".join(found)
    limits = {form: FORMS[form]["viewport"]["width"] for form in FORMS}
    assert all(widths[f] <= limits[f] for f in FORMS), f"page wider than the screen: {widths} vs {limits}"


FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName, id: e.id, href: e.getAttribute("href"), cls: e.className,
          ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
          shown: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
          inMain: !!e.closest("main")}; }"""


def test_the_caseload_by_keyboard_skip_link_then_a_visible_ring_on_every_stop(site: Site) -> None:
    page = site.page("en", "desktop")
    url = site.url("en", "caseload")
    _open(page, url)
    people = set(page.locator("a.person").evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    assert people, "the demo supervisor sees nobody"
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert (first["cls"], first["href"], first["ring"], first["shown"]) == ("skip", "#main", True, True)
    page.keyboard.press("Enter")
    assert page.url.endswith("#main") and page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["inMain"], "the tab after the skip link is not in main"

    _open(page, url)
    stops = []
    for _ in range(len(people) + 40):  # every stop once; the page ends where focus leaves it
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["tag"] == "BODY" or (stops and stop == stops[0]):
            break
        stops.append(stop)
    unseen = [s for s in stops if not (s["ring"] and s["shown"])]
    assert not unseen, f"focus without a visible ring: {unseen}"
    assert people <= {s["href"] for s in stops}, "a participant link cannot be reached by Tab"
    assert any(s["cls"] == "table-wrap" for s in stops), "the table's scroll box takes no focus"
