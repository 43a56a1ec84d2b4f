"""Retention: what is past the configured periods, listed (dry run) or dealt with (apply).

Participants closed (by their closure date, not their last change) longer than
``retention_closed_months`` ago are pseudonymised (their tombstone keeps the
aggregate figures right, see usecases/erasure.py); audit rows past ``retention_audit_years`` are
deleted. Both periods are settings (service/config.py), chosen by the programme's controller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from participants.erasure import SubjectData
from service.access.audit import log_access
from service.access.audit_retention import audit_rows_before, delete_audit_rows_before
from service.config import Settings
from service.runtime.database import Database
from service.usecases.erasure import apply_erasure

#: Months and years as days: a period is a duration, so a run at any hour gives the same cut-off.
_MONTH_DAYS = 30.44
_YEAR_DAYS = 365.25
ACTOR = "retention"


@dataclass(frozen=True, slots=True)
class RetentionPlan:
    """What is past retention: closed participants to pseudonymise, audit rows to delete."""

    participants_cutoff: datetime
    audit_cutoff: datetime
    participants: list[dict[str, Any]] = field(
        default_factory=list
    )  # id, unit_id, status, closed_on, updated_at
    audit_rows: int = 0


def plan_retention(db: Database, settings: Settings, *, now: datetime) -> RetentionPlan:
    """List (without changing anything) what is past the retention periods at ``now`` (UTC)."""
    p_cut = now - timedelta(days=_MONTH_DAYS * settings.retention_closed_months)
    a_cut = now - timedelta(days=_YEAR_DAYS * settings.retention_audit_years)
    people = SubjectData(db.cursor()).closed_before(cutoff=p_cut)
    return RetentionPlan(p_cut, a_cut, people, audit_rows_before(db, cutoff=a_cut))


def apply_retention(db: Database, plan: RetentionPlan) -> dict[str, int]:
    """Pseudonymise the plan's participants (each its own transaction) and delete old audit rows.

    Returns:
        ``{"pseudonymised": n, "audit_rows_deleted": m}``.
    """
    for person in plan.participants:
        apply_erasure(db, participant_id=str(person["id"]), mode="pseudonymise", actor=ACTOR, user_id=ACTOR)
    deleted = delete_audit_rows_before(db, cutoff=plan.audit_cutoff)
    if deleted:
        detail = f"deleted {deleted} audit rows logged before {plan.audit_cutoff.isoformat()}"
        log_access(
            db, user_id=ACTOR, action="retention", entity="audit_log", entity_ids=[None], detail=detail
        )
    return {"pseudonymised": len(plan.participants), "audit_rows_deleted": deleted}
