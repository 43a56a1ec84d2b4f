"""Quality figures as a table (markdown) and as JSON lines, next to the published MELO baselines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matching.evaluation.metrics import Estimate, bootstrap, hits, reciprocal_ranks
from service.evaluation.harness import SetRanks

#: Published MELO MRR (Retyk et al. 2024; reference/matching-anchors.md §3), full test sets.
PUBLISHED: dict[str, dict[str, float]] = {
    "char TF-IDF": {
        "swe_q_sv_c_sv": 0.385, "dnk_q_da_c_da": 0.581, "fra_q_fr_c_fr": 0.796, "usa_q_en_c_en": 0.580,
        "swe_q_sv_c_en": 0.091, "dnk_q_da_c_en": 0.158, "fra_q_fr_c_en": 0.195,
    },
    "mE5-large": {
        "swe_q_sv_c_sv": 0.400, "dnk_q_da_c_da": 0.598, "fra_q_fr_c_fr": 0.843, "usa_q_en_c_en": 0.656,
        "swe_q_sv_c_en": 0.202, "dnk_q_da_c_en": 0.333, "fra_q_fr_c_en": 0.446,
    },
    "OpenAI-3-large": {
        "swe_q_sv_c_sv": 0.427, "dnk_q_da_c_da": 0.617, "fra_q_fr_c_fr": 0.872, "usa_q_en_c_en": 0.684,
        "swe_q_sv_c_en": 0.291, "dnk_q_da_c_en": 0.451, "fra_q_fr_c_en": 0.616,
    },
}  # fmt: skip


@dataclass(frozen=True)
class SetFigures:
    """MRR@10, hit@1 and hit@10 with 95% bootstrap intervals for one ranking of one set."""

    mrr_at_10: Estimate
    hit_at_1: Estimate
    hit_at_10: Estimate
    n_queries: int

    @classmethod
    def of(cls, ranks: np.ndarray, *, n_resamples: int = 1000) -> SetFigures:
        """Figures from (q,) 1-based gold ranks."""
        return cls(
            bootstrap(reciprocal_ranks(ranks, 10), n_resamples=n_resamples),
            bootstrap(hits(ranks, 1), n_resamples=n_resamples),
            bootstrap(hits(ranks, 10), n_resamples=n_resamples),
            len(ranks),
        )


def json_line(result: SetRanks, figures: SetFigures, baselines: dict[str, SetFigures]) -> str:
    """One JSON object per set: our figures, their intervals, baselines and how they were got."""
    out: dict[str, object] = {"dataset": result.name}
    for name in ("mrr_at_10", "hit_at_1", "hit_at_10"):
        est: Estimate = getattr(figures, name)
        out[name] = round(est.value, 4)
        out[f"{name}_ci95"] = [round(est.low, 4), round(est.high, 4)]
    out["n_queries"] = figures.n_queries
    out["fusion"] = result.fusion_source
    out["baselines_mrr_at_10"] = {k: round(v.mrr_at_10.value, 4) for k, v in baselines.items()}
    out["published_mrr"] = {k: v[result.name] for k, v in PUBLISHED.items() if result.name in v}
    return json.dumps(out, ensure_ascii=False)


def markdown_table(rows: Sequence[tuple[SetRanks, SetFigures, dict[str, SetFigures]]]) -> str:
    """The quality table: ours with CIs, in-harness baselines, published baselines (MRR)."""
    base_names = list(rows[0][2]) if rows else []
    head = ["set", "n", "MRR@10 [95% CI]", "hit@1 [95% CI]", "hit@10 [95% CI]", "fusion"]
    head += [f"{b} (here)" for b in base_names] + [f"{p} (published)" for p in PUBLISHED]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for result, fig, base in rows:
        cells = [result.name, str(fig.n_queries), str(fig.mrr_at_10), str(fig.hit_at_1), str(fig.hit_at_10)]
        cells.append(result.fusion_source)
        cells += [f"{base[b].mrr_at_10.value:.3f}" for b in base_names]
        cells += [
            f"{PUBLISHED[p][result.name]:.3f}" if result.name in PUBLISHED[p] else "" for p in PUBLISHED
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
