"""Top-50 leads for one participant: our path against every peer, in one run, at equal threads.

Data: ``realistic`` (the headline, `realistic.py`: every opening its own employer, site, hours,
contract, stage and skills from its ESCO occupation; people with typed goals, homes and mixed
constraints) and ``clustered`` (`synthetic.py`, shaped like occupation clusters, which suits our
pruning: a secondary row). Every path answers the same question, the top 50 by our full score
ordered by (travel tier, score, id):

- ``ours``: `Ranker.best` (pruned by score bounds; exact); ``ours_explained`` adds `Ranker.leads`;
- ``ours_noprune``: the same ranker scoring every allowed row (the baseline of our own code);
- ``numpy_full``: numpy filter columns, full score of every allowed row (`fullscore.NumpyFullPeer`);
- ``<peer>+rescore``: the peer retrieves ``--fetch`` candidates by similarity under the filter,
  then our full score orders them (`fullscore.Rescored`): faiss IndexFlatIP with IDSelectorBitmap
  or post-filtered, scikit-learn brute euclidean on unit vectors, numpy gather + matmul, DuckDB
  arrays, PostgreSQL + pgvector exact and HNSW.

recall@50 is against ``ours`` (exact); ``ratio_vs_<path>`` = that path's p50 / our p50. Every
path runs under `common.pinned` (BLAS/OpenMP via threadpoolctl, faiss, DuckDB ``threads``,
PostgreSQL parallel workers), once per ``--threads`` value.

Run: ``.venv/bin/python benchmarks/bench_rank.py`` (20k and 100k, 1 thread), or e.g.
``--sizes 5000 --queries 10 --threads 1 2 --peers numpy_full,faiss_selector --data realistic``;
``--million`` adds 1M. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

import numpy as np
import realistic
import synthetic
from common import environment, pinned, summary, timed
from fullscore import FullScorer, NumpyFullPeer, Rescored, recall
from peer_pg import PgPeer, PgServer, available
from peers import Columns, build

from matching import Ranker
from matching.ranking.selection import select
from matching.types import LEAD_KINDS

PEERS = ("numpy_full", "numpy", "faiss_selector", "faiss_postfilter", "sklearn", "duckdb", "pgvector")
K = 50
_CATALOG: list[realistic.Catalog] = []


def make_data(kind: str, n: int, queries: int) -> tuple[list, np.ndarray, list]:
    """(openings, (n, d) float32 vectors, [(profile, (g, d) goals)]) of one data kind."""
    if kind == "realistic":
        if not _CATALOG:
            _CATALOG.append(realistic.Catalog())
        items, vectors = realistic.make_openings(n, _CATALOG[0])
        return items, vectors, realistic.make_people(queries, _CATALOG[0])
    items, vectors = synthetic.make_openings(n)
    half = queries // 2
    people = synthetic.make_people(half, "filtered") + synthetic.make_people(queries - half, "loose", seed=2)
    return items, vectors, people


def check_filter(ranker: Ranker, cols: Columns, people: list) -> float:
    """Mean share of rows allowed; raises if the peers' numpy filter differs from our constraints."""
    shares = []
    for profile, _ in people:
        ours = select(ranker.store_, profile, LEAD_KINDS).rows
        theirs = np.flatnonzero(cols.mask(profile))
        if not np.array_equal(ours, theirs):
            raise AssertionError(f"{profile.id}: peers' filter allows {len(theirs)} rows, ours {len(ours)}")
        shares.append(len(ours) / len(ranker))
    return float(np.mean(shares))


def our_paths(ranker: Ranker, shares: list[float]) -> dict[str, Any]:
    """Our three paths by name, each (profile, goals) -> top-K rows.

    ``shares`` receives, per ``ours`` query, the share of allowed rows whose exact score was
    computed (the rest were bounded out or sat in travel tiers that were not needed).
    """

    def best(p: Any, g: np.ndarray, *, prune: bool = True) -> np.ndarray:
        ranker.prune = prune
        try:
            ranked = ranker.best(p, g, n=K)[0]
        finally:
            ranker.prune = True
        if prune:
            shares.append(ranked.scored / max(ranked.allowed, 1))
        return ranked.rows

    def explained(p: Any, g: np.ndarray) -> np.ndarray:
        ranked = ranker.best(p, g, n=K)[0]
        ranker.leads(p, ranked)
        return ranked.rows

    return {
        "ours": best,
        "ours_explained": explained,
        "ours_noprune": lambda p, g: best(p, g, prune=False),
    }


def run_paths(paths: dict[str, Any], people: list) -> dict[str, Any]:
    """Every path on every person, round-robin, the starting path rotating per person.

    Round-robin spreads load swings over all paths alike; rotating the start spreads the cost of
    being first to touch a person's rows (cold caches) alike too.

    Returns:
        name -> {p50_ms, p99_ms, recall_at_50, queries}; recall against ``paths["ours"]``.
    """
    for fn in paths.values():
        fn(*people[0])  # warm-up
    names = list(paths)
    times: dict[str, list[float]] = {name: [] for name in paths}
    recalls: dict[str, list[float]] = {name: [] for name in paths}
    for j, (profile, goals) in enumerate(people):
        found = {}
        for name in names[j % len(names) :] + names[: j % len(names)]:
            ms, found[name] = timed(lambda f=paths[name], p=profile, g=goals: f(p, g))
            times[name].append(ms)
        for name in names:
            recalls[name].append(recall(found[name], found["ours"]))
    return {
        name: {
            **summary(times[name]),
            "recall_at_50": round(float(np.mean(recalls[name])), 4),
            "queries": len(people),
        }
        for name in paths
    }


def build_peers(kind: str, vectors: np.ndarray, cols: Columns, scorer: FullScorer, args: Any) -> dict:
    """Peers by name (similarity peers wrapped in `Rescored`); a skipped one maps to its reason."""
    peers: dict[str, Any] = {}
    for name in args.peers:
        if name == "numpy_full":
            peers[name] = NumpyFullPeer(scorer, cols, vectors.nbytes)
        elif name == "pgvector":
            reason = available() or (
                "" if len(vectors) <= args.pg_max else f"more than --pg-max {args.pg_max:,} rows"
            )
            if kind not in args.pg_data:
                reason = reason or f"loading PostgreSQL runs on --pg-data {' '.join(args.pg_data)} only"
            if reason:
                peers[name] = reason
                continue
            server = PgServer(vectors, cols)
            peers["pgvector_exact+rescore"] = Rescored(PgPeer(server, "exact"), scorer, args.fetch)
            server.build_hnsw()
            peers["pgvector_hnsw+rescore"] = Rescored(PgPeer(server, "hnsw"), scorer, args.fetch)
            peers["_pg_server"] = server
        else:
            peers[f"{name}+rescore"] = Rescored(build(name, vectors, cols), scorer, args.fetch)
    return peers


def run_case(kind: str, n: int, args: Any) -> list[dict[str, Any]]:
    """Every path on one data kind and size, one row per thread count."""
    started = time.perf_counter()
    items, vectors, people = make_data(kind, n, args.queries)
    ranker = Ranker().fit(items, vectors)
    cols = Columns(items)
    allowed = check_filter(ranker, cols, people)
    peers = build_peers(kind, vectors, cols, FullScorer(ranker), args)
    print(f"  {kind} {n:,}: data, index and peers ready in {time.perf_counter() - started:.0f}s", flush=True)
    rows = []
    try:
        for threads in args.threads:
            with pinned(threads):
                rows.append(run_threads(kind, n, threads, ranker, peers, people, allowed))
    finally:
        if "_pg_server" in peers:
            peers["_pg_server"].close()
    return rows


def run_threads(
    kind: str, n: int, threads: int, ranker: Ranker, peers: dict, people: list, allowed: float
) -> dict:
    """One row: every path at ``threads`` threads."""
    shares: list[float] = []
    paths = our_paths(ranker, shares)
    skipped = {name: peer for name, peer in peers.items() if isinstance(peer, str)}
    for name, peer in peers.items():
        if not isinstance(peer, str) and not name.startswith("_"):
            set_threads = getattr(getattr(peer, "peer", peer), "set_threads", None)
            if set_threads:
                set_threads(threads)
            paths[name] = lambda p, g, q=peer: q.query(p, g, K)
    for name, why in skipped.items():
        print(f"  {name} skipped: {why}", flush=True)
    results = run_paths(paths, people)
    ours = results["ours"]["p50_ms"]
    ratios = {
        f"ratio_vs_{name}": round(r["p50_ms"] / ours, 2) for name, r in results.items() if name != "ours"
    }
    return {
        "data": kind,
        "n": n,
        "threads": threads,
        "people": len(people),
        "allowed_share": round(allowed, 4),
        "scored_share_of_allowed": round(float(np.mean(shares)), 4),
        "paths": results,
        "skipped": skipped,
        **ratios,
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    """One line per data kind, size, thread count and path."""
    print(
        f"{'data':<10} {'openings':>9} {'thr':>3} {'path':<26} {'p50 ms':>9} {'p99 ms':>9} "
        f"{'recall@50':>9} {'x ours':>7}"
    )
    for r in rows:
        for name, p in r["paths"].items():
            ratio = r.get(f"ratio_vs_{name}", 1.0)
            print(
                f"{r['data']:<10} {r['n']:>9,} {r['threads']:>3} {name:<26} {p['p50_ms']:>9.2f} "
                f"{p['p99_ms']:>9.2f} {p['recall_at_50']:>9.3f} {ratio:>7.2f}"
            )
        for name, why in r["skipped"].items():
            print(f"{r['data']:<10} {r['n']:>9,} {r['threads']:>3} {name:<26} skipped: {why}")


def main() -> None:
    """Parse arguments, run every data kind, size and thread count, print a table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--million", action="store_true", help="add 1,000,000 openings")
    parser.add_argument("--threads", type=int, nargs="+", default=[1], help="one row per value, e.g. 1 2")
    parser.add_argument(
        "--data", nargs="+", default=["realistic", "clustered"], choices=["realistic", "clustered"]
    )
    parser.add_argument(
        "--peers", default=",".join(PEERS), help=f"comma-separated subset of {','.join(PEERS)}"
    )
    parser.add_argument("--queries", type=int, default=50, help="people per data kind")
    parser.add_argument("--fetch", type=int, default=4 * K, help="candidates a similarity peer retrieves")
    parser.add_argument(
        "--pg-data", nargs="+", default=["realistic"], help="data kinds loaded into PostgreSQL (slow to load)"
    )
    parser.add_argument("--pg-max", type=int, default=100_000, help="largest size loaded into PostgreSQL")
    args = parser.parse_args()
    args.peers = [p for p in args.peers.split(",") if p]
    sizes = args.sizes + ([1_000_000] if args.million else [])
    env = environment()
    print(f"environment: {json.dumps(env)}", flush=True)
    rows = [row for kind in args.data for n in sizes for row in run_case(kind, n, args)]
    print_table(rows)
    env["load_avg_1m_end"] = environment()["load_avg_1m"]
    summary_env = {k: env.pop(k) for k in ("commit", "cpu_model", "load_avg_1m", "load_avg_1m_end")}
    print(
        json.dumps(
            {
                "benchmark": "bench_rank",
                **summary_env,
                "threads": args.threads,
                "data_kinds": args.data,
                "k": K,
                "fetch": args.fetch,
                "environment": env,
                "rows": rows,
            }
        )
    )


if __name__ == "__main__":
    main()
