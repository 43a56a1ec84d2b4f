"""The linker on MELO-format sets: candidate tables, baselines and honest (out-of-fold) ranks.

Used by ``ipsmatch eval``, ``ipsmatch linker train`` and ``benchmarks/quality.py``. The shipped
fusion was trained on the MELO development queries, so on any set that shares a query with its
training data the figures come from k-fold cross-validation grouped by gold concept instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer

from embeddings import CachedEncoder, Encoder
from embeddings.file_store import FileVectorStore
from embeddings.packed import LayeredVectorStore, PackedVectorStore
from matching.evaluation.folds import LinkTable, concept_ranks, element_ranks, out_of_fold
from matching.evaluation.melo import MeloSet
from matching.evaluation.rerank_folds import two_stage_out_of_fold
from matching.linking.esco import EscoCatalog
from matching.linking.fusion import TreeEnsemble
from matching.linking.linker import TitleLinker
from matching.linking.rerank import rerank_scores
from matching.linking.text import normalise
from service.runtime.linkers import description_vectors, fusion_path, load_reranker, pack_path

#: "esco": index the set's surface forms plus every ESCO label (4 languages) and description of
#: its concepts, as the service does; "corpus": the set's surface forms only (like-for-like with
#: the published zero-shot baselines).
Knowledge = Literal["esco", "corpus"]
Progress = Callable[[str], None]


@dataclass
class QualityContext:
    """What every set is evaluated with."""

    encoder: CachedEncoder
    catalog: EscoCatalog
    catalog_folder: Path
    knowledge: Knowledge
    fusion: TreeEnsemble | None
    reranker: TreeEnsemble | None = None
    descriptions: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def open(cls, encoder: Encoder, data_dir: Path, cache_dir: Path, knowledge: Knowledge) -> QualityContext:
        """Shipped vectors first, then a vector cache file in ``cache_dir``; the shipped fusion."""
        cache = FileVectorStore(cache_dir / f"vectors-{encoder.model_id}.npz")
        pack = pack_path(data_dir, encoder.model_id)
        store = LayeredVectorStore(PackedVectorStore(pack), cache) if pack.is_file() else cache
        cached = CachedEncoder(encoder, store)
        catalog = EscoCatalog.load(data_dir / "esco")
        model = fusion_path(data_dir, "dense")
        shipped = TreeEnsemble.load(model) if model.is_file() else None
        if shipped is not None and shipped.meta.get("encoder") != encoder.model_id:
            shipped = None  # its dense features came from another model: cross-validate instead
        ctx = cls(cached, catalog, data_dir / "esco", knowledge, shipped, load_reranker(data_dir, "dense"))
        if knowledge == "esco":
            ctx.descriptions = description_vectors(catalog, lambda t: cached.encode(t, kind="passage"))
        return ctx

    def flush(self) -> None:
        """Write newly encoded vectors to the cache file."""
        for store in getattr(self.encoder.store, "stores", (self.encoder.store,)):
            if isinstance(store, FileVectorStore):
                store.flush()


@dataclass(frozen=True)
class SetRanks:
    """Gold ranks of one set's queries under the fusion and the in-harness baselines.

    Attributes:
        name: Dataset name.
        fusion: (q,) concept-level ranks (= MELO element ranks with each concept's best
            surface form listed first).
        fusion_source: "cv-<k>" (out-of-fold) or "shipped".
        baselines: Name -> (q,) element ranks by MELO's own protocol.
    """

    name: str
    fusion: np.ndarray
    fusion_source: str
    baselines: dict[str, np.ndarray]


def query_key(text: str) -> str:
    """A short, stable key of a query text (case and typography folded)."""
    return hashlib.sha256(normalise(text).lower().encode()).hexdigest()[:16]


def eval_labels(dataset: MeloSet, catalog: EscoCatalog, knowledge: Knowledge) -> pl.DataFrame:
    """The labels the linker indexes for a set: [uri, lang, kind, label, isco]."""
    frame = dataset.labels()
    if knowledge == "esco":
        extra = catalog.linker_labels().filter(pl.col("uri").is_in(frame["uri"].unique().to_list()))
        frame = pl.concat([frame, extra.select(frame.columns)])
        frame = frame.unique(subset=["uri", "lang", "label"], keep="first", maintain_order=True)
    codes = {u: catalog.isco_code(u) for u in frame["uri"].unique().to_list()}
    return frame.with_columns(pl.col("uri").replace_strict(codes, return_dtype=pl.String).alias("isco"))


def link_table(dataset: MeloSet, ctx: QualityContext) -> LinkTable:
    """Candidates and features of every query of ``dataset``."""
    labels = eval_labels(dataset, ctx.catalog, ctx.knowledge)
    vectors = ctx.encoder.encode(labels["label"].to_list(), kind="passage")
    linker = TitleLinker(encode=lambda t: ctx.encoder.encode(t, kind="query"))
    linker.fit(labels, vectors=vectors, descriptions=ctx.descriptions or None)
    scored = linker.score(dataset.queries["text"].to_list(), lang=dataset.query_lang)
    gold = dataset.queries["uri"].to_list()
    return LinkTable(dataset.name, scored.candidates, linker.index_.uris, gold, linker.index_.tree)


def baseline_ranks(dataset: MeloSet, ctx: QualityContext, chunk: int = 256) -> dict[str, np.ndarray]:
    """MELO's protocol for two zero-shot baselines: char TF-IDF and the dense encoder alone."""
    corpus = dataset.corpus["text"].to_list()
    concepts = {u: i for i, u in enumerate(dict.fromkeys(dataset.corpus["uri"].to_list()))}
    element_concept = np.array([concepts[u] for u in dataset.corpus["uri"].to_list()])
    gold = np.array([concepts.get(u, -1) for u in dataset.queries["uri"].to_list()])
    queries = dataset.queries["text"].to_list()
    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32)
    corpus_matrix = tfidf.fit_transform(corpus).T.tocsr()
    corpus_vectors = ctx.encoder.encode(corpus, kind="passage")
    query_vectors = ctx.encoder.encode(queries, kind="query")
    out: dict[str, list[np.ndarray]] = {"char TF-IDF": [], ctx.encoder.model_id: []}
    for s in range(0, len(queries), chunk):
        sims = (tfidf.transform(queries[s : s + chunk]) @ corpus_matrix).toarray()
        out["char TF-IDF"].append(element_ranks(sims, element_concept, gold[s : s + chunk]))
        dense = query_vectors[s : s + chunk] @ corpus_vectors.T
        out[ctx.encoder.model_id].append(element_ranks(dense, element_concept, gold[s : s + chunk]))
    return {k: np.concatenate(v) if v else np.zeros(0, np.int64) for k, v in out.items()}


def seen_by(model: TreeEnsemble | None, dataset: MeloSet) -> bool:
    """True when ``model`` was trained on any query of ``dataset`` (or there is no model)."""
    if model is None:
        return True
    trained = set(model.meta.get("query_keys", ()))
    return any(query_key(t) in trained for t in dataset.queries["text"].to_list())


def rank_sets(
    datasets: Sequence[MeloSet], ctx: QualityContext, *, folds: int = 5, progress: Progress | None = None
) -> list[SetRanks]:
    """Gold ranks for every set: out-of-fold where the shipped fusion saw the queries."""
    say = progress or (lambda _: None)
    tables, baselines = [], []
    for dataset in datasets:
        say(f"{dataset.name}: features for {dataset.queries.height} queries")
        tables.append(link_table(dataset, ctx))
        baselines.append(baseline_ranks(dataset, ctx))
        ctx.flush()
    # The shipped model was trained with ESCO knowledge; corpus-only features need their own folds.
    needs_cv = [ctx.knowledge == "corpus" or seen_by(ctx.fusion, d) for d in datasets]
    cv_tables = [t for t, cv in zip(tables, needs_cv, strict=True) if cv]
    if cv_tables:
        say(f"{folds}-fold cross-validation grouped by gold concept over {len(cv_tables)} set(s)")
    cv_scores = iter(_cross_validated(cv_tables, folds, rerank=ctx.reranker is not None))
    out = []
    for table, base, cv in zip(tables, baselines, needs_cv, strict=True):
        if cv:
            scores, source = next(cv_scores), f"cv-{folds}"
        else:
            assert ctx.fusion is not None
            scores, source = ctx.fusion.decision(table.candidates.features, table.candidates.names), "shipped"
            if ctx.reranker is not None:
                scores = rerank_scores(table.candidates, scores, table.isco, ctx.reranker)
        out.append(SetRanks(table.name, concept_ranks(table, scores), source, base))
    return out


def _cross_validated(tables: Sequence[LinkTable], folds: int, *, rerank: bool) -> list[np.ndarray]:
    """Out-of-fold scores: the fusion, then (as served when a re-ranker ships) the nested re-ranker."""
    if not tables:
        return []
    if rerank:
        return two_stage_out_of_fold(tables, k=folds, nested=True)[1]
    return out_of_fold(tables, k=folds)
