"""What a title linker answers: candidate concepts, scored batches, and the label to show.

Shapes are documented per item; `linker.TitleLinker` produces them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from matching.linking.features import Candidates
from matching.linking.label_index import LabelIndex

Groups = Literal["none", "unit", "all"]


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    """One ESCO concept proposed for a title.

    Attributes:
        uri: ESCO occupation (or ISCO group) URI.
        score: Fusion probability in [0, 1], or TF-IDF cosine without a fusion model.
        label: The concept's best-matching label.
        lang: That label's language.
    """

    uri: str
    score: float
    label: str
    lang: str


@dataclass(frozen=True, slots=True)
class Scored:
    """Candidates of a batch of titles with one score per candidate row."""

    candidates: Candidates
    scores: npt.NDArray[np.float64]


#: A title's sparse character scores: label columns and their values.
SparseRow = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]


def best_label(index: LabelIndex, concept: int, char: SparseRow, lang: str | None) -> tuple[str, str]:
    """The concept's label closest to the title in characters, preferring the title's language.

    Args:
        index: The linker's label index.
        concept: Concept index.
        char: The title's sparse character scores: label columns and their values.
        lang: The title's language, or None.
    """
    start, end = int(index.starts[concept]), int(index.ends[concept])
    rows = np.arange(start, end)
    columns, values = char
    inside = (columns >= start) & (columns < end)
    scores = np.zeros(end - start, np.float32)  # as the dense row reads: 0 where no n-gram is shared
    scores[columns[inside] - start] = values[inside]
    own = rows[index.langs[rows] == lang] if lang else rows
    rows = own if len(own) else rows
    j = int(rows[int(np.argmax(scores[rows - start]))])
    return index.texts[j], str(index.langs[j])


def allowed(uri: str, groups: Groups) -> bool:
    """Whether a concept may be returned: occupations always, ISCO groups as ``groups`` says."""
    if "/isco/C" not in uri:
        return True
    return groups == "all" or (groups == "unit" and len(uri.rsplit("/C", 1)[1]) == 4)
