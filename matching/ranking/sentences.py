"""Plain-word sentences for a lead: one per score part, and a summary to read aloud.

They speak of the person in the third person ("their goal 'cook'"), name codes by their labels
(`matching.ranking.labels`) and show no model-internal numbers: a similarity becomes a band
("close to", "some way from"). A part where nothing is stated says it counts as neutral.
Each is a `Phrase` (a whole sentence per message id, so a translator never glues fragments);
``str(phrase)`` is the English text the API returns.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matching.phrase import N_, Param, Phrase, joined, say
from matching.ranking.labels import CONTRACT_LABELS, STAGE_LABELS, label, sector_label
from matching.ranking.travel import travel_area
from matching.types import Opening, Profile

#: (lowest preference value, sentence about a goal) from closest to farthest.
PREFERENCE_BANDS: tuple[tuple[float, str], ...] = (
    (0.75, N_("close to %(goal)s")),
    (0.5, N_("related to %(goal)s")),
    (0.25, N_("some way from %(goal)s")),
    (0.0, N_("far from %(goal)s")),
)
#: Sentences for OCCUPATION_LEVELS, in the same order.
OCCUPATION_WORDS: tuple[str, ...] = (
    N_("the occupation of %(goal)s"),
    N_("the same occupation group as %(goal)s"),
    N_("a related occupation group to %(goal)s"),
    N_("the same broad field as %(goal)s"),
)
#: (the lead's value is one they named, it is another) for the sector and the contract part.
SECTOR_WORDS = (
    N_("%(name)s, a sector they like"),
    N_("%(name)s, not a sector they named (they like %(named)s)"),
)
CONTRACT_WORDS = (
    N_("%(name)s, a contract they want"),
    N_("%(name)s, not a contract they named (they want %(named)s)"),
)


def band(value: float, goal: Phrase) -> Phrase:
    """The band sentence for a preference part value in [0, 1] about ``goal``."""
    return say(next(words for lowest, words in PREFERENCE_BANDS if value >= lowest), goal=goal)


def goal_text(profile: Profile, goal: int) -> Phrase:
    """The words "their goal 'X'" for goal vector ``goal`` (occupations first, then free text)."""
    goals = profile.preferred_occupations
    if 0 <= goal < len(goals):
        return say("their goal '%(goal)s'", goal=goals[goal].label)
    return say("their goals in their own words")


def preference_because(profile: Profile, value: float, goal: int, occupation_goal: int) -> Phrase:
    """The preference part's sentence; names the occupation's goal too when it is another one."""
    text = band(value, goal_text(profile, goal))
    if occupation_goal >= 0 and occupation_goal != goal:
        return say(
            "%(fit)s; its occupation matches %(goal)s", fit=text, goal=goal_text(profile, occupation_goal)
        )
    return text


def occupation_because(profile: Profile, level: int, occupation_goal: int) -> Phrase:
    """The occupation part's sentence: which goal it matched and how closely."""
    if not profile.preferred_occupations:
        return say("no occupation goal stated")
    if level < 0:
        return say("not in the occupation group of any of their goals")
    return say(OCCUPATION_WORDS[level], goal=goal_text(profile, occupation_goal))


def hours_because(opening: Opening, profile: Profile) -> Phrase:
    """The hours part's sentence."""
    if profile.hours_min is None and profile.hours_max is None:
        return say("no hours preference stated — counts as neutral")
    if opening.hours_min is None and opening.hours_max is None:
        return say("weekly hours not known — counts as neutral")
    return say(
        "%(hours)s/week; they prefer %(wanted)s h",
        hours=hours_range(opening),
        wanted=hours_span(profile.hours_min, profile.hours_max),
    )


def commute_because(opening: Opening, profile: Profile, distance_km: float) -> Phrase:
    """The commute part's sentence."""
    if opening.remote:
        if profile.remote_ok:
            return say("remote work, which they are open to")
        return say("remote work; they have not said they are open to it — counts as neutral")
    area = travel_area(profile)
    if profile.home is None:
        return say("home not recorded — counts as neutral")
    if area is None:
        return say("no travel area set — counts as neutral")
    if math.isnan(distance_km):
        return say("work place not known — counts as neutral")
    km, area_km = round(distance_km), float(area)
    if profile.max_commute_km:
        if distance_km <= area:
            return say("%(km)s km from home, inside their own %(area)s km travel area", km=km, area=area_km)
        return say("%(km)s km from home, beyond their own %(area)s km travel area", km=km, area=area_km)
    if distance_km <= area:
        return say("%(km)s km from home, inside the programme's %(area)s km travel area", km=km, area=area_km)
    return say("%(km)s km from home, beyond the programme's %(area)s km travel area", km=km, area=area_km)


def sector_because(opening: Opening, profile: Profile) -> Phrase:
    """The sector part's sentence."""
    given, wanted = opening.sector, profile.liked_sectors
    if not wanted:
        return say("no sector preference stated — counts as neutral")
    if not given:
        return say("sector not known — counts as neutral")
    return _choice(given, wanted, lambda code: say(sector_label(code)), SECTOR_WORDS)


def contract_because(opening: Opening, profile: Profile) -> Phrase:
    """The contract part's sentence."""
    given, wanted = opening.contract_type, profile.contract_types
    if not wanted:
        return say("no contract preference stated — counts as neutral")
    if not given:
        return say("contract type not known — counts as neutral")
    return _choice(given, wanted, contract_label, CONTRACT_WORDS)


def _choice(
    given: str, wanted: tuple[str, ...], name_of: Callable[[str], Phrase], sentences: tuple[str, str]
) -> Phrase:
    """A sentence comparing the lead's code ``given`` with the codes the person named ``wanted``.

    Args:
        given: The lead's code (not empty).
        wanted: The codes the person named (not empty).
        name_of: Code -> its label as a phrase.
        sentences: (the message when ``given`` is wanted, the message when it is not).
    """
    if given in wanted:
        return say(sentences[0], name=name_of(given))
    return say(sentences[1], name=name_of(given), named=joined(", ", [name_of(c) for c in wanted]))


def contract_label(code: str) -> Phrase:
    """A contract code's label as a phrase."""
    return say(label(CONTRACT_LABELS, code))


def stage_because(opening: Opening) -> Phrase:
    """The stage part's sentence."""
    return say(
        "the programme's relationship with the employer: %(stage)s",
        stage=say(label(STAGE_LABELS, opening.stage)),
    )


def summary(
    opening: Opening, profile: Profile, distance_km: float, fit: Phrase, skills: tuple[int, int] | None
) -> Phrase:
    """One sentence to read aloud, e.g. "Bolton, 12 km, 20–30 h, temporary — close to their goal 'cook'".

    Args:
        opening: The lead's item.
        profile: The person.
        distance_km: km from home, NaN when unknown.
        fit: The strongest fit phrase (e.g. "matches their goal 'cook'").
        skills: (have, needed) key skills, None when either side is unknown.
    """
    facts: list[Param] = [_where(opening, distance_km)]
    if opening.hours_min is not None or opening.hours_max is not None:
        facts.append(hours_range(opening))
    if opening.contract_type:
        facts.append(contract_label(opening.contract_type))
    reasons: list[Param] = [fit]
    if skills is not None:
        reasons.append(say("has %(have)s of %(needed)s key skills", have=skills[0], needed=skills[1]))
    area = travel_area(profile)
    if area is not None and not opening.remote and distance_km > area:
        reasons.append(say("beyond their %(area)s km travel area", area=float(area)))
    return say("%(facts)s — %(reasons)s", facts=joined(", ", facts), reasons=joined("; ", reasons))


def hours_range(opening: Opening) -> Phrase:
    """The opening's weekly hours as "20–30 h", "20 h", "up to 20 h" or "? h"."""
    return say("%(hours)s h", hours=hours_span(opening.hours_min, opening.hours_max))


def _where(opening: Opening, distance_km: float) -> Param:
    if opening.remote:
        return say("remote")
    place = opening.place.label if opening.place is not None and opening.place.label else ""
    if math.isnan(distance_km):
        return place or say("place not known")
    km = round(distance_km)
    return say("%(place)s, %(km)s km", place=place, km=km) if place else say("%(km)s km from home", km=km)


def hours_span(lo: float | None, hi: float | None) -> Param:
    """Weekly hours from ``lo`` to ``hi`` (None: open): "20–30", "20", "up to 20", "at least 20", "?"."""
    if lo is not None and hi is not None:
        return float(lo) if lo == hi else joined("–", [float(lo), float(hi)])
    if hi is not None:
        return say("up to %(hours)s", hours=float(hi))
    if lo is not None:
        return say("at least %(hours)s", hours=float(lo))
    return "?"
