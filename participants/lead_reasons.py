"""Lead statuses and the structured reasons a lead was set aside (ips-domain.md §8 "Lead").

A specialist's feedback moves a lead along the funnel (``discussed`` with the person, ``pursued``,
``applied``, ``interview``, ``offer``, ``hired``) or closes it (``not_relevant``,
``person_declined``, ``employer_declined``); a closing status may carry one reason from its own
closed list, and ``other`` needs the free-text note. ``reconsider`` takes back a closing status.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

from participants.errors import InvalidError

#: Every status a specialist can give, funnel statuses first in funnel order.
Feedback = Literal[
    "discussed",
    "pursued",
    "applied",
    "interview",
    "offer",
    "hired",
    "not_relevant",
    "person_declined",
    "employer_declined",
    "reconsider",
]
FEEDBACK: tuple[Feedback, ...] = get_args(Feedback)
#: The funnel, in order: a lead at a later status has passed the earlier ones.
FUNNEL = ("discussed", "pursued", "applied", "interview", "offer", "hired")
#: Statuses that say the lead fitted (the re-ranker's positive labels; ``discussed`` says nothing).
POSITIVE_FEEDBACK = frozenset({"pursued", "applied", "interview", "offer", "hired"})
#: The closed list of reasons for each closing status.
REASONS: Mapping[str, tuple[str, ...]] = {
    "not_relevant": (
        "wrong_occupation",
        "hours",
        "location",
        "pay",
        "skills_gap",
        "against_preferences",
        "opening_closed",
        "already_known",
        "other",
    ),
    "person_declined": (
        "not_interested",
        "hours",
        "location",
        "pay",
        "work_environment",
        "benefits_concern",
        "disclosure_concern",
        "not_now",
        "other",
    ),
    "employer_declined": (
        "no_vacancy",
        "position_filled",
        "skills_experience",
        "hours_availability",
        "no_response",
        "other",
    ),
}


def check_feedback(feedback: str, reason: str, note: str) -> None:
    """InvalidError (field ``feedback`` or ``reason``) unless the status and reason go together.

    A reason is optional (older clients send none); when given it must be in the status's list,
    only closing statuses take one, and ``other`` needs a note saying what.
    """
    if feedback not in FEEDBACK:
        raise InvalidError("feedback", f"must be one of {', '.join(FEEDBACK)}")
    if not reason:
        return
    allowed = REASONS.get(feedback)
    if allowed is None:
        raise InvalidError("reason", f"only {', '.join(REASONS)} take a reason, not {feedback}")
    if reason not in allowed:
        raise InvalidError("reason", f"for {feedback} must be one of {', '.join(allowed)}; got {reason!r}")
    if reason == "other" and not note.strip():
        raise InvalidError("note", "say what the other reason is")
