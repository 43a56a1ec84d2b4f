"""Bodies and answers of ``/reports/hand-ratings``: a unit's reviewer-rated IPS-25 items."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from participants.fidelity_ratings import MAX_EVIDENCE, FidelityRating
from service.api.schemas.common import Out, SafeText, Strict, strict_with_examples


class HandRatingIn(Strict):
    """One item's rating: an item rated by hand (S2, S3, O1–O8, V11, V13), 1–5, and its evidence."""

    item: str = Field(max_length=8, examples=["O5"])
    rating: int = Field(ge=1, le=5, examples=[4])
    evidence: SafeText = Field("", max_length=MAX_EVIDENCE, examples=["Supervisor leads weekly meetings"])


class HandRatingsIn(Strict):
    """Ratings to store; an item whose rating and evidence are unchanged adds no history row."""

    model_config = strict_with_examples(
        {"ratings": [{"item": "O5", "rating": 4, "evidence": "Supervisor leads weekly meetings"}]}
    )

    ratings: list[HandRatingIn] = Field(max_length=12)


class HandRatingOut(Out):
    """The rating that counts for an item: the latest given."""

    item: str
    rating: int
    evidence: str
    rated_by: str
    rated_at: dt.datetime


class HandRatingsOut(Out):
    """The unit's latest rating of each hand-rated item it has one for, in scale order."""

    unit: str
    ratings: list[HandRatingOut]

    @classmethod
    def of(cls, unit: str, latest: dict[str, FidelityRating], order: tuple[str, ...]) -> HandRatingsOut:
        """The answer for ``unit`` with ``latest`` (item -> rating) listed in ``order``."""
        return cls(
            unit=unit,
            ratings=[HandRatingOut.from_fields(latest[i]) for i in order if i in latest],
        )
