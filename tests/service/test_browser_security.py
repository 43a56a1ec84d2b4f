"""Browser-facing hardening: the cookie only for /ui, cross-site writes refused, Host allow-list,
security headers, and every page free of inline script and style (so the CSP does not break it)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.routing import APIRoute

from service.access.auth import SESSION_COOKIE
from service.access.users import set_password
from service.web import actions as web_actions
from service.web import board_pages as web_board
from service.web import calendar_pages as web_calendar
from service.web import crm_pages as web_crm
from service.web import forms_caseload as web_forms_caseload
from service.web import forms_crm as web_forms_crm
from service.web import pages as web
from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant

PASSWORD = "correct horse battery staple"
UI = {"x-ipsmatch-ui": "1"}


def _sign_in(api: Api, username: str = "spec.a") -> str:
    set_password(api.db, username=username, password=PASSWORD)
    r = api.client.post(
        "/ui/login", data={"username": username, "password": PASSWORD}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    cookie = api.client.cookies.get(SESSION_COOKIE)
    assert cookie
    return cookie


@pytest.fixture
def world(api: Api) -> dict[str, Any]:
    """An employer with an opening, a participant with one recorded lead, a signed-in spec.a."""
    emp = _employer(api)
    _opening(api, emp)
    pid = _participant(api)["id"]
    lead = api.call("POST", f"/participants/{pid}/leads", json={"n": 1}).json()["leads"][0]
    return {
        "employer_id": emp["id"],
        "participant_id": pid,
        "lead_id": lead["lead_id"],
        "cookie": _sign_in(api),
    }


def test_the_session_cookie_opens_pages_but_not_the_api(api: Api, world: dict[str, Any]) -> None:
    assert api.client.get("/ui/participants").status_code == 200  # the cookie jar sends it
    r = api.client.get("/participants")
    assert r.status_code == 401
    r = api.client.post(f"/leads/{world['lead_id']}/feedback", json={"feedback": "pursued"}, headers=UI)
    assert r.status_code == 401  # not a bearer token, even from our own page


def test_page_actions_take_the_cookie_with_the_ui_header_from_our_origin(
    api: Api, world: dict[str, Any]
) -> None:
    url = f"/ui/leads/{world['lead_id']}/feedback"
    body = {"feedback": "pursued"}
    assert api.client.post(url, json=body).status_code == 403  # no UI header: a plain cross-site post
    for evil in (
        {"origin": "http://evil.example"},
        {"referer": "http://evil.example/page"},
        {"origin": "null"},
    ):
        assert api.client.post(url, json=body, headers={**UI, **evil}).status_code == 403
    r = api.client.post(url, json=body, headers={**UI, "origin": "http://localhost"})
    assert r.status_code == 201 and r.json() == {"lead_id": world["lead_id"], "feedback": "pursued"}
    assert api.client.post(url, json={"feedback": "married"}, headers=UI).status_code == 422
    api.client.cookies.clear()
    assert api.client.post(url, json=body, headers=UI).status_code == 401  # JSON, never a redirect


def test_another_units_lead_is_not_there_for_the_page_action(api: Api, world: dict[str, Any]) -> None:
    api.client.cookies.clear()
    _sign_in(api, "spec.b")
    r = api.client.post(f"/ui/leads/{world['lead_id']}/feedback", json={"feedback": "hired"}, headers=UI)
    assert r.status_code == 404


def test_duplicate_actions_work_from_the_page(api: Api, world: dict[str, Any]) -> None:
    other = api.call(
        "POST",
        "/employers",
        json={"name": "Lagerhuset Aktiebolag"},
        headers={"X-Skip-Duplicate-Check": "true"},
    ).json()
    pair = {"a_id": world["employer_id"], "b_id": other["id"]}
    assert api.client.post("/ui/employers/duplicates/not-duplicate", json=pair).status_code == 403
    assert api.client.post("/ui/employers/duplicates/not-duplicate", json=pair, headers=UI).status_code == 204
    # a merge is a form on its own screen (no fetch): Origin-checked like every cookie write
    merge = {"a": world["employer_id"], "b": other["id"], "survivor": "a"}
    for evil in ({"origin": "http://evil.example"}, {"origin": "null"}, {"referer": "http://evil.example/x"}):
        r = api.client.post("/ui/employers/merge", data=merge, headers=evil, follow_redirects=False)
        assert r.status_code == 403
    ours = {"origin": "http://localhost"}
    r = api.client.post("/ui/employers/merge", data=merge, headers=ours, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ui/employers/merges"
    [done] = api.call("GET", "/employers/merges").json()["items"]
    assert (done["survivor_id"], done["loser_id"]) == (world["employer_id"], other["id"])


def test_sign_in_and_out_forms_from_another_site_are_refused(api: Api) -> None:
    set_password(api.db, username="spec.a", password=PASSWORD)
    form = {"username": "spec.a", "password": PASSWORD}
    evil = {"origin": "http://evil.example"}
    assert api.client.post("/ui/login", data=form, headers=evil, follow_redirects=False).status_code == 403
    assert SESSION_COOKIE not in api.client.cookies
    _sign_in(api)
    assert api.client.post("/ui/logout", headers=evil, follow_redirects=False).status_code == 403
    assert api.client.get("/ui/participants", follow_redirects=False).status_code == 200  # still signed in
    assert api.client.post("/ui/logout", follow_redirects=False).status_code == 303


def test_unknown_host_names_are_refused(make_api: Any) -> None:
    api = make_api(allowed_hosts="ipsmatch.example.org")
    rebinding = {"host": "attacker.example:8000"}
    assert api.call("GET", "/participants", headers=rebinding).status_code == 400
    assert api.client.get("/health", headers=rebinding).status_code == 400
    for host in (
        "localhost:8000",
        "127.0.0.1",
        "[::1]:8000",
        "ipsmatch.example.org",
        "IPSMATCH.example.org:443",
    ):
        assert api.call("GET", "/participants", headers={"host": host}).status_code == 200, host


def test_a_star_turns_the_host_check_off(make_api: Any) -> None:
    api = make_api(allowed_hosts="*")
    assert api.call("GET", "/participants", headers={"host": "anything.example"}).status_code == 200


def test_security_headers_on_pages_api_and_static(api: Api, world: dict[str, Any]) -> None:
    page = api.client.get(f"/ui/participants/{world['participant_id']}")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "same-origin"
    assert page.headers["cache-control"] == "no-store"
    person = api.call("GET", f"/participants/{world['participant_id']}")
    assert person.headers["cache-control"] == "no-store" and person.headers["x-frame-options"] == "DENY"
    refused = api.call("GET", "/participants", user=None)
    assert refused.status_code == 401 and refused.headers["cache-control"] == "no-store"
    static = api.client.get("/static/app.js")
    assert static.status_code == 200 and static.headers["cache-control"] == "no-cache"  # kept, revalidated
    assert static.headers["x-content-type-options"] == "nosniff"
    docs = api.client.get("/docs")
    assert docs.status_code == 200 and "frame-ancestors 'none'" in docs.headers["content-security-policy"]


class _InlineFinder(HTMLParser):
    """Everything a CSP without 'unsafe-inline' would block: inline script, handlers, styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k for k, _ in attrs}
        if tag == "script" and "src" not in names:
            self.found.append("<script> without src")
        self._in_script = tag == "script"
        self.found += [f"{tag} {k}=" for k in names if k.startswith("on") or k == "style"]
        self.found += [
            f"{tag} {k}=javascript:" for k, v in attrs if (v or "").strip().lower().startswith("javascript:")
        ]
        if tag == "style":
            self.found.append("<style> element")

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append("script text")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_every_page_renders_without_inline_script_or_style(api: Api, world: dict[str, Any]) -> None:
    ids = {"participant_id": world["participant_id"], "employer_id": world["employer_id"]}
    pages = [
        r.path
        for router in (
            web.router,
            web_crm.router,
            web_board.router,
            web_calendar.router,
            web_actions.router,
            web_forms_crm.router,
            web_forms_caseload.router,
        )
        for r in router.routes
        if isinstance(r, APIRoute) and "GET" in r.methods
    ]
    assert len(pages) >= 8  # a new page joins this test by itself
    for path in pages:
        params = re.findall(r"{(\w+)}", path)
        assert set(params) <= set(ids), f"add an id for {path} to this test"
        url = path.format(**ids)
        r = api.client.get(url, follow_redirects=False)
        if r.status_code == 303:
            continue  # /ui -> /ui/participants
        assert r.status_code == 200, (url, r.status_code)
        finder = _InlineFinder()
        finder.feed(r.text)
        assert finder.found == [], (url, finder.found)
    bars = api.client.get(f"/ui/participants/{world['participant_id']}").text
    assert 'data-width="' in bars  # the score bars are sized by app.js, not by a style attribute
