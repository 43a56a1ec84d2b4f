"""Plot how the overnight batch grows with participants, from bench_batch JSON lines.

Run: ``.venv/bin/python benchmarks/plot_batch.py docs/bench_batch_growth.jsonl docs/batch_growth.png``
(one bench_batch JSON line per run, e.g. 1k, 3k and 10k participants at 100k openings).
"""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def main() -> None:
    """Two panels against participants: time per phase, and peak RSS."""
    with open(sys.argv[1]) as fh:
        runs = sorted((json.loads(line) for line in fh if line.strip()), key=lambda r: r["participants"])
    xs = [r["participants"] for r in runs]
    fig, (ax, mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label in (("rank_s", "rank"), ("explain_and_write_s", "explain + write"), ("total_s", "total")):
        ax.plot(xs, [r[key] for r in runs], "o-", label=label)
    ax.axhline(120, color="k", ls=":", label="goal: 2 min at 10k")
    mem.plot(xs, [r["peak_rss_mb"] for r in runs], "o-", label="peak RSS")
    mem.axhline(4096, color="k", ls=":", label="goal: 4 GB")
    for a, title in ((ax, "batch time (s), 100k openings"), (mem, "peak RSS (MB)")):
        a.set_xlabel("participants")
        a.set_title(title)
        a.grid(alpha=0.3)
        a.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)


if __name__ == "__main__":
    main()
