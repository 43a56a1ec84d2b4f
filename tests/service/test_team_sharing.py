"""The consent register's ``team_sharing`` enforced (issue 13.6): withdrawn, only their own people see them.

When a participant's latest ``team_sharing`` entry is ``withdrawn`` (or they refused it from the
start), only their own specialist and the unit's supervisor may read their data; the unit's other
colleagues get exactly what an id that names nothing gets, in lists, reads, leads and exports.
"""

from __future__ import annotations

from typing import Any

import pytest

from service.access.tokens import create_token
from service.access.users import create_users, get_user
from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant
from tests.service.unit_world import add_users, missing, same_reply

#: Colleagues in unit A who are not the person's specialist nor the supervisor.
COLLEAGUES = ("jd.a", "spec.a2")
OWN = ("spec.a", "sup.a")


@pytest.fixture
def team(api: Api) -> Api:
    """Unit A with a job developer, a second specialist and an opening to rank."""
    add_users(api)
    create_users(api.db, users=[{"username": "spec.a2", "role": "specialist", "unit_id": "unit-a"}])
    user = get_user(api.db, username="spec.a2")
    assert user is not None
    api.tokens["spec.a2"] = create_token(api.db, user_id=user.id)
    _opening(api, _employer(api))
    return api


def _consent(api: Api, pid: str, state: str) -> None:
    r = api.call("POST", f"/participants/{pid}/consents", json={"purpose": "team_sharing", "state": state})
    assert r.status_code == 201, r.text


def _listed(api: Api, user: str) -> set[str]:
    r = api.call("GET", "/participants?limit=100", user=user)
    assert r.status_code == 200, r.text
    return {p["id"] for p in r.json()["items"]}


def _same_as_missing(api: Api, user: str, method: str, path: str, pid: str, **kw: Any) -> bool:
    fake = missing()
    theirs = api.call(method, path.format(pid=pid), user=user, **kw)
    nothing = api.call(method, path.format(pid=fake), user=user, **kw)
    return theirs.status_code == 404 and same_reply(theirs, nothing, pid, fake)


def test_a_withdrawn_person_leaves_colleagues_lists_and_reads(team: Api) -> None:
    private = _participant(team)["id"]  # spec.a's own participant
    shared = _participant(team, display_name="Other P.")["id"]
    _consent(team, private, "withdrawn")
    for user in COLLEAGUES:
        assert _listed(team, user) == {shared}
        assert _same_as_missing(team, user, "GET", "/participants/{pid}", private)
        assert _same_as_missing(team, user, "GET", "/participants/{pid}/profile", private)
        assert _same_as_missing(team, user, "GET", "/participants/{pid}/consents", private)
    for user in OWN:
        assert _listed(team, user) == {private, shared}
        assert team.call("GET", f"/participants/{private}", user=user).status_code == 200
    # Given again: the team sees the person again.
    _consent(team, private, "given")
    assert all(_listed(team, user) == {private, shared} for user in COLLEAGUES)


def test_refused_from_the_start_is_the_same_as_withdrawn(team: Api) -> None:
    pid = _participant(team)["id"]
    _consent(team, pid, "withdrawn")  # the first and only entry: refused
    assert pid not in _listed(team, "spec.a2") and pid in _listed(team, "spec.a")


def test_colleagues_get_no_leads_and_cannot_give_feedback(team: Api) -> None:
    pid = _participant(team)["id"]
    leads = team.call("POST", f"/participants/{pid}/leads", user="spec.a", json={"n": 3}).json()["leads"]
    assert leads, "the test needs a recorded lead"
    _consent(team, pid, "withdrawn")
    for user in COLLEAGUES:
        assert _same_as_missing(team, user, "POST", "/participants/{pid}/leads", pid, json={"n": 3})
        assert _same_as_missing(team, user, "GET", "/participants/{pid}/leads", pid)
        lead = leads[0]["lead_id"]
        mine = team.call("POST", f"/leads/{lead}/feedback", user=user, json={"feedback": "pursued"})
        fake = missing()
        nothing = team.call("POST", f"/leads/{fake}/feedback", user=user, json={"feedback": "pursued"})
        assert mine.status_code == 404 and same_reply(mine, nothing, lead, fake)
    for user in OWN:
        r = team.call("POST", f"/participants/{pid}/leads", user=user, json={"n": 3})
        assert r.status_code == 200 and r.json()["leads"], r.text


def test_a_withdrawn_person_is_exported_only_by_their_specialist_or_supervisor(team: Api) -> None:
    pid = _participant(team)["id"]
    assert team.call("GET", f"/participants/{pid}/export", user="jd.a").status_code == 403  # shared: 403
    _consent(team, pid, "withdrawn")
    for user in COLLEAGUES:  # withdrawn: not even there for them
        assert _same_as_missing(team, user, "GET", "/participants/{pid}/export", pid)
    for user in OWN:
        r = team.call("GET", f"/participants/{pid}/export", user=user)
        assert r.status_code == 200 and pid in r.text


def test_colleagues_cannot_link_a_contact_to_a_withdrawn_person(team: Api) -> None:
    pid = _participant(team, disclosure={"level": "full", "es_may_contact_employers": True})["id"]
    _consent(team, pid, "withdrawn")
    emp = _employer(team, name="Annat AB")
    body = {
        "employer_id": emp["id"], "occurred_at": "2026-01-05T10:00:00+00:00", "mode": "face_to_face",
        "status": "held", "purpose": "candidate_introduction", "participant_id": pid,
    }  # fmt: skip
    r = team.call("POST", "/contacts", user="jd.a", json=body)
    assert r.status_code == 422 and "participant_id" in r.text and "no participant" in r.text, r.text
    assert team.call("POST", "/contacts", user="spec.a", json=body).status_code == 201


def test_colleagues_see_a_contact_naming_a_withdrawn_person_without_the_person(team: Api) -> None:
    """The employer-side facts stay shared; who it was about and what was learned do not."""
    pid = _participant(team, disclosure={"level": "full", "es_may_contact_employers": True})["id"]
    emp = _employer(team, name="Annat AB")
    body = {
        "employer_id": emp["id"], "occurred_at": "2026-01-05T10:00:00+00:00", "mode": "face_to_face",
        "status": "held", "purpose": "candidate_introduction", "participant_id": pid,
        "learned": "Sara starts Monday on the early shift",
    }  # fmt: skip
    made = team.call("POST", "/contacts", user="spec.a", json=body)
    assert made.status_code == 201, made.text
    cid = made.json()["id"]

    def seen(user: str) -> list[dict[str, Any]]:
        one = team.call("GET", f"/contacts/{cid}", user=user).json()
        listed = [
            c for c in team.call("GET", "/contacts?limit=100", user=user).json()["items"] if c["id"] == cid
        ]
        timeline = team.call("GET", f"/employers/{emp['id']}/timeline", user=user).json()["items"]
        week = team.call("GET", "/specialists/spec.a/week?week=2026-W02", user=user).json()["contacts"]
        return [one, *listed, *[t for t in timeline if t["entity_id"] == cid], *week]

    for user in (*COLLEAGUES, *OWN):  # before the withdrawal, the unit sees the person
        assert all(v["participant_id"] == pid for v in seen(user)), user
    _consent(team, pid, "withdrawn")
    for user in COLLEAGUES:
        views = seen(user)
        assert len(views) >= 4, views  # the contact is still there: read, list, timeline, week
        for v in views:
            assert v["participant_id"] is None and v["participant_hidden"] is True, (user, v)
            assert "Sara" not in str(v), (user, v)
    for user in OWN:
        views = seen(user)
        assert all(v["participant_id"] == pid and not v["participant_hidden"] for v in views), user
        assert any("Sara starts Monday" in str(v) for v in views)
