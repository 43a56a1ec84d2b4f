from __future__ import annotations

import json
from typing import Any

import pytest

from service.access.audit import list_access
from tests.conftest import Api

EMPLOYER = {
    "name": "Lagerhuset AB",
    "sector_nace": "H52",
    "stage": "partnered",
    "sites": [{"name": "Kista", "city": "Kista", "lat": 59.40, "lon": 17.94}],
}


def _employer(api: Api, **extra: Any) -> dict[str, Any]:
    r = api.call("POST", "/employers", json={**EMPLOYER, **extra})
    assert r.status_code == 201, r.text
    return r.json()


def _opening(api: Api, employer: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body = {
        "employer_id": employer["id"],
        "site_id": employer["sites"][0]["id"],
        "title": "Lagerarbetare",
        **extra,
    }
    r = api.call("POST", "/openings", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def _participant(api: Api, user: str = "spec.a", **extra: Any) -> dict[str, Any]:
    body = {
        "display_name": "Sara L.",
        "home": {"city": "Solna", "lat": 59.36, "lon": 18.0},
        "preferences": {"preferred_occupations": [{"label": "warehouse worker"}]},
        **extra,
    }
    r = api.call("POST", "/participants", user=user, json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_health(api: Api) -> None:
    r = api.call("GET", "/health", user=None)
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["encoder"].startswith("hashing")


def test_requests_without_credentials_are_refused(api: Api) -> None:
    assert api.call("GET", "/participants", user=None).status_code == 401
    assert api.client.get("/employers", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert api.client.get("/employers", headers={"Authorization": "Basic abc"}).status_code == 401


def test_the_anonymous_user_setting_alone_opens_nothing(make_api) -> None:  # type: ignore[no-untyped-def]
    api = make_api(anonymous_user="sup.a")  # only `ipsmatch demo` serves without sign-in
    assert api.call("GET", "/participants", user=None).status_code == 401
    assert api.client.get("/ui/participants", follow_redirects=False).status_code == 303


def test_employer_create_get_and_errors(api: Api) -> None:
    emp = _employer(api)
    assert api.call("GET", f"/employers/{emp['id']}").json()["name"] == "Lagerhuset AB"
    assert api.call("GET", "/employers/00000000-0000-4000-8000-000000000000").status_code == 404
    assert api.call("GET", "/employers/not-a-uuid").status_code == 422
    r = api.call("POST", "/employers", json={"name": "", "stage": "married", "colour": "red"})
    assert r.status_code == 422
    fields = {tuple(e["loc"]) for e in r.json()["detail"]}
    assert {("body", "name"), ("body", "stage"), ("body", "colour")} <= fields


def test_opening_is_linked_to_esco_when_saved(api: Api) -> None:
    op = _opening(api, _employer(api), title="Lagerarbetare", language="sv")
    assert op["isco_group"] == "9333" and op["occupation_uri"].startswith(
        "http://data.europa.eu/esco/occupation/"
    )
    assert op["city"] == "Kista"


@pytest.mark.parametrize(
    ("body", "status", "loc"),
    [
        ({"title": "x", "employer_id": "00000000-0000-4000-8000-000000000000"}, 404, None),
        ({"title": "x", "hours_min": 30, "hours_max": 10}, 422, ("body",)),
        ({"title": "x", "hours_min": -1}, 422, ("body", "hours_min")),
        ({"title": "", "status": "sold"}, 422, ("body", "title")),
        ({"title": "x", "site_id": "00000000-0000-4000-8000-000000000000"}, 422, ("body", "site_id")),
    ],
)
def test_bad_openings_get_clear_4xx(
    api: Api, body: dict[str, Any], status: int, loc: tuple[str, ...] | None
) -> None:
    emp = _employer(api)
    r = api.call("POST", "/openings", json={"employer_id": emp["id"], **body})
    assert r.status_code == status, r.text
    if loc:
        assert any(tuple(e["loc"][: len(loc)]) == loc for e in r.json()["detail"])


def test_participants_are_visible_only_in_their_unit(api: Api) -> None:
    person = _participant(api)
    pid = person["id"]
    assert person["unit_id"] == "unit-a"
    assert api.call("GET", f"/participants/{pid}", user="sup.a").status_code == 200
    assert api.call("GET", f"/participants/{pid}", user="spec.b").status_code == 404
    assert api.call("POST", f"/participants/{pid}/leads", user="spec.b", json={}).status_code == 404
    assert api.call("GET", "/participants", user="spec.b").json()["items"] == []
    assert api.call("GET", "/participants", user="admin").json()["items"] == []
    assert api.call("POST", "/participants", user="admin", json={"display_name": "X"}).status_code == 403
    r = api.call("POST", "/participants", user="spec.a", json={"display_name": "X", "unit_id": "unit-b"})
    assert r.status_code == 403


def test_every_participant_read_is_audit_logged(api: Api) -> None:
    pid = _participant(api)["id"]
    api.call("GET", f"/participants/{pid}", user="sup.a")
    api.call("GET", "/participants", user="spec.a")
    api.call("POST", f"/participants/{pid}/leads", user="spec.a", json={"n": 3})
    api.call("GET", f"/participants/{pid}", user="spec.b")  # refused: not a read, a denied attempt
    actions = sorted((row["action"], row["user_id"] != "") for row in list_access(api.db, entity_id=pid))
    assert [a for a, _ in actions] == ["create", "denied", "leads", "list", "read"]
    assert all(known for _, known in actions)


def test_leads_respect_refused_sectors_and_come_in_score_order(api: Api) -> None:
    shop = _employer(api, name="Butiken AB", sector_nace="G47")
    store = _employer(api)
    for title in ("Lagerarbetare", "Butikssäljare", "Truckförare"):
        _opening(api, shop, title=title)
        _opening(api, store, title=title)
    pid = _participant(
        api, preferences={"preferred_occupations": [{"label": "Lagerarbetare"}], "refused_sectors": ["G47"]}
    )["id"]
    body = api.call("POST", f"/participants/{pid}/leads", json={"n": 50}).json()
    leads = body["leads"]
    assert leads and all(lead["employer_id"] != shop["id"] for lead in leads)
    assert body["removed_by_constraints"] == {"the person refuses sector(s) G47": 3}
    keys = [(-lead["score"], lead["id"]) for lead in leads]
    assert keys == sorted(keys)
    for lead in leads:
        assert sum(p["contribution"] for p in lead["explanation"]["parts"]) == pytest.approx(
            lead["score"], abs=1e-3
        )
    assert leads[0]["title"] == "Lagerarbetare"


def test_employer_leads_follow_the_disclosure_plan(api: Api) -> None:
    _employer(api, name="Tom Firma AB")  # no openings: an employer lead
    private = _participant(api, disclosure={"level": "none", "es_may_contact_employers": False})["id"]
    open_ = _participant(api, disclosure={"level": "service_only", "es_may_contact_employers": True})["id"]
    kinds = {
        lead["kind"] for lead in api.call("POST", f"/participants/{open_}/leads", json={}).json()["leads"]
    }
    assert kinds == {"employer"}
    assert api.call("POST", f"/participants/{private}/leads", json={}).json()["leads"] == []


@pytest.mark.parametrize(
    "body", [{"n": 0}, {"n": "ten"}, {"kinds": []}, {"kinds": ["job"]}, {"exclude": "x"}]
)
def test_bad_leads_requests_are_422(api: Api, body: dict[str, Any]) -> None:
    pid = _participant(api)["id"]
    assert api.call("POST", f"/participants/{pid}/leads", json=body).status_code == 422


def test_malformed_json_is_a_4xx(api: Api) -> None:
    r = api.call("POST", "/employers", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_leads_are_recorded_and_take_feedback(api: Api) -> None:
    emp = _employer(api)
    _opening(api, emp, title="Lagerarbetare")
    pid = _participant(api)["id"]
    lead = api.call("POST", f"/participants/{pid}/leads", json={"n": 1}).json()["leads"][0]
    assert lead["lead_id"]
    r = api.call(
        "POST", f"/leads/{lead['lead_id']}/feedback", json={"feedback": "pursued", "note": "calls Monday"}
    )
    assert r.status_code == 201, r.text
    assert r.json()["feedback"] == "pursued" and r.json()["parts"]["preference"] >= 0
    assert (
        api.call(
            "POST", f"/leads/{lead['lead_id']}/feedback", user="spec.b", json={"feedback": "hired"}
        ).status_code
        == 404
    )
    assert (
        api.call("POST", f"/leads/{lead['lead_id']}/feedback", json={"feedback": "great"}).status_code == 422
    )
    history = api.call("GET", f"/participants/{pid}/leads").json()["items"]
    assert [(h["lead_id"], h["feedback"], h["item_id"]) for h in history] == [
        (lead["lead_id"], "pursued", lead["id"])
    ]
    assert api.call("GET", f"/participants/{pid}/leads", user="spec.b").status_code == 404


def test_pages_redirect_to_sign_in_without_a_session(api: Api) -> None:
    r = api.client.get("/ui/participants", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ui/login"
    assert api.client.get("/ui/login").status_code == 200


def test_skills_named_in_an_opening_and_typed_for_a_person_count_for_coverage(api: Api) -> None:
    emp = _employer(api)
    text = "We need someone who can load cargo and operate forklift trucks. Skills: assist customers."
    op = _opening(api, emp, title="Lagerarbetare", language="sv", description=text)
    pid = _participant(api, skills=[{"label": "Load cargo"}, {"label": "knitting socks"}])["id"]
    person = api.call("GET", f"/participants/{pid}").json()
    linked = {s["label"]: s["uri"] for s in person["skills"]}
    assert linked["Load cargo"].startswith("http://data.europa.eu/esco/skill/")
    assert linked["knitting socks"] == ""  # nothing close enough: no URI rather than a wrong one
    lead = next(
        x
        for x in api.call("POST", f"/participants/{pid}/leads", json={"n": 5}).json()["leads"]
        if x["id"] == op["id"]
    )
    matched = {s["uri"] for s in lead["explanation"]["matched_skills"]}
    assert linked["Load cargo"] in matched
    skills_part = next(p for p in lead["explanation"]["parts"] if p["name"] == "skills")
    assert skills_part["value"] > 0 and "has 1 of" in skills_part["because"]


def test_the_learned_reranker_says_when_it_moved_a_lead(make_api, resources, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from matching.ranking.reranker import FEATURES
    from participants import ParticipantStore, to_profile
    from service.usecases.lead_engine import LeadEngine

    model = {"kind": "logistic", "features": list(FEATURES), "coef": [0.0] * len(FEATURES), "intercept": 0.0,
             "n_train": 10, "C": 1.0, "depth": 30, "blend": 1.0}  # fmt: skip
    model["coef"][FEATURES.index("stage")] = -5.0  # this team revives cold employers first
    (tmp_path / "r.json").write_text(json.dumps(model))
    api = make_api(reranker="logistic", reranker_path=str(tmp_path / "r.json"))
    emp = _employer(api)
    for title in ("Lagerarbetare", "Truckförare"):
        _opening(api, emp, title=title)
    _opening(api, _employer(api, name="Kallt AB", stage="dormant"), title="Lagerarbetare")
    pid = _participant(api)["id"]
    after = api.call("POST", f"/participants/{pid}/leads", json={"n": 3}).json()
    plain = LeadEngine(api.db, resources.encoder, resources.catalog, resources.linker)  # the default: off
    before = plain.rank(to_profile(ParticipantStore(api.db.cursor()).get(participant_id=pid)), n=3)
    assert "/rerank-" in after["model_version"] and "/rerank-" not in before.model_version
    assert all(p.name != "reranker" for lead in before.leads for p in lead.explanation.parts)
    assert before.leads[0].employer_name != "Kallt AB"  # the default weights favour warm employers
    assert after["leads"][0]["employer_name"] == "Kallt AB"
    notes = [
        next(p for p in lead["explanation"]["parts"] if p["name"] == "reranker") for lead in after["leads"]
    ]
    assert all(n["weight"] == 0 and n["contribution"] == 0 for n in notes)
    assert "learned re-ranker: moved from" in notes[0]["because"]
