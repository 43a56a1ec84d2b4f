"""Caseload on DuckDB: profiles, preferences, skills, disclosure and benefits plans."""

from __future__ import annotations

from pathlib import Path

from participants.errors import InvalidError, NotFoundError, ParticipantError
from participants.models import (
    BenefitsPlan,
    DisclosurePlan,
    ParticipantRecord,
    Preferences,
    to_profile,
)
from participants.store import ParticipantStore

MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = [
    "MIGRATIONS",
    "BenefitsPlan",
    "DisclosurePlan",
    "InvalidError",
    "NotFoundError",
    "ParticipantError",
    "ParticipantRecord",
    "ParticipantStore",
    "Preferences",
    "to_profile",
]
