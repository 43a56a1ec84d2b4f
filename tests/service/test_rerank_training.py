"""`linker train`'s re-ranker step: fitted on out-of-fold fusion scores, saved with its figures."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from matching.evaluation.folds import concept_ranks, out_of_fold
from matching.linking.fusion import TreeEnsemble
from matching.linking.rerank import rerank_scores
from service.evaluation.linker_training import train_reranker
from tests.matching.evaluation.test_rerank_folds import SMALL, table


def test_train_reranker_saves_a_model_that_reorders_as_measured(tmp_path: Path) -> None:
    t = table(300, seed=4)
    oof = out_of_fold([t], k=5, params=SMALL)
    target, summary = train_reranker([t], oof, {"kind": "lexical"}, tmp_path / "rerank-lexical.npz", 5)
    model = TreeEnsemble.load(target)
    cv = model.meta["cv"]["synthetic"]["mrr_at_10"]
    before = float((1.0 / concept_ranks(t, oof[0])).mean())
    assert cv > before + 0.1 and "synthetic MRR@10" in summary
    assert 0.0 <= model.meta["min_score"] <= 1.0 and model.meta["kind"] == "lexical"
    # the saved model applied to its own training lists puts far more golds first than the fusion
    after = rerank_scores(t.candidates, oof[0], t.isco, model)
    assert (concept_ranks(t, after) == 1).mean() > (concept_ranks(t, oof[0]) == 1).mean()
    assert np.isfinite(after).all()
