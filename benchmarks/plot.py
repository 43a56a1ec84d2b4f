"""Plot how time and memory grow with the number of openings, from bench_rank's JSON line.

Run: ``.venv/bin/python benchmarks/plot.py docs/bench_rank.json docs/rank_growth.png``
"""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main() -> None:
    """Two panels: filtered-query p50 per path, and memory per path, against openings."""
    with open(sys.argv[1]) as fh:
        data = json.loads(fh.read().strip().splitlines()[-1])
    sizes = data["sizes"]
    fig, (ax, mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    xs = [s["n"] for s in sizes]
    ax.plot(xs, [s["ours"]["filtered"]["p50_ms"] for s in sizes], "o-", lw=2.5, label="ours (full path)")
    names = sorted({p for s in sizes for p in s["peers"]})
    for name in names:
        pts = [(s["n"], s["peers"][name]) for s in sizes if name in s["peers"]]
        ys = [p["filtered"]["p50_ms"] if "filtered" in p else p["p50_ms"] for _, p in pts]
        ax.plot([n for n, _ in pts], ys, ".--", label=name)
    mem.plot(xs, [s["ours"]["memory_mb"] for s in sizes], "o-", lw=2.5, label="ours: index")
    mem.plot(xs, [s["raw_vectors_mb"] for s in sizes], "k:", label="raw float32 vectors")
    for a, title in ((ax, "p50 latency, filtered people (ms)"), (mem, "memory (MB)")):
        a.set_xscale("log")
        a.set_yscale("log")
        a.set_xlabel("openings")
        a.set_title(title)
        a.grid(alpha=0.3, which="both")
        a.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)


if __name__ == "__main__":
    main()
