"""The top-20 re-ranker on a synthetic problem with a known answer.

Every title's list holds one ISCO unit group, some of its member occupations and unrelated
occupations. The first-stage score favours members over their group; the answer is the group
when two or more of its members are listed (the title names the group) and the best member
otherwise. Only the list-level agreement features can tell the two cases apart.
"""

from __future__ import annotations

import numpy as np

from matching.linking.features import Candidates
from matching.linking.fusion import fit_trees
from matching.linking.isco_tree import IscoTree
from matching.linking.rerank import RERANK_PARAMS, rerank_scores, top_rows

# concept 0: group 1234; 1-3: its members; 4-9: occupations of other groups
CODES = ["1234", "1234", "1234", "1234", "2111", "2112", "3111", "3112", "4111", "4112"]
TREE = IscoTree(CODES, [True] + [False] * 9)


def world(n: int, seed: int) -> tuple[Candidates, np.ndarray, np.ndarray]:
    """Candidates, first-stage scores and each title's gold concept."""
    rng = np.random.default_rng(seed)
    query, concept, score, gold = [], [], [], []
    for q in range(n):
        members = [1, 2, 3][: rng.integers(1, 4)]
        listed = [0, *members, 4, 5, 6, 7, 8, 9]
        s = {c: rng.normal(0.0, 0.3) for c in listed}
        for c in members:
            s[c] += 2.0
        s[0] += 1.5
        best_member = max(members, key=lambda c: s[c])
        gold.append(0 if len(members) >= 2 else best_member)
        for c in listed:
            query.append(q)
            concept.append(c)
            score.append(s[c])
    scores = np.array(score)
    feats = np.column_stack([scores, np.full(len(scores), 1.0)]).astype(np.float32)
    found = Candidates(np.array(query), np.array(concept), feats, ("char_same", "q_len"))
    return found, scores, np.array(gold)


def top1(found: Candidates, scores: np.ndarray) -> np.ndarray:
    """(n,) concept with the highest score per title."""
    n = int(found.query.max()) + 1
    out = np.zeros(n, np.int64)
    for q in range(n):
        rows = np.flatnonzero(found.query == q)
        out[q] = found.concept[rows[np.argmax(scores[rows])]]
    return out


def test_reranker_learns_when_the_title_names_the_group() -> None:
    found, scores, gold = world(600, seed=1)
    top = top_rows(found, scores, TREE)
    labels = (found.concept[top.rows] == gold[found.query[top.rows]]).astype(np.int64)
    model = fit_trees(top.features, labels, top.names, params={**RERANK_PARAMS, "max_iter": 80})

    test, test_scores, test_gold = world(300, seed=2)
    before = (top1(test, test_scores) == test_gold).mean()
    after = (top1(test, rerank_scores(test, test_scores, TREE, model)) == test_gold).mean()
    assert before < 0.5  # the first stage never puts the group first
    assert after > 0.95


def test_rows_below_depth_keep_their_order_under_the_reranked_ones() -> None:
    found, scores, gold = world(50, seed=3)
    top = top_rows(found, scores, TREE, depth=4)
    labels = (found.concept[top.rows] == gold[found.query[top.rows]]).astype(np.int64)
    model = fit_trees(top.features, labels, top.names, params={**RERANK_PARAMS, "max_iter": 10})
    out = rerank_scores(found, scores, TREE, model, depth=4)
    for q in range(50):
        rows = np.flatnonzero(found.query == q)
        first = rows[np.argsort(-scores[rows], kind="stable")]
        head, tail = first[:4], first[4:]
        assert out[head].min() > out[tail].max()
        assert (np.diff(out[tail]) <= 0).all()  # the fusion's order, shifted
    assert len(top.rows) == 50 * 4 and top.features.shape == (200, len(top.names))


def test_the_linker_runs_its_reranker_and_takes_its_threshold() -> None:
    import polars as pl

    from matching.linking.linker import TitleLinker

    labels = pl.DataFrame(
        {
            "uri": ["o/clean", "o/clean", "o/cook", "o/cook", "o/drive", "o/ware"],
            "lang": ["en"] * 6,
            "kind": ["preferred", "alternative", "preferred", "alternative", "preferred", "preferred"],
            "label": [
                "cleaner",
                "office cleaner",
                "cook",
                "kitchen cook",
                "delivery driver",
                "warehouse worker",
            ],
            "isco": ["9112", "9112", "5120", "5120", "8322", "9333"],
        }
    )
    titles = ["cleaner", "office cleaner", "cook", "kitchen cook", "delivery driver", "warehouse worker"]
    plain = TitleLinker().fit(labels)
    found = plain.score(titles, lang="en").candidates
    gold = np.array([plain.index_.uris.index(u) for u in labels["uri"].to_list()])
    y = (found.concept == gold[found.query]).astype(np.int64)
    small = {"max_iter": 5, "min_samples_leaf": 1, "max_leaf_nodes": 3}
    fusion = fit_trees(found.features, y, found.names, params=small)
    top = top_rows(found, fusion.decision(found.features, found.names), plain.index_.tree)
    reranker = fit_trees(top.features, y[top.rows], top.names, params=small, meta={"min_score": 0.42})
    linker = TitleLinker(fusion=fusion, reranker=reranker).fit(labels)
    scored = linker.score(titles, lang="en")
    raw = fusion.decision(scored.candidates.features, scored.candidates.names)
    expected = rerank_scores(scored.candidates, raw, linker.index_.tree, reranker)
    assert np.allclose(scored.scores, 1 / (1 + np.exp(-expected)))
    assert linker.threshold == 0.42 and linker.with_encoder(None).reranker is reranker
