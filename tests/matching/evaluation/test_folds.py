from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from matching.evaluation.folds import LinkTable, concept_folds, concept_ranks, element_ranks, out_of_fold
from matching.evaluation.metrics import NOT_FOUND
from matching.linking.features import Candidates


def table(n_queries: int, rng: np.random.Generator) -> LinkTable:
    """Each query has 6 candidates; feature 0 is a noisy signal of the gold one."""
    uris = [f"c{i}" for i in range(40)]
    gold = [uris[rng.integers(40)] for _ in range(n_queries)]
    query, concept, feats = [], [], []
    for q, g in enumerate(gold):
        cands = sorted({uris.index(g), *rng.choice(40, 5, replace=False).tolist()})
        for c in cands:
            query.append(q)
            concept.append(c)
            feats.append([float(uris[c] == g) + rng.normal(0, 0.6), rng.random()])
    cand = Candidates(np.array(query), np.array(concept), np.array(feats, np.float32), ("signal", "noise"))
    return LinkTable("t", cand, uris, gold)


def test_folds_are_by_concept_and_stable() -> None:
    gold = ["u1", "u2", "u1", "u3", "u2"]
    folds = concept_folds(gold, 5)
    assert folds[0] == folds[2] and folds[1] == folds[4]
    assert (folds == concept_folds(gold, 5)).all()


@pytest.mark.slow  # ~45 s of cross-validated training (CI runs it in make test-slow)
def test_ranks_and_out_of_fold_scores_beat_chance() -> None:
    rng = np.random.default_rng(0)
    t = table(400, rng)
    scores = out_of_fold([t], k=4, params={"max_iter": 30, "min_samples_leaf": 10})[0]
    ranks = concept_ranks(t, scores)
    assert (ranks >= 1).all() and (ranks <= 6).all()
    assert (ranks == 1).mean() > 0.5  # chance is ~1/6
    # a query whose gold concept was never a candidate is not found
    lost = LinkTable("t", t.candidates, t.uris, ["nowhere", *t.gold[1:]])
    assert concept_ranks(lost, scores)[0] == NOT_FOUND


def test_element_ranks_follow_melo() -> None:
    sims = np.array([[0.9, 0.8, 0.7, 0.1]])
    element_concept = np.array([0, 0, 1, 1])
    assert element_ranks(sims, element_concept, np.array([1])).tolist() == [3]
    assert pl.Series([1]).len() == 1
