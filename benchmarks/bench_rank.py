"""Rank leads for one participant over 10k and 100k synthetic openings: our path vs a naive loop.

Both run in this process on the same data, queries and constraints. The naive peer is
`matching.reference.reference_rank`, a per-item Python loop implementing the same rules (it is also
the test oracle). Openings are drawn from occupation clusters, not uniform noise, so similarity
has the structure real titles have.

Run: ``.venv/bin/python benchmarks/bench_rank.py [--sizes 10000 100000] [--queries 50]``
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable

import numpy as np
from threadpoolctl import threadpool_info

from matching import Ranker
from matching.reference import reference_rank
from matching.types import Concept, Disclosure, Opening, Place, Profile

DIM = 384
N_OCCUPATIONS = 400
SECTORS = ("G47", "I56", "Q87", "N81", "H52", "C10", "F43", "A01", "J62", "N82")
SKILLS = [Concept(f"skill {i}", f"skill:{i}") for i in range(2000)]


def make_data(n: int, seed: int = 0) -> tuple[list[Opening], np.ndarray, np.ndarray]:
    """Make n openings in N_OCCUPATIONS clusters; returns items, (n, DIM) vectors, cluster centres."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng.normal(size=(N_OCCUPATIONS, DIM)))
    occ_skills = [
        tuple(SKILLS[j] for j in rng.choice(len(SKILLS), 15, replace=False)) for _ in range(N_OCCUPATIONS)
    ]
    cluster = rng.integers(0, N_OCCUPATIONS, n)
    vectors = _unit(centres[cluster] + 0.6 * rng.normal(size=(n, DIM)) / np.sqrt(DIM) * 8)
    lo = rng.choice([10.0, 16.0, 20.0, 30.0], n)
    items = [
        Opening(
            id=f"{i:08d}",
            employer_id=f"e{i % (n // 10 + 1)}",
            title=f"opening {i}",
            occupation=Concept(f"occ {c}", f"occ:{c}", str(1000 + c)),
            sector=SECTORS[c % len(SECTORS)],
            stage="learning",
            hours_min=float(lo[i]),
            hours_max=float(lo[i] + 10),
            contract_type="permanent",
            place=Place(59.0 + rng.random(), 17.5 + rng.random()),
            essential_skills=occ_skills[c],
            application_route="either",
        )
        for i, c in enumerate(cluster)
    ]
    return items, vectors, centres


def make_profiles(centres: np.ndarray, k: int, seed: int = 1) -> list[tuple[Profile, np.ndarray]]:
    """Make k people with goals near two clusters and constraints (sectors, hours) that leave about half."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(k):
        goals = rng.choice(N_OCCUPATIONS, 2, replace=False)
        profile = Profile(
            id=f"p{i}",
            preferred_occupations=tuple(Concept(f"occ {g}", f"occ:{g}", str(1000 + g)) for g in goals),
            refused_sectors=tuple(rng.choice(SECTORS, 3, replace=False)),
            hours_min=10.0,
            hours_max=25.0,
            hours_is_constraint=True,
            home=Place(59.3, 18.0),
            max_commute_km=40.0,
            commute_is_constraint=bool(i % 2),
            skills=tuple(SKILLS[j] for j in rng.choice(len(SKILLS), 30, replace=False)),
            disclosure=Disclosure("service_only", True),
        )
        out.append((profile, _unit(centres[goals] + 0.1 * rng.normal(size=(2, DIM)) / np.sqrt(DIM))))
    return out


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    """Wall times in ms of ``repeats`` calls."""
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def run_size(n: int, queries: int, naive_queries: int) -> dict[str, float]:
    """Time both paths at one size; check they agree."""
    items, vectors, centres = make_data(n)
    people = make_profiles(centres, queries)
    start = time.perf_counter()
    ranker = Ranker().fit(items, vectors)
    fit_s = time.perf_counter() - start
    ranker.rank(*people[0], n=50)  # warm-up
    ours = []
    for profile, goals in people:
        ours += timed(lambda p=profile, g=goals: ranker.rank(p, g, n=50), 1)
    vec_list = vectors.tolist()
    naive = []
    for profile, goals in people[:naive_queries]:
        g = goals.tolist()
        naive += timed(lambda p=profile, g=g: reference_rank(items, vec_list, p, g, n=50), 1)
        fast = [lead.id for lead in ranker.rank(profile, goals, n=50)]
        slow = [i for i, _ in reference_rank(items, vec_list, profile, g, n=50)]
        assert len(set(fast) & set(slow)) >= 48, "paths disagree"  # float32 vs float64 near-ties only
    allowed = n - sum(ranker.removal_counts(people[0][0]).values())
    return {
        "n": n,
        "fit_s": round(fit_s, 2),
        "allowed_share": round(allowed / n, 3),
        "ours_p50_ms": round(statistics.median(ours), 3),
        "ours_p99_ms": round(float(np.percentile(ours, 99)), 3),
        "naive_p50_ms": round(statistics.median(naive), 1),
        "ratio_vs_naive": round(statistics.median(naive) / statistics.median(ours), 1),
    }


def environment() -> dict[str, object]:
    """What the numbers were measured on: BLAS kernel and thread settings matter here."""
    blas = [
        {k: info.get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
        for info in threadpool_info()
        if info.get("user_api") == "blas"
    ]
    env = {
        k: os.environ[k]
        for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS")
        if k in os.environ
    }
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas,
        "env": env,
    }


def main() -> None:
    """Parse arguments, run every size, print a table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--naive-queries", type=int, default=3)
    args = parser.parse_args()
    env = environment()
    print(f"environment: {json.dumps(env)}")
    rows = [run_size(n, args.queries, args.naive_queries) for n in args.sizes]
    print(f"{'openings':>9} {'allowed':>8} {'ours p50':>10} {'ours p99':>10} {'naive p50':>11} {'ratio':>8}")
    for r in rows:
        print(
            f"{r['n']:>9} {r['allowed_share']:>8.1%} {r['ours_p50_ms']:>8.2f}ms {r['ours_p99_ms']:>8.2f}ms "
            f"{r['naive_p50_ms']:>9.0f}ms {r['ratio_vs_naive']:>7.0f}x"
        )
    print(json.dumps({"benchmark": "bench_rank", "environment": env, "sizes": rows}))


if __name__ == "__main__":
    main()
