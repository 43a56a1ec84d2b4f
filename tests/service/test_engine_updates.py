"""Targeted index updates from the routes give the same leads as a full rebuild."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant


def _ranked(api: Api, pid: str) -> list[tuple[str, float]]:
    r = api.call("POST", f"/participants/{pid}/leads", json={"n": 50})
    assert r.status_code == 200, r.text
    return [(lead["id"], lead["score"]) for lead in r.json()["leads"]]


def _engine(api: Api) -> Any:
    return api.client.app.state.engine  # type: ignore[attr-defined]


def test_creating_openings_updates_the_index_in_place(api: Api) -> None:
    person = _participant(api, disclosure={"level": "partial", "es_may_contact_employers": True})
    engine = _engine(api)
    first = engine.ranker()
    emp = _employer(api)
    assert {i for i, _ in _ranked(api, person["id"])} == {emp["id"]}  # an employer lead
    op = _opening(api, emp, title="Lagerarbetare")
    other = _employer(api, name="Kafé Solna", sector_nace="I56")
    got = _ranked(api, person["id"])
    assert {i for i, _ in got} == {op["id"], other["id"]}  # the employer gave way to its opening
    assert engine.ranker() is first  # never rebuilt
    engine.invalidate()
    assert _ranked(api, person["id"]) == got
    assert engine.ranker() is not first


def test_remove_items_and_expiry(api: Api) -> None:
    person = _participant(api, disclosure={"level": "partial", "es_may_contact_employers": True})
    emp = _employer(api)
    op = _opening(api, emp)
    soon = _opening(api, emp, title="Truckförare", closes_at="2000-01-01T00:00:00Z")
    ids = {i for i, _ in _ranked(api, person["id"])}
    assert op["id"] in ids and soon["id"] not in ids  # closed by date: not live
    engine = _engine(api)
    engine.remove_items([op["id"]])  # e.g. a delete route: the row goes, the opening is re-read
    assert op["id"] in {i for i, _ in _ranked(api, person["id"])}  # still live in the store
