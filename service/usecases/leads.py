"""Leads for one participant: rank, record, audit; feedback on them; the leads shown before.

Shared by the API and the web page, which both render a `ServedLeads`.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from matching.types import Lead, LeadKind
from participants import LeadRecord, LeadStore, ParticipantRecord, ParticipantStore
from service.access.audit import access_rows, insert_access, log_access
from service.access.auth import caseload_units
from service.access.users import User
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine
from service.usecases.travel import ranking_profile


@dataclass(frozen=True, slots=True)
class ServedLead:
    """A lead as shown, with the id it was recorded under (for feedback)."""

    lead_id: str
    lead: Lead


@dataclass(frozen=True, slots=True)
class ServedLeads:
    """Ranked, explained, recorded leads for one participant.

    Attributes:
        participant_id: Whose leads.
        leads: Best first, each with its recorded id.
        removed_by_constraints: Items left out, counted by reason.
        model_version: The encoder, ranker weights and re-ranker that ranked them.
        generated_at: When they were ranked (UTC).
    """

    participant_id: str
    leads: list[ServedLead]
    removed_by_constraints: dict[str, int]
    model_version: str
    generated_at: datetime


def serve_leads(
    *,
    person: ParticipantRecord,
    user: User,
    engine: LeadEngine,
    db: Database,
    n: int,
    kinds: Sequence[LeadKind] = ("opening", "employer"),
    exclude: Sequence[str] = (),
) -> ServedLeads:
    """Rank leads for a participant the caller may see, record them and log the access.

    The recorded leads and the audit row are one write, committed (grouped with other requests'
    writes) before the answer goes out.
    """
    result = engine.rank(
        ranking_profile(db, person, engine.travel_area_km),
        goals_text=person.preferences.goals,
        n=n,
        kinds=kinds,
        exclude=exclude,
    )
    audit = access_rows(
        user_id=user.id, action="leads", entity="participant", entity_ids=[person.id], detail=f"n={n}"
    )

    def record(cur: Any) -> list[str]:
        # The group writer already holds the writer lock and the transaction.
        ids = LeadStore(cur, nullcontext()).create_many(
            participant_id=person.id,
            leads=result.leads,
            model_version=result.model_version,
            actor=user.username,
        )
        insert_access(cur, audit)
        return ids

    ids = db.group_commit(record)
    return ServedLeads(
        participant_id=person.id,
        leads=[ServedLead(lead_id, lead) for lead, lead_id in zip(result.leads, ids, strict=True)],
        removed_by_constraints=result.removed,
        model_version=result.model_version,
        generated_at=datetime.now(UTC),
    )


def list_recorded_leads(
    *, store: LeadStore, db: Database, user: User, person: ParticipantRecord, limit: int
) -> list[LeadRecord]:
    """Leads shown for a participant before, newest first, with the feedback given (audit-logged)."""
    log_access(db, user_id=user.id, action="read_leads", entity="participant", entity_ids=[person.id])
    return store.list(participant_id=person.id, limit=limit)


def record_feedback(
    *,
    store: LeadStore,
    people: ParticipantStore,
    db: Database,
    user: User,
    lead_id: str,
    feedback: str,
    note: str,
) -> LeadRecord:
    """Record what the specialist did with a lead (NotFoundError for participants outside their unit)."""
    lead = store.get(lead_id=lead_id)
    people.get(participant_id=lead.participant_id, unit_ids=caseload_units(user))  # visibility check
    updated = store.add_feedback(lead_id=lead.id, feedback=feedback, note=note, actor=user.username)
    log_access(db, user_id=user.id, action="feedback", entity="participant", entity_ids=[lead.participant_id])
    return updated
