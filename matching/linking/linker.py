"""Free-text job title (sv, da, fr, en) -> ESCO occupations, ranked by a learned fusion of signals.

Every ESCO label of every occupation and ISCO group, in all four languages, is indexed
(`LabelIndex`). A title is spelled a few ways (`title_variants`), scored by character, word and
stem TF-IDF, fuzzy ratios, sentence vectors (when given) and ESCO descriptions, and the candidate
concepts are ordered by a gradient-boosted fusion of those features (`TreeEnsemble`), trained on
the MELO development queries. Without a fusion model the linker falls back to the best
character n-gram TF-IDF cosine over all labels (the published MELO baseline).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from matching.linking.features import candidates
from matching.linking.fusion import TreeEnsemble
from matching.linking.label_index import LabelIndex
from matching.linking.link_answers import Groups, LinkCandidate, Scored, allowed, best_label
from matching.linking.link_cache import DEFAULT_SIZE, LinkCache
from matching.linking.rerank import rerank_scores
from matching.linking.text import title_variants
from matching.types import LANGUAGES

#: Turns texts into (n, d) float32 unit vectors (the service passes its cached encoder).
#: texts -> (len(texts), d) float32 unit vectors.
Encode = Callable[[Sequence[str]], npt.NDArray[np.float32]]
TFIDF_MIN_SCORE = 0.35  # cosine; below it a character match is mostly noise
FUSION_MIN_SCORE = 0.05  # probability; see docs/quality.md for how often titles fall below it
CHAR_CHUNK = 64  # titles whose (sparse) character scores against every label are held at once
#: Titles one worker thread scores at a time. Most of a title's cost is in code that releases the
#: GIL (sparse products, numpy reductions, rapidfuzz, scikit-learn's tree walk), so threads over
#: slices of a batch use more than one core: 5,000 JobTech ads linked in 24 s instead of 41 s on
#: 2 cores, with the same links.
WORKER_CHUNK = 250


class TitleLinker:
    """Link job titles to ESCO concepts (scikit-learn style: parameters here, data in `fit`).

    Args:
        fusion: Learned fusion; None scores by character TF-IDF alone.
        encode: Sentence encoder for the titles; used only when label vectors were fitted.
        pool: Candidates taken from the top of each signal.
        min_score: Below this `best` returns None; defaults to the calibrated value of the
            last stage (``reranker.meta["min_score"]``, else ``fusion.meta["min_score"]``) or,
            without fusion, a TF-IDF cosine of 0.35.
        reranker: Optional second stage re-ordering the fusion's top candidates of each title
            (`rerank.rerank_scores`); only used with a fusion.
        cache_size: Titles whose `link` answers are remembered (`link_cache.LinkCache`); 0
            remembers none.
        workers: Threads that score slices of one `link` call's titles at once (1: the calling
            thread only). A title's links never depend on its batch, so the answers are the
            same; calls to ``encode`` are made one at a time.
    """

    def __init__(
        self,
        *,
        fusion: TreeEnsemble | None = None,
        encode: Encode | None = None,
        pool: int = 30,
        min_score: float | None = None,
        reranker: TreeEnsemble | None = None,
        cache_size: int = DEFAULT_SIZE,
        workers: int = 1,
    ) -> None:
        self.fusion = fusion
        self.encode = encode
        self.pool = pool
        self.min_score = min_score
        self.reranker = reranker
        self.cache: LinkCache[tuple[LinkCandidate, ...]] = LinkCache(cache_size)
        self.workers = workers
        self._encode_lock = threading.Lock()  # an encoder (and its vector cache) serves one call at a time

    def fit(
        self,
        labels: pl.DataFrame,
        *,
        vectors: npt.NDArray[np.float32] | None = None,
        descriptions: Mapping[str, npt.NDArray[np.float32]] | None = None,
    ) -> TitleLinker:
        """Index labels [uri, lang, kind, label] (+ optional isco); returns self.

        Args:
            labels: One row per label. Without an ``isco`` column the ISCO tree is empty.
            vectors: Optional (len(labels), d) float32 label vectors from the same model as
                ``encode``.
            descriptions: Optional concept URI -> (d,) description vector, same model.
        """
        if "isco" not in labels.columns:
            labels = labels.with_columns(pl.lit("").alias("isco"))
        if "kind" not in labels.columns:
            labels = labels.with_columns(pl.lit("preferred").alias("kind"))
        self.index_ = LabelIndex.build(labels, vectors=vectors, concept_vectors=descriptions)
        self.cache.clear()
        return self

    @property
    def uses_vectors(self) -> bool:
        """True when titles are encoded (label vectors fitted and an encoder given)."""
        return self.encode is not None and self.index_.vectors is not None

    def with_encoder(self, encode: Encode | None) -> TitleLinker:
        """A linker with this one's settings and fitted index that encodes titles with ``encode``.

        Its answer memory (same size) and encoder lock are its own: answers depend on the encoder.
        """
        other = copy.copy(self)  # shallow: the settings and the fitted index are shared, not copied
        other.encode = encode
        other.cache = LinkCache(self.cache.size)
        other._encode_lock = threading.Lock()
        return other

    def score(self, titles: Sequence[str], *, lang: str | None = None) -> Scored:
        """Candidate concepts of each title with their scores (higher is better)."""
        variants = [title_variants(t, lang) for t in titles]
        vectors = None
        if self.uses_vectors:
            assert self.encode is not None
            with self._encode_lock:
                flat = self.encode([v for vs in variants for v in vs])
            bounds = np.cumsum([len(vs) for vs in variants])[:-1]
            vectors = np.split(np.asarray(flat, np.float32), bounds)
        found = candidates(self.index_, variants, vectors, lang=lang, pool=self.pool)
        if self.fusion is None:
            scores = found.column("char_all").astype(np.float64) if len(found.names) else np.zeros(0)
        else:
            raw = self.fusion.decision(found.features, found.names)
            if self.reranker is not None and len(raw):
                raw = rerank_scores(found, raw, self.index_.tree, self.reranker)
            scores = 1.0 / (1.0 + np.exp(-raw))
        return Scored(found, scores)

    def link(
        self, titles: Sequence[str], *, k: int = 5, lang: str | None = None, groups: Groups = "none"
    ) -> list[list[LinkCandidate]]:
        """Top-k concepts per title, best first (equal scores by URI).

        A title already linked with the same question (and the same linker parts) is answered
        from `cache`; the others are scored together, each distinct title once.

        Args:
            titles: Job titles as written.
            k: Concepts per title.
            lang: The titles' language, when known ("sv", "da", "fr", "en").
            groups: Which ISCO groups may be returned: "none" (occupations only), "unit" (also
                4-digit unit groups, which the ranker compares like occupations' groups) or
                "all" (MELO evaluation).
        """
        # the parts in the key are compared by identity: a changed model or index asks afresh
        ask = (lang, groups, k, self.fusion, self.reranker, self.pool, self.encode, self.index_)
        keys: list[Hashable] = [(title, *ask) for title in titles]
        known = self.cache.get_many(keys)
        todo = list(dict.fromkeys(t for t, key in zip(titles, keys, strict=True) if key not in known))
        if todo:
            fresh = self._link_in_slices(todo, k=k, lang=lang, groups=groups)
            answers: dict[Hashable, tuple[LinkCandidate, ...]] = {
                (t, *ask): tuple(found) for t, found in zip(todo, fresh, strict=True)
            }
            self.cache.put_many(answers)
            known.update(answers)
        return [list(known[key]) for key in keys]

    def _link_in_slices(
        self, titles: Sequence[str], *, k: int, lang: str | None, groups: Groups
    ) -> list[list[LinkCandidate]]:
        """`_link_scored` over slices of ``titles`` in ``workers`` threads; answers in title order."""
        slices = [titles[start : start + WORKER_CHUNK] for start in range(0, len(titles), WORKER_CHUNK)]
        if self.workers <= 1 or len(slices) < 2:
            return self._link_scored(titles, k=k, lang=lang, groups=groups)
        with ThreadPoolExecutor(min(self.workers, len(slices)), thread_name_prefix="link") as pool:
            answers = pool.map(lambda part: self._link_scored(part, k=k, lang=lang, groups=groups), slices)
            return [found for part in answers for found in part]

    def _link_scored(
        self, titles: Sequence[str], *, k: int, lang: str | None, groups: Groups
    ) -> list[list[LinkCandidate]]:
        """`link` by scoring every title (no cache)."""
        scored = self.score(titles, lang=lang)
        found = scored.candidates
        bounds = np.searchsorted(found.query, np.arange(len(titles) + 1))  # query is non-decreasing
        out: list[list[LinkCandidate]] = [[] for _ in titles]
        char: Any = None  # sparse character scores of the chunk of titles starting at char_first
        char_first = -1
        for q in range(len(titles)):
            rows = np.arange(bounds[q], bounds[q + 1])
            concepts = [int(c) for c in found.concept[rows]]
            uris = [self.index_.uris[c] for c in concepts]
            ranked = sorted(zip(-scored.scores[rows], uris, concepts, strict=True))
            chosen = [(-neg, uri, c) for neg, uri, c in ranked if allowed(uri, groups)][:k]
            if not chosen:
                continue
            if q - q % CHAR_CHUNK != char_first:  # the chunk of titles q is in
                char_first = q - q % CHAR_CHUNK
                char = self._char_scores(titles[char_first : char_first + CHAR_CHUNK])
            lo, hi = char.indptr[q - char_first], char.indptr[q - char_first + 1]
            title_char = (char.indices[lo:hi], char.data[lo:hi])  # the title's non-zero label scores
            for score, uri, c in chosen:
                label, label_lang = best_label(self.index_, c, title_char, lang)
                out[q].append(LinkCandidate(uri, float(score), label, label_lang))
        return out

    def _char_scores(self, titles: Sequence[str]) -> Any:
        """(len(titles), n_labels) sparse CSR character TF-IDF cosines of each title to each label."""
        index = self.index_
        return (index.vectorizers["char"].transform(titles) @ index.matrices["char"]).tocsr()

    def best(self, title: str, *, lang: str | None = None, groups: Groups = "none") -> LinkCandidate | None:
        """The single best concept (see `link`), or None when nothing scores ``min_score`` or more."""
        found = self.link([title], k=1, lang=lang, groups=groups)[0]
        return found[0] if found and found[0].score >= self.threshold else None

    def best_any_language(
        self, title: str, *, groups: Groups = "none"
    ) -> tuple[LinkCandidate | None, str | None]:
        """The best concept for a title whose language was not stated, and that language.

        Linked first against the labels of every language at once (the language is that of the
        closest label). When that finds nothing, the title is linked as each language in turn
        and the most confident link wins: read as the wrong language a title can still link
        ("Lagerarbetare" read as English is a forklift operator), and a few plain titles only
        pass the threshold in their own language ("office cleaner"). Titles with fewer than two
        letters are never linked.

        Returns:
            The concept and the language it was linked in; (None, None) when nothing reaches
            the threshold.
        """
        if sum(ch.isalpha() for ch in title) < 2:
            return None, None
        found = self.best(title, groups=groups)
        if found is not None:
            return found, found.lang if found.lang in LANGUAGES else None
        tried = [
            (c, lang) for lang in LANGUAGES for c in self.link([title], k=1, lang=lang, groups=groups)[0]
        ]
        if not tried:
            return None, None
        best, lang = max(tried, key=lambda pair: pair[0].score)
        return (best, lang) if best.score >= self.threshold else (None, None)

    @property
    def threshold(self) -> float:
        """The score below which `best` finds nothing."""
        if self.min_score is not None:
            return self.min_score
        if self.fusion is not None:
            last = self.reranker if self.reranker is not None else self.fusion
            return float(last.meta.get("min_score", FUSION_MIN_SCORE))
        return TFIDF_MIN_SCORE
