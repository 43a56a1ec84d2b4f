"""`LeadEngine`: the lead index, ranking and ESCO normalisation as the service runs them together.

A small facade for the API, pages, CLI and batch: each job lives in its own module
(`lead_index`, `ranking`, `normalise`); the engine wires them to one cached encoder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

import numpy as np

from embeddings import CachedEncoder, Encoder
from employers.values import OpeningValues
from matching import Ranker
from matching.linking.esco import EscoCatalog
from matching.linking.linker import TitleLinker
from matching.linking.skills import SkillMatcher
from matching.ranking.reranker import LeadReranker
from matching.types import Lead, Profile
from participants.values import ParticipantValues
from service.runtime.database import Database
from service.runtime.vector_cache import DuckDBVectorStore
from service.usecases.lead_index import LeadIndex
from service.usecases.normalise import EscoNormaliser
from service.usecases.ranking import LeadRanking, RankResult
from service.usecases.travel import DEFAULT_TRAVEL_AREA_KM
from service.usecases.vocabulary import load_alias_map

__all__ = ["LeadEngine", "RankResult"]


class LeadEngine:
    """Encoder, ESCO catalog, linker and the lead index over the live openings.

    Args:
        db: The service database.
        encoder: The embedding model (wrapped in the database vector cache).
        catalog: ESCO lookups.
        linker: Title -> ESCO occupation linker (its encodings go through the cache too).
        skills: Text -> ESCO skill matcher; without it free-text skills keep no URI.
        reranker: Learned re-ranker over score parts (IPSMATCH_RERANKER), None for off.
        travel_area_km: The programme's default travel area (IPSMATCH_TRAVEL_AREA_KM), km.
    """

    def __init__(
        self,
        db: Database,
        encoder: Encoder,
        catalog: EscoCatalog,
        linker: TitleLinker,
        *,
        skills: SkillMatcher | None = None,
        reranker: LeadReranker | None = None,
        travel_area_km: float = DEFAULT_TRAVEL_AREA_KM,
    ) -> None:
        self.db = db
        self.travel_area_km = travel_area_km
        self.encoder = CachedEncoder(encoder, DuckDBVectorStore(db))
        self.catalog = catalog
        self.linker = (
            linker.with_encoder(lambda t: self.encoder.encode(t, kind="query")) if linker.encode else linker
        )
        self.skills = skills
        self.reranker = reranker
        self.index = LeadIndex(db, self.encoder, catalog)
        self.ranking = LeadRanking(self.index, self.encoder, reranker)
        self.normaliser = EscoNormaliser(catalog, self.linker, skills)
        self.normaliser.aliases = load_alias_map(db)  # the team's vocabulary, refreshed on every write
        self.model_version = self.ranking.model_version

    # The lead index (see LeadIndex).
    def invalidate(self) -> None:
        """Rebuild the index before the next request (fallback for bulk or unknown changes)."""
        self.index.invalidate()

    def upsert_openings(self, opening_ids: Iterable[str]) -> None:
        """Re-read these openings (created, changed, closed or deleted) and their employers."""
        self.index.upsert_openings(opening_ids)

    def upsert_employers(self, employer_ids: Iterable[str]) -> None:
        """Re-read every item of these employers."""
        self.index.upsert_employers(employer_ids)

    def remove_items(self, ids: Iterable[str]) -> None:
        """Drop these items (opening or employer ids) and re-read their employers."""
        self.index.remove_items(ids)

    def ranker(self) -> Ranker:
        """The fitted ranker, rebuilt first if stale."""
        return self.index.ranker()

    def reading(self) -> AbstractContextManager[Ranker]:
        """The ranker, held unchanged while the block runs."""
        return self.index.reading()

    # Ranking (see LeadRanking).
    def goal_vectors(self, profile: Profile, goals_text: str = "") -> np.ndarray:
        """(k, d) float32: one vector per stated goal."""
        return self.ranking.goal_vectors(profile, goals_text)

    def goal_vectors_many(self, people: list[tuple[Profile, str]]) -> list[np.ndarray]:
        """`goal_vectors` for many (profile, goals text) pairs with one cache look-up."""
        return self.ranking.goal_vectors_many(people)

    def rank(self, profile: Profile, **options: Any) -> RankResult:
        """Leads for ``profile`` and what its constraints removed; options as `LeadRanking.rank`."""
        return self.ranking.rank(profile, **options)

    def explain(self, profile: Profile, **options: Any) -> list[Lead]:
        """Leads for given items in the given order; options as `LeadRanking.explain`."""
        return self.ranking.explain(profile, **options)

    # ESCO normalisation (see EscoNormaliser).
    def normalise_occupation(self, concept: Mapping[str, Any], *, lang: str | None = None) -> dict[str, Any]:
        """Fill ``uri`` and ``isco_group`` by linking the label."""
        return self.normaliser.normalise_occupation(concept, lang=lang)

    def normalise_opening(self, values: OpeningValues) -> OpeningValues:
        """An opening's values with its ESCO occupation and named skills."""
        return self.normaliser.normalise_opening(values)

    def normalise_openings(
        self, rows: Sequence[OpeningValues], *, labels: Sequence[Sequence[str]] = ()
    ) -> list[OpeningValues]:
        """Many openings' values linked with one linker call per language (a feed pull)."""
        return self.normaliser.normalise_openings(rows, labels=labels)

    def normalise_participant(self, values: ParticipantValues) -> ParticipantValues:
        """A participant's values with stated occupations and free-text skills linked to ESCO."""
        return self.normaliser.normalise_participant(values)
