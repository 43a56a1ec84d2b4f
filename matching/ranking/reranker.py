"""A re-ranker learned from specialists' feedback, over the score parts and nothing else.

Specialists mark leads pursued/applied/interview/hired (positive) or not_relevant (negative).
A logistic regression over the eight score parts learns how this team actually weighs them and
re-orders the top leads. Its only inputs are the parts (`scoring.PART_NAMES`): a frame carrying a
protected attribute is refused, and any other extra column is ignored, so the model can never
learn from a diagnosis, a benefit status or anything else about the person.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl
from sklearn.linear_model import LogisticRegression

from matching.phrase import say
from matching.ranking.scoring import PART_NAMES
from matching.types import Lead, ScorePart

FEATURES: tuple[str, ...] = PART_NAMES
#: Column names that must never reach a model (refused, not silently dropped: their presence
#: means a pipeline is joining data it should not).
PROTECTED = frozenset(
    {
        "benefit_status", "benefits", "diagnosis", "diagnoses", "criminal_record", "health",
        "disability", "gender", "sex", "age", "birth_date", "ethnicity", "religion", "nationality",
    }
)  # fmt: skip
PART = "reranker"


class ProtectedAttributeError(ValueError):
    """A training frame carried a protected attribute."""


class LeadReranker:
    """Logistic regression on score parts (scikit-learn contract).

    Args:
        C: Inverse L2 strength; feedback is scarce, so the default keeps weights small.
        depth: How many of the ranker's top leads may be re-ordered.
        blend: Weight of the learned order against the ranker's score (both standardised over
            the re-ordered leads). 0.7 did best on the simulation in docs/quality.md: pure
            re-ranking (1.0) learned a different team's preference slightly less well and lost
            more when the team agreed with the default weights.
    """

    def __init__(self, *, C: float = 1.0, depth: int = 30, blend: float = 0.7) -> None:
        self.C = C
        self.depth = depth
        self.blend = blend

    def fit(self, frame: pl.DataFrame) -> LeadReranker:
        """Learn from a frame with the part columns and ``label`` (1 positive, 0 negative).

        Raises:
            ProtectedAttributeError: A column is a protected attribute.
            ValueError: A part column is missing, or only one class is present.
        """
        refused = sorted(PROTECTED & {c.lower() for c in frame.columns})
        if refused:
            raise ProtectedAttributeError(f"refusing to train on protected attributes: {refused}")
        missing = [c for c in (*FEATURES, "label") if c not in frame.columns]
        if missing:
            raise ValueError(f"training frame lacks {missing}")
        y = frame["label"].cast(pl.Int64).to_numpy()
        if len(set(y.tolist())) < 2:
            raise ValueError("need both positive and negative feedback to learn")
        x = frame.select(FEATURES).cast(pl.Float64).to_numpy()
        model = LogisticRegression(C=self.C, class_weight="balanced", max_iter=1000).fit(x, y)
        self.coef_ = model.coef_[0].astype(np.float64)
        self.intercept_ = float(model.intercept_[0])
        self.feature_names_in_ = FEATURES
        self.n_train_ = len(y)
        return self

    def decision(self, parts: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(n,) log-odds of positive feedback for (n, len(FEATURES)) part values."""
        logits: npt.NDArray[np.float64] = np.asarray(parts, np.float64) @ self.coef_ + self.intercept_
        return logits

    def order_key(
        self, parts: npt.NDArray[np.float64], scores: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """(n,) sort key, higher first: ``blend`` learned order + (1 - blend) ranker score."""
        return self.blend * _standardise(self.decision(parts)) + (1 - self.blend) * _standardise(scores)

    def reorder(self, leads: Sequence[Lead]) -> list[Lead]:
        """Re-order the top ``depth`` leads by predicted feedback blended with the score.

        Leads below ``depth`` keep their order. Scores and parts are kept; each re-ordered lead
        gains a zero-weight ``reranker`` part saying where the ranker had it and how likely
        positive feedback is.
        """
        head, tail = list(leads[: self.depth]), list(leads[self.depth :])
        if not head:
            return list(leads)
        parts = np.array([[_part_value(lead, n) for n in FEATURES] for lead in head])
        logit = self.decision(parts)
        key = self.order_key(parts, np.array([lead.score for lead in head]))
        order = np.lexsort((np.arange(len(head)), -key))
        out = [_annotate(head[i], new, float(logit[i])) for new, i in enumerate(order, start=1)]
        return out + [dataclasses.replace(lead, rank=len(out) + j) for j, lead in enumerate(tail, start=1)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready parameters."""
        return {
            "kind": "logistic",
            "features": list(self.feature_names_in_),
            "coef": self.coef_.tolist(),
            "intercept": self.intercept_,
            "n_train": self.n_train_,
            "C": self.C,
            "depth": self.depth,
            "blend": self.blend,
        }

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> LeadReranker:
        """Rebuild from `to_dict`; refuses a model whose features are not exactly the parts."""
        if tuple(values["features"]) != FEATURES:
            raise ValueError(f"re-ranker features {values['features']} are not the score parts {FEATURES}")
        model = cls(C=float(values["C"]), depth=int(values["depth"]), blend=float(values.get("blend", 0.7)))
        model.coef_ = np.asarray(values["coef"], np.float64)
        model.intercept_ = float(values["intercept"])
        model.feature_names_in_ = FEATURES
        model.n_train_ = int(values["n_train"])
        return model


def _standardise(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    spread = float(x.std())
    return (x - x.mean()) / spread if spread > 0 else np.zeros_like(x)


def _part_value(lead: Lead, name: str) -> float:
    return next(p.value for p in lead.explanation.parts if p.name == name)


def _annotate(lead: Lead, new_rank: int, logit: float) -> Lead:
    probability = 1.0 / (1.0 + np.exp(-logit))
    chance = f"{probability:.2f}"
    if new_rank == lead.rank:
        note = say(
            "order adjusted by the learned re-ranker: kept at rank %(rank)s "
            "(chance of positive feedback %(chance)s); the score is unchanged",
            rank=new_rank,
            chance=chance,
        )
    else:
        note = say(
            "order adjusted by the learned re-ranker: moved from %(old)s to rank %(rank)s "
            "(chance of positive feedback %(chance)s); the score is unchanged",
            old=lead.rank,
            rank=new_rank,
            chance=chance,
        )
    extra = ScorePart(PART, 0.0, float(probability), 0.0, str(note), note)
    explanation = dataclasses.replace(lead.explanation, parts=(*lead.explanation.parts, extra))
    return dataclasses.replace(lead, rank=new_rank, explanation=explanation)
