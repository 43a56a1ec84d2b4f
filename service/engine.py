"""`LeadEngine`: the ranking path as the service runs it (also used by the CLI and the batch)."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from embeddings import CachedEncoder, Encoder
from employers import EmployerStore, OpeningStore
from matching import Ranker
from matching.esco import EscoCatalog
from matching.linker import TitleLinker
from matching.reranker import LeadReranker
from matching.scoring import DEFAULT_STAGE_VALUES, DEFAULT_WEIGHTS
from matching.skills import SkillMatcher
from matching.types import Concept, Lead, LeadKind, Profile
from service.db import Database
from service.items import build_items
from service.vector_cache import DuckDBVectorStore

RANKER_VERSION = "1"


@dataclass(frozen=True, slots=True)
class RankResult:
    """Leads for one person plus what their constraints removed (counted by reason)."""

    leads: list[Lead]
    removed: dict[str, int]
    model_version: str


class LeadEngine:
    """Encoder, ESCO catalog, linker and a fitted `Ranker` over the live openings.

    The ranker is rebuilt lazily after writes (``invalidate``); vectors come from the cache, so
    a rebuild only encodes texts it has never seen.

    Args:
        db: The service database.
        encoder: The embedding model.
        catalog: ESCO lookups.
        linker: Title -> ESCO occupation linker.
        skills: Text -> ESCO skill matcher; without it free-text skills keep no URI.
        reranker: Learned re-ranker over score parts (IPSMATCH_RERANKER), None for off.
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
    ) -> None:
        self.db = db
        self.encoder = CachedEncoder(encoder, DuckDBVectorStore(db))
        self.catalog = catalog
        # Titles the linker encodes go through the database cache too.
        self.linker = (
            linker.with_encoder(lambda t: self.encoder.encode(t, kind="query")) if linker.encode else linker
        )
        self.skills = skills
        self.reranker = reranker
        self._lock = threading.Lock()
        self._stale = True
        self._ranker: Ranker | None = None
        params = repr((sorted(DEFAULT_WEIGHTS.items()), sorted(DEFAULT_STAGE_VALUES.items())))
        weights = hashlib.sha256(params.encode()).hexdigest()[:8]
        self.model_version = f"{self.encoder.model_id}/ranker-{RANKER_VERSION}-{weights}"
        if reranker is not None:
            learned = hashlib.sha256(repr(reranker.to_dict()).encode()).hexdigest()[:8]
            self.model_version += f"/rerank-{learned}"

    def invalidate(self) -> None:
        """Mark the index stale after an opening or employer changed."""
        self._stale = True

    def ranker(self) -> Ranker:
        """The fitted ranker, rebuilt first if data changed."""
        with self._lock:
            if self._stale or self._ranker is None:
                self._ranker = self._build()
                self._stale = False
            return self._ranker

    def _build(self) -> Ranker:
        cur = self.db.cursor()
        items, texts = build_items(OpeningStore(cur).list_live(), EmployerStore(cur).list_all(), self.catalog)
        vectors = (
            self.encoder.encode(texts, kind="passage")
            if texts
            else np.zeros((0, self.encoder.dim), np.float32)
        )
        return Ranker(similarity_floor=self.encoder.similarity_floor).fit(items, vectors)

    def goal_vectors(self, profile: Profile, goals_text: str = "") -> np.ndarray:
        """(k, d) float32: one vector per stated goal (occupation labels, then free-text goals)."""
        texts = [c.label for c in profile.preferred_occupations] + (
            [goals_text] if goals_text.strip() else []
        )
        return self.encoder.encode(texts or ["job"], kind="query")

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
        ranker = self.ranker()
        kinds = tuple(kinds)
        depth = self._depth(n)
        leads = ranker.rank(
            profile, self.goal_vectors(profile, goals_text), n=depth, kinds=kinds, exclude=set(exclude)
        )
        leads = self._rerank(leads, n)
        return RankResult(leads, ranker.removal_counts(profile, kinds=kinds), self.model_version)

    def _depth(self, n: int) -> int:
        """How many leads to rank: the re-ranker may bring leads from below the top ``n`` up."""
        return max(n, self.reranker.depth) if self.reranker is not None else n

    def _rerank(self, leads: list[Lead], n: int) -> list[Lead]:
        """The top ``n`` leads, re-ordered by what specialists pursued when the re-ranker is on."""
        return self.reranker.reorder(leads)[:n] if self.reranker is not None else leads[:n]

    def normalise_occupation(self, concept: Mapping[str, Any], *, lang: str | None = None) -> dict[str, Any]:
        """Fill ``uri`` (by linking the label, in ``lang`` when known) and ``isco_group``."""
        label = str(concept.get("label") or "").strip()
        uri = str(concept.get("uri") or concept.get("esco_uri") or "")
        if not uri and label:
            # An ISCO unit group is an honest answer for a broad title ("Undersköterska"): the
            # ranker compares unit groups, and no occupation's skills are claimed.
            best = self.linker.best(label, lang=lang, groups="unit")
            uri = best.uri if best else ""
        isco = self.catalog.occupation(uri).isco_group if uri else ""
        return {"label": label, "uri": uri, "isco_group": isco}

    def normalise_opening(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """An opening's values: ESCO occupation from the title when missing, skills named in its text."""
        out = dict(values)
        lang = out.get("language")
        found = self.normalise_occupation(
            {"label": out.get("title", ""), "uri": out.get("occupation_uri")}, lang=lang
        )
        out["occupation_uri"] = found["uri"]
        out["isco_group"] = found["isco_group"]
        if found["uri"] and not out.get("occupation_label"):
            out["occupation_label"] = self.catalog.occupation(found["uri"]).label
        if self.skills is not None:
            text = f"{out.get('title') or ''}. {out.get('description') or ''}"
            named = [m.uri for m in self.skills.find_in_text(text)]
            out["essential_skills"] = list(dict.fromkeys([*(out.get("essential_skills") or ()), *named]))
        return out

    def normalise_participant(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """A participant's values with stated occupations and free-text skills linked to ESCO."""
        out = dict(values)
        lang = out.get("language")
        prefs = dict(out.get("preferences") or {})
        for name in ("preferred_occupations", "refused_occupations"):
            prefs[name] = [
                self.normalise_occupation(_as_mapping(c), lang=lang) for c in prefs.get(name) or []
            ]
        out["preferences"] = prefs
        if self.skills is not None and out.get("skills"):
            out["skills"] = self._link_skills([dict(_as_mapping(s)) for s in out["skills"]])
        return out

    def _link_skills(self, skills: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Skills without a URI get the ESCO skill their label links to (when one is close enough)."""
        assert self.skills is not None
        todo = [
            s for s in skills if not (s.get("uri") or s.get("esco_uri")) and str(s.get("label") or "").strip()
        ]
        for skill, match in zip(todo, self.skills.link([str(s["label"]) for s in todo]), strict=True):
            if match is not None:
                skill["uri"] = match.uri
        return skills


def _as_mapping(concept: Any) -> Mapping[str, Any]:
    if isinstance(concept, Concept):
        return {"label": concept.label, "uri": concept.uri}
    return concept
