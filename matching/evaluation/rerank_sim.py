"""Offline evaluation of the feedback re-ranker with simulated specialists.

Real feedback is scarce and biased by what was shown, so the re-ranker is judged on a simulation
that keeps that bias: a specialist has a hidden preference over the score parts; for each person
they see the ranker's top leads and mark some of them (positive when the lead is among the
person's truly best, else not_relevant). The re-ranker learns from the marked leads of some
people and is scored on people it never saw: NDCG@10 and precision@5 of their full candidate
lists, with and without re-ranking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from matching.evaluation.metrics import ndcg_at_k
from matching.ranking.reranker import FEATURES, LeadReranker


@dataclass(frozen=True, slots=True)
class Specialist:
    """How a simulated specialist judges leads.

    Attributes:
        weights: (len(FEATURES),) hidden preference over the parts (sums to 1).
        noise: Std of the per-lead judgement noise added to the weighted parts.
        relevant_share: Share of a person's candidates that are truly good.
        served: How many of the ranker's top leads the specialist sees.
        answer_rate: Chance a seen lead gets feedback at all.
    """

    weights: npt.NDArray[np.float64]
    noise: float = 0.05
    relevant_share: float = 0.2
    served: int = 10
    answer_rate: float = 0.7


@dataclass(frozen=True, slots=True)
class SimOutcome:
    """Mean held-out figures of one simulation run."""

    ndcg_base: float
    ndcg_reranked: float
    precision_base: float
    precision_reranked: float
    n_feedback: int


def relevance(
    parts: npt.NDArray[np.float64], who: Specialist, rng: np.random.Generator
) -> npt.NDArray[np.bool_]:
    """(m,) bool: the person's truly good leads under the specialist's hidden preference."""
    utility = parts @ who.weights + rng.normal(0.0, who.noise, len(parts))
    cut = np.quantile(utility, 1.0 - who.relevant_share)
    return utility >= cut


def feedback_frame(
    people: Sequence[npt.NDArray[np.float64]],
    relevant: Sequence[npt.NDArray[np.bool_]],
    who: Specialist,
    rng: np.random.Generator,
) -> pl.DataFrame:
    """Feedback on the served leads (rows already in the ranker's order): parts + label."""
    rows, labels = [], []
    for parts, rel in zip(people, relevant, strict=True):
        for j in range(min(who.served, len(parts))):
            if rng.random() < who.answer_rate:
                rows.append(parts[j])
                labels.append(int(rel[j]))
    frame = pl.DataFrame(np.array(rows).reshape(-1, len(FEATURES)), schema=list(FEATURES), orient="row")
    return frame.with_columns(pl.Series("label", labels, dtype=pl.Int64))


def simulate(
    people: Sequence[npt.NDArray[np.float64]],
    who: Specialist,
    weights: npt.NDArray[np.float64],
    *,
    folds: int = 5,
    seed: int = 0,
) -> SimOutcome | None:
    """Cross-validate the re-ranker over people; None when a fold has one feedback class only.

    Args:
        people: Per person, (m_i, len(FEATURES)) part values of their candidates in the
            ranker's order (best first).
        who: The simulated specialist.
        weights: (len(FEATURES),) the ranker's part weights (its score is parts @ weights).
        folds: Folds over people.
        seed: RNG seed.
    """
    rng = np.random.default_rng(seed)
    relevant = [relevance(p, who, rng) for p in people]
    fold = rng.permutation(len(people)) % folds
    base, reranked, p_base, p_reranked, n_feedback = [], [], [], [], 0
    for f in range(folds):
        train = [i for i in range(len(people)) if fold[i] != f]
        frame = feedback_frame([people[i] for i in train], [relevant[i] for i in train], who, rng)
        if frame.height == 0 or frame["label"].n_unique() < 2:
            return None
        model = LeadReranker(depth=10**6).fit(frame)
        n_feedback += frame.height
        for i in np.flatnonzero(fold == f).tolist():
            gains = relevant[i].astype(np.float64)
            order_base = -np.arange(len(gains), dtype=np.float64)  # the ranker's own order
            order_new = model.order_key(people[i], people[i] @ weights)
            base.append(ndcg_at_k(order_base, gains, 10))
            reranked.append(ndcg_at_k(order_new, gains, 10))
            p_base.append(gains[:5].mean())
            p_reranked.append(gains[np.lexsort((np.arange(len(gains)), -order_new))[:5]].mean())
    return SimOutcome(
        float(np.mean(base)),
        float(np.mean(reranked)),
        float(np.mean(p_base)),
        float(np.mean(p_reranked)),
        n_feedback // folds,
    )
