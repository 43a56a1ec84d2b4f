"""Every label of every concept, indexed for the linker's signals.

A concept (ESCO occupation or ISCO group) has labels in several languages. Each signal scores a
title against every label; a concept's score is the best of its labels, either over all labels
or over those in the title's own language. Signals:

- ``char``: character 2-4-gram TF-IDF within word boundaries (Swedish and Danish compounds);
- ``word``: word TF-IDF;
- ``stem``: TF-IDF over words cut to five characters (plural and gender forms);
- ``dense``: cosine of sentence vectors (only when label vectors were given);
- ``desc``: cosine to the concept's ESCO description (a concept-level signal, when given).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import polars as pl
from rapidfuzz import utils
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.linking.isco_tree import IscoTree
from matching.linking.text import fold, stem_tokens

LEXICAL = ("char", "word", "stem")


@dataclass(frozen=True, eq=False)
class LabelIndex:
    """Labels sorted by concept, their TF-IDF matrices and optional vectors.

    Attributes:
        uris: Concept URIs, in index order.
        label_concept: (n_labels,) int64 concept index of each label (non-decreasing).
        starts: (n_concepts,) int64 first label row of each concept.
        texts: Label texts.
        langs: (n_labels,) str language of each label.
        preferred: (n_labels,) bool, True for preferred labels.
        tree: The ISCO tree over the concepts.
        vectorizers: Fitted TF-IDF vectorizer per lexical signal.
        matrices: Per lexical signal, the (n_features, n_labels) CSR label matrix.
        vectors: (n_labels, d) float32 unit label vectors, or None.
        concept_vectors: (n_concepts, d) float32 unit description vectors (zero rows when a
            concept has none), or None.
    """

    uris: tuple[str, ...]
    label_concept: npt.NDArray[np.int64]
    starts: npt.NDArray[np.int64]
    texts: tuple[str, ...]
    langs: npt.NDArray[np.object_]
    preferred: npt.NDArray[np.bool_]
    tree: IscoTree
    vectorizers: Mapping[str, TfidfVectorizer]
    matrices: Mapping[str, object]
    vectors: npt.NDArray[np.float32] | None
    concept_vectors: npt.NDArray[np.float32] | None

    @classmethod
    def build(
        cls,
        labels: pl.DataFrame,
        *,
        vectors: npt.NDArray[np.float32] | None = None,
        concept_vectors: Mapping[str, npt.NDArray[np.float32]] | None = None,
    ) -> LabelIndex:
        """Index a frame with columns [uri, lang, kind, label, isco].

        Args:
            labels: One row per label; ``isco`` is the concept's ISCO code (4-digit unit group
                of an occupation, the group's own code for an ISCO group URI, "" if unknown).
            vectors: Optional (len(labels), d) float32 label vectors, row i for labels row i.
            concept_vectors: Optional URI -> (d,) description vector.
        """
        order = np.lexsort((np.arange(labels.height), np.array(labels["uri"].to_list(), dtype=object)))
        frame = labels[order.tolist()]
        uri_list = frame["uri"].to_list()
        uris = tuple(dict.fromkeys(uri_list))
        column = {u: i for i, u in enumerate(uris)}
        label_concept = np.array([column[u] for u in uri_list], np.int64)
        starts = np.flatnonzero(np.r_[True, label_concept[1:] != label_concept[:-1]]).astype(np.int64)
        isco = dict(zip(uri_list, frame["isco"].to_list(), strict=True))
        tree = IscoTree([isco[u] for u in uris], ["/isco/" in u for u in uris])
        texts = tuple(frame["label"].to_list())
        vectorizers = _fit_vectorizers(texts)
        return cls(
            uris=uris,
            label_concept=label_concept,
            starts=starts,
            texts=texts,
            langs=np.array(frame["lang"].to_list(), dtype=object),
            preferred=np.array([k == "preferred" for k in frame["kind"].to_list()]),
            tree=tree,
            vectorizers=vectorizers,
            matrices={name: v.transform(texts).T.tocsr() for name, v in vectorizers.items()},
            vectors=_unit(np.asarray(vectors, np.float32)[order]) if vectors is not None else None,
            concept_vectors=_concept_matrix(uris, concept_vectors) if concept_vectors else None,
        )

    @property
    def ends(self) -> npt.NDArray[np.int64]:
        """(n_concepts,) int64 one past the last label row of each concept."""
        ends: npt.NDArray[np.int64] = np.r_[self.starts[1:], len(self.texts)].astype(np.int64)
        return ends

    @cached_property
    def processed_texts(self) -> tuple[str, ...]:
        """Label texts as rapidfuzz's ``default_process`` leaves them (computed once)."""
        return tuple(utils.default_process(t) for t in self.texts)

    def label_scores(
        self, texts: Sequence[str], vectors: npt.NDArray[np.float32] | None
    ) -> dict[str, npt.NDArray[np.float32]]:
        """Per label signal, (len(texts), n_labels) float32 scores of each text against each label."""
        out = {
            name: (self.vectorizers[name].transform(texts) @ self.matrices[name]).toarray()
            for name in LEXICAL
        }
        if self.vectors is not None and vectors is not None:
            out["dense"] = np.asarray(vectors, np.float32) @ self.vectors.T
        return out

    def concept_max(
        self, scores: npt.NDArray[np.float32], mask: npt.NDArray[np.bool_] | None = None
    ) -> npt.NDArray[np.float32]:
        """(q, n_concepts) best label score per concept; -1 where no label passes ``mask``."""
        if mask is None:
            return np.maximum.reduceat(scores, self.starts, axis=1)
        # the max over only the labels that pass (a fraction of them), floored at -1 as when the
        # others were filled with -1: the same values, without a (q, n_labels) copy
        keep = np.flatnonzero(mask)
        out = np.full((len(scores), len(self.starts)), np.float32(-1.0), dtype=scores.dtype)
        if len(keep):
            owner = self.label_concept[keep]
            runs = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
            best = np.maximum.reduceat(scores[:, keep], runs, axis=1)
            out[:, owner[runs]] = np.maximum(best, np.float32(-1.0))
        return out

    def description_scores(self, vectors: npt.NDArray[np.float32] | None) -> npt.NDArray[np.float32] | None:
        """(q, n_concepts) cosine to each concept's description, -1 where it has none."""
        if self.concept_vectors is None or vectors is None:
            return None
        sims = np.asarray(vectors, np.float32) @ self.concept_vectors.T
        missing = ~self.concept_vectors.any(axis=1)
        sims[:, missing] = -1.0
        return sims


def _fit_vectorizers(texts: Sequence[str]) -> dict[str, TfidfVectorizer]:
    common = {"sublinear_tf": True, "dtype": np.float32}
    specs = {
        "char": TfidfVectorizer(preprocessor=fold, analyzer="char_wb", ngram_range=(2, 4), **common),
        "word": TfidfVectorizer(preprocessor=fold, analyzer="word", **common),
        "stem": TfidfVectorizer(analyzer=stem_tokens, **common),
    }
    return {name: v.fit(texts) for name, v in specs.items()}


def _unit(matrix: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: npt.NDArray[np.float32] = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return unit


def _concept_matrix(
    uris: Sequence[str], vectors: Mapping[str, npt.NDArray[np.float32]]
) -> npt.NDArray[np.float32]:
    dim = len(next(iter(vectors.values())))
    out = np.zeros((len(uris), dim), np.float32)
    for i, uri in enumerate(uris):
        if uri in vectors:
            out[i] = vectors[uri]
    return _unit(out)
