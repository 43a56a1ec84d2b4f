"""Candidate concepts for job titles and the features a learned fusion scores them by.

For each title, the candidates are the union of the top concepts of every signal (and of every
signal passed up the ISCO tree). Each candidate gets, per signal and per label group (labels in the
title's language, all labels, and for characters the preferred labels in the title's language):
its score, the gap to the title's best concept, its rank, the best score among its descendants and
its parent group's score; then fuzzy string ratios (rapidfuzz), label counts, the ISCO level and a
few facts about the title. Everything is a number a reader can check; nothing identifies a
concept, so a model trained on some concepts transfers to others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process, utils

from matching.linking.label_index import LabelIndex

LANGS = ("sv", "da", "fr", "en")
FUZZY = {"tset": fuzz.token_set_ratio, "ratio": fuzz.ratio, "partial": fuzz.partial_ratio}
CHUNK = 256  # titles scored at once: bounds the (titles x labels) score matrices to ~60 MB


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate rows for a batch of titles.

    Attributes:
        query: (m,) int64 index of the title each row belongs to (non-decreasing).
        concept: (m,) int64 concept index into ``LabelIndex.uris``.
        features: (m, len(names)) float32.
        names: Feature names, the columns of ``features``.
    """

    query: npt.NDArray[np.int64]
    concept: npt.NDArray[np.int64]
    features: npt.NDArray[np.float32]
    names: tuple[str, ...]

    def column(self, name: str) -> npt.NDArray[np.float32]:
        """(m,) float32 values of one feature."""
        return self.features[:, self.names.index(name)]


def candidates(
    index: LabelIndex,
    variants: Sequence[Sequence[str]],
    vectors: Sequence[npt.NDArray[np.float32]] | None,
    *,
    lang: str | None,
    pool: int = 30,
) -> Candidates:
    """Candidates and features for titles, each given as its spellings (`title_variants`).

    Args:
        index: The labels.
        variants: Per title, one or more spellings; each signal takes the best spelling.
        vectors: Per title, (len(variants[i]), d) float32 vectors of its spellings, or None for
            lexical signals only.
        lang: The titles' language ("sv", "da", "fr", "en"), or None when unknown (then every
            label counts as the title's language).
        pool: Top concepts taken from each signal.
    """
    same = index.langs == lang if lang in LANGS else np.ones(len(index.texts), bool)
    facts = _ConceptFacts.of(index, same)
    parts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float32]]] = []
    names: tuple[str, ...] = ()
    for start in range(0, len(variants), CHUNK):
        chunk = variants[start : start + CHUNK]
        chunk_vectors = vectors[start : start + CHUNK] if vectors is not None else None
        signals = _concept_signals(index, chunk, chunk_vectors, same)
        ordered = {key: np.sort(value, axis=1) for key, value in signals.items() if key[2] == "own"}
        for i, spellings in enumerate(chunk):
            row = {key: value[i] for key, value in signals.items()}
            pool_ids = _pool(row, pool)
            sorted_row = {key: value[i] for key, value in ordered.items()}
            feats = _features(index, facts, row, sorted_row, pool_ids, spellings, lang)
            names = tuple(feats)
            matrix = np.column_stack([feats[n] for n in names]).astype(np.float32)
            parts.append((np.full(len(pool_ids), start + i, np.int64), pool_ids, matrix))
    if not parts:
        return Candidates(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, 0), np.float32), ())
    return Candidates(
        query=np.concatenate([p[0] for p in parts]),
        concept=np.concatenate([p[1] for p in parts]),
        features=np.vstack([p[2] for p in parts]),
        names=names,
    )


def _concept_signals(
    index: LabelIndex,
    variants: Sequence[Sequence[str]],
    vectors: Sequence[npt.NDArray[np.float32]] | None,
    same: npt.NDArray[np.bool_],
) -> dict[tuple[str, str, str], npt.NDArray[np.float32]]:
    """(signal, group, view) -> (titles, n_concepts) float32, view in own/child/parent."""
    flat = [v for spellings in variants for v in spellings]
    owner_starts = np.cumsum([0] + [len(s) for s in variants[:-1]])
    flat_vectors = np.vstack(vectors) if vectors is not None else None
    per_label = index.label_scores(flat, flat_vectors)
    concept: dict[tuple[str, str], npt.NDArray[np.float32]] = {}
    for name, scores in per_label.items():
        best = np.maximum.reduceat(scores, owner_starts, axis=0)  # best spelling per title
        concept[(name, "all")] = index.concept_max(best)
        concept[(name, "same")] = index.concept_max(best, same)
        if name == "char":  # a title equal to several concepts' labels usually means the one it names
            concept[(name, "pref")] = index.concept_max(best, same & index.preferred)
    desc = index.description_scores(flat_vectors)
    if desc is not None:
        concept[("desc", "all")] = np.maximum.reduceat(desc, owner_starts, axis=0)
    out: dict[tuple[str, str, str], npt.NDArray[np.float32]] = {}
    for (name, group), scores in concept.items():
        out[(name, group, "own")] = scores
        out[(name, group, "child")] = index.tree.child_max(scores)
        out[(name, group, "parent")] = index.tree.parent_score(scores)
    return out


def _pool(row: dict[tuple[str, str, str], npt.NDArray[np.float32]], k: int) -> npt.NDArray[np.int64]:
    """Sorted concept ids in the top k of any own or child score (positive scores only)."""
    found: set[int] = set()
    for (_, _, view), scores in row.items():
        if view == "parent":
            continue
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        found.update(top[scores[top] > 0].tolist())
    return np.array(sorted(found), np.int64)


def _features(
    index: LabelIndex,
    facts: _ConceptFacts,
    row: dict[tuple[str, str, str], npt.NDArray[np.float32]],
    sorted_row: dict[tuple[str, str, str], npt.NDArray[np.float32]],
    pool: npt.NDArray[np.int64],
    spellings: Sequence[str],
    lang: str | None,
) -> dict[str, npt.NDArray[np.floating[Any]]]:
    """Feature name -> (len(pool),) values of one title's candidates.

    ``sorted_row`` holds each "own" score row of ``row`` sorted ascending (a candidate's rank is
    the count of concepts scoring above it, found by bisection).
    """
    f: dict[str, npt.NDArray[np.floating[Any]]] = {}
    for (name, group, view), scores in row.items():
        if view != "own":
            continue
        key, own, best = f"{name}_{group}", scores[pool], scores.max()
        child, parent = row[(name, group, "child")][pool], row[(name, group, "parent")][pool]
        f[key] = np.maximum(own, 0)
        f[f"{key}_gap"] = np.where(own > -1, best - own, 1.0)
        above = len(scores) - np.searchsorted(sorted_row[(name, group, view)], own, side="right")
        f[f"{key}_lrank"] = np.log1p(above + 1)
        f[f"{key}_child"] = np.maximum(child, 0)
        f[f"{key}_child_gap"] = np.where(child > -1, best - child, 1.0)
        f[f"{key}_parent"] = np.maximum(parent, 0)
    f.update(_fuzzy(index, facts, pool, spellings))
    n_same = facts.n_same[pool]
    f["exact_same"] = (f["ratio_same"] >= 0.999).astype(np.float32)
    f["n_same"] = np.log1p(n_same)
    f["n_all"] = np.log1p(index.ends[pool] - index.starts[pool])
    f["has_same"] = (n_same > 0).astype(np.float32)
    level = facts.level[pool]
    for lv in range(5):
        f[f"isco{lv}"] = (level == lv).astype(np.float32)
    title = spellings[0]
    for code in LANGS:
        f[f"q_{code}"] = np.full(len(pool), float(lang == code))
    f["q_len"] = np.full(len(pool), np.log1p(len(title)))
    f["q_words"] = np.full(len(pool), float(len(title.split())))
    f["q_nvar"] = np.full(len(pool), float(len(spellings)))
    return f


def _fuzzy(
    index: LabelIndex, facts: _ConceptFacts, pool: npt.NDArray[np.int64], spellings: Sequence[str]
) -> dict[str, npt.NDArray[np.float32]]:
    """Best rapidfuzz ratios (0-1) of any spelling against each candidate's labels."""
    starts, ends = index.starts[pool], index.ends[pool]
    rows = np.concatenate(
        [np.zeros(0, np.int64)] + [np.arange(a, b) for a, b in zip(starts, ends, strict=True)]
    )
    owner = np.repeat(np.arange(len(pool)), ends - starts)
    # rapidfuzz's default_process applied once per text rather than inside every cdist call
    labels = [facts.processed[j] for j in rows.tolist()]
    queries = [utils.default_process(s) for s in spellings]
    same = facts.same
    out = {}
    for name, scorer in FUZZY.items():
        best = np.zeros(len(labels), np.float32)
        if labels:
            sims = process.cdist(queries, labels, scorer=scorer, processor=None)
            best = np.asarray(sims, np.float32).max(axis=0) / 100
        groups = [("all", np.ones(len(labels), bool)), ("same", same[rows])]
        if name == "ratio":
            groups.append(("pref", same[rows] & index.preferred[rows]))
        for group, keep in groups:
            vals = np.zeros(len(pool), np.float32)
            np.maximum.at(vals, owner[keep], best[keep])
            out[f"{name}_{group}"] = vals
    return out


@dataclass(frozen=True, slots=True)
class _ConceptFacts:
    """What every title of one `candidates` call shares.

    Attributes:
        same: (n_labels,) bool, labels in the titles' language.
        n_same: (n_concepts,) int64 labels per concept in that language.
        level: (n_concepts,) int64 ISCO level (0 for occupations).
        processed: Label texts as rapidfuzz's ``default_process`` leaves them.
    """

    same: npt.NDArray[np.bool_]
    n_same: npt.NDArray[np.int64]
    level: npt.NDArray[np.int64]
    processed: Sequence[str]

    @classmethod
    def of(cls, index: LabelIndex, same: npt.NDArray[np.bool_]) -> _ConceptFacts:
        n_same: npt.NDArray[np.int64] = np.add.reduceat(same.astype(np.int64), index.starts)
        return cls(same, n_same, index.tree.level(), index.processed_texts)
