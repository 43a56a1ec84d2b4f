"""Education episodes: the new-episode request, the change request, the episode as stored."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from service.api.schemas.common import Items, ParticipantRecordOut, Strict, strict_with_examples

LevelIn = Literal["basic", "secondary", "vocational", "higher", "adult_education", "course", "other"]
EducationStatusIn = Literal["planned", "enrolled", "paused", "completed", "left"]


class EducationIn(Strict):
    """A course or programme the person starts (or has a place on)."""

    model_config = strict_with_examples(
        {
            "institution": "Komvux Solna",
            "programme": "Vård och omsorg",
            "level": "adult_education",
            "start_date": "2026-01-12",
            "status": "enrolled",
        }
    )

    institution: str = Field(min_length=1, max_length=300)
    programme: str = Field("", max_length=300)
    level: LevelIn
    start_date: date
    end_date: date | None = None
    status: EducationStatusIn = "enrolled"


class EducationPatch(Strict):
    """Change fields of an episode; ``completed`` and ``left`` need an ``end_date``."""

    model_config = strict_with_examples({"status": "completed", "end_date": "2026-06-05"})

    institution: str | None = Field(None, min_length=1, max_length=300)
    programme: str | None = Field(None, max_length=300)
    level: LevelIn | None = None
    start_date: date | None = None
    end_date: date | None = None
    status: EducationStatusIn | None = None


class EducationOut(ParticipantRecordOut):
    """An education episode as stored."""

    institution: str
    programme: str
    level: str
    start_date: date
    end_date: date | None
    status: str
    created_at: datetime | None
    updated_at: datetime | None


class EducationList(Items[EducationOut]):
    """A participant's education episodes by start day."""
