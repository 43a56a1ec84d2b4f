"""Linker evaluation: gold ranks, concept-grouped folds and out-of-fold fusion scores.

A learned fusion must never be scored on queries it learned from, nor on queries whose gold
concept it saw (two titles of one concept share labels, so that would leak). Folds are therefore
drawn by gold concept, stably (CRC32 of the URI), and every reported figure is out-of-fold.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.evaluation.metrics import NOT_FOUND, first_relevant_rank
from matching.linking.features import Candidates
from matching.linking.fusion import TreeEnsemble, fit_classifier, fit_trees
from matching.linking.isco_tree import IscoTree


@dataclass(frozen=True)
class LinkTable:
    """Candidates of one dataset's queries with what the evaluation needs.

    Attributes:
        name: Dataset name.
        candidates: Candidate rows (query, concept, features).
        uris: Concept URIs indexed by ``candidates.concept``.
        gold: (n_queries,) gold concept URI of each query.
        tree: The ISCO tree over ``uris`` (what the re-ranker's agreement features read);
            None when unknown (an empty tree).
    """

    name: str
    candidates: Candidates
    uris: Sequence[str]
    gold: Sequence[str]
    tree: IscoTree | None = None

    @property
    def isco(self) -> IscoTree:
        """``tree``, or a tree that knows no codes."""
        n = len(self.uris)
        return self.tree if self.tree is not None else IscoTree([""] * n, [False] * n)

    @property
    def labels(self) -> npt.NDArray[np.int64]:
        """(m,) int64: 1 where the candidate is its query's gold concept."""
        column = {u: i for i, u in enumerate(self.uris)}
        gold = np.array([column.get(u, -1) for u in self.gold], np.int64)
        is_gold: npt.NDArray[np.bool_] = self.candidates.concept == gold[self.candidates.query]
        return is_gold.astype(np.int64)

    def query_folds(self, k: int) -> npt.NDArray[np.int64]:
        """(n_queries,) int64 fold of each query, by its gold concept."""
        return concept_folds(self.gold, k)


def concept_folds(gold: Sequence[str], k: int) -> npt.NDArray[np.int64]:
    """(n,) int64 fold in [0, k) of each gold concept URI: stable across runs and datasets."""
    return np.array([zlib.crc32(u.encode()) % k for u in gold], np.int64)


def concept_ranks(table: LinkTable, scores: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.int64]:
    """(n_queries,) int64 1-based rank of each query's gold concept among its candidates.

    Ties are broken by concept index; a gold concept outside the candidates is NOT_FOUND.
    """
    labels = table.labels
    query = table.candidates.query
    out = np.full(len(table.gold), NOT_FOUND, np.int64)
    bounds = np.searchsorted(query, np.arange(len(table.gold) + 1))
    for q in range(len(table.gold)):
        lo, hi = bounds[q], bounds[q + 1]
        if labels[lo:hi].any():
            order = np.argsort(table.candidates.concept[lo:hi], kind="stable")
            out[q] = first_relevant_rank(scores[lo:hi][order], labels[lo:hi][order].astype(bool))
    return out


def element_ranks(
    sims: npt.NDArray[np.floating[Any]],
    element_concepts: npt.NDArray[np.object_],
    gold: npt.NDArray[np.object_],
) -> npt.NDArray[np.int64]:
    """MELO's own protocol: rank of the first relevant surface form by raw element scores.

    Args:
        sims: (q, n_elements) float scores.
        element_concepts: (n_elements,) int64 concept of each element.
        gold: (q,) int64 gold concept of each query.

    Returns:
        (q,) int64 1-based ranks (ties by element order).
    """
    return np.array(
        [first_relevant_rank(row, element_concepts == g) for row, g in zip(sims, gold, strict=True)], np.int64
    )


def out_of_fold(
    tables: Sequence[LinkTable],
    *,
    k: int = 5,
    names: Sequence[str] | None = None,
    params: Mapping[str, Any] | None = None,
) -> list[npt.NDArray[np.float64]]:
    """Fusion scores of every candidate from a model that never saw its query's gold concept.

    For each fold f, one model is trained on the candidates of every query (of every table)
    whose gold concept is not in fold f, and scores the rest.

    Args:
        tables: The datasets; their candidates must share feature names.
        k: Folds.
        names: Features to use (default: all).
        params: `HistGradientBoostingClassifier` parameters over `fusion.DEFAULT_PARAMS`.

    Returns:
        Per table, (m,) float64 out-of-fold log-odds.
    """
    names = list(names or tables[0].candidates.names)
    columns = [[t.candidates.names.index(n) for n in names] for t in tables]
    folds = [t.query_folds(k)[t.candidates.query] for t in tables]
    labels = [t.labels for t in tables]
    out = [np.zeros(len(t.candidates.query)) for t in tables]
    for f in range(k):
        x = np.vstack(
            [t.candidates.features[fo != f][:, c] for t, fo, c in zip(tables, folds, columns, strict=True)]
        )
        y = np.concatenate([lab[fo != f] for lab, fo in zip(labels, folds, strict=True)])
        model = fit_classifier(x, y, params=params)
        for t, fo, c, scores in zip(tables, folds, columns, out, strict=True):
            test = fo == f
            if test.any():
                scores[test] = model.decision_function(t.candidates.features[test][:, c].astype(np.float32))
    return out


def fit_all(
    tables: Sequence[LinkTable],
    *,
    names: Sequence[str] | None = None,
    params: Mapping[str, Any] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> TreeEnsemble:
    """The model to ship: trained on every query of every table."""
    names = list(names or tables[0].candidates.names)
    x = np.vstack([t.candidates.features[:, [t.candidates.names.index(n) for n in names]] for t in tables])
    y = np.concatenate([t.labels for t in tables])
    return fit_trees(x, y, names, params=params, meta=meta)
