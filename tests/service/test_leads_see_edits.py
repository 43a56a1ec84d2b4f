"""A participant edit through any write path is what the next leads request ranks (parts kept in memory)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant

OCCUPATION = {"label": "Lagerarbetare"}
#: Write path -> (method, path under /participants/{id}, body).
EDITS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "patch preferences": ("PATCH", "", {"preferences": {"refused_sectors": ["G47"]}}),
    "profile save": ("PUT", "/profile", {"occupations": [OCCUPATION], "refused_sectors": ["G47"]}),
}
PRIVATE: dict[str, tuple[str, str, dict[str, Any]]] = {
    "patch disclosure": ("PATCH", "", {"disclosure": {"level": "none", "es_may_contact_employers": False}}),
    "disclosure plan": ("PUT", "/plans/disclosure", {"level": "none", "es_may_contact_employers": False}),
    "consent withdrawn": ("POST", "/consents", {"purpose": "employer_disclosure", "state": "withdrawn"}),
}


def _leads(api: Api, pid: str, status: int = 200) -> dict[str, Any]:
    r = api.call("POST", f"/participants/{pid}/leads", json={"n": 50})
    assert r.status_code == status, r.text
    out: dict[str, Any] = r.json()
    return out


def _edit(api: Api, pid: str, edit: tuple[str, str, dict[str, Any]]) -> None:
    method, path, body = edit
    r = api.call(method, f"/participants/{pid}{path}", json=body)
    assert r.status_code in (200, 201), r.text


@pytest.mark.parametrize("path", list(EDITS))
def test_a_preference_edit_is_ranked_at_the_next_request(api: Api, path: str) -> None:
    shop = _employer(api, name="Butiken AB", sector_nace="G47")
    _opening(api, shop, title="Lagerarbetare")
    _opening(api, _employer(api), title="Lagerarbetare")
    pid = _participant(api, preferences={"preferred_occupations": [OCCUPATION]})["id"]
    assert _leads(api, pid)["removed_by_constraints"] == {}
    _edit(api, pid, EDITS[path])
    after = _leads(api, pid)
    assert after["removed_by_constraints"] == {"the person refuses sector(s) G47": 1}
    assert all(lead["employer_id"] != shop["id"] for lead in after["leads"])


@pytest.mark.parametrize("path", list(PRIVATE))
def test_a_disclosure_edit_suppresses_employer_leads_at_the_next_request(api: Api, path: str) -> None:
    _employer(api, name="Tom Firma AB")  # no openings: an employer lead
    pid = _participant(api, disclosure={"level": "service_only", "es_may_contact_employers": True})["id"]
    assert {lead["kind"] for lead in _leads(api, pid)["leads"]} == {"employer"}
    _edit(api, pid, PRIVATE[path])
    assert _leads(api, pid)["leads"] == []


def test_an_erased_participant_gets_no_leads_at_the_next_request(api: Api) -> None:
    _opening(api, _employer(api), title="Lagerarbetare")
    pid = _participant(api)["id"]
    assert _leads(api, pid)["leads"]
    r = api.call("POST", f"/participants/{pid}/erase", user="sup.a", json={"mode": "erase"})
    assert r.status_code == 200, r.text
    _leads(api, pid, status=404)
