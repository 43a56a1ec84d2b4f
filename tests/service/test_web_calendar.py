"""The calendar page (/ui/calendar) over a real DuckDB file: what is due, on which day, for whom, audited.

Two units (tests.conftest) with a second specialist and a job developer in unit A
(tests.service.unit_world). Browser checks (Swedish and English, ticking a task) are in
test_web_board_browser.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from service.access.tokens import create_token
from service.access.users import create_users, get_user
from tests.conftest import Api
from tests.service import crm_helpers as crm
from tests.service.unit_world import add_users

TODAY = dt.date.today()
_DAY = re.compile(
    r'<li class="day[^"]*" data-day="(\d{4}-\d{2}-\d{2})"[^>]*>(.*?)</li>\s*(?=<li class="day|</ol>)', re.S
)


@pytest.fixture
def team(api: Api) -> Api:
    """Unit A with a second specialist (spec.a2) and a job developer (jd.a)."""
    add_users(api)
    create_users(api.db, users=[{"username": "spec.a2", "role": "specialist", "unit_id": "unit-a"}])
    user = get_user(api.db, username="spec.a2")
    assert user is not None
    api.tokens["spec.a2"] = create_token(api.db, user_id=user.id)
    return api


def _person_with_a_job(api: Api, name: str, employer_id: str, start: dt.date) -> str:
    pid = crm.participant(api)["id"]
    assert api.call("PATCH", f"/participants/{pid}", json={"display_name": name}).status_code == 200
    body = {"employer_id": employer_id, "start_date": start.isoformat()}
    assert api.call("POST", f"/participants/{pid}/jobs", json=body).status_code == 201
    return pid


def _task(api: Api, employer_id: str, title: str, due: dt.date, assignee: str = "spec.a") -> str:
    body = {"employer_id": employer_id, "title": title, "due_on": due.isoformat(), "assignee": assignee}
    r = api.call("POST", "/tasks", json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _days(html: str) -> dict[str, str]:
    """Day (ISO) -> the grid cell's HTML."""
    return dict(_DAY.findall(html))


def _audited(api: Api, user: str) -> list[tuple[Any, ...]]:
    uid = get_user(api.db, username=user).id  # type: ignore[union-attr]
    rows = api.db.cursor().execute(
        "SELECT entity_id, detail FROM app_audit_log WHERE user_id = ? AND entity = 'participant' "
        "AND action = 'read' AND detail LIKE 'calendar of %'",
        [uid],
    )
    return [tuple(r) for r in rows.fetchall()]


def test_a_task_and_a_support_contact_show_on_their_day_and_the_people_shown_are_audited(team: Api) -> None:
    emp = crm.employer(team)
    pid = _person_with_a_job(team, "Sara L.", emp["id"], TODAY)
    _task(team, emp["id"], "Ring back about the trial", TODAY + dt.timedelta(days=1))
    page = team.call("GET", "/ui/calendar", params={"view": "month", "day": TODAY.isoformat()})
    assert page.status_code == 200, page.text
    days = _days(page.text)
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert "Ring back about the trial" in days[tomorrow] and "Lagerhuset AB" in days[tomorrow]
    # the "after" check of a job starting today is due by the third day after the start
    after = (TODAY + dt.timedelta(days=3)).isoformat()
    assert f'href="/ui/participants/{pid}"' in days[after] and "Sara L." in days[after]
    assert 'aria-current="date"' in page.text and f'data-day="{TODAY.isoformat()}"' in page.text
    [(logged, detail)] = _audited(team, "spec.a")
    assert logged == pid and detail.startswith("calendar of spec.a")


def test_overdue_items_are_marked_and_listed_when_today_is_shown(team: Api) -> None:
    emp = crm.employer(team)
    _task(team, emp["id"], "Send the CV", TODAY - dt.timedelta(days=10))
    page = team.call("GET", "/ui/calendar", params={"view": "week", "day": TODAY.isoformat()})
    assert page.status_code == 200
    earlier = page.text.split('id="earlier-title"', 1)[1].split("</section>", 1)[0]
    assert "Send the CV" in earlier and "overdue" in earlier
    later = team.call(
        "GET", "/ui/calendar", params={"view": "week", "day": (TODAY + dt.timedelta(days=21)).isoformat()}
    )
    assert "Send the CV" not in later.text  # a week without today lists only its own days


def test_a_withdrawn_person_is_hidden_from_a_colleague_but_not_from_their_specialist(team: Api) -> None:
    emp = crm.employer(team)
    pid = _person_with_a_job(team, "Private P.", emp["id"], TODAY)
    consent = {"purpose": "team_sharing", "state": "withdrawn"}
    assert team.call("POST", f"/participants/{pid}/consents", json=consent).status_code == 201
    own = team.call("GET", "/ui/calendar", params={"view": "month"})
    assert "Private P." in own.text
    colleague = team.call(
        "GET", "/ui/calendar", user="spec.a2", params={"view": "month", "specialist": "spec.a"}
    )
    assert colleague.status_code == 200 and "Private P." not in colleague.text and pid not in colleague.text
    assert _audited(team, "spec.a2") == []  # nobody shown, nobody logged
    boss = team.call("GET", "/ui/calendar", user="sup.a", params={"view": "month", "specialist": "spec.a"})
    assert "Private P." in boss.text


def test_an_empty_calendar_says_so(team: Api) -> None:
    page = team.call("GET", "/ui/calendar", user="spec.a2")
    assert page.status_code == 200 and '<p class="nothing">Nothing due.</p>' in page.text


def test_another_units_calendar_answers_like_nobody(team: Api) -> None:
    theirs = team.call("GET", "/ui/calendar", user="spec.b", params={"specialist": "spec.a"})
    nobody = team.call("GET", "/ui/calendar", user="spec.b", params={"specialist": "no.such.user"})
    assert theirs.status_code == nobody.status_code == 404


def test_a_task_ticked_on_the_calendar_leaves_it(team: Api) -> None:
    emp = crm.employer(team)
    task = _task(team, emp["id"], "Visit the depot", TODAY)
    page = team.call("GET", "/ui/calendar")
    assert f'action="/ui/tasks/{task}/done"' in page.text
    r = team.call("POST", f"/ui/tasks/{task}/done", data={"next": "/ui/calendar"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ui/calendar"
    assert team.call("GET", f"/tasks/{task}").json()["status"] == "done"
    assert "Visit the depot" not in team.call("GET", "/ui/calendar").text


def test_bad_days_and_views_are_refused_not_crashed(team: Api) -> None:
    for params in ({"day": "9999-12-31"}, {"day": "2026-02-30"}, {"view": "year"}):
        assert team.call("GET", "/ui/calendar", params=params).status_code == 422, params
    december = team.call("GET", "/ui/calendar", params={"view": "month", "day": "2200-12-15"})
    assert december.status_code == 200
