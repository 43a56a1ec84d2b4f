"""`LeadEngine`: the ranking path as the service runs it (also used by the CLI and the batch)."""

from __future__ import annotations

import hashlib
import heapq
import itertools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from embeddings import CachedEncoder, Encoder
from employers import EmployerStore, OpeningRecord, OpeningStore
from employers import NotFoundError as EmployerNotFound
from matching import Ranker
from matching.linking.esco import EscoCatalog
from matching.linking.linker import TitleLinker
from matching.linking.skills import SkillMatcher
from matching.ranking.reranker import LeadReranker
from matching.ranking.scoring import DEFAULT_STAGE_VALUES, DEFAULT_WEIGHTS
from matching.types import Concept, Lead, LeadKind, Opening, Profile
from service.runtime.database import Database
from service.runtime.rwlock import ReadWriteLock
from service.runtime.vector_cache import DuckDBVectorStore
from service.usecases.lead_items import build_items, employer_items, is_live

RANKER_VERSION = "1"


@dataclass(frozen=True, slots=True)
class RankResult:
    """Leads for one person plus what their constraints removed (counted by reason)."""

    leads: list[Lead]
    removed: dict[str, int]
    model_version: str


class LeadEngine:
    """Encoder, ESCO catalog, linker and a fitted `Ranker` over the live openings.

    The ranker is built once, then kept up to date in place: a route that changes openings or
    employers calls `upsert_openings`, `upsert_employers` or `remove_items` with the ids it
    touched, which re-reads just those employers' items (vectors come from the cache, so only new
    texts are encoded). `invalidate` remains as a fallback: the next request rebuilds everything.
    Openings whose ``closes_at`` passes drop out at the next request.

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
        self._lock = ReadWriteLock()
        self._stale = True
        self._ranker: Ranker | None = None
        self._closing: list[tuple[datetime, str]] = []  # heap of (closes_at, opening id)
        self._employer_of: dict[str, str] = {}  # item id -> employer id
        params = repr((sorted(DEFAULT_WEIGHTS.items()), sorted(DEFAULT_STAGE_VALUES.items())))
        weights = hashlib.sha256(params.encode()).hexdigest()[:8]
        self.model_version = f"{self.encoder.model_id}/ranker-{RANKER_VERSION}-{weights}"
        if reranker is not None:
            learned = hashlib.sha256(repr(reranker.to_dict()).encode()).hexdigest()[:8]
            self.model_version += f"/rerank-{learned}"

    def invalidate(self) -> None:
        """Rebuild everything before the next request (fallback for bulk or unknown changes)."""
        self._stale = True

    def upsert_openings(self, opening_ids: Iterable[str]) -> None:
        """Re-read these openings (created, changed, closed or deleted) and their employers."""
        cur = self.db.cursor()
        store = OpeningStore(cur)
        employer_ids = set()
        for opening_id in opening_ids:
            try:
                employer_ids.add(store.get(opening_id=opening_id).employer_id)
            except EmployerNotFound:  # deleted: its employer is known from the index
                if opening_id in self._employer_of:
                    employer_ids.add(self._employer_of[opening_id])
        self.upsert_employers(employer_ids)

    def remove_items(self, ids: Iterable[str]) -> None:
        """Drop these items (opening or employer ids) and re-read their employers."""
        self.upsert_employers({self._employer_of[i] for i in set(ids) if i in self._employer_of})

    def upsert_employers(self, employer_ids: Iterable[str]) -> None:
        """Re-read every item of these employers (an employer's change reaches all its openings)."""
        employer_ids = set(employer_ids)
        if not employer_ids or self._stale:
            return  # a full rebuild is due anyway
        items, texts, closing = self._items_of(employer_ids)
        vectors = self._vectors(texts)
        with self._lock.writing():
            ranker = self._ranker
            if ranker is None or self._stale:
                return
            old = {i for i, e in self._employer_of.items() if e in employer_ids}
            ranker.remove(old - {o.id for o in items})
            for item_id in old:
                del self._employer_of[item_id]
            ranker.upsert(items, vectors)
            self._index_employers(items)
            for entry in closing:
                heapq.heappush(self._closing, entry)

    def ranker(self) -> Ranker:
        """The fitted ranker, rebuilt first if marked stale, with expired openings dropped."""
        if self._stale or self._ranker is None:
            with self._lock.writing():
                if self._stale or self._ranker is None:
                    self._stale = False  # changes from here on are applied to the new ranker
                    self._ranker = self._build()
        if self._closing and self._closing[0][0] < datetime.now(UTC):
            self._expire()
        assert self._ranker is not None
        return self._ranker

    @contextmanager
    def reading(self) -> Iterator[Ranker]:
        """The ranker, held unchanged while the block runs (updates wait for readers)."""
        ranker = self.ranker()
        with self._lock.reading():
            yield self._ranker or ranker

    def _expire(self) -> None:
        now = datetime.now(UTC)
        with self._lock.writing():
            gone = []
            while self._closing and self._closing[0][0] < now:
                gone.append(heapq.heappop(self._closing)[1])
        if gone:
            self.upsert_openings(gone)

    def _build(self) -> Ranker:
        cur = self.db.cursor()
        live = OpeningStore(cur).list_live()
        items, texts = build_items(live, EmployerStore(cur).list_all(), self.catalog)
        ranker = Ranker(similarity_floor=self.encoder.similarity_floor).fit(items, self._vectors(texts))
        self._employer_of = {}
        self._index_employers(items)
        self._closing = [(rec.closes_at, rec.id) for rec in live if rec.closes_at is not None]
        heapq.heapify(self._closing)
        return ranker

    def _items_of(
        self, employer_ids: set[str]
    ) -> tuple[list[Opening], list[str], list[tuple[datetime, str]]]:
        cur = self.db.cursor()
        now = datetime.now(UTC)
        items: list[Opening] = []
        texts: list[str] = []
        closing = []
        for employer_id in sorted(employer_ids):
            try:
                emp = EmployerStore(cur).get(employer_id=employer_id)
            except EmployerNotFound:
                continue  # deleted or merged: none of its items stay
            live = [rec for rec in _all_openings(OpeningStore(cur), employer_id) if is_live(rec, now)]
            closing += [(rec.closes_at, rec.id) for rec in live if rec.closes_at is not None]
            found, found_texts = employer_items(emp, live, self.catalog)
            items += found
            texts += found_texts
        return items, texts, closing

    def _vectors(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.encoder.dim), np.float32)
        return self.encoder.encode(texts, kind="passage")

    def _index_employers(self, items: Iterable[Opening]) -> None:
        self._employer_of.update((item.id, item.employer_id) for item in items)

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
        with self.reading() as ranker:
            # The re-ranker may bring leads up from below the top n, so rank deeper when it is on.
            best, removed = ranker.best(
                profile, goals, n=self._depth(n), kinds=tuple(kinds), exclude=set(exclude)
            )
            leads = ranker.leads(profile, best)
        return RankResult(self._rerank(leads, n), removed, self.model_version)

    def _depth(self, n: int) -> int:
        """How many leads to rank: the re-ranker may bring leads from below the top ``n`` up."""
        return max(n, self.reranker.depth) if self.reranker is not None else n

    def _rerank(self, leads: list[Lead], n: int) -> list[Lead]:
        """The top ``n`` leads, re-ordered by what specialists pursued when the re-ranker is on."""
        return self.reranker.reorder(leads)[:n] if self.reranker is not None else leads[:n]

    def normalise_occupation(self, concept: Mapping[str, Any], *, lang: str | None = None) -> dict[str, Any]:
        """Fill ``uri`` and ``isco_group`` by linking the label (in ``lang``; when None, in any)."""
        return self._link_occupation(concept, lang)[0]

    def _link_occupation(
        self, concept: Mapping[str, Any], lang: str | None
    ) -> tuple[dict[str, Any], str | None]:
        """`normalise_occupation` and the language the label was linked in (None: not linked)."""
        label = str(concept.get("label") or "").strip()
        uri = str(concept.get("uri") or concept.get("esco_uri") or "")
        found_in: str | None = None
        if not uri and label:
            # An ISCO unit group is an honest answer for a broad title ("Undersköterska"): the
            # ranker compares unit groups, and no occupation's skills are claimed.
            if lang:
                best = self.linker.best(label, lang=lang, groups="unit")
                found_in = lang if best else None
            else:  # not stated: the language the title links best in
                best, found_in = self.linker.best_any_language(label, groups="unit")
            uri = best.uri if best else ""
        isco = self.catalog.occupation(uri).isco_group if uri else ""
        return {"label": label, "uri": uri, "isco_group": isco}, found_in

    def normalise_opening(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """An opening's values: ESCO occupation from the title when missing, skills named in its text.

        Without a stated language, the advert's language is the one its title linked in.
        """
        out = dict(values)
        lang = out.get("language") or None
        found, found_in = self._link_occupation(
            {"label": out.get("title", ""), "uri": out.get("occupation_uri")}, lang
        )
        out["language"] = lang or found_in or "en"
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
        lang = out.get("language") or None
        prefs = dict(out.get("preferences") or {})
        found_in: list[str] = []
        for name in ("preferred_occupations", "refused_occupations"):
            linked = [self._link_occupation(_as_mapping(c), lang) for c in prefs.get(name) or []]
            prefs[name] = [concept for concept, _ in linked]
            found_in += [language for _, language in linked if language]
        out["preferences"] = prefs
        # Without a stated language: the one most of the person's stated occupations linked in.
        out["language"] = lang or (max(found_in, key=found_in.count) if found_in else "en")
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


def _goal_texts(profile: Profile, goals_text: str) -> list[str]:
    texts = [c.label for c in profile.preferred_occupations] + ([goals_text] if goals_text.strip() else [])
    return texts or ["job"]


def _all_openings(store: OpeningStore, employer_id: str, page: int = 500) -> list[OpeningRecord]:
    """Every not-deleted opening of one employer, any status (the store pages by id)."""
    out: list[OpeningRecord] = []
    while True:
        batch = store.list(employer_id=employer_id, limit=page, after=out[-1].id if out else None)
        out += batch
        if len(batch) < page:
            return out
