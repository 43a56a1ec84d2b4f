"""Flags about where the work is: unknown place, beyond the travel area, far, another country.

Codes are stable: ``distance_unknown``, ``commute_over_preference`` (beyond the person's own
limit), ``outside_travel_area`` (beyond the programme's default area), ``far_from_home`` (beyond
FAR_FACTOR times the area) and ``other_country``. Each message says where such leads are ranked;
the words depend only on the lead and the person, so the batch and the API explain a lead alike.
"""

from __future__ import annotations

import math

from matching.ranking.travel import FAR_FACTOR, TIER_FAR, TIER_OUTSIDE, is_other_country, travel_area
from matching.types import Flag, Opening, Profile

AFTER_LOCAL = "ranked after the leads within reach of home"
AFTER_INSIDE = "ranked after any lead of the same kind of work inside the area"
MOVING = "they said they would move for work"


def travel_flags(opening: Opening, profile: Profile, distance_km: float) -> list[Flag]:
    """The place flags of one lead.

    Args:
        opening: The lead's item.
        profile: The person.
        distance_km: km from home, NaN when unknown.
    """
    if opening.remote or profile.home is None:
        return []
    if math.isnan(distance_km):
        return [Flag("distance_unknown", "the work place is not known")]
    flags: list[Flag] = []
    area = travel_area(profile)
    other = is_other_country(opening, profile)
    if other:
        assert opening.place is not None and profile.home is not None
        where = f"in another country ({opening.place.country}) than their home ({profile.home.country})"
        flags.append(Flag("other_country", _placed(where, TIER_FAR, profile)))
    if area is None:
        return flags
    far = distance_km > FAR_FACTOR * area
    if distance_km > area:
        own = profile.max_commute_km is not None and profile.max_commute_km > 0
        code = "commute_over_preference" if own else "outside_travel_area"
        whose = "the limit they stated" if own else "the programme's travel area"
        where = f"{distance_km:.0f} km from home, beyond {whose} ({area:g} km)"
        flags.append(Flag(code, where if other or far else _placed(where, TIER_OUTSIDE, profile)))
    if far:
        where = f"more than {FAR_FACTOR:g} times their {area:g} km travel area from home"
        flags.append(Flag("far_from_home", where if other else _placed(where, TIER_FAR, profile)))
    return flags


def _placed(where: str, tier: int, profile: Profile) -> str:
    """``where`` with the words saying where a lead of travel ``tier`` is ranked."""
    if profile.willing_to_relocate:
        return f"{where}; {MOVING}"
    return f"{where}: {AFTER_LOCAL if tier == TIER_FAR else AFTER_INSIDE}"
