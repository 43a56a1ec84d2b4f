"""Train the shipped fusion models on MELO sets, with their out-of-fold figures in the model file.

The run-time models are trained on *all* given queries (so the shipped model has seen the MELO dev
queries, and `ipsmatch eval` never reports it on them: it cross-validates instead). Before the
final fit, the same data is cross-validated (folds grouped by gold concept) and those out-of-fold
figures, and the score threshold below which `TitleLinker.best` links nothing, go into the
model's metadata.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import sklearn

from matching.evaluation.folds import LinkTable, concept_ranks, fit_all, out_of_fold
from matching.evaluation.melo import MeloSet
from matching.evaluation.metrics import hits, reciprocal_ranks
from matching.evaluation.rerank_folds import fit_reranker, stacked_out_of_fold
from matching.linking.fusion import DEFAULT_PARAMS, TreeEnsemble
from matching.linking.rerank import DEPTH, RERANK_PARAMS
from service.evaluation.harness import QualityContext, link_table, query_key
from service.runtime.linkers import fusion_path, rerank_path

VECTOR_FEATURES = ("dense_", "desc_")
#: `best` links nothing below the score where the links it drops were right at most this often
#: (out of fold): a missing occupation costs less than a wrong one (wrong skills, wrong group).
DROPPED_PRECISION = 0.2


def lexical_names(names: Sequence[str]) -> list[str]:
    """The features that need no sentence vectors."""
    return [n for n in names if not n.startswith(VECTOR_FEATURES)]


def train_fusions(
    datasets: Sequence[MeloSet],
    ctx: QualityContext,
    data_dir: Path,
    *,
    folds: int = 5,
    progress: Callable[[str], None] | None = None,
) -> Iterator[tuple[Path, str]]:
    """Cross-validate, fit and save both fusions and their re-rankers; yields (path, summary)."""
    say = progress or (lambda _: None)
    tables = []
    for dataset in datasets:
        say(f"{dataset.name}: features for {dataset.queries.height} queries")
        tables.append(link_table(dataset, ctx))
        ctx.flush()
    names = list(tables[0].candidates.names)
    keys = sorted({query_key(t) for d in datasets for t in d.queries["text"].to_list()})
    for kind, use in (("dense", names), ("lexical", lexical_names(names))):
        say(f"{kind}: {folds}-fold cross-validation over {len(tables)} sets, {len(use)} features")
        oof = out_of_fold(tables, k=folds, names=use)
        cv = {t.name: _figures(concept_ranks(t, s)) for t, s in zip(tables, oof, strict=True)}
        meta = {
            "kind": kind,
            "encoder": ctx.encoder.model_id if kind == "dense" else "",
            "trained_on": [d.name for d in datasets],
            "cv_folds": folds,
            "cv": cv,
            "min_score": _threshold(tables, oof),
            "params": dict(DEFAULT_PARAMS),
            "sklearn": sklearn.__version__,
            "query_keys": keys,
        }
        say(f"{kind}: fitting on all {sum(len(t.gold) for t in tables)} queries")
        model = fit_all(tables, names=use, meta=meta)
        target = fusion_path(data_dir, kind)
        target.parent.mkdir(parents=True, exist_ok=True)
        model.save(target)
        yield target, ", ".join(f"{k} MRR@10 {v['mrr_at_10']:.3f}" for k, v in cv.items())
        say(f"{kind}: top-{DEPTH} re-ranker on the out-of-fold fusion scores")
        yield train_reranker(tables, oof, {**meta, "stage": "rerank"}, rerank_path(data_dir, kind), folds)


def train_reranker(
    tables: Sequence[LinkTable], oof: Sequence[np.ndarray], meta: dict[str, Any], target: Path, folds: int
) -> tuple[Path, str]:
    """Fit and save the re-ranker on every query's out-of-fold fusion scores (stacking).

    Its metadata gets the stacked out-of-fold figures (each fold's re-ranker learned from the
    other folds) and its own threshold; ``ipsmatch eval`` reports the stricter nested figure.
    """
    two_stage = stacked_out_of_fold(tables, list(oof), k=folds)
    cv = {t.name: _figures(concept_ranks(t, s)) for t, s in zip(tables, two_stage, strict=True)}
    model, names = fit_reranker(tables, list(oof), [np.ones(len(t.gold), bool) for t in tables])
    meta = {**meta, "cv": cv, "min_score": _threshold(tables, two_stage), "params": dict(RERANK_PARAMS)}
    TreeEnsemble.from_sklearn(model, names, meta).save(target)
    return target, ", ".join(f"{k} MRR@10 {v['mrr_at_10']:.3f}" for k, v in cv.items())


def _figures(ranks: np.ndarray) -> dict[str, float]:
    return {
        "mrr_at_10": round(float(reciprocal_ranks(ranks).mean()), 4),
        "hit_at_1": round(float(hits(ranks, 1).mean()), 4),
        "hit_at_10": round(float(hits(ranks, 10).mean()), 4),
    }


def _threshold(tables: Sequence[LinkTable], oof: Sequence[np.ndarray]) -> float:
    """Top-1 probability below which the top links are right at most DROPPED_PRECISION of the time."""
    top, right = [], []
    for table, scores in zip(tables, oof, strict=True):
        labels, query = table.labels, table.candidates.query
        for q in range(len(table.gold)):
            rows = np.flatnonzero(query == q)
            if len(rows):
                best = rows[np.argmax(scores[rows])]
                top.append(1.0 / (1.0 + np.exp(-scores[best])))
                right.append(labels[best])
    order = np.argsort(top)
    below = np.cumsum(np.asarray(right)[order]) / np.arange(1, len(order) + 1)
    ok = np.flatnonzero(below <= DROPPED_PRECISION)
    return round(float(np.asarray(top)[order][ok[-1]]), 4) if len(ok) else 0.0
