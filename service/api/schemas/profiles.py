"""Career profiles: a save (a new version) and a saved version."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from participants.profile_body import Shift, Trigger
from service.api.schemas.common import (
    ContractIn,
    Hours,
    HoursChecked,
    Items,
    SafeText,
    Strict,
    strict_with_examples,
)
from service.api.schemas.versions import VersionOut

Short = Field("", max_length=300)
Words: Any = Field(default_factory=list, max_length=30)
#: A month or a day: "2019-05" or "2019-05-14".
Month = Field(None, pattern=r"^\d{4}-\d{2}(-\d{2})?$", examples=["2019-05"])


class OccupationPrefIn(Strict):
    """An occupation the person likes or dislikes, with how strongly (linked to ESCO when saved)."""

    label: SafeText = Field(min_length=1, max_length=300, examples=["Trädgårdsarbetare"])
    uri: SafeText = Field("", max_length=300, description="ESCO URI if known; filled in by linking if empty")
    liked: bool = True
    weight: Literal[1, 2, 3] = Field(
        2, description="1 mild, 2 clear, 3 strong; a dislike of 2+ removes leads"
    )


class SkillEvidenceIn(Strict):
    """A skill and what shows it (a job, a course, the person's own account)."""

    label: SafeText = Field(min_length=1, max_length=300)
    uri: SafeText = Field("", max_length=300)
    evidence: SafeText = Field("", max_length=500)


class WorkHistoryIn(Strict):
    """One past job, as the person tells it."""

    title: SafeText = Field(min_length=1, max_length=200)
    employer: SafeText = Short
    start: SafeText | None = Month
    end: SafeText | None = Month
    hours_week: float | None = Hours
    duties: SafeText = Field("", max_length=1000)
    went_well: SafeText = Field("", max_length=1000)
    hard: SafeText = Field("", max_length=1000)
    reason_left: SafeText = Field("", max_length=500)


class EducationIn(Strict):
    """A finished or unfinished education."""

    level: SafeText = Field("", max_length=100, examples=["upper_secondary"])
    institution: SafeText = Short
    subject: SafeText = Short
    completed: SafeText | None = Field(None, max_length=20, examples=["2018"])


class ProfileIn(HoursChecked):
    """The whole career profile; saving it makes a new version (the newest is what ranks)."""

    model_config = strict_with_examples(
        {
            "trigger": "review",
            "goals": "Arbeta utomhus med växter",
            "occupations": [
                {"label": "Trädgårdsarbetare", "weight": 3},
                {"label": "Kassabiträde", "liked": False},
            ],
            "hours_min": 15,
            "hours_max": 25,
            "shifts": ["day"],
            "skills": [{"label": "beskära träd", "evidence": "två somrar på handelsträdgård"}],
            "conditions_for_success": ["skriftliga instruktioner", "lugn plats för raster"],
        }
    )

    trigger: Trigger = "review"
    confirm_warnings: bool = Field(
        False, description="Save conditions for success despite screening warnings"
    )
    goals: SafeText = Field("", max_length=2000)
    occupations: list[OccupationPrefIn] = Field(default_factory=list, max_length=30)
    liked_sectors: list[SafeText] = Words
    refused_sectors: list[SafeText] = Words
    tasks_liked: list[SafeText] = Words
    tasks_disliked: list[SafeText] = Words
    hours_min: float | None = Hours
    hours_max: float | None = Hours
    hours_is_constraint: bool = False
    shifts: list[Shift] = Field(default_factory=list)
    pay_min: float | None = Field(None, ge=0, description="Lowest hourly pay accepted (local currency)")
    max_commute_km: float | None = Field(default=None, gt=0, le=500)
    commute_is_constraint: bool = False
    contract_types: list[ContractIn] = Field(default_factory=list)
    exclude_missing_licence: bool = False
    willing_to_relocate: bool = False
    remote_ok: bool = False
    skills: list[SkillEvidenceIn] = Field(default_factory=list, max_length=200)
    work_history: list[WorkHistoryIn] = Field(default_factory=list, max_length=50)
    education: list[EducationIn] = Field(default_factory=list, max_length=20)
    strengths: list[SafeText] = Words
    conditions_for_success: list[SafeText] = Field(
        default_factory=list, max_length=30, description="In functional words, never a diagnosis (screened)"
    )

    def profile_values(self) -> dict[str, Any]:
        """The profile as the store takes it (without ``trigger`` and ``confirm_warnings``)."""
        return self.model_dump(exclude={"trigger", "confirm_warnings"})


class ProfileVersionOut(VersionOut):
    """One saved version of a career profile, with the warnings the save confirmed."""

    body_field = "profile"

    trigger: str
    profile: dict[str, Any]


class ProfileVersions(Items[ProfileVersionOut]):
    """Every version of a profile, newest first."""
