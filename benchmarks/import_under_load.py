"""A large CSV import while clients read: read latency during the import, and the import's time.

Setup seeds a temporary DuckDB file (`seed_synthetic`: one unit, a specialist, employers,
openings, participants) and starts the normal `ipsmatch serve` (one worker, `hashing:384`
encoder) on it. Then, at the same time:

- one client posts a contacts CSV of ``--rows`` rows (each naming an employer by id) to
  ``POST /imports`` and waits for the report;
- ``--readers`` clients loop over ``GET /participants/{id}`` (audit-logged: a write per read)
  and ``GET /employers?limit=20`` until the import has answered;
- one client creates a contact now and then (``POST /contacts``), to show how long a small write
  waits for the import's chunks.

Before the import, the same readers run for ``--baseline`` seconds alone, for comparison. The
client shares the machine's cores with the server, which the figures include.

Run: ``.venv/bin/python benchmarks/import_under_load.py [--rows 50000] [--readers 8]``
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from bench_http import free_port, start_server
from common import environment

from matching.linking.esco import EscoCatalog
from service.access.users import create_token
from service.demo.bulk import seed_synthetic
from service.runtime.database import Database

ROOT = Path(__file__).resolve().parents[1]


def contacts_csv(employer_ids: list[str], rows: int, seed: int = 3) -> bytes:
    """``rows`` contact rows over the given employers, in the last 300 days."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    lines = ["employer_id,occurred_at,mode,status,purpose,learned"]
    for i in range(rows):
        at = (now - timedelta(days=rng.uniform(1, 300))).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        learned = f"Visit {i}: they hire for weekend shifts"
        lines.append(f"{rng.choice(employer_ids)},{at},face_to_face,held,learn_business,{learned}")
    return ("\n".join(lines) + "\n").encode()


async def read_loop(
    base: str, headers: dict[str, str], people: list[str], clients: int, done: threading.Event, seconds: float
) -> list[float]:
    """``clients`` loops of reads until ``done`` is set (or ``seconds`` pass); latencies in ms."""
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def loop(client: httpx.AsyncClient, seed: int) -> None:
        rng = random.Random(seed)
        while not done.is_set() and time.perf_counter() < stop:
            url = f"/participants/{rng.choice(people)}" if rng.random() < 0.5 else "/employers?limit=20"
            start = time.perf_counter()
            r = await client.get(url)
            latencies.append((time.perf_counter() - start) * 1000)
            r.raise_for_status()

    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=120) as client:
        await asyncio.gather(*(loop(client, i) for i in range(clients)))
    return latencies


def write_loop(base: str, headers: dict[str, str], employer: str, done: threading.Event) -> list[float]:
    """A contact created every half second until ``done``; latencies in ms."""
    latencies: list[float] = []
    with httpx.Client(base_url=base, headers=headers, timeout=600) as client:
        while not done.is_set():
            body = {
                "employer_id": employer,
                "occurred_at": datetime.now(UTC).isoformat(),
                "mode": "phone",
                "status": "held",
                "purpose": "follow_up",
            }
            start = time.perf_counter()
            client.post("/contacts", json=body).raise_for_status()
            latencies.append((time.perf_counter() - start) * 1000)
            done.wait(0.5)
    return latencies


def figures(ms: list[float]) -> dict[str, float]:
    """Count, p50, p99 and max of a list of milliseconds."""
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 1),
        "p99_ms": round(float(np.percentile(ms, 99)), 1),
        "max_ms": round(max(ms), 1),
    }


def seed(path: Path, participants: int, openings: int) -> tuple[str, list[str], list[str]]:
    """The bench token, participant ids and employer ids of a freshly seeded file."""
    db = Database(str(path))
    db.migrate()
    catalog = EscoCatalog.load(ROOT / "data" / "esco")
    user_id, people = seed_synthetic(db, catalog, openings=openings, participants=participants)
    token = create_token(db, user_id=user_id, name="bench")
    employers = [str(r[0]) for r in db.cursor().execute("SELECT id FROM crm_employers").fetchall()]
    db.close()
    return token, people, employers


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Seed, serve, measure the baseline and the import under load."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "import.duckdb"
        token, people, employers = seed(path, args.participants, args.openings)
        data = contacts_csv(employers, args.rows)
        port = free_port()
        proc: subprocess.Popen[str] = start_server(path, port)
        base, headers = f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {token}"}
        try:
            idle = threading.Event()
            baseline = asyncio.run(read_loop(base, headers, people, args.readers, idle, args.baseline))
            done, report = threading.Event(), {}

            def post_import() -> None:
                started = time.perf_counter()
                with httpx.Client(base_url=base, headers=headers, timeout=7200) as client:
                    files = {"file": ("contacts.csv", data)}
                    r = client.post("/imports", files=files, data={"entity": "contacts", "mode": "create"})
                report.update(status=r.status_code, seconds=round(time.perf_counter() - started, 1))
                report.update(
                    {k: r.json().get(k) for k in ("status", "created", "errors")} if r.is_success else {}
                )
                done.set()

            importer = threading.Thread(target=post_import)
            writes: list[float] = []
            writer = threading.Thread(
                target=lambda: writes.extend(write_loop(base, headers, employers[0], done))
            )
            importer.start()
            writer.start()
            during = asyncio.run(read_loop(base, headers, people, args.readers, done, 7200))
            importer.join()
            writer.join()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {"baseline_reads": figures(baseline), "reads_during_import": figures(during),
            "writes_during_import": figures(writes), "import": report, "csv_bytes": len(data)}  # fmt: skip


def main() -> None:
    """Print the environment, a short table and one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--openings", type=int, default=2_000)
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds of reads before the import")
    args = parser.parse_args()
    env = environment()
    print(f"environment: {json.dumps(env)}", flush=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    out = run(args)
    for name in ("baseline_reads", "reads_during_import", "writes_during_import"):
        print(f"{name:>22}: {out[name]}")
    print(f"{'import':>22}: {out['import']}")
    goals = {"read_p99_under_200ms": out["reads_during_import"].get("p99_ms", 1e9) < 200}
    result = {"benchmark": "import_under_load", "commit": commit.stdout.strip(), "environment": env,
              "rows": args.rows, "readers": args.readers, **out, "goals": goals}  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
