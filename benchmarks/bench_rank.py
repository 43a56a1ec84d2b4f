"""Leads for one participant at 10k, 100k and 1M openings: our path against every peer, in one run.

Same synthetic data (`synthetic.py`: ESCO-like occupation clusters, 12 cities), same people and
constraints for every path. Our path does the full job: the person's constraints, eight score
parts, the exact top 50 by score, explanations. The peers (`peers.py`, `peer_pg.py`) compute only
similarity top-50 under the same filter, which is less work; the naive peer
(`matching.ranking.oracle`, the test oracle) does the full job one item at a time.

Run: ``.venv/bin/python benchmarks/bench_rank.py`` (all sizes and peers, ~25 min on 2 cores), or a
subset: ``--sizes 10000 --peers numpy,naive``. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from typing import Any

import numpy as np
from common import environment, peak_rss_mb, summary, timed
from peer_pg import PgPeer, PgServer, available
from peers import Columns, build, recall
from synthetic import make_openings, make_people

from matching import Ranker
from matching.ranking.oracle import reference_rank

PEERS = ("naive", "numpy", "sklearn", "faiss_postfilter", "faiss_selector", "duckdb", "pgvector")
K = 50


def run_ours(items: list, vectors: np.ndarray, people: dict[str, list]) -> dict[str, Any]:
    """Fit once, then time the full path for every person."""
    rss0 = peak_rss_mb()
    fit_ms, ranker = timed(lambda: Ranker().fit(items, vectors))
    out: dict[str, Any] = {
        "fit_s": round(fit_ms / 1000, 2),
        "memory_mb": round(ranker.store_.nbytes() / 2**20, 1),
    }
    out["memory_vs_raw"] = round(ranker.store_.nbytes() / vectors.nbytes, 3)
    out["rss_growth_mb"] = round(peak_rss_mb() - rss0, 1)
    for kind, group in people.items():
        ranker.rank(*group[0], n=K)  # warm-up
        times, scored, allowed = [], [], []
        for profile, goals in group:
            ms, (best, _) = timed(lambda p=profile, g=goals: ranker.best(p, g, n=K))
            ms += timed(lambda p=profile, b=best: ranker.leads(p, b))[0]
            times.append(ms)
            scored.append(best.scored)
            allowed.append(best.allowed)
        out[kind] = {
            **summary(times),
            "allowed_share": round(float(np.mean(allowed)) / len(items), 4),
            "scored_share_of_allowed": round(float(np.sum(scored)) / max(1, np.sum(allowed)), 4),
        }
    out["ranker"] = ranker
    return out


def run_naive(items: list, vectors: np.ndarray, people: list, ranker: Ranker, queries: int) -> dict[str, Any]:
    """The per-item loop on the first people; also checks our path returns the same leads."""
    vec_list = vectors.tolist()
    times, agree = [], []
    for profile, goals in people[:queries]:
        goal_list = goals.tolist()
        ms, ref = timed(lambda p=profile, g=goal_list: reference_rank(items, vec_list, p, g, n=K))
        times.append(ms)
        ours = [lead.id for lead in ranker.rank(profile, goals, n=K)]
        agree.append(len(set(ours) & {i for i, _ in ref}) / max(1, len(ref)))
    return {**summary(times), "agreement_with_ours": round(float(np.mean(agree)), 4), "queries": len(times)}


def run_peer(peer: Any, people: dict[str, list], exact: dict[str, list], queries: int) -> dict[str, Any]:
    """Time a peer on the first ``queries`` people of each kind; recall@50 against exact."""
    out: dict[str, Any] = {"memory_mb": round(peer.nbytes / 2**20, 1), "exact": peer.exact}
    for kind, group in people.items():
        peer.query(*group[0], K)  # warm-up
        times, recalls = [], []
        for (profile, goals), truth in zip(group[:queries], exact[kind], strict=False):
            ms, rows = timed(lambda p=profile, g=goals: peer.query(p, g, K))
            times.append(ms)
            recalls.append(recall(rows, truth))
        out[kind] = {
            **summary(times),
            "recall_at_50": round(float(np.mean(recalls)), 4),
            "queries": len(times),
        }
    return out


def run_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    """Every path at one size."""
    items, vectors = make_openings(n)
    people = {kind: make_people(args.queries, kind) for kind in ("filtered", "loose")}
    cols = Columns(items)
    row: dict[str, Any] = {
        "n": n,
        "raw_vectors_mb": round(vectors.nbytes / 2**20, 1),
        "peers": {},
        "skipped": {},
    }
    ours = run_ours(items, vectors, people)
    ranker = ours.pop("ranker")
    row["ours"] = ours
    exact_peer = build("numpy", vectors, cols)
    exact = {k: [exact_peer.query(p, g, K) for p, g in group] for k, group in people.items()}
    slow = args.slow_queries if n >= 1_000_000 else args.queries
    for name in args.peers:
        started = time.perf_counter()
        if name == "naive":
            row["peers"][name] = run_naive(items, vectors, people["filtered"], ranker, args.naive_queries)
        elif name == "pgvector":
            run_pg(vectors, cols, people, exact, row, n, args)
        else:
            peer = build(name, vectors, cols)
            row["peers"][name] = run_peer(
                peer, people, exact, slow if name in ("duckdb", "sklearn") else args.queries
            )
            del peer
        print(f"  {n:>9,} {name:<17} done in {time.perf_counter() - started:6.1f}s", flush=True)
        gc.collect()
    for name, peer in row["peers"].items():
        for kind in ("filtered", "loose"):
            if kind in peer:
                row[f"ratio_vs_{name}" + ("" if kind == "filtered" else "_loose")] = round(
                    peer[kind]["p50_ms"] / ours[kind]["p50_ms"], 1
                )
        if name == "naive":
            row["ratio_vs_naive"] = round(peer["p50_ms"] / ours["filtered"]["p50_ms"], 1)
    return row


def run_pg(
    vectors: np.ndarray, cols: Columns, people: dict, exact: dict, row: dict, n: int, args: Any
) -> None:
    """Pgvector exact and HNSW, or the printed reason it was skipped."""
    reason = available() or (
        "" if n <= args.pg_max else f"loading {n:,} rows takes too long (--pg-max {args.pg_max})"
    )
    if reason:
        row["skipped"]["pgvector"] = reason
        print(f"  pgvector skipped: {reason}")
        return
    server = PgServer(vectors, cols)
    try:
        queries = args.slow_queries if n >= 1_000_000 else args.queries
        row["peers"]["pgvector_exact"] = run_peer(PgPeer(server, "exact"), people, exact, queries)
        started = time.perf_counter()
        server.build_hnsw()
        hnsw = run_peer(PgPeer(server, "hnsw"), people, exact, queries)
        row["peers"]["pgvector_hnsw"] = {**hnsw, "build_s": round(time.perf_counter() - started, 1)}
    finally:
        server.close()


def print_table(rows: list[dict[str, Any]]) -> None:
    """One line per size, query kind and path."""
    print(
        f"{'openings':>9} {'people':>8} {'path':<17} {'p50 ms':>9} {'p99 ms':>9} "
        f"{'recall@50':>9} {'MB':>8}  note"
    )
    for r in rows:
        for kind in ("filtered", "loose"):
            o = r["ours"][kind]
            print(
                f"{r['n']:>9,} {kind:>8} {'ours (full path)':<17} {o['p50_ms']:>9.2f} {o['p99_ms']:>9.2f} "
                f"{'exact':>9} {r['ours']['memory_mb']:>8.0f}  allowed {o['allowed_share']:.1%}, "
                f"scored {o['scored_share_of_allowed']:.1%} of them"
            )
            for name, p in r["peers"].items():
                if kind in p:
                    q = p[kind]
                    note = "similarity only" + ("" if p["exact"] else ", approximate or post-filtered")
                    print(
                        f"{'':>9} {'':>8} {name:<17} {q['p50_ms']:>9.2f} {q['p99_ms']:>9.2f} "
                        f"{q['recall_at_50']:>9.3f} {p['memory_mb']:>8.0f}  {note}"
                    )
                elif name == "naive" and kind == "filtered":
                    print(
                        f"{'':>9} {'':>8} {name:<17} {p['p50_ms']:>9.1f} {p['p99_ms']:>9.1f} "
                        f"{p['agreement_with_ours']:>9.3f} {'':>8}  full job per item, {p['queries']} queries"
                    )
        for name, why in r["skipped"].items():
            print(f"{'':>9} {'':>8} {name:<17} skipped: {why}")


def main() -> None:
    """Parse arguments, run every size, print a table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--peers", default=",".join(PEERS), help=f"comma-separated subset of {','.join(PEERS)}"
    )
    parser.add_argument("--queries", type=int, default=40, help="people per query kind")
    parser.add_argument("--slow-queries", type=int, default=10, help="people per kind for slow peers at 1M")
    parser.add_argument("--naive-queries", type=int, default=3)
    parser.add_argument("--pg-max", type=int, default=100_000, help="largest size loaded into PostgreSQL")
    args = parser.parse_args()
    args.peers = [p for p in args.peers.split(",") if p]
    env = environment()
    print(f"environment: {json.dumps(env)}", flush=True)
    rows = [run_size(n, args) for n in args.sizes]
    print_table(rows)
    env["load_avg_1m_end"] = environment()["load_avg_1m"]
    print(json.dumps({"benchmark": "bench_rank", "environment": env, "k": K, "sizes": rows}))


if __name__ == "__main__":
    main()
