"""The learned fusion of linker signals: gradient-boosted trees, stored as plain arrays.

Trained with scikit-learn's `HistGradientBoostingClassifier` (candidate is the gold concept or
not), then exported to numpy arrays so the shipped model loads under any scikit-learn version
and needs no pickle. `TreeEnsemble.decision` reproduces the classifier's raw score exactly (a
test checks it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.ensemble import HistGradientBoostingClassifier

from matching.linking.tree_walk import Forest

_ARRAYS = tuple(f.name for f in fields(Forest))  # the node arrays, saved one .npz entry each

#: Measured on the MELO dev split with grouped 5-fold CV (docs/quality.md); early stopping is
#: off so a fit is deterministic.
DEFAULT_PARAMS: Mapping[str, Any] = {
    "max_iter": 600,
    "learning_rate": 0.03,
    "max_leaf_nodes": 63,
    "min_samples_leaf": 80,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}


@dataclass(frozen=True, eq=False)
class TreeEnsemble:
    """Additive trees over named features; ``decision`` is the log-odds of "this is the concept".

    Attributes:
        names: Feature names, in the column order ``decision`` expects.
        baseline: Raw score before any tree.
        forest: The trees' node arrays (`tree_walk.Forest`; ``feature`` is a column in ``names``).
        depth: Greatest tree depth.
        meta: Free-form provenance (training data, CV figures), saved with the model.
    """

    names: tuple[str, ...]
    baseline: float
    forest: Forest
    depth: int
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_sklearn(
        cls,
        model: HistGradientBoostingClassifier,
        names: Sequence[str],
        meta: Mapping[str, Any] | None = None,
    ) -> TreeEnsemble:
        """Export a fitted binary classifier trained on numeric features ``names``."""
        nodes = [tree.nodes for (tree,) in model._predictors]  # the only private access
        offsets = np.cumsum([0] + [len(n) for n in nodes[:-1]]).astype(np.int64)
        allnodes = np.concatenate(nodes)
        shift = np.repeat(offsets, [len(n) for n in nodes])
        return cls(
            names=tuple(names),
            baseline=float(np.ravel(model._baseline_prediction)[0]),
            forest=Forest(
                roots=offsets,
                feature=allnodes["feature_idx"].astype(np.int64),
                threshold=allnodes["num_threshold"].astype(np.float64),
                left=allnodes["left"].astype(np.int64) + shift,
                right=allnodes["right"].astype(np.int64) + shift,
                leaf=allnodes["is_leaf"].astype(bool),
                missing_left=allnodes["missing_go_to_left"].astype(bool),
                value=allnodes["value"].astype(np.float64),
            ),
            depth=int(allnodes["depth"].max()) if len(allnodes) else 0,
            meta=dict(meta or {}),
        )

    def decision(
        self, features: npt.NDArray[np.floating[Any]], names: Sequence[str] | None = None
    ) -> npt.NDArray[np.float64]:
        """(m,) float64 raw scores (log-odds) for (m, k) features.

        Args:
            features: Candidate features.
            names: Column names of ``features`` when they differ from ``self.names``; the
                model's columns are picked by name.

        Raises:
            KeyError: A feature the model needs is missing.
        """
        x = np.asarray(features, np.float64)
        if names is not None and tuple(names) != self.names:
            x = x[:, [list(names).index(n) for n in self.names]]
        out = np.full(len(x), self.baseline)
        if len(x):  # summed over the (m, n_trees) leaf values in C order, as before the fast walk
            out += self.forest.leaf_values(x).sum(axis=1)
        return out

    def save(self, path: str | Path) -> None:
        """Write the model as one ``.npz`` (arrays) with its names and meta as JSON."""
        header = json.dumps({"names": list(self.names), "baseline": self.baseline, "meta": self.meta})
        arrays = {k: getattr(self.forest, k) for k in _ARRAYS}
        with Path(path).open("wb") as fh:
            np.savez_compressed(fh, header=np.array(header), depth=np.array(self.depth), **arrays)

    @classmethod
    def load(cls, path: str | Path) -> TreeEnsemble:
        """Read a model written by `save`."""
        with np.load(Path(path)) as z:
            header = json.loads(str(z["header"]))
            arrays = {k: z[k] for k in _ARRAYS}
            depth = int(z["depth"])
        return cls(
            names=tuple(header["names"]),
            baseline=header["baseline"],
            forest=Forest(**arrays),
            depth=depth,
            meta=header["meta"],
        )


def fit_classifier(
    features: npt.NDArray[np.floating[Any]],
    labels: npt.NDArray[np.int64],
    *,
    params: Mapping[str, Any] | None = None,
) -> HistGradientBoostingClassifier:
    """Fit the fusion on candidate rows (label 1 = the gold concept)."""
    model = HistGradientBoostingClassifier(**{**DEFAULT_PARAMS, **(params or {})})
    return model.fit(np.asarray(features, np.float32), np.asarray(labels, np.int64))


def fit_trees(
    features: npt.NDArray[np.floating[Any]],
    labels: npt.NDArray[np.int64],
    names: Sequence[str],
    *,
    params: Mapping[str, Any] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> TreeEnsemble:
    """Fit the fusion and export it as a `TreeEnsemble`."""
    return TreeEnsemble.from_sklearn(fit_classifier(features, labels, params=params), names, meta)
