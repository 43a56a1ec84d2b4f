"""Two-stage out-of-fold scores: the re-ranker helps on a problem only it can solve, and stays out of fold."""

from __future__ import annotations

import numpy as np
import pytest

from matching.evaluation.folds import LinkTable, concept_ranks
from matching.evaluation.rerank_folds import two_stage_out_of_fold
from matching.linking.features import Candidates
from matching.linking.isco_tree import IscoTree

GROUPS = 30  # unit groups "1000".."1029", each with 3 member occupations
SMALL = {"max_iter": 20, "min_samples_leaf": 10, "max_leaf_nodes": 7}


def concepts() -> tuple[list[str], list[str], list[bool]]:
    """URIs, ISCO codes and group flags: per group the group itself and its 3 members."""
    uris, codes, is_group = [], [], []
    for g in range(GROUPS):
        code = str(1000 + g)
        for m in range(4):
            uris.append(f"g{g}" if m == 0 else f"g{g}o{m}")
            codes.append(code)
            is_group.append(m == 0)
    return uris, codes, is_group


def table(n: int, seed: int) -> LinkTable:
    """Each title lists one group with 1-3 members plus two other groups' first members.

    The answer is the group when 2+ members are listed, else the best member; the fusion's
    only feature ranks members above the group.
    """
    rng = np.random.default_rng(seed)
    uris, codes, is_group = concepts()
    query, concept, signal, gold = [], [], [], []
    for q in range(n):
        g = int(rng.integers(GROUPS))
        members = [4 * g + m for m in range(1, int(rng.integers(1, 4)) + 1)]
        others = [4 * int(o) + 1 for o in rng.choice([x for x in range(GROUPS) if x != g], 2, replace=False)]
        s = {c: rng.normal(0.0, 0.3) + 2.0 for c in members} | {4 * g: 1.5 + rng.normal(0.0, 0.3)}
        s |= {c: rng.normal(0.0, 0.3) for c in others}
        gold.append(uris[4 * g] if len(members) >= 2 else uris[max(members, key=lambda c: s[c])])
        for c in sorted(s):
            query.append(q)
            concept.append(c)
            signal.append(s[c])
    feats = np.array(signal, np.float32)[:, None]
    cands = Candidates(np.array(query), np.array(concept), feats, ("char_same",))
    return LinkTable("synthetic", cands, uris, gold, IscoTree(codes, is_group))


def mrr(t: LinkTable, scores: np.ndarray) -> float:
    return float((1.0 / concept_ranks(t, scores)).mean())


@pytest.mark.slow  # ~45 s of cross-validated training (CI runs it in make test-slow)
def test_nested_two_stage_beats_the_fusion_out_of_fold() -> None:
    t = table(300, seed=0)
    first, final = two_stage_out_of_fold([t], k=5, params=SMALL, rerank_params=SMALL)
    assert mrr(t, first[0]) < 0.8
    assert mrr(t, final[0]) > mrr(t, first[0]) + 0.15
    assert first[0].shape == final[0].shape == (len(t.candidates.query),)
