"""The value of the leaf each sample reaches in every tree: the inner loop of `TreeEnsemble.decision`.

A linker batch scores ~120 candidate rows per title through 600 trees of up to 30 levels, so
this walk is most of the linker's time. Two exact implementations:

- `compiled_leaf_values` walks each tree with scikit-learn's compiled predictor (the routine
  `HistGradientBoostingClassifier.predict` uses), one tree at a time. About 15x faster than numpy.
- `numpy_leaf_values` walks all trees in lockstep with numpy, deepest trees first so each level only
  touches the trees still that deep; used when the compiled routine cannot be imported or
  called (it is private to scikit-learn).

Both send a sample left when ``x <= threshold`` and a NaN where ``missing_left`` says, as the
classifier does, so they reach the same leaves. Both return the leaf values as one C-ordered
(samples, trees) matrix, so `decision` sums each sample's trees in the same (numpy pairwise)
order as it always did and the scores stay bit-identical.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger("ipsmatch")
BLOCK = 4096  # samples walked at once: bounds the (samples x trees) working matrices (~20 MB)


@dataclass(frozen=True, eq=False)
class Forest:
    """The node arrays of `fusion.TreeEnsemble`'s trees, all trees in one set of arrays.

    Attributes:
        roots: (n_trees,) int64 row of each tree's root in the node arrays.
        feature: (n_nodes,) int64 split feature (a column of the samples).
        threshold: (n_nodes,) float64; a sample goes left when its value is <= threshold.
        left, right: (n_nodes,) int64 child rows (global, not within the tree).
        leaf: (n_nodes,) bool.
        missing_left: (n_nodes,) bool; where a NaN goes (the features are never NaN in practice).
        value: (n_nodes,) float64 leaf values.
    """

    roots: npt.NDArray[np.int64]
    feature: npt.NDArray[np.int64]
    threshold: npt.NDArray[np.float64]
    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    leaf: npt.NDArray[np.bool_]
    missing_left: npt.NDArray[np.bool_]
    value: npt.NDArray[np.float64]

    def leaf_values(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(m, n_trees) C-ordered float64 value of the leaf each row of (m, k) ``x`` reaches per tree."""
        if _PREDICT is not None:
            try:
                return compiled_leaf_values(self, x)
            except (TypeError, ValueError) as error:  # a scikit-learn whose private routine changed
                log.warning("compiled tree walk unavailable (%s); walking trees with numpy", error)
        return numpy_leaf_values(self, x)


def _import_predictor() -> Any:
    try:
        from sklearn.ensemble._hist_gradient_boosting._predictor import _predict_from_raw_data
        from sklearn.ensemble._hist_gradient_boosting.common import PREDICTOR_RECORD_DTYPE
    except ImportError:  # pragma: no cover - depends on the installed scikit-learn
        return None
    return _predict_from_raw_data, PREDICTOR_RECORD_DTYPE


_PREDICT = _import_predictor()


def _records(forest: Forest) -> list[npt.NDArray[Any]]:
    """Per tree, scikit-learn's node records (children as rows within the tree)."""
    cached: list[npt.NDArray[Any]] | None = forest.__dict__.get("_records")
    if cached is not None:
        return cached
    dtype = _PREDICT[1]
    ends = np.r_[forest.roots[1:], len(forest.feature)]
    out = []
    for root, end in zip(forest.roots.tolist(), ends.tolist(), strict=True):
        rec = np.zeros(end - root, dtype)
        leaf = forest.leaf[root:end]
        rec["value"] = forest.value[root:end]
        rec["feature_idx"] = np.where(leaf, 0, forest.feature[root:end])
        rec["num_threshold"] = forest.threshold[root:end]
        rec["missing_go_to_left"] = forest.missing_left[root:end]
        rec["left"] = np.where(leaf, 0, forest.left[root:end] - root)
        rec["right"] = np.where(leaf, 0, forest.right[root:end] - root)
        rec["is_leaf"] = leaf
        out.append(rec)
    forest.__dict__["_records"] = out  # frozen dataclass: cache the derived arrays beside the fields
    return out


def compiled_leaf_values(forest: Forest, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """`Forest.leaf_values` by scikit-learn's compiled predictor, one call per tree (one thread)."""
    predict = _PREDICT[0]
    no_bitsets = np.zeros((0, 8), np.uint32)  # no categorical splits
    no_map = np.zeros(0, np.uint32)
    records = _records(forest)
    out = np.empty((len(x), len(records)), np.float64)
    for start in range(0, len(x), BLOCK):
        block = np.ascontiguousarray(x[start : start + BLOCK], np.float64)
        by_tree = np.empty((len(records), len(block)), np.float64)  # each tree's row contiguous
        for t, rec in enumerate(records):
            predict(rec, block, no_bitsets, no_bitsets, no_map, 1, by_tree[t])
        out[start : start + BLOCK] = by_tree.T
    return out


def numpy_leaf_values(forest: Forest, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """`Forest.leaf_values` in numpy: all trees in lockstep, level by level, deepest trees first."""
    depth = _tree_depths(forest)
    order = np.argsort(-depth, kind="stable")
    deeper = [int((depth > d).sum()) for d in range(int(depth.max(initial=0)))]
    out = np.empty((len(x), len(order)), np.float64)
    for start in range(0, len(x), BLOCK):
        block = x[start : start + BLOCK]
        node = np.broadcast_to(forest.roots[order], (len(block), len(order))).copy()
        rows = np.arange(len(block))[:, None]
        for k in deeper:  # trees [0, k) still have nodes at this level
            at = node[:, :k]
            value = block[rows, forest.feature[at]]
            left = np.where(np.isnan(value), forest.missing_left[at], value <= forest.threshold[at])
            step = np.where(left, forest.left[at], forest.right[at])
            node[:, :k] = np.where(forest.leaf[at], at, step)
        out[start : start + BLOCK, order] = forest.value[node]
    return out


def _tree_depths(forest: Forest) -> npt.NDArray[np.int64]:
    """(n_trees,) int64 greatest depth of each tree (0 for a lone leaf)."""
    depth = np.zeros(len(forest.feature), np.int64)
    inner = np.flatnonzero(~forest.leaf)  # parents come before children in every tree
    for i in inner.tolist():
        depth[forest.left[i]] = depth[forest.right[i]] = depth[i] + 1
    result: npt.NDArray[np.int64] = (
        np.maximum.reduceat(depth, forest.roots) if len(forest.roots) else depth[:0]
    )
    return result
