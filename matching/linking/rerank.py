"""Second stage of the title linker: re-order the fusion's top candidates of each title.

The fusion (`fusion.TreeEnsemble`) scores every candidate on its own. Whether a candidate is
the answer also depends on its neighbours in the list: when the top candidates are several
occupations of one ISCO unit group, the title often names the group itself (about 45% of the
Swedish MELO gold concepts are ISCO groups); when one occupation stands far above the rest it
usually is the answer. The re-ranker sees, for the top ``depth`` candidates of a title, the
fusion's score, rank and gap, how much of the list's probability mass agrees with the
candidate at each ISCO level, and a few of the first stage's own features, and is a second
gradient-boosted classifier stored like the fusion. Candidates below ``depth`` keep their order
below the re-ranked ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.linking.features import Candidates
from matching.linking.fusion import TreeEnsemble
from matching.linking.isco_tree import LEVELS, IscoTree

DEPTH = 20  # candidates per title the re-ranker re-orders
#: A smaller model than the fusion (~20 rows per title instead of ~160). On the Swedish dev set
#: (fast loop, docs/quality.md) this was as good as 300 trees of 31 leaves and twice as fast.
RERANK_PARAMS: Mapping[str, Any] = {
    "max_iter": 150,
    "learning_rate": 0.05,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 100,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}
#: First-stage features passed through (the strongest single signals and label facts).
PASSED = (
    "char_same",
    "char_pref",
    "dense_same",
    "dense_all",
    "desc_all",
    "ratio_same",
    "tset_same",
    "exact_same",
    "n_same",
    "has_same",
    "q_len",
    "q_words",
)


@dataclass(frozen=True, slots=True)
class TopRows:
    """The first stage's top candidates of each title and their re-ranker features.

    Attributes:
        rows: (r,) int64 candidate rows (into the `Candidates`) taken, grouped by title, best
            first within a title.
        features: (r, len(names)) float32.
        names: Feature names.
    """

    rows: npt.NDArray[np.int64]
    features: npt.NDArray[np.float32]
    names: tuple[str, ...]


def top_rows(
    found: Candidates, scores: npt.NDArray[np.floating[Any]], tree: IscoTree, *, depth: int = DEPTH
) -> TopRows:
    """Re-ranker features of each title's top ``depth`` candidates by first-stage ``scores``.

    Args:
        found: Candidate rows of a batch of titles (``query`` non-decreasing).
        scores: (m,) first-stage log-odds of every candidate row.
        tree: The ISCO tree over the concepts ``found.concept`` indexes.
        depth: Candidates per title.
    """
    bounds = np.searchsorted(found.query, np.arange(int(found.query.max(initial=-1)) + 2))
    passed = [n for n in PASSED if n in found.names]
    picks, blocks = [], []
    for lo, hi in pairwise(bounds):
        if hi <= lo:
            continue
        order = lo + np.argsort(-scores[lo:hi], kind="stable")[:depth]
        picks.append(order)
        blocks.append(_block(found, scores[order], found.concept[order], order, tree, passed))
    names = (*_NAMES, *passed)
    if not picks:
        return TopRows(np.zeros(0, np.int64), np.zeros((0, len(names)), np.float32), names)
    return TopRows(np.concatenate(picks), np.vstack(blocks).astype(np.float32), names)


_NAMES = (
    "s1",
    "s1_gap",
    "s1_rank",
    "s1_prob",
    "s1_top_prob",
    "s1_mass_above",
    "n_top",
    *(f"agree{lv}" for lv in range(1, LEVELS + 1)),
    *(f"agree{lv}_n" for lv in range(1, LEVELS + 1)),
    "desc_mass",
    "desc_n",
    "parent_rank",
    "parent_prob",
    "level",
    "top_is_group",
    "top_same_unit",
)


def _block(
    found: Candidates,
    s: npt.NDArray[np.floating[Any]],
    concepts: npt.NDArray[np.int64],
    rows: npt.NDArray[np.int64],
    tree: IscoTree,
    passed: Sequence[str],
) -> npt.NDArray[np.float64]:
    """(len(rows), n_features) features of one title's top candidates (best first)."""
    n = len(s)
    prob = np.exp(s - s.max())
    prob /= prob.sum()
    codes = [tree.codes[c] for c in concepts]
    group = tree.is_group[concepts]
    level = np.array([len(c) if g else 0 for c, g in zip(codes, group, strict=True)], np.float64)
    cols: list[npt.NDArray[np.float64]] = [
        s.astype(np.float64),
        s[0] - s,
        np.arange(1, n + 1, dtype=np.float64),
        prob,
        np.full(n, prob[0]),
        np.cumsum(prob) - prob,
        np.full(n, float(n)),
    ]
    # agreement at level L: mass (and count) of the list sharing the candidate's first L digits
    agree = np.zeros((LEVELS, n))
    agree_n = np.zeros((LEVELS, n))
    for lv in range(1, LEVELS + 1):
        keys = [c[:lv] if len(c) >= lv else None for c in codes]
        for i, key in enumerate(keys):
            if key is not None:
                same = np.array([k == key for k in keys])
                agree[lv - 1, i], agree_n[lv - 1, i] = prob[same].sum(), same.sum()
    cols += list(agree) + list(agree_n)
    desc_mass, desc_n = np.zeros(n), np.zeros(n)
    parent_rank, parent_prob = np.full(n, float(n + 1)), np.zeros(n)
    for i in range(n):
        if group[i]:  # members of this group in the list
            inside = np.array([j != i and codes[j].startswith(codes[i]) for j in range(n)])
            desc_mass[i], desc_n[i] = prob[inside].sum(), inside.sum()
        parents = [j for j in range(n) if group[j] and j != i and codes[i].startswith(codes[j]) and codes[j]]
        if parents:  # the nearest ancestor group present in the list
            j = max(parents, key=lambda p: len(codes[p]))
            parent_rank[i], parent_prob[i] = j + 1, prob[j]
    top_unit = codes[0][:4] if codes[0] else None
    cols += [desc_mass, desc_n, parent_rank, parent_prob, level]
    cols += [np.full(n, float(group[0])), np.array([float(c[:4] == top_unit and bool(c)) for c in codes])]
    cols += [found.features[rows, found.names.index(name)].astype(np.float64) for name in passed]
    return np.column_stack(cols)


def rerank_scores(
    found: Candidates,
    scores: npt.NDArray[np.floating[Any]],
    tree: IscoTree,
    model: TreeEnsemble,
    *,
    depth: int = DEPTH,
) -> npt.NDArray[np.float64]:
    """(m,) log-odds ordering each title's top ``depth`` by the re-ranker, the rest below them.

    The top rows get the re-ranker's log-odds (comparable across titles); the others keep the
    fusion's order, shifted per title to lie one unit below the title's lowest re-ranked row.
    """
    top = top_rows(found, scores, tree, depth=depth)
    out = np.asarray(scores, np.float64).copy()
    if not len(top.rows):
        return out
    ranked = np.zeros(len(out), bool)
    ranked[top.rows] = True
    out[top.rows] = model.decision(top.features, top.names)
    n = int(found.query.max()) + 1
    floor = np.full(n, np.inf)
    np.minimum.at(floor, found.query[ranked], out[ranked])
    ceiling = np.full(n, -np.inf)
    np.maximum.at(ceiling, found.query[~ranked], out[~ranked])
    rest = ~ranked
    shift = np.where(np.isfinite(ceiling), ceiling - floor + 1.0, 0.0)
    out[rest] -= shift[found.query[rest]]
    return out
