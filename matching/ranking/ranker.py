"""`Ranker`: exact, explainable lead ranking with the scikit-learn estimator contract."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from matching.ranking.explain import Explainer
from matching.ranking.item_matrix import ItemMatrix
from matching.ranking.parts import PartMatrix
from matching.ranking.scoring import (
    PART_NAMES,
    STATIC_PARTS,
    commute_bound,
    normalise_weights,
    preference_values,
    score_parts,
    stage_value_array,
    static_parts,
)
from matching.ranking.selection import removals, select
from matching.ranking.table import OpeningTable
from matching.ranking.topn import Evaluate, Ranked, best_rows, best_tiered
from matching.ranking.travel import distances, travel_tiers
from matching.ranking.travel_cells import ranking_distances
from matching.ranking.vectors import as_goals, checked_item_vectors
from matching.types import LEAD_KINDS, Lead, LeadKind, Opening, Profile, Removal

_STATIC = np.array([PART_NAMES.index(p) for p in STATIC_PARTS])
_PREFERENCE, _COMMUTE = PART_NAMES.index("preference"), PART_NAMES.index("commute")
#: Use group bounds when there are at least this many allowed rows per allowed group. (Bounding
#: whenever 32k+ rows were allowed, even at one row per group, made realistic 100k openings slower
#: once skill coverage read only the allowed rows: bench_rank p50 18.3 ms pruned vs 14.2 ms not.)
GROUP_SHARING = 4


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
    reach the top ``n`` (`matching.ranking.topn`); ties are broken by id.

    Args:
        weights: Part name -> weight; normalised to sum to 1. Defaults to DEFAULT_WEIGHTS.
        similarity_floor: Cosine similarity that counts as "unrelated" for the encoder in use
            (it maps to a preference value of 0; 1.0 maps to 1).
        stage_values: Relationship stage -> value in [0, 1], overriding the defaults.
        prune: Skip rows whose score bound cannot reach the top ``n`` (the default). False
            scores every allowed row: the same leads, slower (the benchmarks' baseline).

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
        prune: bool = True,
    ) -> None:
        self.weights = weights
        self.similarity_floor = similarity_floor
        self.stage_values = stage_values
        self.prune = prune

    def fit(self, openings: Sequence[Opening], vectors: npt.NDArray[np.float32]) -> Ranker:
        """Learn the items to rank, replacing any learned before.

        Args:
            openings: The items (openings and employer leads), unique ids, any order.
            vectors: (len(openings), d) float32, L2-normalised, row i for openings[i].

        Returns:
            self

        Raises:
            ValueError: On mismatched lengths, a wrong dtype or non-unit vectors.
        """
        vectors = checked_item_vectors(openings, vectors)
        self.weights_ = normalise_weights(self.weights)
        self.stage_values_ = stage_value_array(self.stage_values)
        self.store_ = ItemMatrix(vectors.shape[1], capacity=len(openings))
        self.store_.upsert(openings, vectors)
        return self

    def upsert(self, openings: Sequence[Opening], vectors: npt.NDArray[np.float32]) -> Ranker:
        """Add items, or replace those whose id is known, in place; returns self."""
        self._check_fitted()
        self.store_.upsert(openings, checked_item_vectors(openings, vectors, dim=self.store_.dim))
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
    def vectors_(self) -> npt.NDArray[np.float32]:
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
        vector: npt.NDArray[np.float32],
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
        best, _removed = self.best(profile, vector, n=n, exclude=exclude or (), kinds=tuple(kinds))
        return self.leads(profile, best)

    def best(
        self,
        profile: Profile,
        vector: npt.NDArray[np.float32],
        *,
        n: int = 10,
        exclude: Collection[str] = (),
        kinds: Collection[LeadKind] = LEAD_KINDS,
    ) -> tuple[Ranked, dict[str, int]]:
        """The exact top ``n`` rows (no explanations yet) and the removal counts by reason.

        The first half of `rank` (`leads` is the second): the arguments mean the same. Rows are
        ordered by (travel tier, score, id) (`matching.ranking.travel`).

        Returns:
            The ranked rows with their scores and parts, and how many items each constraint
            removed, keyed by its description.
        """
        self._check_fitted()
        allowed = select(self.store_, profile, tuple(kinds))
        rows = allowed.rows
        if exclude:
            rows = rows[~np.isin(rows, self.store_.rows_of(exclude))]
        goals = as_goals(vector, self.store_.dim)
        # Group bounds pay only when allowed rows share groups; diverse rows are scored directly.
        groups = allowed.groups
        shared = int(groups.sum()) * GROUP_SHARING <= len(rows)
        shared = shared and getattr(self, "prune", True)  # rankers pickled before `prune` existed
        upper = (lambda some: self._upper_bounds(profile, some, goals)) if shared else None
        table = self.store_.table
        # one distance per allowed row, shared by the tiers and by every row the search scores;
        # exact only where a region cell does not decide the tier and commute part already
        distance = ranking_distances(table, self.store_.groups, rows, profile)
        by_row = np.full(table.capacity, np.nan)
        by_row[rows] = distance
        evaluate, ids = self._evaluator(profile, goals, by_row), table.ids
        tiers = travel_tiers(table, rows, profile, distance=distance)
        ranked = best_tiered(rows, tiers, n, lambda some, k: best_rows(some, upper, k, evaluate, ids))
        exact = replace(ranked.parts, distance_km=distances(table, ranked.rows, profile))
        return replace(ranked, parts=exact), allowed.removal_counts()

    def score_ids(self, profile: Profile, vector: npt.NDArray[np.float32], ids: Sequence[str]) -> Ranked:
        """Exact scores and parts of the live items ``ids``, in the given order (unknown ids skipped)."""
        self._check_fitted()
        rows = self.store_.rows_of(ids)
        scores, parts = self._evaluator(profile, as_goals(vector, self.store_.dim))(rows)
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
        return removals(self.store_, profile, tuple(kinds))

    def removal_counts(self, profile: Profile, *, kinds: Iterable[LeadKind] = LEAD_KINDS) -> dict[str, int]:
        """How many items each constraint removes, keyed by its description."""
        self._check_fitted()
        return select(self.store_, profile, tuple(kinds)).removal_counts()

    def _upper_bounds(
        self,
        profile: Profile,
        rows: npt.NDArray[np.int64],
        goals: npt.NDArray[np.float32],
    ) -> npt.NDArray[np.float64]:
        """(len(rows),) float64 upper bound of each row's score."""
        groups = self.store_.groups
        # Only the groups of ``rows``: constraints often keep most groups but few rows of each.
        alive = np.unique(groups.group[rows]).astype(np.int64)
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

    def _evaluator(
        self,
        profile: Profile,
        goals: npt.NDArray[np.float32],
        distance_by_row: npt.NDArray[np.float64] | None = None,
    ) -> Evaluate:
        """Rows -> (exact scores, parts); ``distance_by_row``: (capacity,) km already computed."""
        store, weights = self.store_, self.weights_

        def evaluate(rows: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.float64], PartMatrix]:
            parts = score_parts(
                store.table,
                store.vectors,
                rows,
                profile,
                goals,
                similarity_floor=self.similarity_floor,
                stage_values=self.stage_values_,
                distance=None if distance_by_row is None else distance_by_row[rows],
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
