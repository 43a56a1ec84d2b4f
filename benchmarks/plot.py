"""Plot how p50 latency grows with the number of openings, per path, from bench_rank's JSON line.

Run: ``.venv/bin/python benchmarks/plot.py docs/bench_rank.json docs/rank_growth.png``
One panel per data kind (realistic, clustered), at the first thread count the run measured.
"""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main() -> None:
    """One panel per data kind: p50 of every path against openings, log-log."""
    with open(sys.argv[1]) as fh:
        data = json.loads(fh.read().strip().splitlines()[-1])
    threads = data["threads"][0]
    kinds = data["data_kinds"]
    fig, axes = plt.subplots(1, len(kinds), figsize=(5.5 * len(kinds), 4.2), squeeze=False)
    for ax, kind in zip(axes[0], kinds, strict=True):
        rows = [r for r in data["rows"] if r["data"] == kind and r["threads"] == threads]
        names = sorted({p for r in rows for p in r["paths"]}, key=lambda p: (not p.startswith("ours"), p))
        for name in names:
            pts = [(r["n"], r["paths"][name]["p50_ms"]) for r in rows if name in r["paths"]]
            style = "o-" if name.startswith("ours") else ".--"
            ax.plot(
                [n for n, _ in pts], [y for _, y in pts], style, lw=2.5 if name == "ours" else 1, label=name
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("openings")
        ax.set_title(f"{kind}: p50 ms, {threads} thread(s), commit {data['commit']}")
        ax.grid(alpha=0.3, which="both")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)


if __name__ == "__main__":
    main()
