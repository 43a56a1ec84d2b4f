"""Plain-word sentences for a lead: one per score part, and a summary to read aloud.

They speak of the person in the third person ("their goal 'cook'"), name codes by their labels
(`matching.ranking.labels`) and show no model-internal numbers: a similarity becomes a band
("close to", "some way from"). A part where nothing is stated says it counts as neutral.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matching.ranking.labels import CONTRACT_LABELS, STAGE_LABELS, label, sector_label
from matching.ranking.travel import travel_area
from matching.types import Opening, Profile

NEUTRAL_TEXT = "counts as neutral"
#: (lowest preference value, words) from closest to farthest.
PREFERENCE_BANDS: tuple[tuple[float, str], ...] = (
    (0.75, "close to"),
    (0.5, "related to"),
    (0.25, "some way from"),
    (0.0, "far from"),
)
#: Words for OCCUPATION_LEVELS, in the same order.
OCCUPATION_WORDS: tuple[str, ...] = (
    "the occupation of",
    "the same occupation group as",
    "a related occupation group to",
    "the same broad field as",
)


def band(value: float) -> str:
    """Words for a preference part value in [0, 1]."""
    return next(words for lowest, words in PREFERENCE_BANDS if value >= lowest)


def goal_text(profile: Profile, goal: int) -> str:
    """The words "their goal 'X'" for goal vector ``goal`` (occupations first, then free text)."""
    goals = profile.preferred_occupations
    return f"their goal '{goals[goal].label}'" if 0 <= goal < len(goals) else "their goals in their own words"


def preference_because(profile: Profile, value: float, goal: int, occupation_goal: int) -> str:
    """The preference part's sentence; names the occupation's goal too when it is another one."""
    text = f"{band(value)} {goal_text(profile, goal)}"
    if occupation_goal >= 0 and occupation_goal != goal:
        text += f"; its occupation matches {goal_text(profile, occupation_goal)}"
    return text


def occupation_because(profile: Profile, level: int, occupation_goal: int) -> str:
    """The occupation part's sentence: which goal it matched and how closely."""
    if not profile.preferred_occupations:
        return "no occupation goal stated"
    if level < 0:
        return "not in the occupation group of any of their goals"
    return f"{OCCUPATION_WORDS[level]} {goal_text(profile, occupation_goal)}"


def hours_because(opening: Opening, profile: Profile) -> str:
    """The hours part's sentence."""
    if profile.hours_min is None and profile.hours_max is None:
        return f"no hours preference stated — {NEUTRAL_TEXT}"
    if opening.hours_min is None and opening.hours_max is None:
        return f"weekly hours not known — {NEUTRAL_TEXT}"
    return f"{hours_range(opening)}/week; they prefer {_range(profile.hours_min, profile.hours_max)} h"


def commute_because(opening: Opening, profile: Profile, distance_km: float) -> str:
    """The commute part's sentence."""
    if opening.remote:
        if profile.remote_ok:
            return "remote work, which they are open to"
        return f"remote work; they have not said they are open to it — {NEUTRAL_TEXT}"
    area = travel_area(profile)
    if profile.home is None:
        return f"home not recorded — {NEUTRAL_TEXT}"
    if area is None:
        return f"no travel area set — {NEUTRAL_TEXT}"
    if math.isnan(distance_km):
        return f"work place not known — {NEUTRAL_TEXT}"
    whose = "their own" if profile.max_commute_km else "the programme's"
    where = "inside" if distance_km <= area else "beyond"
    return f"{distance_km:.0f} km from home, {where} {whose} {area:g} km travel area"


def sector_because(opening: Opening, profile: Profile) -> str:
    """The sector part's sentence."""
    return _choice_because(opening.sector, profile.liked_sectors, sector_label, ("sector", "sector", "like"))


def contract_because(opening: Opening, profile: Profile) -> str:
    """The contract part's sentence."""
    return _choice_because(
        opening.contract_type,
        profile.contract_types,
        lambda code: label(CONTRACT_LABELS, code),
        ("contract", "contract type", "want"),
    )


def _choice_because(
    given: str, wanted: tuple[str, ...], name_of: Callable[[str], str], words: tuple[str, str, str]
) -> str:
    """A sentence for a part that compares one value with the values the person named.

    Args:
        given: The lead's code ("" when unknown).
        wanted: The codes the person named (empty: no preference).
        name_of: Code -> label.
        words: (the preference's name, the value's name, the verb: "like"/"want").
    """
    what, value_name, verb = words
    if not wanted:
        return f"no {what} preference stated — {NEUTRAL_TEXT}"
    if not given:
        return f"{value_name} not known — {NEUTRAL_TEXT}"
    name = name_of(given)
    if given in wanted:
        return f"{name}, a {what} they {verb}"
    named = ", ".join(name_of(c) for c in wanted)
    return f"{name}, not a {what} they named (they {verb} {named})"


def stage_because(opening: Opening) -> str:
    """The stage part's sentence."""
    return f"the programme's relationship with the employer: {label(STAGE_LABELS, opening.stage)}"


def summary(
    opening: Opening, profile: Profile, distance_km: float, fit: str, skills: tuple[int, int] | None
) -> str:
    """One sentence to read aloud, e.g. "Bolton, 12 km, 20–30 h, temporary — close to their goal 'cook'".

    Args:
        opening: The lead's item.
        profile: The person.
        distance_km: km from home, NaN when unknown.
        fit: The strongest fit phrase (e.g. "matches their goal 'cook'").
        skills: (have, needed) key skills, None when either side is unknown.
    """
    facts = [_where(opening, distance_km)]
    if opening.hours_min is not None or opening.hours_max is not None:
        facts.append(hours_range(opening))
    if opening.contract_type:
        facts.append(label(CONTRACT_LABELS, opening.contract_type))
    reasons = [fit]
    if skills is not None:
        reasons.append(f"has {skills[0]} of {skills[1]} key skills")
    area = travel_area(profile)
    if area is not None and not opening.remote and distance_km > area:
        reasons.append(f"beyond their {area:g} km travel area")
    return f"{', '.join(f for f in facts if f)} — {'; '.join(reasons)}"


def hours_range(opening: Opening) -> str:
    """The opening's weekly hours as "20–30 h", "20 h", "up to 20 h" or "? h"."""
    return f"{_range(opening.hours_min, opening.hours_max)} h"


def _where(opening: Opening, distance_km: float) -> str:
    if opening.remote:
        return "remote"
    place = opening.place.label if opening.place is not None and opening.place.label else ""
    if math.isnan(distance_km):
        return place or "place not known"
    return f"{place}, {distance_km:.0f} km" if place else f"{distance_km:.0f} km from home"


def _range(lo: float | None, hi: float | None) -> str:
    if lo is None and hi is None:
        return "?"
    if lo is None:
        return f"up to {hi:g}"
    if hi is None:
        return f"at least {lo:g}"
    return f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
