"""The compiled and numpy tree walks score as the original numpy scorer did, bit for bit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from matching.linking import tree_walk
from matching.linking.fusion import TreeEnsemble
from matching.linking.tree_walk import compiled_leaf_values, numpy_leaf_values

MODELS = sorted((Path(__file__).resolve().parents[3] / "data" / "linker").glob("*.npz"))


def oracle_decision(model: TreeEnsemble, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """`TreeEnsemble.decision` as it was before the fast walk (commit 6447d5d), on ``forest``."""
    trees = model.forest
    out = np.full(len(x), model.baseline)
    for start in range(0, len(x), 4096):
        block = x[start : start + 4096]
        node = np.broadcast_to(trees.roots, (len(block), len(trees.roots))).copy()
        rows = np.arange(len(block))[:, None]
        for _ in range(model.depth):
            x_node = block[rows, trees.feature[node]]
            goes_left = np.where(np.isnan(x_node), trees.missing_left[node], x_node <= trees.threshold[node])
            node = np.where(trees.leaf[node], node, np.where(goes_left, trees.left[node], trees.right[node]))
        out[start : start + 4096] += trees.value[node].sum(axis=1)
    return out


def _samples(model: TreeEnsemble, n: int, seed: int) -> npt.NDArray[np.float64]:
    """(n, k) values on, just above and just below the model's own thresholds, and some NaN."""
    rng = np.random.default_rng(seed)
    inner = ~model.forest.leaf
    x = np.zeros((n, len(model.names)))
    for col in range(len(model.names)):
        cuts = model.forest.threshold[inner & (model.forest.feature == col)]
        if len(cuts):
            picked = rng.choice(cuts, n)
            x[:, col] = picked + rng.choice([-1e-6, 0.0, 1e-6], n) * np.maximum(abs(picked), 1)
        else:
            x[:, col] = rng.random(n)
    x[rng.random(x.shape) < 0.02] = np.nan  # where missing values go is part of the model
    return x


def test_shipped_models_are_found() -> None:
    assert {p.name for p in MODELS} >= {"fusion-lexical.npz", "fusion-dense.npz"}


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_fast_scores_equal_the_original_scorer_on_shipped_models(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tree_walk, "BLOCK", 700)  # several blocks, the last one short
    model = TreeEnsemble.load(path)
    x = _samples(model, 3000, seed=len(path.name))
    before = oracle_decision(model, x)
    assert np.array_equal(model.decision(x), before)  # the same leaves, summed the same way
    fast, slow = compiled_leaf_values(model.forest, x), numpy_leaf_values(model.forest, x)
    assert np.array_equal(fast, slow)  # the numpy fallback agrees with the compiled walk
    assert fast.flags.c_contiguous and slow.flags.c_contiguous  # so rows sum in one order
    assert np.std(before) > 0.1  # the samples reach many different leaves


def test_an_empty_batch_scores_nothing() -> None:
    model = TreeEnsemble.load(MODELS[0])
    assert model.decision(np.zeros((0, len(model.names)))).shape == (0,)
