from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from matching.evaluation.rerank_sim import Specialist, simulate
from matching.ranking.reranker import FEATURES, PART, LeadReranker, ProtectedAttributeError
from matching.ranking.scoring import DEFAULT_WEIGHTS, PART_NAMES
from matching.types import Explanation, Lead, ScorePart


def frame(n: int = 400, seed: int = 0, **extra: list[object]) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.random((n, len(FEATURES)))
    label = (x[:, FEATURES.index("commute")] + 0.1 * rng.random(n) > 0.6).astype(int)
    out = pl.DataFrame(x, schema=list(FEATURES), orient="row").with_columns(pl.Series("label", label))
    return out.with_columns(*(pl.Series(k, v[:n] * n if len(v) == 1 else v) for k, v in extra.items()))


def test_features_are_exactly_the_score_parts() -> None:
    assert FEATURES == PART_NAMES
    model = LeadReranker().fit(frame(employer_name=["x"], note=["y"]))  # harmless extras are ignored
    assert model.feature_names_in_ == PART_NAMES
    assert model.coef_.shape == (len(PART_NAMES),)
    assert model.coef_[FEATURES.index("commute")] == max(model.coef_)  # it learned what drove the labels


@pytest.mark.parametrize("column", ["benefit_status", "diagnosis", "Criminal_Record"])
def test_protected_attributes_are_refused(column: str) -> None:
    with pytest.raises(ProtectedAttributeError, match=column.lower()):
        LeadReranker().fit(frame(**{column: ["sickness"]}))


def test_a_saved_model_must_use_only_the_parts() -> None:
    values = LeadReranker().fit(frame()).to_dict()
    assert LeadReranker.from_dict(values).to_dict() == values
    with pytest.raises(ValueError, match="not the score parts"):
        LeadReranker.from_dict({**values, "features": [*values["features"], "diagnosis"]})


def lead(i: int, commute: float) -> Lead:
    parts = tuple(
        ScorePart(n, DEFAULT_WEIGHTS[n], commute if n == "commute" else 0.5, 0.0, "") for n in PART_NAMES
    )
    return Lead(f"id{i}", "opening", "e", "E", f"t{i}", 1.0 - i / 10, i, Explanation(parts, (), (), (), ""))


def test_reorder_keeps_scores_and_says_what_it_did() -> None:
    model = LeadReranker(depth=3, blend=1.0).fit(frame())
    leads = [lead(1, 0.1), lead(2, 0.9), lead(3, 0.5), lead(4, 1.0)]
    out = model.reorder(leads)
    assert [x.id for x in out] == ["id2", "id3", "id1", "id4"]  # the 4th is below the depth
    assert [x.rank for x in out] == [1, 2, 3, 4]
    assert [x.score for x in out] == [0.8, 0.7, 0.9, 0.6]  # each lead keeps its own score
    note = out[0].explanation.parts[-1]
    assert note.name == PART and note.weight == 0.0 and note.contribution == 0.0
    assert "moved from 2 to rank 1" in note.because
    assert sum(p.contribution for p in out[0].explanation.parts) == sum(
        p.contribution for p in leads[1].explanation.parts
    )


def test_simulated_specialists_with_other_preferences_are_learned() -> None:
    rng = np.random.default_rng(1)
    default = np.array([DEFAULT_WEIGHTS[n] for n in FEATURES])
    people = []
    for _ in range(60):
        parts = rng.random((40, len(FEATURES)))
        people.append(parts[np.argsort(-(parts @ default))])  # the ranker's order
    hidden = np.zeros(len(FEATURES))
    hidden[FEATURES.index("hours")] = 0.7
    hidden[FEATURES.index("stage")] = 0.3
    outcome = simulate(people, Specialist(weights=hidden), default, seed=0)
    assert outcome is not None
    assert outcome.ndcg_reranked > outcome.ndcg_base + 0.1
