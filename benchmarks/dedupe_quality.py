"""Precision and recall of the employer duplicate matcher on a labelled set of pairs.

Usage::

    .venv/bin/python benchmarks/dedupe_quality.py [--pairs tests/data/employer_pairs.csv] [--errors]

Prints the figures per category, the misclassified pairs with ``--errors``, and a JSON line last
(``{"pairs": ..., "precision": ..., "recall": ..., "f1": ..., ...}``).

Two decisions are measured: ``precision``/``recall`` of the blocking one (``duplicate``: a create
gets a 409, an import row is refused), and ``queue_precision``/``queue_recall`` of what the
review queue lists (``duplicate`` or ``review``: a shared phone or website only).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from employers.dedupe import NAME_THRESHOLD, Candidate, compare  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "employer_pairs.csv"


def _side(row: dict[str, str], side: str, country: str) -> Candidate:
    return Candidate(
        id=f"{row['n']}{side}",
        name=row[f"name_{side}"],
        registry_number=row[f"registry_{side}"] or None,
        website=row[f"website_{side}"] or None,
        phone=row[f"phone_{side}"] or None,
        country=country,
    )


def evaluate(path: Path = PAIRS) -> dict[str, object]:
    """Run the matcher over every labelled pair; return counts, figures and the errors."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    counts: Counter[str] = Counter()
    queue: Counter[str] = Counter()
    per_category: dict[str, Counter[str]] = {}
    errors = []
    started = time.perf_counter()
    for n, row in enumerate(rows, start=2):
        row["n"] = str(n)
        ca, _, cb = row["country"].partition("/")
        match = compare(_side(row, "a", ca), _side(row, "b", cb or ca))
        truth = row["label"] == "1"
        outcome = ("t" if match.duplicate == truth else "f") + ("p" if match.duplicate else "n")
        counts[outcome] += 1
        listed = match.duplicate or match.review
        queue[("t" if listed == truth else "f") + ("p" if listed else "n")] += 1
        if match.review:
            outcome += " (review)"
        per_category.setdefault(row["category"], Counter())[outcome] += 1
        if outcome.startswith(("fp", "fn")):
            errors.append((outcome, row["category"], row["name_a"], row["name_b"], match.score))
    elapsed = time.perf_counter() - started
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    q_tp = queue["tp"]
    q_precision = q_tp / (q_tp + queue["fp"]) if q_tp + queue["fp"] else 1.0
    q_recall = q_tp / (q_tp + queue["fn"]) if q_tp + queue["fn"] else 1.0
    return {
        "pairs": len(rows),
        "positives": tp + fn,
        "negatives": counts["tn"] + fp,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": counts["tn"],
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "queue_precision": round(q_precision, 4),
        "queue_recall": round(q_recall, 4),
        "review": sum(v for k, v in per_category_total(per_category).items() if "review" in k),
        "name_threshold": NAME_THRESHOLD,
        "ms_per_pair": round(1000 * elapsed / max(len(rows), 1), 3),
        "per_category": {k: dict(v) for k, v in sorted(per_category.items())},
        "errors": errors,
    }


def per_category_total(per_category: dict[str, Counter[str]]) -> Counter[str]:
    """The outcome counts summed over categories."""
    return sum(per_category.values(), Counter())


def main() -> int:
    """Print the figures and a JSON summary line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--errors", action="store_true", help="list misclassified pairs")
    args = parser.parse_args()
    result = evaluate(args.pairs)
    print(f"pairs {result['pairs']} ({result['positives']} duplicates, {result['negatives']} not)")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  f1 {result['f1']:.3f}")
    print(f"review queue: precision {result['queue_precision']:.3f}  recall {result['queue_recall']:.3f}")
    for category, c in result["per_category"].items():  # type: ignore[union-attr]
        print(f"  {category:20s} " + " ".join(f"{k}={v}" for k, v in sorted(c.items())))
    if args.errors:
        for err in result["errors"]:  # type: ignore[union-attr]
            print("  ", *err)
    summary = {k: v for k, v in result.items() if k not in ("per_category", "errors")}
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
