"""`Ranker`: exact, explainable lead ranking with the scikit-learn estimator contract."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np

from matching.constraints import Constraint, constraints_for
from matching.explain import explain
from matching.scoring import normalise_weights, score_parts, stage_value_array
from matching.table import OpeningTable
from matching.types import LEAD_KINDS, Lead, LeadKind, Opening, Profile, Removal


class NotFittedError(RuntimeError):
    """`rank` was called before `fit`."""


class Ranker:
    """Rank openings and network employers for one person.

    Follows the scikit-learn contract: ``__init__`` stores keyword-only parameters unchanged,
    ``fit`` validates and learns (attributes ending in ``_``) and returns ``self``.

    The path is exact: the person's own constraints select the allowed rows first (never a
    post-filter on a global top-k, which loses leads), then every score part is computed
    vectorised over the allowed rows, then the top ``n`` are taken with ties broken by id.

    Args:
        weights: Part name -> weight; normalised to sum to 1. Defaults to DEFAULT_WEIGHTS.
        similarity_floor: Cosine similarity that counts as "unrelated" for the encoder in use
            (it maps to a preference value of 0; 1.0 maps to 1).
        stage_values: Relationship stage -> value in [0, 1], overriding the defaults.

    Example:
        >>> import numpy as np
        >>> from matching.types import Opening, Profile
        >>> items = [Opening(id="b", employer_id="e"), Opening(id="a", employer_id="e")]
        >>> vecs = np.eye(2, dtype=np.float32)
        >>> ranker = Ranker().fit(items, vecs)
        >>> [lead.id for lead in ranker.rank(Profile(id="p"), vecs[0], n=2)]
        ['b', 'a']
    """

    def __init__(
        self,
        *,
        weights: Mapping[str, float] | None = None,
        similarity_floor: float = 0.0,
        stage_values: Mapping[str, float] | None = None,
    ) -> None:
        self.weights = weights
        self.similarity_floor = similarity_floor
        self.stage_values = stage_values

    def fit(self, openings: Sequence[Opening], vectors: np.ndarray) -> Ranker:
        """Learn the items to rank.

        Args:
            openings: The items (openings and employer leads), any order.
            vectors: (len(openings), d) float32, L2-normalised, row i for openings[i].

        Returns:
            self

        Raises:
            ValueError: On mismatched lengths, a wrong dtype or non-unit vectors.
        """
        vectors = np.asarray(vectors)
        if vectors.ndim != 2 or vectors.shape[0] != len(openings):
            raise ValueError(f"vectors must be (n_openings, d); got {vectors.shape} for {len(openings)}")
        if vectors.dtype != np.float32:
            raise ValueError(f"vectors must be float32, got {vectors.dtype}")
        norms = np.linalg.norm(vectors, axis=1) if len(vectors) else np.ones(0)
        if not np.allclose(norms, 1.0, atol=1e-3):
            raise ValueError("vectors must be L2-normalised")
        self.weights_ = normalise_weights(self.weights)
        self.stage_values_ = stage_value_array(self.stage_values)
        self.openings_ = tuple(openings)
        self.vectors_ = np.ascontiguousarray(vectors)
        self.table_ = OpeningTable.build(self.openings_)
        self.row_of_ = {o.id: i for i, o in enumerate(self.openings_)}
        return self

    def rank(
        self,
        profile: Profile,
        vector: np.ndarray,
        *,
        n: int = 10,
        exclude: Collection[str] | None = None,
        kinds: Iterable[LeadKind] = LEAD_KINDS,
    ) -> list[Lead]:
        """Return up to ``n`` leads in score order, ties broken by id.

        Args:
            profile: The person.
            vector: (d,) or (k, d) float32 L2-normalised goal vector(s); with k goals the
                preference part uses the closest goal.
            n: Number of leads wanted.
            exclude: Ids never to return (e.g. leads the specialist already has).
            kinds: Which lead kinds to produce.

        Returns:
            Leads with explanations; fewer than ``n`` when fewer survive the constraints.
        """
        rows = self._allowed_rows(profile, exclude, kinds)
        goals = _as_goals(vector, self.vectors_.shape[1])
        parts = score_parts(
            self.table_,
            self.vectors_,
            rows,
            profile,
            goals,
            similarity_floor=self.similarity_floor,
            stage_values=self.stage_values_,
        )
        scores = parts.total(self.weights_)
        top = _top_n(scores, self.table_.id_order[rows], n)
        leads = []
        for rank, j in enumerate(top, start=1):
            item = self.openings_[rows[j]]
            leads.append(
                Lead(
                    id=item.id,
                    kind=item.kind,
                    employer_id=item.employer_id,
                    employer_name=item.employer_name,
                    title=item.title,
                    score=float(scores[j]),
                    rank=rank,
                    explanation=explain(item, profile, parts, int(j), self.weights_),
                )
            )
        return leads

    def removals(self, profile: Profile, *, kinds: Iterable[LeadKind] = LEAD_KINDS) -> list[Removal]:
        """Items the person's constraints remove, each attributed to the first constraint."""
        return [
            Removal(str(self.table_.ids[row]), constraint.name, constraint.describe())
            for constraint, rows in self._removed_rows(profile, kinds)
            for row in rows
        ]

    def removal_counts(self, profile: Profile, *, kinds: Iterable[LeadKind] = LEAD_KINDS) -> dict[str, int]:
        """How many items each constraint removes, keyed by its description."""
        return {c.describe(): len(rows) for c, rows in self._removed_rows(profile, kinds) if len(rows)}

    def _removed_rows(
        self, profile: Profile, kinds: Iterable[LeadKind]
    ) -> list[tuple[Constraint, np.ndarray]]:
        self._check_fitted()
        rows = self._kind_rows(kinds)
        out = []
        for constraint in constraints_for(profile):
            keep = constraint.keep(self.table_, rows)
            out.append((constraint, rows[~keep]))
            rows = rows[keep]
        return out

    def _allowed_rows(
        self, profile: Profile, exclude: Collection[str] | None, kinds: Iterable[LeadKind]
    ) -> np.ndarray:
        self._check_fitted()
        rows = self._kind_rows(kinds)
        if exclude:
            banned = [self.row_of_[i] for i in exclude if i in self.row_of_]
            rows = rows[~np.isin(rows, np.asarray(banned, np.int64))]
        for constraint in constraints_for(profile):
            rows = rows[constraint.keep(self.table_, rows)]
        return rows

    def _kind_rows(self, kinds: Iterable[LeadKind]) -> np.ndarray:
        wanted = set(kinds)
        unknown = wanted - set(LEAD_KINDS)
        if unknown:
            raise ValueError(f"unknown lead kinds {sorted(unknown)}")
        mask = np.zeros(len(self.table_), bool)
        if "opening" in wanted:
            mask |= ~self.table_.is_employer
        if "employer" in wanted:
            mask |= self.table_.is_employer
        return np.flatnonzero(mask)

    def _check_fitted(self) -> None:
        if not hasattr(self, "table_"):
            raise NotFittedError("call fit() before rank()")


def _as_goals(vector: np.ndarray, dim: int) -> np.ndarray:
    goals = np.asarray(vector, np.float32)
    goals = goals[None, :] if goals.ndim == 1 else goals
    if goals.ndim != 2 or goals.shape[1] != dim or goals.shape[0] == 0:
        raise ValueError(f"vector must be (d,) or (k, d) with d={dim}; got {np.shape(vector)}")
    return goals


def _top_n(scores: np.ndarray, id_order: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n best scores, best first, equal scores in id order."""
    if n <= 0 or len(scores) == 0:
        return np.zeros(0, np.int64)
    if n < len(scores):
        kth = np.partition(-scores, n - 1)[n - 1]
        pool = np.flatnonzero(-scores <= kth)  # every tie at the boundary stays in the pool
    else:
        pool = np.arange(len(scores))
    order = np.lexsort((id_order[pool], -scores[pool]))
    return pool[order[:n]]
