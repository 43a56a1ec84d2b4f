"""Caseload on DuckDB: profiles, preferences, skills, disclosure and benefits plans."""

from __future__ import annotations

from pathlib import Path

from participants.errors import InvalidError, NotFoundError, ParticipantError
from participants.lead_sets import BatchLeads, LeadSetRecord, LeadSetStore
from participants.leads import FEEDBACK, POSITIVE_FEEDBACK, Feedback, LeadRecord, LeadStore
from participants.models import (
    BenefitsPlan,
    BenefitStatus,
    DisclosurePlan,
    ParticipantRecord,
    ParticipantStatus,
    Preferences,
    to_profile,
)
from participants.store import ParticipantStore
from participants.values import ParticipantValues

MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = [
    "FEEDBACK",
    "MIGRATIONS",
    "POSITIVE_FEEDBACK",
    "BatchLeads",
    "BenefitStatus",
    "BenefitsPlan",
    "DisclosurePlan",
    "Feedback",
    "InvalidError",
    "LeadRecord",
    "LeadSetRecord",
    "LeadSetStore",
    "LeadStore",
    "NotFoundError",
    "ParticipantError",
    "ParticipantRecord",
    "ParticipantStatus",
    "ParticipantStore",
    "ParticipantValues",
    "Preferences",
    "to_profile",
]
