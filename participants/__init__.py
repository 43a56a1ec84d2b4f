"""Caseload on DuckDB: participants, lifecycle, versioned profiles and plans, leads, jobs, support."""

from __future__ import annotations

from pathlib import Path

from participants.education import EducationRecord, EducationStore
from participants.errors import InvalidError, NotFoundError, ParticipantError
from participants.history import HistoryRow, HistoryStore
from participants.jobs import JobRecord, JobStore
from participants.lead_history import FeedbackEvent, LeadHistoryStore
from participants.lead_reasons import FEEDBACK, FUNNEL, POSITIVE_FEEDBACK, REASONS, Feedback
from participants.lead_sets import BatchLeads, LeadSetRecord, LeadSetStore
from participants.leads import LeadRecord, LeadStore
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
from participants.support_contacts import SupportContactRecord, SupportContactStore
from participants.values import ParticipantValues

MIGRATIONS = Path(__file__).parent / "migrations"

__all__ = [
    "FEEDBACK",
    "FUNNEL",
    "MIGRATIONS",
    "POSITIVE_FEEDBACK",
    "REASONS",
    "BatchLeads",
    "BenefitStatus",
    "BenefitsPlan",
    "DisclosurePlan",
    "Discussion",
    "EducationRecord",
    "EducationStore",
    "Feedback",
    "FeedbackEvent",
    "HistoryRow",
    "HistoryStore",
    "InvalidError",
    "JobRecord",
    "JobStore",
    "LeadHistoryStore",
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
    "SupportContactRecord",
    "SupportContactStore",
    "to_profile",
]
