"""Caseload on DuckDB: participants and their lifecycle, versioned career profiles and plans, leads."""

from __future__ import annotations

from pathlib import Path

from participants.errors import InvalidError, NotFoundError, ParticipantError
from participants.history import HistoryRow, HistoryStore
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
from participants.plans import Discussion, PlanStore, PlanVersion
from participants.profiles import ProfileStore, ProfileVersion
from participants.screening import NeedsConfirmationError
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
    "Discussion",
    "Feedback",
    "HistoryRow",
    "HistoryStore",
    "InvalidError",
    "LeadRecord",
    "LeadSetRecord",
    "LeadSetStore",
    "LeadStore",
    "NeedsConfirmationError",
    "NotFoundError",
    "ParticipantError",
    "ParticipantRecord",
    "ParticipantStatus",
    "ParticipantStore",
    "ParticipantValues",
    "PlanStore",
    "PlanVersion",
    "Preferences",
    "ProfileStore",
    "ProfileVersion",
    "to_profile",
]
