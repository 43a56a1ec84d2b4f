"""Lead sets: feedback remembered, set aside and undone, a set shown again while nothing changed."""

from __future__ import annotations

from typing import Any

from participants import LeadStore
from service.access.audit import list_access
from service.usecases import lead_sets
from service.usecases.batch.options import BatchOptions
from service.usecases.batch.runner import run_batch
from service.usecases.rerank import training_frame
from tests.conftest import Api
from tests.service.test_api import _employer, _opening, _participant


def _count(api: Api, table: str) -> int:
    row = api.db.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0])


def _post(api: Api, pid: str, **body: Any) -> dict[str, Any]:
    r = api.call("POST", f"/participants/{pid}/leads", json=body)
    assert r.status_code == 200, r.text
    out: dict[str, Any] = r.json()
    return out


def _setup(api: Api, titles: tuple[str, ...] = ("Lagerarbetare", "Truckförare", "Lagerchef")) -> str:
    emp = _employer(api)
    for title in titles:
        _opening(api, emp, title=title)
    return str(_participant(api)["id"])


def test_reuse_within_a_day_records_no_new_leads_and_the_default_records_a_set_per_post(api: Api) -> None:
    pid = _setup(api)
    first = _post(api, pid, n=3, reuse=True)
    assert not first["reused"] and _count(api, "caseload_leads") == 3
    again = _post(api, pid, n=3, reuse=True)
    assert again["reused"] and again["lead_set_id"] == first["lead_set_id"]
    assert [x["lead_id"] for x in again["leads"]] == [x["lead_id"] for x in first["leads"]]
    assert [x["card"] for x in again["leads"]] == [x["card"] for x in first["leads"]]
    assert _count(api, "caseload_leads") == 3 and _count(api, "caseload_lead_sets") == 1
    shown = [r["detail"] for r in list_access(api.db, entity_id=pid) if r["action"] == "leads"]
    # the view shown again is logged too; each row names the model, the inputs' hash and the batch
    assert [d.split()[0] for d in shown] == ["n=3", "n=3"]
    assert f"set={first['lead_set_id']}" in shown[0] and "set=" not in shown[1]
    assert all(f"model={first['model_version']}" in d and "batch=none" in d for d in shown)
    assert len({d.split("inputs=")[1].split()[0] for d in shown}) == 1  # same inputs, same hash
    fresh = _post(api, pid, n=3)  # no "reuse": the API records a new set per request
    assert not fresh["reused"] and _count(api, "caseload_leads") == 6
    assert _post(api, pid, n=2, reuse=True)["lead_set_id"] != fresh["lead_set_id"]  # another request


def test_a_profile_or_index_change_records_a_new_set(api: Api) -> None:
    pid = _setup(api)
    first = _post(api, pid, n=3, reuse=True)
    r = api.call("PATCH", f"/participants/{pid}", json={"preferences": {"hours_min": 10}})
    assert r.status_code == 200, r.text
    changed = _post(api, pid, n=3, reuse=True)
    assert not changed["reused"] and changed["lead_set_id"] != first["lead_set_id"]
    assert _count(api, "caseload_leads") == 6
    assert not any(x["new"] for x in changed["leads"])  # the same openings as before
    _opening(api, _employer(api, name="Nya Lager AB"), title="Lagerarbetare")
    indexed = _post(api, pid, n=4, reuse=True)
    assert not indexed["reused"] and [x["title"] for x in indexed["leads"] if x["new"]] == ["Lagerarbetare"]


def test_a_set_older_than_the_programme_window_is_not_shown_again(make_api) -> None:  # type: ignore[no-untyped-def]
    never = make_api(lead_set_hours=0)
    pid = _setup(never)
    _post(never, pid, n=3, reuse=True)
    assert not _post(never, pid, n=3, reuse=True)["reused"] and _count(never, "caseload_leads") == 6


def test_feedback_is_remembered_set_aside_and_undone(api: Api) -> None:
    pid = _setup(api)
    leads = _post(api, pid, n=3, reuse=True)["leads"]
    for lead, feedback in zip(leads, ("pursued", "not_relevant", "person_declined"), strict=True):
        r = api.call("POST", f"/leads/{lead['lead_id']}/feedback", json={"feedback": feedback})
        assert r.status_code == 201, r.text
    again = _post(api, pid, n=3, reuse=True)
    assert [x["feedback"] for x in again["leads"]] == ["pursued", "not_relevant", "person_declined"]
    r = api.call("POST", f"/leads/{leads[1]['lead_id']}/feedback", json={"feedback": "reconsider"})
    assert r.status_code == 201
    assert [x["feedback"] for x in _post(api, pid, n=3, reuse=True)["leads"]][1] == "reconsider"
    # The remaining decline is no fit signal (as before); the undone "not relevant" leaves training.
    frame = training_frame(LeadStore(api.db.cursor()).labelled())
    assert frame["label"].to_list() == [1]


def test_a_not_relevant_lead_stays_a_negative_after_it_is_set_aside(api: Api) -> None:
    pid = _setup(api)
    lead = _post(api, pid, n=1, reuse=True)["leads"][0]
    api.call("POST", f"/leads/{lead['lead_id']}/feedback", json={"feedback": "not_relevant"})
    _post(api, pid, n=1, reuse=True)
    assert training_frame(LeadStore(api.db.cursor()).labelled())["label"].to_list() == [0]
    fresh = _post(api, pid, n=1)  # ranked anew: the item's feedback follows it to the new lead
    assert fresh["leads"][0]["feedback"] == "not_relevant"


def test_the_page_shows_the_overnight_batch_in_the_morning(api: Api) -> None:
    pid = _setup(api)
    state = api.client.app.state  # type: ignore[attr-defined]
    run_batch(state.db, state.engine, BatchOptions(leads=3, candidates=3, chunk=5))
    written = _count(api, "caseload_leads")
    assert written == 3
    morning = _post(api, pid, n=10, reuse=True)
    assert morning["reused"] and len(morning["leads"]) == 3 and _count(api, "caseload_leads") == written
    batch_lead_ids = {
        str(r[0])
        for r in api.db.cursor()
        .execute("SELECT id FROM caseload_leads WHERE batch_id IS NOT NULL")
        .fetchall()
    }
    assert {x["lead_id"] for x in morning["leads"]} == batch_lead_ids
    assert _post(api, pid, n=10, reuse=True)["lead_set_id"] == morning["lead_set_id"]


def test_a_batch_older_than_the_last_change_is_not_shown(api: Api) -> None:
    pid = _setup(api)
    state = api.client.app.state  # type: ignore[attr-defined]
    run_batch(state.db, state.engine, BatchOptions(leads=3, candidates=3, chunk=5))
    _opening(api, _employer(api, name="Nya Lager AB"), title="Lagerarbetare")
    after_change = _post(api, pid, n=10, reuse=True)
    assert not after_change["reused"] and len(after_change["leads"]) == 4


def test_a_sets_items_are_kept_when_recorded_and_read_once_after_a_restart(api: Api) -> None:
    pid = _setup(api)
    first = _post(api, pid, n=2)
    recorded = LeadStore(api.db.cursor()).get_many(lead_ids=[x["lead_id"] for x in first["leads"]])
    kept = lead_sets._ITEMS.get(first["lead_set_id"])
    assert kept == {r.item_id for r in recorded} == {x["id"] for x in first["leads"]}
    lead_sets._ITEMS.clear()  # as after a restart: the previous set's items are read from its leads
    second = _post(api, pid, n=3)
    assert [x["title"] for x in second["leads"] if x["new"]] == [
        x["title"] for x in second["leads"] if x["id"] not in kept
    ]
    assert sum(x["new"] for x in second["leads"]) == 1
