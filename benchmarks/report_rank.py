"""Markdown tables from bench_rank's JSON line, for docs/performance.md.

Run: ``.venv/bin/python benchmarks/report_rank.py docs/bench_rank.json``
One table per data kind and thread count: every path's p50 / p99, recall@50 and p50 / ours p50.
"""

from __future__ import annotations

import json
import sys


def tables(data: dict) -> str:
    """The markdown for every (data kind, threads) pair in the run."""
    out = []
    for kind in data["data_kinds"]:
        for threads in data["threads"]:
            rows = [r for r in data["rows"] if r["data"] == kind and r["threads"] == threads]
            if not rows:
                continue
            sizes = [r["n"] for r in rows]
            names = list(dict.fromkeys(p for r in rows for p in r["paths"]))
            head = " | ".join(f"{n:,} openings: p50 / p99 ms, recall, x ours" for n in sizes)
            out.append(
                f"**{kind}, {threads} thread(s)** (allowed share per size: "
                + ", ".join(f"{r['allowed_share']:.0%}" for r in rows)
                + "; share of allowed rows `ours` scored exactly: "
                + ", ".join(f"{r.get('scored_share_of_allowed', float('nan')):.0%}" for r in rows)
                + ")\n"
            )
            out.append(f"| path | {head} |")
            out.append("|---|" + "---:|" * len(sizes))
            for name in names:
                cells = []
                for r in rows:
                    p = r["paths"].get(name)
                    ratio = r.get(f"ratio_vs_{name}", 1.0)
                    cells.append(
                        f"{p['p50_ms']:.2f} / {p['p99_ms']:.2f}, {p['recall_at_50']:.3f}, {ratio:.2f}x"
                        if p
                        else "skipped: " + r["skipped"].get(name.split("_")[0], "not run")
                    )
                out.append(f"| {name} | " + " | ".join(cells) + " |")
            out.append("")
    return "\n".join(out)


def main() -> None:
    """Print the tables for the JSON file named on the command line."""
    with open(sys.argv[1]) as fh:
        data = json.loads(fh.read().strip().splitlines()[-1])
    print(
        f"commit {data['commit']}, CPU {data['cpu_model']}, load average (1 min) "
        f"{data['load_avg_1m']} at the start and {data['load_avg_1m_end']} at the end, k={data['k']}, "
        f"fetch={data['fetch']}\n"
    )
    print(tables(data))


if __name__ == "__main__":
    main()
