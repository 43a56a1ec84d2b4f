"""Lead cards: the job's facts on every lead, duplicates merged, look-alike leads told apart."""

from __future__ import annotations

from typing import Any

import pytest

from service.usecases.lead_cards import normalised_title
from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant

CARD_FIELDS = {
    "line", "site", "city", "country", "distance_km", "remote", "hours_min", "hours_max", "wage_hourly",
    "currency", "contract_type", "contract_label", "closes_at", "application_route", "how_to_apply",
    "stage", "stage_label", "sector", "sector_label", "also_posted", "ad_source", "ad_url",
}  # fmt: skip


def _leads(api: Api, pid: str, **body: Any) -> list[dict[str, Any]]:
    r = api.call("POST", f"/participants/{pid}/leads", json=body)
    assert r.status_code == 200, r.text
    leads: list[dict[str, Any]] = r.json()["leads"]
    return leads


def test_every_lead_carries_the_job_on_its_card(api: Api) -> None:
    emp = _employer(api, country="SE")
    op = _opening(
        api, emp, hours_min=20, hours_max=30, wage_hourly=152.5, currency="SEK", contract_type="temporary",
        application_route="self_apply", closes_at="2099-01-31T00:00:00Z",
    )  # fmt: skip
    _employer(api, name="Tom Firma AB")  # an employer lead
    pid = _participant(api, disclosure={"level": "service_only", "es_may_contact_employers": True})["id"]
    leads = _leads(api, pid)
    assert {lead["kind"] for lead in leads} == {"opening", "employer"}
    assert all(set(lead["card"]) == CARD_FIELDS for lead in leads)
    card = next(lead["card"] for lead in leads if lead["id"] == op["id"])
    assert (card["city"], card["country"], card["site"]) == ("Kista", "SE", "Kista")
    assert (card["ad_source"], card["ad_url"]) == ("", "")  # typed in by the team, not from a board
    assert card["distance_km"] == pytest.approx(5.6, abs=0.1)  # Solna -> Kista
    assert (card["hours_min"], card["hours_max"], card["wage_hourly"], card["currency"]) == (
        20,
        30,
        152.5,
        "SEK",
    )
    assert (card["contract_type"], card["contract_label"]) == ("temporary", "temporary")
    assert card["closes_at"].startswith("2099-01-31")
    assert (card["application_route"], card["how_to_apply"]) == (
        "self_apply",
        "the person applies themselves",
    )
    assert (card["stage"], card["stage_label"]) == ("partnered", "partnered employer")
    assert card["sector_label"] == "transport and storage"
    assert card["line"] == "Lagerarbetare · Lagerhuset AB"
    employer_card = next(lead["card"] for lead in leads if lead["kind"] == "employer")
    assert employer_card["how_to_apply"] == "through the specialist" and employer_card["closes_at"] is None


def test_the_same_opening_posted_twice_is_one_lead_and_the_list_stays_full(api: Api) -> None:
    emp = _employer(api)
    first = _opening(api, emp, title="Lagerarbetare", hours_min=20, hours_max=30)
    again = _opening(api, emp, title="  lagerarbetare! ", hours_min=20, hours_max=30)
    others = [_opening(api, emp, title=f"Lagerarbetare {i}") for i in range(3)]
    pid = _participant(api)["id"]
    leads = _leads(api, pid, n=4)
    ids = [lead["id"] for lead in leads]
    assert len(leads) == 4 and len({first["id"], again["id"]} & set(ids)) == 1
    merged = next(lead for lead in leads if lead["id"] in (first["id"], again["id"]))
    assert merged["card"]["also_posted"] == [({first["id"], again["id"]} - {merged["id"]}).pop()]
    assert [lead["rank"] for lead in leads] == [1, 2, 3, 4]
    assert {o["id"] for o in others} <= set(ids)
    history = api.call("GET", f"/participants/{pid}/leads").json()["items"]
    assert len(history) == 4  # the folded copy is not recorded as a lead


def test_look_alike_leads_at_different_sites_are_told_apart(api: Api) -> None:
    emp = _employer(
        api, name="Brookside Academy Ltd",
        sites=[{"name": "North", "city": "Solna", "lat": 59.36, "lon": 18.0},
               {"name": "South", "city": "Huddinge", "lat": 59.24, "lon": 17.98}],
    )  # fmt: skip
    for site in emp["sites"]:
        _opening(api, emp, site_id=site["id"], title="Building caretaker", hours_min=30, hours_max=30)
    pid = _participant(api, preferences={"preferred_occupations": [{"label": "building caretaker"}]})["id"]
    lines = sorted(lead["card"]["line"] for lead in _leads(api, pid))
    assert lines == [
        "Building caretaker · Brookside Academy Ltd · North · 30 h",
        "Building caretaker · Brookside Academy Ltd · South · 30 h",
    ]


def test_titles_are_compared_folded() -> None:
    assert (
        normalised_title("  Building-Caretaker ")
        == normalised_title("building caretaker")
        == "building caretaker"
    )
    assert normalised_title("Cook") != normalised_title("Cook 2")


def test_person_notes_come_once_per_list_and_again_with_a_reused_set(api: Api) -> None:
    _opening(api, _employer(api), hours_min=20, hours_max=30)
    pid = _participant(api, benefits={"status": "none", "hours_threshold": 15})["id"]
    first = api.call("POST", f"/participants/{pid}/leads", json={"reuse": True}).json()
    again = api.call("POST", f"/participants/{pid}/leads", json={"reuse": True}).json()
    assert len(first["person_notes"]) == 1 and "15 h/week" in first["person_notes"][0]
    assert again["reused"] and again["person_notes"] == first["person_notes"]
    assert first["leads"][0]["explanation"]["summary"] == again["leads"][0]["explanation"]["summary"] != ""
