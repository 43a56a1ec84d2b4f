"""`PartMatrix`: the score parts of a set of candidate rows, column by candidate."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

#: The value of a part where the person (or the item) stated nothing: never a penalty.
NEUTRAL = 0.5


@dataclass(frozen=True, slots=True)
class PartMatrix:
    """Part values for m candidate rows, plus what the explanation needs.

    Part rows follow `matching.ranking.scoring.PART_NAMES`.

    Attributes:
        values: (len(PART_NAMES), m) float64 part values in [0, 1].
        similarity: (m,) float32 best cosine similarity to a goal vector.
        best_goal: (m,) int64 index of the goal vector that gave it.
        occupation_level: (m,) int64 index into OCCUPATION_LEVELS, -1 for no match.
        distance_km: (m,) float64 distance from home, NaN when unknown.
        occupation_goal: (m,) int64 index into ``Profile.preferred_occupations`` of the goal the
            occupation level matched, -1 for no match.
    """

    values: npt.NDArray[np.float64]
    similarity: npt.NDArray[np.float32]
    best_goal: npt.NDArray[np.int64]
    occupation_level: npt.NDArray[np.int64]
    distance_km: npt.NDArray[np.float64]
    occupation_goal: npt.NDArray[np.int64]

    def take(self, idx: npt.NDArray[np.int64]) -> PartMatrix:
        """The parts of candidates ``idx`` ((k,) int64 column indices) only."""
        return PartMatrix(
            self.values[:, idx],
            self.similarity[idx],
            self.best_goal[idx],
            self.occupation_level[idx],
            self.distance_km[idx],
            self.occupation_goal[idx],
        )

    @staticmethod
    def concat(parts: list[PartMatrix]) -> PartMatrix:
        """Candidates of several matrices, in order."""
        return PartMatrix(
            np.concatenate([p.values for p in parts], axis=1),
            np.concatenate([p.similarity for p in parts]),
            np.concatenate([p.best_goal for p in parts]),
            np.concatenate([p.occupation_level for p in parts]),
            np.concatenate([p.distance_km for p in parts]),
            np.concatenate([p.occupation_goal for p in parts]),
        )

    def total(self, weights: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """(m,) float64 score: the weighted sum of parts, summed in PART_NAMES order.

        Args:
            weights: (len(PART_NAMES),) float64 part weights.
        """
        contributions = weights[:, None] * self.values
        out = np.zeros(self.values.shape[1], np.float64)
        for row in contributions:  # fixed order keeps sum == sum of shown contributions
            out += row
        return out
