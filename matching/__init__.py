"""Pure ranking core: types, constraints, scoring, explanations.

Imports numpy, scikit-learn, rapidfuzz and polars only; never a store, a web framework or a model.
"""

from __future__ import annotations

from matching.ranking.ranker import Ranker
from matching.types import Concept, Disclosure, Lead, Opening, Place, Profile

__all__ = ["Concept", "Disclosure", "Lead", "Opening", "Place", "Profile", "Ranker"]
