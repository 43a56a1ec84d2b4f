"""The leads endpoint under load: a real uvicorn server, 100k openings, 1 / 8 / 32 concurrent clients.

Setup writes a temporary DuckDB file through the stores: employers in four cities, openings titled
with ESCO labels in en/fr/sv/da, and participants with goals, hours and travel limits. The server
is the normal `ipsmatch serve` (one worker, BLAS threads pinned at start-up) with the
deterministic `hashing:384` encoder, so setup takes seconds while vectors have the real model's
size. An asyncio + httpx load generator in this process sends ``POST /participants/{id}/leads``
(n=10, the page's size; every request also records its leads and an audit row) for a fixed time
per level. The client shares the 2 cores with the server, which the figures include.

Run: ``.venv/bin/python benchmarks/bench_http.py [--openings 100000] [--seconds 15]``
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from common import environment

from matching.linking.esco import EscoCatalog
from service.access.users import create_token
from service.demo.bulk import seed_synthetic
from service.runtime.database import Database

ROOT = Path(__file__).resolve().parents[1]
LEVELS = (1, 8, 32)


async def drive(base: str, token: str, people: list[str], clients: int, seconds: float) -> dict[str, float]:
    """Run ``clients`` concurrent request loops for ``seconds``; latency figures in ms."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def loop(client: httpx.AsyncClient, seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        while time.perf_counter() < stop:
            start = time.perf_counter()
            r = await client.post(f"/participants/{rng.choice(people)}/leads", json={"n": 10})
            latencies.append((time.perf_counter() - start) * 1000)
            errors += r.status_code != 200

    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as client:
        started = time.perf_counter()
        await asyncio.gather(*(loop(client, i) for i in range(clients)))
        wall = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": len(latencies),
        "req_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(float(np.percentile(latencies, 99)), 2),
        "errors": errors,
    }


def warm_up(base: str, token: str, people: list[str]) -> None:
    """Ask once for every participant, so goal vectors are cached as in steady use."""
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        for pid in people:
            client.post(f"/participants/{pid}/leads", json={"n": 10}).raise_for_status()


def server_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the server process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(pid: int, level: Coroutine[Any, Any, dict[str, float]]) -> dict[str, float]:
    """Run one load level, adding the server's CPU ms per request (less swayed by other load)."""
    before = server_cpu_s(pid)
    row = asyncio.run(level)
    row["server_cpu_ms_per_req"] = round((server_cpu_s(pid) - before) * 1000 / max(1, row["requests"]), 1)
    return row


def free_port() -> int:
    """A TCP port nobody listens on now (so a leftover server is never measured by mistake)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[str]:
    """`ipsmatch serve` on 127.0.0.1:port; returns once /health answers."""
    env = {**os.environ, "IPSMATCH_ENCODER": "hashing:384", "IPSMATCH_LOG_LEVEL": "warning"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(proc.stdout.read() if proc.stdout else "server exited")
        time.sleep(0.5)
    raise RuntimeError("server did not start")


def main() -> None:
    """Seed, serve, load at each level, print a table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--openings", type=int, default=100_000)
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    args = parser.parse_args()
    env = environment()
    print(f"environment: {json.dumps(env)}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "http.duckdb"
        db = Database(str(path))
        db.migrate()
        started = time.perf_counter()
        catalog = EscoCatalog.load(ROOT / "data" / "esco")
        user_id, people = seed_synthetic(db, catalog, openings=args.openings, participants=args.participants)
        token = create_token(db, user_id=user_id, name="bench")
        db.close()
        took = time.perf_counter() - started
        print(f"seeded {args.openings} openings, {len(people)} participants in {took:.1f}s", flush=True)
        port = args.port or free_port()
        proc = start_server(path, port)
        try:
            base = f"http://127.0.0.1:{port}"
            warm_up(base, token, people)
            rows = [measured(proc.pid, drive(base, token, people, c, args.seconds)) for c in LEVELS]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"{'clients':>7} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7} {'server CPU/req':>15}")
    for r in rows:
        p50, p99, cpu = r["p50_ms"], r["p99_ms"], r["server_cpu_ms_per_req"]
        head = f"{r['clients']:>7} {r['req_per_s']:>8.1f} {p50:>7.1f}ms {p99:>7.1f}ms"
        print(f"{head} {r['errors']:>7} {cpu:>13.1f}ms")
    by = {r["clients"]: r for r in rows}
    goals = {
        "p99_at_8_le_50ms": by[8]["p99_ms"] <= 50,
        "no_errors": all(r["errors"] == 0 for r in rows),
        "throughput_32_ge_8": by[32]["req_per_s"] >= by[8]["req_per_s"],
    }
    print(
        json.dumps(
            {
                "benchmark": "bench_http",
                "environment": env,
                "openings": args.openings,
                "levels": rows,
                "goals": goals,
            }
        )
    )


if __name__ == "__main__":
    main()
