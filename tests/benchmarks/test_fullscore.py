"""The harness's exact reference and recall (`benchmarks/fullscore.py`) on small known cases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Ranker
from matching.ranking.selection import select
from matching.types import LEAD_KINDS, Concept, Opening, Profile
from tests.matching.builders import openings, profiles, unit_vectors

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fullscore", ROOT / "benchmarks" / "fullscore.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fullscore", module)
    spec.loader.exec_module(module)
    return module


fullscore = _load()


def test_recall_is_the_share_of_the_exact_rows_found() -> None:
    exact = np.array([1, 2, 3, 4])
    assert fullscore.recall(np.array([4, 3, 9, 8]), exact) == 0.5
    assert fullscore.recall(np.array([2, 1, 4, 3]), exact) == 1.0  # order does not matter
    assert fullscore.recall(np.array([], np.int64), exact) == 0.0
    assert fullscore.recall(np.array([7]), np.array([], np.int64)) == 1.0  # nothing to find


def test_order_is_tier_then_score_then_id() -> None:
    scores = np.array([0.5, 0.9, 0.9, 0.7, 0.9])
    tiers = np.array([0, 1, 0, 0, 0])
    id_rank = np.array([3, 0, 4, 2, 1])
    rows = np.array([10, 11, 12, 13, 14])
    # tier 0 first; rows 12 and 14 tie on 0.9 and 14's id sorts first; tier 1's 0.9 comes last
    assert fullscore.order(scores, tiers, id_rank, rows, 2).tolist() == [14, 12]
    assert fullscore.order(scores, tiers, id_rank, rows, 5).tolist() == [14, 12, 13, 10, 11]


class _Fixed:
    """A 'similarity peer' that returns given rows, whatever it is asked."""

    name, nbytes, exact = "fixed", 0, False

    def __init__(self, rows: np.ndarray) -> None:
        self.rows = rows

    def query(self, p: Profile, goals: np.ndarray, k: int) -> np.ndarray:
        return self.rows[:k]


def _tied_items(n: int) -> tuple[list[Opening], np.ndarray]:
    """n items in two identical halves: every score is tied with another row's."""
    items = [
        Opening(id=f"o{i:03d}", employer_id="e", occupation=Concept("c", "occ:c", "5120")) for i in range(n)
    ]
    half = unit_vectors(n // 2, dim=8, seed=3)
    return items, np.vstack([half, half])


def test_rescored_peer_recall_counts_the_exact_rows_it_retrieved() -> None:
    items, vectors = _tied_items(40)
    ranker = Ranker().fit(items, vectors)
    scorer = fullscore.FullScorer(ranker)
    person, goals = Profile(id="p"), vectors[:2]
    exact = ranker.best(person, goals, n=10)[0].rows
    everything = fullscore.Rescored(_Fixed(np.arange(40)), scorer, fetch=40)
    assert everything.query(person, goals, 10).tolist() == exact.tolist()
    half = fullscore.Rescored(_Fixed(exact[:5]), scorer, fetch=40)
    assert fullscore.recall(half.query(person, goals, 10), exact) == 0.5


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(openings(), profiles(), st.integers(1, 12), st.booleans())
def test_full_scorer_equals_our_exact_answer(
    items: list[Opening], person: Profile, n: int, tie: bool
) -> None:
    vectors = unit_vectors(len(items), dim=8, seed=len(items))
    if tie and len(items) > 1:
        vectors[1::2] = vectors[0]  # many exact ties on similarity
    ranker = Ranker().fit(items, vectors)
    goals = vectors[:2]
    rows = select(ranker.store_, person, LEAD_KINDS).rows
    ours = ranker.best(person, goals, n=n)[0].rows
    assert fullscore.FullScorer(ranker).top(person, goals, rows, n).tolist() == ours.tolist()
