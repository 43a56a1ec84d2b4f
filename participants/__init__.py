"""Caseload on DuckDB: profiles, preferences, skills, plans, leads, jobs, education, support."""

from __future__ import annotations

from pathlib import Path

from participants.education import EducationRecord, EducationStore
from participants.errors import InvalidError, NotFoundError, ParticipantError
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
    "EducationRecord",
    "EducationStore",
    "Feedback",
    "FeedbackEvent",
    "InvalidError",
    "JobRecord",
    "JobStore",
    "LeadHistoryStore",
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
    "SupportContactRecord",
    "SupportContactStore",
    "to_profile",
]
