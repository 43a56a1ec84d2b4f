"""Explanations for the leads that made the list: parts, skills, flags, summary, disclosure note.

Built only for the top n rows, so plain Python is fine here. Messages are English sentences with
a stable ``code``, each kept beside its `Phrase` so a user interface can say it in its language;
the sentences themselves live in `matching.ranking.sentences` and speak of the person in the
third person.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matching.phrase import Phrase, joined, say
from matching.ranking.labels import DISCLOSURE_LABELS, LICENCE_LABELS, label
from matching.ranking.parts import PartMatrix
from matching.ranking.scoring import PART_NAMES
from matching.ranking.sentences import (
    band,
    commute_because,
    contract_because,
    goal_text,
    hours_because,
    hours_range,
    occupation_because,
    preference_because,
    sector_because,
    stage_because,
    summary,
)
from matching.ranking.travel_flags import flag, travel_flags
from matching.types import Explanation, Flag, Opening, Profile, ScorePart

_PREFERENCE = PART_NAMES.index("preference")


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
        self._notes: dict[tuple[str, str], Phrase] = {}

    def explain(self, opening: Opening, parts: PartMatrix, j: int) -> Explanation:
        """Explain candidate ``j`` of ``parts`` (which is ``opening``)."""
        values = parts.values[:, j].tolist()
        distance = float(parts.distance_km[j])
        because = self._because(opening, parts, j, distance)
        score_parts = tuple(
            ScorePart(name, w, v, w * v, str(phrase), phrase)
            for name, w, v, phrase in zip(PART_NAMES, self.weights, values, because, strict=True)
        )
        have = self.have
        matched = tuple(s for s in opening.essential_skills if s.uri in have)
        # Nothing recorded about the person's skills: none is "missing" (the part is neutral too).
        missing = tuple(s for s in opening.essential_skills if s.uri not in have) if have else ()
        key = (opening.kind, opening.application_route)
        note = self._notes.get(key)
        if note is None:
            note = self._notes[key] = disclosure_phrase(opening, self.profile)
        skills = (len(matched), len(opening.essential_skills)) if have and opening.essential_skills else None
        said = summary(opening, self.profile, distance, self._fit(parts, j), skills)
        return Explanation(
            parts=score_parts,
            matched_skills=matched,
            missing_skills=missing,
            flags=flags_for(opening, self.profile, distance),
            disclosure_note=str(note),
            summary=str(said),
            summary_phrase=said,
            disclosure_phrase=note,
        )

    def _fit(self, parts: PartMatrix, j: int) -> Phrase:
        """The strongest fit phrase: the goal the occupation matched, else the closest goal."""
        level, goal = int(parts.occupation_level[j]), int(parts.occupation_goal[j])
        if level == 0:
            return say("matches %(goal)s", goal=goal_text(self.profile, goal))
        if level > 0:
            return say("related to %(goal)s", goal=goal_text(self.profile, goal))
        value = float(parts.values[_PREFERENCE, j])
        return band(value, goal_text(self.profile, int(parts.best_goal[j])))

    def _skills_because(self, opening: Opening) -> Phrase:
        """The skills part's sentence: coverage, or why the part is neutral."""
        n_skills = len(opening.essential_skills)
        if not n_skills:
            return say("no key skills listed for this work — counts as neutral")
        if not self.have:
            return say("no skills recorded for the person yet — counts as neutral")
        n_have = sum(s.uri in self.have for s in opening.essential_skills)
        return say("has %(have)s of %(needed)s key skills", have=n_have, needed=n_skills)

    def _because(self, opening: Opening, parts: PartMatrix, j: int, distance: float) -> list[Phrase]:
        """One sentence per part, in PART_NAMES order."""
        profile = self.profile
        level, goal = int(parts.occupation_level[j]), int(parts.occupation_goal[j])
        preference = float(parts.values[_PREFERENCE, j])
        return [
            preference_because(profile, preference, int(parts.best_goal[j]), goal),
            occupation_because(profile, level, goal),
            self._skills_because(opening),
            hours_because(opening, profile),
            commute_because(opening, profile, distance),
            sector_because(opening, profile),
            contract_because(opening, profile),
            stage_because(opening),
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


def person_notes(profile: Profile) -> tuple[str, ...]:
    """Notes true of the person rather than of any one lead, shown once above their leads."""
    return tuple(str(note) for note in person_note_phrases(profile))


def person_note_phrases(profile: Profile) -> tuple[Phrase, ...]:
    """`person_notes` as phrases to translate."""
    threshold = profile.benefit_hours_threshold
    if threshold is None:
        return ()
    return (say("benefits plan: check hours above %(hours)s h/week", hours=float(threshold)),)


def flags_for(opening: Opening, profile: Profile, distance_km: float) -> tuple[Flag, ...]:
    """Feasibility notes for one lead. Flags inform the specialist; they never remove a lead.

    Args:
        opening: The lead's item.
        profile: The person.
        distance_km: km from home, NaN when unknown.
    """
    flags: list[Flag] = []
    lo, hi = opening.hours_min, opening.hours_max
    if opening.kind == "opening" and lo is None and hi is None:
        flags.append(flag("hours_unknown", say("weekly hours are not known")))
    elif lo is not None or hi is not None:
        flags.extend(_hours_flags(lo if lo is not None else hi, hi if hi is not None else lo, profile))
    flags.extend(travel_flags(opening, profile, distance_km))
    lacking = sorted(set(opening.required_licences) - set(profile.licences))
    if lacking:
        names = joined(", ", [say(label(LICENCE_LABELS, c)) for c in lacking])
        flags.append(
            flag("missing_licence", say("needs what the person does not hold: %(names)s", names=names))
        )
    if opening.employer_do_not_contact:
        said = say("the employer asked not to be contacted: the person applies directly")
        flags.append(flag("employer_do_not_contact", said))
    return tuple(flags)


def _hours_flags(lo: float | None, hi: float | None, profile: Profile) -> list[Flag]:
    flags: list[Flag] = []
    assert lo is not None and hi is not None
    want_lo, want_hi = profile.hours_min, profile.hours_max
    if (want_hi is not None and lo > want_hi) or (want_lo is not None and hi < want_lo):
        said = say(
            "%(hours)s/week is outside the %(wanted)s they prefer",
            hours=hours_range(Opening("", "", hours_min=lo, hours_max=hi)),
            wanted=hours_range(Opening("", "", hours_min=want_lo, hours_max=want_hi)),
        )
        flags.append(flag("hours_outside_preference", said))
    threshold = profile.benefit_hours_threshold
    if threshold is not None and hi > threshold:  # only on leads whose known hours cross it
        said = say(
            "up to %(hours)s h/week is above the %(threshold)s h in their benefits plan: "
            "review the plan with them before applying",
            hours=float(hi),
            threshold=float(threshold),
        )
        flags.append(flag("benefit_threshold", said))
    return flags


def disclosure_note(opening: Opening, profile: Profile) -> str:
    """How to approach this lead within the person's disclosure plan."""
    return str(disclosure_phrase(opening, profile))


def disclosure_phrase(opening: Opening, profile: Profile) -> Phrase:
    """`disclosure_note` as a phrase to translate; approved statements stay as the person gave them."""
    plan = profile.disclosure
    level = say(label(DISCLOSURE_LABELS, plan.level))
    statements = "; ".join(f"'{s}'" for s in plan.approved_statements)
    if opening.kind == "employer" or opening.application_route == "via_specialist":
        if plan.level == "none":
            return say(
                "Contacting the employer shows the person gets support; say nothing about health "
                "or the reason for support (disclosure plan: %(level)s).",
                level=level,
            )
        if statements:
            return say(
                "The specialist may introduce the person (disclosure plan: %(level)s). "
                "Use only the approved statements: %(statements)s.",
                level=level,
                statements=statements,
            )
        return say("The specialist may introduce the person (disclosure plan: %(level)s).", level=level)
    if plan.level in ("none", "service_only"):
        return say(
            "The person applies directly; nothing about support or health goes to the employer "
            "(disclosure plan: %(level)s).",
            level=level,
        )
    if statements:
        return say(
            "The person applies directly; disclosure plan: %(level)s. "
            "Use only the approved statements: %(statements)s.",
            level=level,
            statements=statements,
        )
    return say("The person applies directly; disclosure plan: %(level)s.", level=level)
