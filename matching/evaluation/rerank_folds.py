"""Out-of-fold scores of the two-stage linker (fusion, then the top-20 re-ranker).

The re-ranker learns from the fusion's scores, so its training rows need fusion scores that
behave like those of unseen titles. For the test fold f, the fusion that scores f is trained on
the other folds (as in `folds.out_of_fold`); the re-ranker of fold f is trained on the other
folds' top candidates, each fold g scored by a fusion trained on neither f nor g. Nothing in the
pipeline that ranks fold f has seen a query of f's gold concepts, so the figures stay honest.
The shipped re-ranker (`stacked_training_rows`) is trained on every query's out-of-fold fusion
scores, the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import HistGradientBoostingClassifier

from matching.evaluation.folds import LinkTable, out_of_fold
from matching.linking.features import Candidates
from matching.linking.fusion import fit_classifier
from matching.linking.rerank import RERANK_PARAMS, TopRows, top_rows

Scores = list[npt.NDArray[np.float64]]
Params = Mapping[str, Any] | None


def fusion_without(
    tables: Sequence[LinkTable], held_out: set[int], *, k: int, names: Sequence[str], params: Any = None
) -> Scores:
    """Per table, (m,) fusion log-odds of rows in ``held_out`` folds from a model trained on the rest.

    Rows of other folds are NaN.
    """
    folds = [t.query_folds(k)[t.candidates.query] for t in tables]
    cols = [[t.candidates.names.index(n) for n in names] for t in tables]
    train = [~np.isin(f, list(held_out)) for f in folds]
    x = np.vstack([t.candidates.features[m][:, c] for t, m, c in zip(tables, train, cols, strict=True)])
    y = np.concatenate([t.labels[m] for t, m in zip(tables, train, strict=True)])
    model = fit_classifier(x, y, params=params)
    out = []
    for t, m, c in zip(tables, train, cols, strict=True):
        s = np.full(len(m), np.nan)
        if (~m).any():
            s[~m] = model.decision_function(t.candidates.features[~m][:, c].astype(np.float32))
        out.append(s)
    return out


def top_of(table: LinkTable, scores: npt.NDArray[np.float64], keep: npt.NDArray[np.bool_]) -> TopRows:
    """`top_rows` of the queries where ``keep`` (per query) holds, rows indexing the whole table."""
    c = table.candidates
    idx = np.flatnonzero(keep[c.query])
    sub = Candidates(c.query[idx], c.concept[idx], c.features[idx], c.names)
    top = top_rows(sub, scores[idx], table.isco)
    return TopRows(idx[top.rows], top.features, top.names)


def stacked_rows(
    tables: Sequence[LinkTable], scores: Scores, keep: Sequence[npt.NDArray[np.bool_]]
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], tuple[str, ...]]:
    """Re-ranker training rows (features, labels, feature names) of the kept queries under ``scores``."""
    xs, ys = [], []
    names: tuple[str, ...] = ()
    for t, s, kq in zip(tables, scores, keep, strict=True):
        top = top_of(t, s, kq)
        xs.append(top.features)
        ys.append(t.labels[top.rows])
        names = top.names
    return np.vstack(xs), np.concatenate(ys), names


def fit_reranker(
    tables: Sequence[LinkTable], scores: Scores, keep: Sequence[npt.NDArray[np.bool_]], params: Params = None
) -> tuple[HistGradientBoostingClassifier, tuple[str, ...]]:
    """The re-ranker fitted on the kept queries' top rows under fusion ``scores``, and its features."""
    x, y, names = stacked_rows(tables, scores, keep)
    return fit_classifier(x, y, params={**RERANK_PARAMS, **(params or {})}), names


def apply_reranker(
    model: HistGradientBoostingClassifier,
    tables: Sequence[LinkTable],
    first: Scores,
    out: Scores,
    f: int,
    k: int,
) -> None:
    """Write the re-ranker's log-odds into ``out`` on fold ``f``'s top rows (ranked by ``first``)."""
    for t, s, o in zip(tables, first, out, strict=True):
        top = top_of(t, s, t.query_folds(k) == f)
        if len(top.rows):
            o[top.rows] = model.decision_function(top.features)


def two_stage_out_of_fold(
    tables: Sequence[LinkTable],
    *,
    k: int = 5,
    names: Sequence[str] | None = None,
    params: Params = None,
    rerank_params: Params = None,
    nested: bool = True,
) -> tuple[Scores, Scores]:
    """Out-of-fold (fusion, two-stage) scores of every candidate row of every table.

    Two-stage scores are the re-ranker's log-odds on each query's top rows and the fusion's
    minus 1e6 elsewhere (so they sort below).

    Args:
        tables: The datasets (shared feature names).
        k: Folds (grouped by gold concept).
        names: Fusion features (default: all).
        params: Fusion classifier parameters (over `fusion.DEFAULT_PARAMS`).
        rerank_params: Re-ranker classifier parameters (over `rerank.RERANK_PARAMS`).
        nested: True (the honest figure): each fold's re-ranker learns from fusion scores of
            models that never saw that fold, k + k(k-1)/2 fusion fits. False: it learns from
            the out-of-fold fusion scores (k fusion fits; those fusions saw the test fold, so
            the figure can be slightly optimistic). Both train the re-ranker on other folds only.
    """
    names = list(names or tables[0].candidates.names)
    first = out_of_fold(tables, k=k, names=names, params=params)
    if not nested:
        return first, stacked_out_of_fold(tables, first, k=k, params=rerank_params)
    pairs = {
        p: fusion_without(tables, set(p), k=k, names=names, params=params) for p in combinations(range(k), 2)
    }
    final = [s - 1e6 for s in first]
    for f in range(k):
        x, y = [], []
        for g in (g for g in range(k) if g != f):
            keep = [t.query_folds(k) == g for t in tables]
            xg, yg, _ = stacked_rows(tables, pairs[(min(f, g), max(f, g))], keep)
            x.append(xg)
            y.append(yg)
        params_2 = {**RERANK_PARAMS, **(rerank_params or {})}
        model = fit_classifier(np.vstack(x), np.concatenate(y), params=params_2)
        apply_reranker(model, tables, first, final, f, k)
    return first, final


def stacked_out_of_fold(
    tables: Sequence[LinkTable], first: Scores, *, k: int, params: Params = None
) -> Scores:
    """Two-stage scores where fold f's re-ranker learns from the other folds' out-of-fold ``first`` scores.

    What `linker train` reports for the shipped re-ranker (which learns from every query's
    out-of-fold fusion scores) and calibrates its threshold on.
    """
    final = [s - 1e6 for s in first]
    for f in range(k):
        model, _ = fit_reranker(tables, first, [t.query_folds(k) != f for t in tables], params)
        apply_reranker(model, tables, first, final, f, k)
    return final
