"""Explanations for the leads that made the list: parts, skills, flags, disclosure note.

Built only for the top n rows, so plain Python is fine here. Messages are English sentences with
a stable ``code`` so a user interface can translate them.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from matching.ranking.parts import PartMatrix
from matching.ranking.scoring import NEUTRAL, OCCUPATION_LEVELS, PART_NAMES
from matching.types import Explanation, Flag, Opening, Profile, ScorePart


class Explainer:
    """Explanations for one person's leads; what depends only on the person is worked out once.

    Args:
        profile: The person.
        weights: (len(PART_NAMES),) float64 part weights.
    """

    def __init__(self, profile: Profile, weights: npt.NDArray[np.float64]) -> None:
        self.profile = profile
        self.weights = [float(w) for w in weights]
        self.have = frozenset(s.uri for s in profile.skills if s.uri)
        goals = profile.preferred_occupations
        self.goal_texts = [f"your goal '{g.label}'" for g in goals]
        self.sector_text = ", ".join(profile.liked_sectors)
        self.contract_text = ", ".join(profile.contract_types)
        self.hours_neutral = profile.hours_min is None and profile.hours_max is None
        self._notes: dict[tuple[str, str], str] = {}

    def explain(self, opening: Opening, parts: PartMatrix, j: int) -> Explanation:
        """Explain candidate ``j`` of ``parts`` (which is ``opening``)."""
        values = parts.values[:, j].tolist()
        distance = float(parts.distance_km[j])
        because = self._because(opening, parts, j, distance)
        score_parts = tuple(
            ScorePart(name, w, v, w * v, text)
            for name, w, v, text in zip(PART_NAMES, self.weights, values, because, strict=True)
        )
        have = self.have
        matched = tuple(s for s in opening.essential_skills if s.uri in have)
        # Nothing recorded about the person's skills: none is "missing" (the part is neutral too).
        missing = tuple(s for s in opening.essential_skills if s.uri not in have) if have else ()
        key = (opening.kind, opening.application_route)
        note = self._notes.get(key)
        if note is None:
            note = self._notes[key] = disclosure_note(opening, self.profile)
        return Explanation(
            parts=score_parts,
            matched_skills=matched,
            missing_skills=missing,
            flags=flags_for(opening, self.profile, distance),
            disclosure_note=note,
        )

    def _skills_because(self, opening: Opening) -> str:
        """The skills part's sentence: coverage, or why the part is neutral."""
        n_skills = len(opening.essential_skills)
        if not n_skills:
            return f"no essential skills listed ({NEUTRAL})"
        if not self.have:
            return f"no skills recorded for the person yet ({NEUTRAL})"
        n_have = sum(s.uri in self.have for s in opening.essential_skills)
        return f"has {n_have} of {n_skills} essential skills"

    def _because(self, opening: Opening, parts: PartMatrix, j: int, distance: float) -> list[str]:
        """One sentence per part, in PART_NAMES order."""
        profile = self.profile
        goal = int(parts.best_goal[j])
        goal_text = self.goal_texts[goal] if goal < len(self.goal_texts) else "your stated goals"
        level = int(parts.occupation_level[j])
        return [
            f"similarity {float(parts.similarity[j]):.2f} to {goal_text}",
            (
                f"{OCCUPATION_LEVELS[level][0]} as one of your goals"
                if level >= 0
                else "not in the occupation group of any goal"
            ),
            self._skills_because(opening),
            _hours_because(opening, profile),
            _commute_because(distance, profile),
            (
                f"sector {opening.sector or 'unknown'} vs liked {self.sector_text}"
                if profile.liked_sectors
                else f"no sector preference stated ({NEUTRAL})"
            ),
            (
                f"contract {opening.contract_type or 'unknown'} vs wanted {self.contract_text}"
                if profile.contract_types
                else f"no contract preference stated ({NEUTRAL})"
            ),
            f"the programme's relationship with the employer: {opening.stage}",
        ]


def explain(
    opening: Opening,
    profile: Profile,
    parts: PartMatrix,
    j: int,
    weights: npt.NDArray[np.float64],
) -> Explanation:
    """Explain candidate ``j`` of ``parts`` (which is ``opening``) for ``profile``."""
    return Explainer(profile, weights).explain(opening, parts, j)


def _hours_because(opening: Opening, profile: Profile) -> str:
    if profile.hours_min is None and profile.hours_max is None:
        return f"no hours preference stated ({NEUTRAL})"
    if opening.hours_min is None and opening.hours_max is None:
        return f"hours not known ({NEUTRAL})"
    lo, hi = opening.hours_min, opening.hours_max
    return f"{_fmt(lo)}-{_fmt(hi)} h/week vs preferred {_fmt(profile.hours_min)}-{_fmt(profile.hours_max)}"


def _commute_because(distance_km: float, profile: Profile) -> str:
    if profile.home is None or profile.max_commute_km is None:
        return f"no travel preference stated ({NEUTRAL})"
    if math.isnan(distance_km):
        return f"work place not known ({NEUTRAL})"
    return f"{distance_km:.0f} km from home vs at most {profile.max_commute_km:g} km preferred"


def flags_for(opening: Opening, profile: Profile, distance_km: float) -> tuple[Flag, ...]:
    """Feasibility notes for one lead. Flags inform the specialist; they never remove a lead."""
    flags: list[Flag] = []
    lo, hi = opening.hours_min, opening.hours_max
    if opening.kind == "opening" and lo is None and hi is None:
        flags.append(Flag("hours_unknown", "weekly hours are not known"))
    elif lo is not None or hi is not None:
        flags.extend(_hours_flags(lo if lo is not None else hi, hi if hi is not None else lo, profile))
    if profile.home is not None and math.isnan(distance_km):
        flags.append(Flag("distance_unknown", "the work place is not known"))
    elif profile.max_commute_km is not None and distance_km > profile.max_commute_km:
        flags.append(
            Flag(
                "commute_over_preference",
                f"{distance_km:.0f} km from home, more than the {profile.max_commute_km:g} km preferred",
            )
        )
    lacking = sorted(set(opening.required_licences) - set(profile.licences))
    if lacking:
        flags.append(Flag("missing_licence", f"needs licence(s) the person lacks: {', '.join(lacking)}"))
    if opening.employer_do_not_contact:
        flags.append(
            Flag("employer_do_not_contact", "the employer asked not to be contacted: apply directly")
        )
    return tuple(flags)


def _hours_flags(lo: float | None, hi: float | None, profile: Profile) -> list[Flag]:
    flags: list[Flag] = []
    assert lo is not None and hi is not None
    want_lo, want_hi = profile.hours_min, profile.hours_max
    if (want_hi is not None and lo > want_hi) or (want_lo is not None and hi < want_lo):
        flags.append(
            Flag(
                "hours_outside_preference",
                f"{lo:g}-{hi:g} h/week is outside the preferred {_fmt(want_lo)}-{_fmt(want_hi)} h",
            )
        )
    threshold = profile.benefit_hours_threshold
    if threshold is not None and hi > threshold:
        flags.append(
            Flag(
                "benefit_threshold",
                f"up to {hi:g} h/week is above the {threshold:g} h in the benefits plan: "
                "review the plan with the person before applying",
            )
        )
    return flags


def _fmt(x: float | None) -> str:
    return "?" if x is None else f"{x:g}"


def disclosure_note(opening: Opening, profile: Profile) -> str:
    """How to approach this lead within the person's disclosure plan."""
    plan = profile.disclosure
    statements = "; ".join(f"'{s}'" for s in plan.approved_statements)
    use = f" Use only the approved statements: {statements}." if statements else ""
    if opening.kind == "employer" or opening.application_route == "via_specialist":
        if plan.level == "none":
            return (
                "Contacting the employer shows the person gets support; say nothing about health "
                "or the reason for support (disclosure plan: none)."
            )
        return f"The specialist may introduce the person (disclosure plan: {plan.level}).{use}"
    if plan.level in ("none", "service_only"):
        return (
            "The person applies directly; nothing about support or health goes to the employer "
            f"(disclosure plan: {plan.level})."
        )
    return f"The person applies directly; disclosure plan: {plan.level}.{use}"
