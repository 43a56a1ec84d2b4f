"""The overnight batch: same leads as the API, idempotent, resumable after a kill, caps honoured."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from employers import EmployerStore, OpeningStore
from participants import ParticipantStore
from service.demo import seed
from service.usecases.batch.caps import SHARED_FLAG
from service.usecases.batch.chunks import explain_chunk
from service.usecases.batch.options import BatchOptions
from service.usecases.batch.runner import run_batch
from service.usecases.travel import TravelAreas
from tests.conftest import ROOT, Api
from tests.needs import need

NO_CAPS = BatchOptions(leads=10, candidates=10, max_per_opening=10**6, max_per_employer=10**6, chunk=7)


@pytest.fixture
def seeded(api: Api) -> Api:
    """The demo employers, openings and participants (all in the test unit unit-a)."""
    state = api.client.app.state  # type: ignore[attr-defined]
    db, engine, folder = state.db, state.engine, ROOT / "data" / "demo"
    cur = db.cursor()
    EmployerStore(cur, db.write_lock).create_many(
        rows=[seed._employer(r) for r in seed.read_jsonl(folder / "employers.jsonl.gz")], actor="t"
    )
    rows = list(seed.read_jsonl(folder / "openings.jsonl.gz"))[:600]  # a slice keeps the test quick
    openings = [engine.normalise_opening(seed._opening(r)) for r in rows]
    OpeningStore(cur, db.write_lock).create_many(rows=openings, actor="t")
    people = [
        engine.normalise_participant({**seed._participant(r, {}), "unit_id": "unit-a"})
        for r in seed.read_jsonl(folder / "participants.jsonl.gz")
    ]
    ParticipantStore(cur, db.write_lock).create_many(rows=people, actor="t")
    engine.invalidate()
    return api


def _batch_rows(db: Any, batch_id: str | None) -> dict[str, list[tuple[Any, ...]]]:
    sql = (
        "SELECT participant_id, item_id, rank, score, parts, flags FROM caseload_leads "
        "WHERE batch_id IS NOT DISTINCT FROM ?::UUID ORDER BY participant_id, rank"
    )
    out: dict[str, list[tuple[Any, ...]]] = {}
    for pid, *rest in db.cursor().execute(sql, [batch_id]).fetchall():
        out.setdefault(str(pid), []).append(tuple(rest))
    return out


def test_batch_gives_the_same_leads_as_the_api(seeded: Api) -> None:
    state = seeded.client.app.state  # type: ignore[attr-defined]
    record = run_batch(state.db, state.engine, NO_CAPS, batch_id="00000000-0000-4000-8000-000000000001")
    assert record.status == "finished" and record.capped_participants == 0
    people = ParticipantStore(state.db.cursor()).list(status="active", limit=1000)
    assert record.participants == len(people) and record.participants_done == len(people)
    folded: set[str] = set()  # the API folds a repeat of an opening into its better-ranked copy
    for person in people:  # the API records what it served, with batch_id NULL
        r = seeded.call("POST", f"/participants/{person.id}/leads", user="sup.a", json={"n": 10})
        assert r.status_code == 200, r.text
        folded |= {i for lead in r.json()["leads"] for i in lead["card"]["also_posted"]}
    # Every unit: call the engine the way the route does, and compare the full Lead objects too.
    engine = state.engine
    areas = TravelAreas.load(state.db, engine.travel_area_km)  # what both paths resolve
    for person in people:
        profile = areas.profile(person)
        served = engine.rank(profile, goals_text=person.preferences.goals, n=10).leads
        goals = engine.goal_vectors(profile, person.preferences.goals)
        batch = explain_chunk(engine.ranker(), [(person.id, profile, goals, [x.id for x in served])])
        assert batch[person.id] == served  # ids, ranks, scores, explanations
    api_rows, batch_rows = _batch_rows(state.db, None), _batch_rows(state.db, record.id)
    assert api_rows
    for pid, rows in api_rows.items():  # the batch's leads, repeats left out, begin the API's list
        distinct = [_no_rank(r) for r in batch_rows[pid] if r[0] not in folded]
        assert distinct == [_no_rank(r) for r in rows][: len(distinct)]


def _no_rank(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return (row[0], *row[2:])  # ranks are renumbered after folding


def test_rerunning_a_batch_adds_nothing(seeded: Api) -> None:
    state = seeded.client.app.state  # type: ignore[attr-defined]
    first = run_batch(state.db, state.engine, NO_CAPS)
    before = _batch_rows(state.db, first.id)
    again = run_batch(state.db, state.engine, NO_CAPS, batch_id=first.id)
    assert again.leads_written == first.leads_written and _batch_rows(state.db, first.id) == before
    with pytest.raises(ValueError):  # the same id with other rules is refused
        run_batch(state.db, state.engine, BatchOptions(leads=3), batch_id=first.id)


def test_exposure_caps_are_honoured_greedily_by_score(seeded: Api) -> None:
    state = seeded.client.app.state  # type: ignore[attr-defined]
    capped = BatchOptions(leads=10, candidates=30, max_per_opening=1, max_per_employer=3, chunk=16)
    record = run_batch(state.db, state.engine, capped)
    every = [(pid, r) for pid, found in _batch_rows(state.db, record.id).items() for r in found]
    rows = [(pid, r) for pid, r in every if SHARED_FLAG not in r[4]]  # caps bind the leads inside them
    per_item = Counter(r[0] for _, r in rows)
    assert max(per_item.values()) == 1
    employer_of = {o.id: o.employer_id for o in state.engine.ranker().openings_}
    assert max(Counter(employer_of[r[0]] for _, r in rows).values()) <= 3
    assert record.capped_participants > 0 and record.capped_leads >= record.capped_participants
    # Zero exclusion: the caps took some people's candidates, and they got leads over the caps.
    assert record.over_cap_leads == len(every) - len(rows) > 0 and record.over_cap_participants > 0
    assert record.leads_written == len(every)
    # Fairness: a capped opening went to the participant who scored it highest.
    uncapped = run_batch(state.db, state.engine, NO_CAPS)
    best: dict[str, tuple[float, str]] = {}
    for pid, found in _batch_rows(state.db, uncapped.id).items():
        for item, _rank, score, *_ in found:
            best[item] = max(best.get(item, (-1.0, "")), (score, pid))
    winners = {r[0]: pid for pid, r in rows}
    contested = [i for i in winners if Counter(x[0] for _, x in rows)[i] == 1 and i in best]
    assert sum(winners[i] == best[i][1] for i in contested) >= 0.8 * len(contested)


def test_caps_leave_nobody_short_and_record_what_they_did(seeded: Api) -> None:
    state = seeded.client.app.state  # type: ignore[attr-defined]
    capped = BatchOptions(leads=10, candidates=30, max_per_opening=1, max_per_employer=2, chunk=16)
    record = run_batch(state.db, state.engine, capped)
    roomy = _batch_rows(state.db, run_batch(state.db, state.engine, NO_CAPS).id)  # min(10, own candidates)
    got = _batch_rows(state.db, record.id)
    people = ParticipantStore(state.db.cursor()).list(status="active", limit=1000)
    assert record.over_cap_participants > 0
    assert record.short_participants == sum(len(roomy.get(p.id, [])) < 10 for p in people)
    over_seen = 0
    for person in people:  # every active person: as many leads as the caps had not been there
        rows = got.get(person.id, [])
        assert len(rows) == len(roomy.get(person.id, []))
        r = seeded.call("GET", f"/batches/{record.id}/participants/{person.id}", user="spec.a")
        assert r.status_code == 200, r.text
        effect = r.json()
        flagged = sorted(row[0] for row in rows if SHARED_FLAG in row[4])
        assert sorted(x["item_id"] for x in effect["over_cap_leads"]) == flagged
        assert all(
            x["shared_with"] >= 0 and x["over_cap"] in ("opening", "employer")
            for x in effect["over_cap_leads"]
        )
        assert (effect["within_caps"], effect["over_caps"]) == (len(rows) - len(flagged), len(flagged))
        assert bool(effect["short_reason"]) == (len(rows) < 10)
        over_seen += len(flagged)
    assert over_seen == record.over_cap_leads
    status = seeded.call("GET", f"/batches/{record.id}", user="sup.a").json()
    assert (status["over_cap_leads"], status["short_participants"]) == (over_seen, record.short_participants)
    outside = seeded.call("GET", f"/batches/{record.id}/participants/{people[0].id}", user="spec.b")
    assert outside.status_code == 404


def test_http_batch_runs_in_the_server(seeded: Api) -> None:
    r = seeded.call("POST", "/batches", user="sup.a", json={"leads": 5})
    assert r.status_code == 202, r.text
    batch_id = r.json()["id"]
    for _ in range(300):
        status = seeded.call("GET", f"/batches/{batch_id}", user="sup.a").json()
        if status["status"] in ("finished", "failed"):
            break
        time.sleep(0.2)
    assert status["status"] == "finished" and status["leads_written"] > 0
    assert seeded.call("POST", "/batches", user="spec.a").status_code == 403


@pytest.mark.slow
def test_a_killed_batch_resumes_where_it_stopped(tmp_path: Path) -> None:
    env = {**os.environ, "IPSMATCH_ENCODER": "hashing", "HF_HUB_OFFLINE": "1", "IPSMATCH_BATCH_CHUNK": "5"}
    cli = [sys.executable, "-m", "service.cli"]
    seeded = subprocess.run([*cli, "seed", "--db", str(tmp_path / "a.duckdb")], env=env, capture_output=True)
    assert seeded.returncode == 0, seeded.stderr[-2000:]
    shutil.copy(tmp_path / "a.duckdb", tmp_path / "b.duckdb")
    batch = ["batch", "--batch-id", "00000000-0000-4000-8000-00000000000b", "--leads", "10"]
    proc = subprocess.Popen(
        [*cli, *batch, "--db", str(tmp_path / "a.duckdb")], env=env, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    for line in proc.stderr:  # kill it hard after three written chunks
        if "write chunk 3 done" in line:
            proc.kill()
            break
    proc.wait(timeout=60)
    assert proc.returncode != 0
    for db in ("a.duckdb", "b.duckdb"):  # resume a; run b uninterrupted
        done = subprocess.run(
            [*cli, *batch, "--db", str(tmp_path / db)], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert "finished" in done.stdout + done.stderr
        assert "leads over a cap" in done.stdout + done.stderr  # the one-line summary of the caps
    import duckdb

    def leads(db: str) -> list[tuple[Any, ...]]:
        con = duckdb.connect(str(tmp_path / db), read_only=True)
        try:
            return con.execute(
                "SELECT participant_id, item_id, rank, score, parts FROM caseload_leads "
                "WHERE batch_id IS NOT NULL "
                "ORDER BY participant_id, rank"
            ).fetchall()
        finally:
            con.close()

    resumed, whole = leads("a.duckdb"), leads("b.duckdb")
    assert resumed == whole and len(resumed) == len({(r[0], r[2]) for r in resumed}) > 0
    assert all(json.loads(r[4]) for r in resumed)


@pytest.mark.slow
def test_ray_engine_gives_the_same_batch_as_the_local_one(seeded: Api) -> None:
    need(importlib.util.find_spec("ray") is not None, "ray (the scale extra)")
    import ray

    state = seeded.client.app.state  # type: ignore[attr-defined]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        capped = BatchOptions(leads=10, candidates=20, max_per_opening=2, max_per_employer=5, chunk=9)
        local = run_batch(state.db, state.engine, capped)
        remote = run_batch(state.db, state.engine, dataclasses.replace(capped, engine="ray"))
    finally:
        ray.shutdown()
    assert (remote.leads_written, remote.capped_leads) == (local.leads_written, local.capped_leads)
    assert _batch_rows(state.db, remote.id) == _batch_rows(state.db, local.id)
