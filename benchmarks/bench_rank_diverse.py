"""The ranking path on diverse openings: every opening (nearly) its own group.

`bench_rank.py` draws openings from 400 occupations with few distinct hour bands, cities and
employers, so many openings share a group and the group bounds prune most of the work. Real
networks are more varied. Here openings are titled with ESCO preferred labels of all 3,007
occupations in four languages, at 2,500 employers with six stages, five hour bands, three contract
types and three application routes (`service.demo.bulk`), and ranked through `LeadEngine.rank`,
the code the API runs (BLAS pinned to one thread as in the server; ``hashing:384`` vectors).

Run: ``.venv/bin/python benchmarks/bench_rank_diverse.py [--openings 100000] [--people 50]``
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from common import environment
from threadpoolctl import threadpool_limits

from embeddings import load_encoder
from matching.linking.esco import EscoCatalog
from matching.linking.linker import TitleLinker
from participants import ParticipantStore, to_profile
from service.demo.bulk import seed_synthetic
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Seed, build the index, time one rank per person (after a warm-up pass)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--openings", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=50)
    args = parser.parse_args()
    env = environment()
    print(f"environment: {json.dumps(env)}", flush=True)
    with tempfile.TemporaryDirectory() as tmp, threadpool_limits(1):
        db = Database(str(Path(tmp) / "diverse.duckdb"))
        db.migrate()
        catalog = EscoCatalog.load(ROOT / "data" / "esco")
        _, ids = seed_synthetic(db, catalog, openings=args.openings, participants=args.people)
        engine = LeadEngine(db, load_encoder("hashing:384"), catalog, TitleLinker().fit(catalog.labels))
        ranker = engine.ranker()
        store = ParticipantStore(db.cursor())
        people = [(to_profile(r), r.preferences.goals) for r in store.get_many(participant_ids=ids)]
        for profile, goals in people:  # warm-up: goal vectors cached, as in steady use
            engine.rank(profile, goals_text=goals, n=10)
        ms = []
        for profile, goals in people:
            start = time.perf_counter()
            engine.rank(profile, goals_text=goals, n=10)
            ms.append((time.perf_counter() - start) * 1000)
        groups = len(ranker.store_.groups)
        db.close()
    out = {
        "openings": args.openings,
        "groups": groups,
        "p50_ms": round(statistics.median(ms), 2),
        "p99_ms": round(float(np.percentile(ms, 99)), 2),
    }
    print(f"{args.openings} openings in {groups} groups: p50 {out['p50_ms']} ms, p99 {out['p99_ms']} ms")
    print(json.dumps({"benchmark": "bench_rank_diverse", "environment": env, **out}))


if __name__ == "__main__":
    main()
