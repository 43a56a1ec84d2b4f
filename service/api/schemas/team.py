"""Answer of the supervisor's team view: per specialist, the week's employer contacts and caseload figures."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from service.api.schemas.common import Out
from service.usecases.team_view import SpecialistFigures, TeamView


class WeekCountOut(Out):
    """Held face-to-face employer contacts in one ISO week."""

    week: str = Field(examples=["2026-W48"])
    starts_on: dt.date
    face_to_face: int


class SpecialistTeamOut(Out):
    """One specialist: the week against the target, 8 weeks of history, caseload and follow-ups."""

    username: str
    display_name: str
    unit_id: str
    face_to_face_this_week: int
    target_met: bool
    weeks: list[WeekCountOut] = Field(description="8 ISO weeks, oldest first; the last is `week`")
    weekly_mean: float = Field(description="mean face-to-face contacts per week over `weeks`")
    caseload: int = Field(description="active participants on the week's last day (S1's rule)")
    follow_ups_overdue: int = Field(description="open follow-up tasks due before today")
    median_days_to_first_contact: float | None = Field(
        description="median days from entry to the first face-to-face employer contact, over V4's "
        "people who had one"
    )
    waiting: int = Field(description="entered over 30 days ago, no face-to-face employer contact yet")

    @classmethod
    def from_figures(cls, s: SpecialistFigures) -> SpecialistTeamOut:
        """The row as served."""
        return cls.from_fields(s, weeks=[WeekCountOut.from_fields(w) for w in s.weeks])


class TeamOut(Out):
    """The team's ISO week (``starts_on`` Monday .. ``ends_on`` Sunday) for ``units`` (null: all)."""

    week: str = Field(examples=["2026-W48"])
    starts_on: dt.date
    ends_on: dt.date
    units: list[str] | None
    target: int = Field(description="IPS target of face-to-face employer contacts per specialist per week")
    specialists: list[SpecialistTeamOut]

    @classmethod
    def from_view(cls, v: TeamView) -> TeamOut:
        """The view as served."""
        return cls.from_fields(v, specialists=[SpecialistTeamOut.from_figures(s) for s in v.specialists])
