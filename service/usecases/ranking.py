"""Ranking one profile (or many) against the lead index, with the optional learned re-ranker."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from embeddings import CachedEncoder
from matching.ranking.explain import person_notes
from matching.ranking.reranker import LeadReranker
from matching.ranking.scoring import DEFAULT_STAGE_VALUES, DEFAULT_WEIGHTS
from matching.types import Lead, LeadKind, Profile
from service.usecases.lead_index import LeadIndex

RANKER_VERSION = "1"


@dataclass(frozen=True, slots=True)
class RankResult:
    """Leads for one person plus what their constraints removed (counted by reason).

    Attributes:
        leads: Best first.
        removed: Items left out, counted by reason.
        model_version: What ranked them.
        person_notes: Notes true of the person rather than of a lead (e.g. the benefits plan's
            hours), to show once above the leads.
    """

    leads: list[Lead]
    removed: dict[str, int]
    model_version: str
    person_notes: tuple[str, ...] = ()


def model_version(encoder_id: str, reranker: LeadReranker | None) -> str:
    """``<encoder>/ranker-<version>-<weights hash>[/rerank-<model hash>]``: what ranked a lead."""
    params = repr((sorted(DEFAULT_WEIGHTS.items()), sorted(DEFAULT_STAGE_VALUES.items())))
    version = f"{encoder_id}/ranker-{RANKER_VERSION}-{hashlib.sha256(params.encode()).hexdigest()[:8]}"
    if reranker is not None:
        version += f"/rerank-{hashlib.sha256(repr(reranker.to_dict()).encode()).hexdigest()[:8]}"
    return version


class LeadRanking:
    """Goal vectors for people and their ranked, explained leads from the index.

    Args:
        index: The lead index.
        encoder: Query encoder with the database vector cache.
        reranker: Learned re-ranker over score parts, None for off.
    """

    def __init__(self, index: LeadIndex, encoder: CachedEncoder, reranker: LeadReranker | None) -> None:
        self.index = index
        self.encoder = encoder
        self.reranker = reranker
        self.model_version = model_version(encoder.model_id, reranker)

    def goal_vectors(self, profile: Profile, goals_text: str = "") -> np.ndarray:
        """(k, d) float32: one vector per stated goal (occupation labels, then free-text goals)."""
        return self.encoder.encode(_goal_texts(profile, goals_text), kind="query")

    def goal_vectors_many(self, people: list[tuple[Profile, str]]) -> list[np.ndarray]:
        """`goal_vectors` for many people with one cache look-up (the batch reads 500 at a time)."""
        texts = [_goal_texts(p, g) for p, g in people]
        flat = self.encoder.encode([t for ts in texts for t in ts], kind="query") if texts else None
        bounds = np.cumsum([0] + [len(ts) for ts in texts])
        return [flat[a:b] for a, b in itertools.pairwise(bounds)] if flat is not None else []

    def rank(
        self,
        profile: Profile,
        *,
        goals_text: str = "",
        n: int = 10,
        kinds: Iterable[LeadKind] = ("opening", "employer"),
        exclude: Iterable[str] = (),
    ) -> RankResult:
        """Leads for ``profile`` and a count of what its constraints removed, by reason."""
        goals = self.goal_vectors(profile, goals_text)
        with self.index.reading() as ranker:
            # The re-ranker may bring leads up from below the top n, so rank deeper when it is on.
            best, removed = ranker.best(
                profile, goals, n=self._depth(n), kinds=tuple(kinds), exclude=set(exclude)
            )
            leads = ranker.leads(profile, best)
        return RankResult(self._rerank(leads, n), removed, self.model_version, person_notes(profile))

    def explain(self, profile: Profile, *, goals_text: str = "", ids: Sequence[str]) -> list[Lead]:
        """Leads for the items ``ids`` in the order given, explained as of now (items gone are skipped)."""
        goals = self.goal_vectors(profile, goals_text)
        with self.index.reading() as ranker:
            return ranker.leads(profile, ranker.score_ids(profile, goals, list(ids)))

    def _depth(self, n: int) -> int:
        """How many leads to rank: the re-ranker may bring leads from below the top ``n`` up."""
        return max(n, self.reranker.depth) if self.reranker is not None else n

    def _rerank(self, leads: list[Lead], n: int) -> list[Lead]:
        """The top ``n`` leads, re-ordered by what specialists pursued when the re-ranker is on."""
        return self.reranker.reorder(leads)[:n] if self.reranker is not None else leads[:n]


def _goal_texts(profile: Profile, goals_text: str) -> list[str]:
    texts = [c.label for c in profile.preferred_occupations] + ([goals_text] if goals_text.strip() else [])
    return texts or ["job"]
