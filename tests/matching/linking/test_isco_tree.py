from __future__ import annotations

import numpy as np

from matching.linking.isco_tree import IscoTree


def tree() -> IscoTree:
    # concepts: group 5, group 51, group 5131, occupation in 5131, occupation in 5120, group 9
    codes = ["5", "51", "5131", "5131", "5120", "9"]
    return IscoTree(codes, [True, True, True, False, False, True])


def test_groups_take_their_best_descendant() -> None:
    scores = np.array([[0.1, 0.2, 0.3, 0.9, 0.5, 0.4]], np.float32)
    child = tree().child_max(scores)[0]
    assert child.tolist() == [0.9, 0.9, 0.9, -1.0, -1.0, -1.0] or np.allclose(
        child, [0.9, 0.9, 0.9, -1, -1, -1]
    )


def test_concepts_take_their_nearest_indexed_ancestor() -> None:
    scores = np.array([[0.1, 0.2, 0.3, 0.9, 0.5, 0.4]], np.float32)
    parent = tree().parent_score(scores)[0]
    # 5131 occupation -> group 5131; 5120 occupation -> nearest indexed is 51; 51 -> 5; 5 and 9 -> none
    assert np.allclose(parent, [-1, 0.1, 0.2, 0.3, 0.2, -1])
    assert tree().level().tolist() == [1, 2, 4, 0, 0, 1]
