"""`Ranker`: exact, explainable lead ranking with the scikit-learn estimator contract."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np

from matching.ranking.constraints import Constraint, constraints_for
from matching.ranking.explain import Explainer
from matching.ranking.item_matrix import ItemMatrix
from matching.ranking.scoring import (
    PART_NAMES,
    STATIC_PARTS,
    PartMatrix,
    commute_bound,
    normalise_weights,
    preference_values,
    score_parts,
    stage_value_array,
    static_parts,
)
from matching.ranking.search import Evaluate, Ranked, best_rows
from matching.ranking.table import OpeningTable
from matching.types import LEAD_KINDS, Lead, LeadKind, Opening, Profile, Removal

_STATIC = np.array([PART_NAMES.index(p) for p in STATIC_PARTS])
_PREFERENCE, _COMMUTE = PART_NAMES.index("preference"), PART_NAMES.index("commute")
#: Use group bounds when there are at least this many allowed rows per allowed group ...
GROUP_SHARING = 4
#: ... or when this many rows are allowed: then reading every allowed row's vector costs more
#: than bounding each group, even with one row per group (measured by
#: benchmarks/bench_rank_diverse.py: below ~25k diverse rows scoring them all was faster, above
#: it bounding was, 4x at 100k for people without a travel limit).
LARGE_ALLOWED = 32_768


class NotFittedError(RuntimeError):
    """`rank` was called before `fit`."""


class Ranker:
    """Rank openings and network employers for one person.

    Follows the scikit-learn contract: ``__init__`` stores keyword-only parameters unchanged,
    ``fit`` validates and learns (attributes ending in ``_``) and returns ``self``; ``upsert``
    (alias ``partial_fit``) and ``remove`` change items in place without a rebuild.

    The path is exact: the person's own constraints select the allowed rows first, group by
    group (never a post-filter on a global top-k, which loses leads); every score part is computed
    vectorised, first as an upper bound per group, then exactly for the rows that can still
    reach the top ``n`` (`matching.ranking.search`); ties are broken by id.

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
        """Learn the items to rank, replacing any learned before.

        Args:
            openings: The items (openings and employer leads), unique ids, any order.
            vectors: (len(openings), d) float32, L2-normalised, row i for openings[i].

        Returns:
            self

        Raises:
            ValueError: On mismatched lengths, a wrong dtype or non-unit vectors.
        """
        vectors = _checked(openings, vectors)
        self.weights_ = normalise_weights(self.weights)
        self.stage_values_ = stage_value_array(self.stage_values)
        self.store_ = ItemMatrix(vectors.shape[1], capacity=len(openings))
        self.store_.upsert(openings, vectors)
        return self

    def upsert(self, openings: Sequence[Opening], vectors: np.ndarray) -> Ranker:
        """Add items, or replace those whose id is known, in place; returns self."""
        self._check_fitted()
        self.store_.upsert(openings, _checked(openings, vectors, dim=self.store_.dim))
        return self

    partial_fit = upsert

    def remove(self, ids: Iterable[str]) -> int:
        """Forget the items with these ids (unknown ids are ignored); returns how many went."""
        self._check_fitted()
        return self.store_.remove(ids)

    @property
    def openings_(self) -> tuple[Opening, ...]:
        """The live items, in row order."""
        return self._fitted_store().items()

    @property
    def vectors_(self) -> np.ndarray:
        """(n_items, d) float32 vectors of the live items, in row order."""
        store = self._fitted_store()
        return store.vectors[store.live_rows()]

    @property
    def table_(self) -> OpeningTable:
        """The columnar table of items (`matching.ranking.table.OpeningTable`)."""
        return self._fitted_store().table

    def __len__(self) -> int:
        return len(self.store_) if hasattr(self, "store_") else 0

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
        return self.leads(profile, self.best(profile, vector, n=n, exclude=exclude, kinds=kinds)[0])

    def best(
        self,
        profile: Profile,
        vector: np.ndarray,
        *,
        n: int = 10,
        exclude: Collection[str] | None = None,
        kinds: Iterable[LeadKind] = LEAD_KINDS,
    ) -> tuple[Ranked, dict[str, int]]:
        """The exact top ``n`` rows (no explanations yet) and the removal counts by reason."""
        rows, removed, groups = self._allowed(profile, tuple(kinds))
        if exclude:
            rows = rows[~np.isin(rows, self.store_.rows_of(exclude))]
        goals = _as_goals(vector, self.store_.dim)
        # Group bounds pay when allowed rows share groups, or when so many rows are allowed that
        # reading all their vectors costs more; a few thousand diverse rows are scored directly.
        shared = int(groups.sum()) * GROUP_SHARING <= len(rows) or len(rows) >= LARGE_ALLOWED
        ranked = best_rows(
            rows,
            (lambda: self._upper_bounds(profile, rows, groups, goals)) if shared else None,
            n,
            self._evaluator(profile, goals),
            self.store_.table.ids,
        )
        return ranked, {c.describe(): k for c, k in removed.items() if k}

    def score_ids(self, profile: Profile, vector: np.ndarray, ids: Sequence[str]) -> Ranked:
        """Exact scores and parts of the live items ``ids``, in the given order (unknown ids skipped)."""
        self._check_fitted()
        rows = self.store_.rows_of(ids)
        scores, parts = self._evaluator(profile, _as_goals(vector, self.store_.dim))(rows)
        return Ranked(rows, scores, parts, len(rows), len(rows))

    def leads(self, profile: Profile, ranked: Ranked) -> list[Lead]:
        """Leads with explanations for ``ranked`` rows, ranked 1, 2, ... in their order."""
        explainer = Explainer(profile, self.weights_)
        items = self.store_.items_at(ranked.rows)
        return [
            Lead(
                id=item.id,
                kind=item.kind,
                employer_id=item.employer_id,
                employer_name=item.employer_name,
                title=item.title,
                score=float(ranked.scores[j]),
                rank=j + 1,
                explanation=explainer.explain(item, ranked.parts, j),
            )
            for j, item in enumerate(items)
        ]

    def removals(self, profile: Profile, *, kinds: Iterable[LeadKind] = LEAD_KINDS) -> list[Removal]:
        """Items the person's constraints remove, each attributed to the first constraint.

        Row by row, without groups: this is the plain statement of the rules (and is slower).
        """
        self._check_fitted()
        table = self.store_.table
        rows = self.store_.kind_rows(set(kinds))
        out: list[Removal] = []
        for constraint in constraints_for(profile):
            keep = constraint.keep(table, rows)
            why = constraint.describe()
            out.extend(Removal(str(table.ids[r]), constraint.name, why) for r in rows[~keep])
            rows = rows[keep]
        return out

    def removal_counts(self, profile: Profile, *, kinds: Iterable[LeadKind] = LEAD_KINDS) -> dict[str, int]:
        """How many items each constraint removes, keyed by its description."""
        removed = self._allowed(profile, tuple(kinds))[1]
        return {c.describe(): k for c, k in removed.items() if k}

    def _allowed(
        self, profile: Profile, kinds: tuple[LeadKind, ...]
    ) -> tuple[np.ndarray, dict[Constraint, int], np.ndarray]:
        """Rows every constraint keeps, how many rows each constraint removed first, kept groups."""
        self._check_fitted()
        store = self.store_
        groups, reps = store.groups, store.groups.reps
        keep = (groups.sizes > 0) & store.kind_mask(reps.is_employer[: len(groups)], set(kinds))
        constraints = constraints_for(profile)
        removed: dict[Constraint, int] = {}
        at = 0
        while at < len(constraints) and not constraints[at].per_row:  # group by group
            alive = np.flatnonzero(keep)
            gone = alive[~constraints[at].keep(reps, alive)]
            removed[constraints[at]] = int(groups.sizes[gone].sum())
            keep[gone] = False
            at += 1
        rows = np.flatnonzero(keep[groups.group[: store.high]])
        for constraint in constraints[at:]:  # row by row once a per-row constraint is reached
            if constraint.per_row:
                kept = groups.filter_rows(store.table, rows, constraint)
            else:
                alive = np.flatnonzero(keep)
                keep[alive[~constraint.keep(reps, alive)]] = False
                kept = rows[keep[groups.group[rows]]]
            removed[constraint] = len(rows) - len(kept)
            rows = kept
        return rows, removed, keep

    def _upper_bounds(
        self, profile: Profile, rows: np.ndarray, kept: np.ndarray, goals: np.ndarray
    ) -> np.ndarray:
        """(len(rows),) float64 upper bound of each row's score; ``kept`` masks their groups."""
        groups = self.store_.groups
        alive = np.flatnonzero(kept)
        static = static_parts(groups.reps, alive, profile, self.stage_values_)[0]
        similarity = groups.caps.bound(goals)[groups.reps.occupation[alive]]
        w = self.weights_
        bound = np.zeros(len(groups))
        bound[alive] = (
            w[_STATIC] @ static
            + w[_PREFERENCE] * preference_values(similarity, self.similarity_floor)
            + w[_COMMUTE] * commute_bound(profile)
        )
        return bound[groups.group[rows]]

    def _evaluator(self, profile: Profile, goals: np.ndarray) -> Evaluate:
        store, weights = self.store_, self.weights_

        def evaluate(rows: np.ndarray) -> tuple[np.ndarray, PartMatrix]:
            parts = score_parts(
                store.table,
                store.vectors,
                rows,
                profile,
                goals,
                similarity_floor=self.similarity_floor,
                stage_values=self.stage_values_,
            )
            return parts.total(weights), parts

        return evaluate

    def _fitted_store(self) -> ItemMatrix:
        if not hasattr(self, "store_"):
            raise AttributeError("the ranker is not fitted; call fit() first")
        return self.store_

    def _check_fitted(self) -> None:
        if not hasattr(self, "store_"):
            raise NotFittedError("call fit() before rank()")


def _checked(openings: Sequence[Opening], vectors: np.ndarray, dim: int | None = None) -> np.ndarray:
    vectors = np.asarray(vectors)
    if vectors.ndim != 2 or vectors.shape[0] != len(openings):
        raise ValueError(f"vectors must be (n_openings, d); got {vectors.shape} for {len(openings)}")
    if dim is not None and vectors.shape[1] != dim:
        raise ValueError(f"vectors must have d={dim}; got {vectors.shape[1]}")
    if vectors.dtype != np.float32:
        raise ValueError(f"vectors must be float32, got {vectors.dtype}")
    norms = np.linalg.norm(vectors, axis=1) if len(vectors) else np.ones(0)
    if not np.allclose(norms, 1.0, atol=1e-3):
        raise ValueError("vectors must be L2-normalised")
    if not np.allclose(norms, 1.0, atol=1e-6):
        # Nearly unit vectors are accepted but made exactly unit: the score bounds
        # (`matching.ranking.groups.SimilarityCaps`) allow only 1e-5 of slack.
        vectors = (vectors / norms[:, None]).astype(np.float32)
    if len({o.id for o in openings}) != len(openings):
        raise ValueError("item ids must be unique")
    return vectors


def _as_goals(vector: np.ndarray, dim: int) -> np.ndarray:
    goals = np.asarray(vector, np.float32)
    goals = goals[None, :] if goals.ndim == 1 else goals
    if goals.ndim != 2 or goals.shape[1] != dim or goals.shape[0] == 0:
        raise ValueError(f"vector must be (d,) or (k, d) with d={dim}; got {np.shape(vector)}")
    return np.ascontiguousarray(goals)
