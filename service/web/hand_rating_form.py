"""The reports page's form for the hand-rated IPS-25 items: its fields and what was typed in it.

Field ``<item>`` (``S2``) holds the 1–5 rating, ``evidence-<item>`` the evidence text; a blank
rating leaves the item as it is (not rated yet, or its stored rating). Messages are the forms'
own msgids (`service.web.forms`), so they show in the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from participants.fidelity_ratings import MAX_EVIDENCE
from reports.self_assessment import HAND_ITEMS, HandRating
from service.web.forms import OUT_OF_RANGE, REQUIRED, Posted


def rating_fields(ratings: Mapping[str, HandRating]) -> dict[str, list[str]]:
    """The form's fields filled from ``ratings`` (item -> rating), as `Posted.fields`."""
    fields: dict[str, list[str]] = {}
    for item, hand in ratings.items():
        fields[item] = [str(hand.band)]
        fields[f"evidence-{item}"] = [hand.evidence]
    return fields


def read_ratings(form: Posted) -> list[tuple[str, int, str]]:
    """``(item, rating, evidence)`` for every item given a rating, in scale order.

    Notes a message on ``<item>`` for a rating that is not a whole number 1..5, or missing while
    evidence was typed, and on ``evidence-<item>`` for text too long or unsafe.
    """
    out = []
    for item in HAND_ITEMS:
        evidence = form.text(f"evidence-{item}", max_length=MAX_EVIDENCE)
        rating = form.number(item, low=1, high=5)
        if rating is not None and rating != int(rating):
            form.fail(item, OUT_OF_RANGE, low="1", high="5")
        elif rating is None and evidence and not form.errors.get(item):
            form.fail(item, REQUIRED)
        elif rating is not None:
            out.append((item, int(rating), evidence))
    return out
