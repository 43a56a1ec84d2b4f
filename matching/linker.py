"""Free-text job title -> ESCO occupation, by character n-gram TF-IDF over every label.

Character n-grams (within word boundaries) are strong for Swedish and Danish compounds
("undersköterska", "lagerarbetare"); every ESCO label in en/fr/sv/da is indexed, so a title is
matched in its own language rather than through English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    """One ESCO occupation proposed for a title."""

    uri: str
    score: float
    label: str
    lang: str


class TitleLinker:
    """Char n-gram TF-IDF linker (scikit-learn), fitted on a label table.

    Args:
        ngram_range: Character n-gram lengths.
        min_score: Cosine below which `best` returns None.
    """

    def __init__(self, *, ngram_range: tuple[int, int] = (2, 4), min_score: float = 0.35) -> None:
        self.ngram_range = ngram_range
        self.min_score = min_score

    def fit(self, labels: pl.DataFrame) -> TitleLinker:
        """Index a DataFrame with columns [uri, lang, label]; returns self."""
        self.uris_ = np.array(labels["uri"].to_list(), dtype=object)
        self.langs_ = np.array(labels["lang"].to_list(), dtype=object)
        self.labels_ = labels["label"].to_list()
        self.vectorizer_ = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=self.ngram_range,
            lowercase=True,
            sublinear_tf=True,
            dtype=np.float32,
        )
        self.matrix_ = self.vectorizer_.fit_transform(self.labels_).T.tocsr()
        return self

    def link(self, titles: Sequence[str], *, k: int = 5) -> list[list[LinkCandidate]]:
        """Top-k distinct occupations per title, best first (ties by URI)."""
        sims = (self.vectorizer_.transform(list(titles)) @ self.matrix_).toarray()
        out = []
        for row in sims:
            top = np.argsort(-row, kind="stable")[: k * 8]
            seen: dict[str, LinkCandidate] = {}
            for j in top:
                uri = str(self.uris_[j])
                if uri not in seen and row[j] > 0:
                    seen[uri] = LinkCandidate(uri, float(row[j]), self.labels_[j], str(self.langs_[j]))
            ranked = sorted(seen.values(), key=lambda c: (-c.score, c.uri))
            out.append(ranked[:k])
        return out

    def best(self, title: str) -> LinkCandidate | None:
        """The single best occupation, or None when nothing scores ``min_score`` or more."""
        found = self.link([title], k=1)[0]
        return found[0] if found and found[0].score >= self.min_score else None
