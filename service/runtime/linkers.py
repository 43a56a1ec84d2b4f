"""Composition of the ESCO linkers: which encoder, which shipped vectors, which fusion model.

Shipped files (see docs/quality.md):

- ``data/vectors/<encoder model id>.npz``: int8 vectors of every linker label, every ESCO
  description and every skill's preferred label, written by ``ipsmatch linker vectors``;
- ``data/linker/fusion-dense.npz``: the fusion over lexical, dense and description signals,
  trained on all MELO dev queries by ``ipsmatch linker train``; used when the encoder is the one
  the vectors and the model were made with;
- ``data/linker/fusion-lexical.npz``: the same without vector signals, for any other encoder
  (e.g. the hashing encoder in tests);
- ``data/linker/rerank-dense.npz`` / ``rerank-lexical.npz`` (optional): the second stage that
  re-orders each fusion's top 20 (`matching.linking.rerank`), trained by the same command on
  the fusion's out-of-fold scores; used with its fusion when present.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import polars as pl

from embeddings import CachedEncoder, Encoder, MemoryVectorStore
from embeddings.cache import VectorStore, text_key
from embeddings.packed import LayeredVectorStore, PackedVectorStore, write_pack
from matching.linking.esco import EscoCatalog
from matching.linking.fusion import TreeEnsemble
from matching.linking.linker import TitleLinker
from matching.linking.skills import SkillMatcher

log = logging.getLogger("ipsmatch")
#: More label texts than this missing from the pack: link lexically rather than encode at start-up.
MAX_MISSING = 500


def pack_path(data_dir: Path, model_id: str) -> Path:
    """Where the shipped vectors of ``model_id`` live."""
    return data_dir / "vectors" / f"{model_id}.npz"


def fusion_path(data_dir: Path, kind: str) -> Path:
    """The shipped fusion model, ``kind`` "dense" or "lexical"."""
    return data_dir / "linker" / f"fusion-{kind}.npz"


def rerank_path(data_dir: Path, kind: str) -> Path:
    """The shipped top-20 re-ranker of the ``kind`` fusion."""
    return data_dir / "linker" / f"rerank-{kind}.npz"


def load_reranker(data_dir: Path, kind: str) -> TreeEnsemble | None:
    """The shipped re-ranker of the ``kind`` fusion, or None when none ships."""
    path = rerank_path(data_dir, kind)
    return TreeEnsemble.load(path) if path.is_file() else None


def pack_texts(catalog: EscoCatalog) -> list[str]:
    """Every text the pack holds: linker labels, descriptions, preferred skill labels (unique)."""
    texts = catalog.linker_labels()["label"].to_list() + catalog.descriptions["description"].to_list()
    return list(dict.fromkeys(texts + sorted(set(catalog.skill_labels.values()))))


def shipped_encoder(encoder: Encoder, data_dir: Path) -> CachedEncoder | None:
    """``encoder`` reading the shipped vectors first, or None when there are none for it."""
    path = pack_path(data_dir, encoder.model_id)
    if not path.is_file():
        return None
    return CachedEncoder(encoder, LayeredVectorStore(PackedVectorStore(path), MemoryVectorStore()))


def description_vectors(
    catalog: EscoCatalog, encode: Callable[[Sequence[str]], np.ndarray]
) -> dict[str, np.ndarray]:
    """Concept URI -> mean of its en and fr description vectors (unit length)."""
    frame = catalog.descriptions
    vectors = encode(frame["description"].to_list())
    rows: dict[str, list[int]] = {}
    for i, uri in enumerate(frame["uri"].to_list()):
        rows.setdefault(uri, []).append(i)
    out = {}
    for uri, idx in rows.items():
        mean = vectors[idx].mean(axis=0)
        out[uri] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def load_linker(catalog: EscoCatalog, encoder: Encoder, data_dir: Path, *, workers: int = 1) -> TitleLinker:
    """The run-time linker: dense fusion when the encoder's vectors are shipped, else lexical.

    ``workers``: threads that link the titles of one batch (`TitleLinker`'s ``workers``).
    """
    labels = catalog.linker_labels()
    cached = shipped_encoder(encoder, data_dir)
    dense_model = fusion_path(data_dir, "dense")
    texts = labels["label"].to_list()
    if cached is not None and dense_model.is_file() and _missing_texts(cached, texts) <= MAX_MISSING:
        fusion = TreeEnsemble.load(dense_model)
        vectors = cached.encode(labels["label"].to_list(), kind="passage")
        descriptions = description_vectors(catalog, lambda t: cached.encode(t, kind="passage"))
        linker = TitleLinker(
            fusion=fusion,
            encode=lambda t: encoder.encode(t, kind="query"),
            reranker=load_reranker(data_dir, "dense"),
            workers=workers,
        )
        return linker.fit(labels, vectors=vectors, descriptions=descriptions)
    lexical = fusion_path(data_dir, "lexical")
    log.info("linking lexically: no shipped vectors for %s", encoder.model_id)
    if not lexical.is_file():
        return TitleLinker(workers=workers).fit(labels)
    lexical_fusion = TreeEnsemble.load(lexical)
    reranker = load_reranker(data_dir, "lexical")
    return TitleLinker(fusion=lexical_fusion, reranker=reranker, workers=workers).fit(labels)


def _missing_texts(cached: CachedEncoder, texts: Sequence[str]) -> int:
    keys = list(dict.fromkeys(text_key(t, "passage") for t in texts))
    missing = len(keys) - len(cached.store.get_many(cached.model_id, keys))
    if missing > MAX_MISSING:
        log.warning(
            "%d ESCO texts have no shipped vector for %s; using lexical signals only. "
            "Run `ipsmatch linker vectors` to rebuild data/vectors.",
            missing,
            cached.model_id,
        )
    return missing


def build_pack(
    encoder: Encoder,
    catalog: EscoCatalog,
    path: Path,
    *,
    cache: VectorStore | None = None,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 2048,
) -> int:
    """Encode every pack text (reusing ``cache``) and write the int8 pack; returns its row count.

    Args:
        encoder: The model (its ``model_id`` names the file).
        catalog: Where the texts come from.
        path: Output ``.npz``.
        cache: Where vectors are kept between batches, so an interrupted run resumes; a
            `FileVectorStore` is flushed after every batch.
        progress: Called with (texts done, total) after every batch.
        batch: Texts per batch.
    """
    texts = pack_texts(catalog)
    cached = CachedEncoder(encoder, cache if cache is not None else MemoryVectorStore())
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(texts), batch):
        chunk = texts[start : start + batch]
        for text, vec in zip(chunk, cached.encode(chunk, kind="passage"), strict=True):
            vectors[text_key(text, "passage")] = vec
        if hasattr(cached.store, "flush"):
            cached.store.flush()
        if progress is not None:
            progress(min(start + batch, len(texts)), len(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_pack(path, encoder.model_id, vectors)


def load_skill_matcher(catalog: EscoCatalog, encoder: Encoder, data_dir: Path) -> SkillMatcher:
    """Skill phrase search and linking; the dense route only with the encoder's shipped vectors."""
    cached = shipped_encoder(encoder, data_dir)
    preferred = catalog.skill_texts.filter(pl.col("kind") == "preferred")["label"].to_list()
    if cached is None or _missing_texts(cached, preferred) > MAX_MISSING:
        return SkillMatcher().fit(catalog.skill_texts)
    vectors = cached.encode(preferred, kind="passage")
    return SkillMatcher(encode=lambda t: encoder.encode(t, kind="query")).fit(
        catalog.skill_texts, vectors=vectors
    )
