from __future__ import annotations

import numpy as np
import pytest

from matching.evaluation.metrics import (
    NOT_FOUND,
    bootstrap,
    first_relevant_rank,
    hits,
    ndcg_at_k,
    reciprocal_ranks,
)


def test_ties_never_flatter_a_system() -> None:
    scores = np.array([0.5, 0.5, 0.5, 0.1])
    assert first_relevant_rank(scores, np.array([False, False, True, False])) == 3
    assert first_relevant_rank(scores, np.array([False, True, True, False])) == 2
    assert first_relevant_rank(scores, np.zeros(4, bool)) == NOT_FOUND


def test_mrr_and_hits_cut_at_k() -> None:
    ranks = np.array([1, 2, 10, 11, NOT_FOUND])
    assert reciprocal_ranks(ranks, 10).tolist() == pytest.approx([1, 0.5, 0.1, 0, 0])
    assert hits(ranks, 1).mean() == 0.2 and hits(ranks, 10).mean() == 0.6


def test_ndcg_graded() -> None:
    gains = np.array([0.0, 2.0, 1.0])
    assert ndcg_at_k(np.array([0.0, 2.0, 1.0]), gains) == pytest.approx(1.0)
    worst = ndcg_at_k(np.array([3.0, 1.0, 2.0]), gains)
    assert 0 < worst < 1
    assert ndcg_at_k(np.array([1.0, 2.0]), np.zeros(2)) == 0.0


def test_bootstrap_interval_brackets_the_mean() -> None:
    values = np.random.default_rng(0).random(500)
    est = bootstrap(values, n_resamples=300)
    assert est.low < est.value < est.high
    assert est.value == pytest.approx(values.mean())
    assert np.isnan(bootstrap(np.zeros(0)).value)
