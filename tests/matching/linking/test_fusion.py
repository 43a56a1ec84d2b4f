from __future__ import annotations

from pathlib import Path

import numpy as np

from matching.linking.fusion import TreeEnsemble, fit_classifier


def test_exported_trees_reproduce_scikit_learn_and_survive_a_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.random((3000, 5)).astype(np.float32)
    x[rng.random(x.shape) < 0.01] = np.nan  # the export also keeps where missing values go
    y = ((np.nan_to_num(x[:, 0]) + 0.5 * np.nan_to_num(x[:, 3]) + 0.2 * rng.random(3000)) > 0.9).astype(int)
    model = fit_classifier(x, y, params={"max_iter": 40, "min_samples_leaf": 20})
    names = ["a", "b", "c", "d", "e"]
    trees = TreeEnsemble.from_sklearn(model, names, {"note": "test"})
    assert np.allclose(trees.decision(x), model.decision_function(x), atol=1e-9)
    trees.save(tmp_path / "m.npz")
    again = TreeEnsemble.load(tmp_path / "m.npz")
    assert again.meta == {"note": "test"} and again.names == tuple(names)
    # columns are picked by name, so a wider, reordered frame scores the same
    wide = np.column_stack([x[:, ::-1], rng.random(3000)])
    assert np.allclose(again.decision(wide, [*names[::-1], "extra"]), model.decision_function(x), atol=1e-9)
