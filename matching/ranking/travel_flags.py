"""Flags about where the work is: unknown place, beyond the travel area, far, another country.

Codes are stable: ``distance_unknown``, ``commute_over_preference`` (beyond the person's own
limit), ``outside_travel_area`` (beyond the programme's default area), ``far_from_home`` (beyond
FAR_FACTOR times the area) and ``other_country``. Each message says where such leads are ranked;
the words depend only on the lead and the person, so the batch and the API explain a lead alike.
Each flag keeps its message as a phrase too (`matching.phrase`), for a page to translate.
"""

from __future__ import annotations

import math

from matching.phrase import N_, Phrase, say
from matching.ranking.travel import FAR_FACTOR, TIER_FAR, TIER_OUTSIDE, is_other_country, travel_area
from matching.types import Flag, Opening, Profile

AFTER_LOCAL = N_("%(where)s: ranked after the leads within reach of home")
AFTER_INSIDE = N_("%(where)s: ranked after any lead of the same kind of work inside the area")
MOVING = N_("%(where)s; they said they would move for work")


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
        return [flag("distance_unknown", say("the work place is not known"))]
    flags: list[Flag] = []
    area = travel_area(profile)
    other = is_other_country(opening, profile)
    if other:
        assert opening.place is not None and profile.home is not None
        where = say(
            "in another country (%(place)s) than their home (%(home)s)",
            place=opening.place.country,
            home=profile.home.country,
        )
        flags.append(flag("other_country", _placed(where, TIER_FAR, profile)))
    if area is None:
        return flags
    far = distance_km > FAR_FACTOR * area
    if distance_km > area:
        own = profile.max_commute_km is not None and profile.max_commute_km > 0
        code = "commute_over_preference" if own else "outside_travel_area"
        km, area_km = round(distance_km), float(area)
        if own:
            where = say(
                "%(km)s km from home, beyond the limit they stated (%(area)s km)", km=km, area=area_km
            )
        else:
            where = say(
                "%(km)s km from home, beyond the programme's travel area (%(area)s km)", km=km, area=area_km
            )
        flags.append(flag(code, where if other or far else _placed(where, TIER_OUTSIDE, profile)))
    if far:
        where = say(
            "more than %(factor)s times their %(area)s km travel area from home",
            factor=float(FAR_FACTOR),
            area=float(area),
        )
        flags.append(flag("far_from_home", where if other else _placed(where, TIER_FAR, profile)))
    return flags


def _placed(where: Phrase, tier: int, profile: Profile) -> Phrase:
    """``where`` with the words saying where a lead of travel ``tier`` is ranked."""
    if profile.willing_to_relocate:
        return say(MOVING, where=where)
    return say(AFTER_LOCAL if tier == TIER_FAR else AFTER_INSIDE, where=where)


def flag(code: str, phrase: Phrase) -> Flag:
    """The flag ``code`` saying ``phrase`` (its message is the English text); every flag is made so."""
    return Flag(code, str(phrase), phrase)
