"""Where a leads request's time goes: per-step wall and thread CPU of ``POST /participants/{id}/leads``.

The same setup as `bench_http.py` (``seed_synthetic``: 100k openings, 200 participants,
``hashing:384``), served in process through a `TestClient` one request at a time, after one
warm-up request per participant. Steps are timed by wrapping the functions the request calls
(``time.thread_time`` is the calling thread's CPU; DuckDB's own threads and the group writer's
thread show only in the process CPU). For comparing commits back-to-back, not a published figure.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/profile_leads.py [--openings 100000] [--requests 150]``
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import participants.leads as stored_leads
import service.runtime.database as database
import service.usecases.lead_engine as lead_engine
import service.usecases.leads as leads
import service.usecases.participants as participant_cases
from matching.linking.esco import EscoCatalog
from service.access.users import create_token
from service.app import create_app
from service.config import Settings
from service.demo.bulk import seed_synthetic

ROOT = Path(__file__).resolve().parents[1]
#: (module or class, attribute, label) of each timed step.
STEPS: tuple[tuple[Any, str, str], ...] = (
    (leads, "serve_leads", "use case (all below but the participant read)"),
    (participant_cases, "visible_participant", "participant read"),
    (leads, "rank_input", "rank inputs"),
    (leads, "fingerprint", "fingerprint"),
    (leads, "latest_set", "previous set"),
    (lead_engine.LeadEngine, "rank", "ranking"),
    (leads, "card_facts", "cards"),
    (leads, "merge_duplicates", "merged repeats"),
    (database.Database, "group_commit", "group commit (wait)"),
    (leads, "_marked", "feedback and new marks"),
    (leads, "items_of", "  previous set's items"),
    (stored_leads.LeadStore, "feedback_by_item", "  feedback"),
)


def timed(wall: dict[str, list[float]], cpu: dict[str, list[float]]) -> None:
    """Wrap every step so each call adds its wall and thread-CPU seconds under its label."""
    for owner, name, label in STEPS:
        fn: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(fn)
        def wrapper(*a: Any, _fn: Callable[..., Any] = fn, _label: str = label, **k: Any) -> Any:
            start, start_cpu = time.perf_counter(), time.thread_time()
            try:
                return _fn(*a, **k)
            finally:
                wall[_label].append(time.perf_counter() - start)
                cpu[_label].append(time.thread_time() - start_cpu)

        setattr(owner, name, wrapper)


def main() -> None:
    """Seed, serve in process, time ``--requests`` requests, print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--openings", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=150)
    args = parser.parse_args()
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "profile.duckdb")
        app = create_app(Settings(db_path=path, encoder="hashing:384", data_dir=ROOT / "data"))
        with TestClient(app, base_url="http://localhost") as client:
            db = app.state.db
            catalog = EscoCatalog.load(ROOT / "data" / "esco")
            user_id, people = seed_synthetic(db, catalog, openings=args.openings, participants=200)
            app.state.engine.invalidate()
            headers = {"Authorization": f"Bearer {create_token(db, user_id=user_id, name='profile')}"}
            for pid in people:
                client.post(f"/participants/{pid}/leads", json={"n": 10}, headers=headers).raise_for_status()
            timed(wall, cpu)
            rng, took, cpu_start = random.Random(1), [], time.process_time()
            for _ in range(args.requests):
                start = time.perf_counter()
                url = f"/participants/{rng.choice(people)}/leads"
                client.post(url, json={"n": 10}, headers=headers).raise_for_status()
                took.append(time.perf_counter() - start)
            process_cpu = (time.process_time() - cpu_start) / args.requests
    n = args.requests
    p50 = statistics.median(took) * 1e3
    print(f"{n} requests: wall p50 {p50:.1f} ms, process CPU {process_cpu * 1e3:.1f} ms a request")
    for _, _, label in STEPS:
        step_wall, step_cpu = sum(wall[label]) / n * 1e3, sum(cpu[label]) / n * 1e3
        print(f"  {label:46s} wall {step_wall:6.2f} ms  CPU {step_cpu:6.2f} ms")


if __name__ == "__main__":
    main()
