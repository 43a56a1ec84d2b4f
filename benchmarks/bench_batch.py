"""The overnight batch's work for P participants x N openings: time, peak RSS, against a numpy loop.

Runs the batch's own phase functions (`service.usecases.batch.chunks.rank_chunk`, `caps.assign`,
`explain_chunk`) and its store (`BatchStore.write_chunk`, Arrow bulk inserts into a temporary DuckDB
file) on the synthetic data of `synthetic.py`, in chunks as `ipsmatch batch` does. Reading participants from
the caseload tables is not included (it is a few queries per chunk of 500). The peer is a plain
numpy loop: per person, gather the allowed rows, one matmul, argpartition (similarity only).
``--engine ray`` ranks and explains on a local Ray (``ray.init(num_cpus=2)`` here) with the
batch's own `RayExecutor`; its start-up and the shipping of the ranker count in the total.

Run: ``.venv/bin/python benchmarks/bench_batch.py [--participants 10000] [--openings 100000]
[--engine local|ray]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from common import environment, peak_rss_mb
from peers import Columns, NumpyPeer
from synthetic import make_openings, make_people

from matching import Ranker
from participants.batches import BatchStore
from service.runtime.database import Database
from service.usecases.batch.caps import assign
from service.usecases.batch.chunks import LocalExecutor, explain_chunk, rank_chunk
from service.usecases.batch.options import BatchOptions


def main() -> None:
    """Time the batch phases and the numpy loop; print a table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--openings", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--no-peer", action="store_true", help="skip the numpy loop (growth runs)")
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    args = parser.parse_args()
    env = environment()
    print(f"environment: {json.dumps(env)}", flush=True)
    items, vectors = make_openings(args.openings)
    people = make_people(args.participants, "loose")[: args.participants // 2] + make_people(
        args.participants - args.participants // 2, "filtered", seed=2
    )
    options = BatchOptions(chunk=args.chunk)
    started = time.perf_counter()
    ranker = Ranker().fit(items, vectors)
    fit_s = time.perf_counter() - started
    chunks = [
        [(p.id + f"-{i}", p, g, []) for i, (p, g) in enumerate(people[s : s + args.chunk], start=s)]
        for s in range(0, len(people), args.chunk)
    ]
    t0 = time.perf_counter()
    executor = _executor(ranker, args.engine)
    ready_s = time.perf_counter() - t0
    results = executor.map(rank_chunk, iter(chunks), options.candidates)
    candidates = [c for result in results for c in result]
    t1 = time.perf_counter()
    assigned = assign(candidates, options)
    plan, counts = assigned.plan, assigned.counts()
    capped_people, capped_leads = counts["capped_participants"], counts["capped_leads"]
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(str(Path(tmp) / "batch.duckdb"))
        db.migrate()
        store = BatchStore(db.cursor(), db.write_lock)
        store.create(
            batch_id="00000000-0000-4000-8000-00000000000b",
            model_version="bench",
            settings={},
            settings_hash="x",
            actor="bench",
        )
        written = 0
        ids = {pid: [x.item_id for x in found] for pid, found in plan.items()}
        planned = ([(pid, p, g, ids[pid]) for pid, p, g, _ in chunk] for chunk in chunks)
        for leads in executor.map(explain_chunk, planned):
            written += store.write_chunk(
                batch_id="00000000-0000-4000-8000-00000000000b",
                leads={_uuid(pid): ls for pid, ls in leads.items()},
                model_version="bench",
                actor="bench",
            )
        db.close()
    t3 = time.perf_counter()
    executor.close()
    peer = NumpyPeer(vectors, Columns(items))
    t4 = time.perf_counter()
    for p, g in [] if args.no_peer else people:
        peer.query(p, g, options.leads)
    numpy_s = time.perf_counter() - t4 if not args.no_peer else float("nan")
    ours_s = t3 - t0
    out = {
        "participants": len(people), "openings": len(items), "leads_per_participant": options.leads,
        "engine": args.engine, "engine_start_s": round(ready_s, 1), "fit_s": round(fit_s, 1),
        "rank_s": round(t1 - t0 - ready_s, 1), "assign_s": round(t2 - t1, 1),
        "explain_and_write_s": round(t3 - t2, 1), "total_s": round(ours_s, 1), "leads_written": written,
        "capped_participants": capped_people, "capped_leads": capped_leads,
        "over_cap_participants": counts["over_cap_participants"], "over_cap_leads": counts["over_cap_leads"],
        "peak_rss_mb": round(peak_rss_mb()), "numpy_loop_s": round(numpy_s, 1),
        "ratio_vs_numpy_loop": round(numpy_s / ours_s, 2),
    }  # fmt: skip
    print(f"{'phase':<22} {'seconds':>8}")
    phases = ("fit_s", "engine_start_s", "rank_s", "assign_s", "explain_and_write_s", "total_s")
    for key in (*phases, "numpy_loop_s"):
        print(f"{key:<22} {out[key]:>8}")
    print(
        f"peak RSS {out['peak_rss_mb']} MB; {written} leads written; {capped_people} participants lost "
        f"{capped_leads} leads to caps; numpy loop (similarity only, no writes) / ours = "
        f"{out['ratio_vs_numpy_loop']}"
    )
    print(json.dumps({"benchmark": "bench_batch", "environment": env, **out}))


def _executor(ranker: Ranker, engine: str) -> Any:
    if engine == "ray":
        from service.usecases.batch.ray_executor import RayExecutor

        return RayExecutor(ranker, num_cpus=2)
    return LocalExecutor(ranker)


def _uuid(pid: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_OID, pid))


if __name__ == "__main__":
    main()
