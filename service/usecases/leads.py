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
from service.usecases.lead_cards import CardFacts, card_facts, merge_duplicates
from service.usecases.lead_engine import LeadEngine, RankResult
from service.usecases.travel import ranking_profile


@dataclass(frozen=True, slots=True)
class ServedLead:
    """A lead as shown, with the id it was recorded under (for feedback) and its card facts.

    Attributes:
        lead_id: The recorded lead's id.
        lead: The ranked, explained lead.
        card: What the card says about the job.
        feedback: The latest feedback on the recorded lead, None when none.
        new: Not in the person's previous lead set ("new since yesterday").
    """

    lead_id: str
    lead: Lead
    card: CardFacts
    feedback: str | None = None
    new: bool = False


@dataclass(frozen=True, slots=True)
class ServedLeads:
    """Ranked, explained, recorded leads for one participant.

    Attributes:
        participant_id: Whose leads.
        leads: Best first, each with its recorded id.
        removed_by_constraints: Items left out, counted by reason.
        model_version: The encoder, ranker weights and re-ranker that ranked them.
        generated_at: When they were ranked (UTC).
        person_notes: Notes true of the person, shown once above the leads.
    """

    participant_id: str
    leads: list[ServedLead]
    removed_by_constraints: dict[str, int]
    model_version: str
    generated_at: datetime
    person_notes: tuple[str, ...] = ()


#: Extra leads ranked beyond ``n`` so the list still has ``n`` after duplicates are merged.
DUPLICATE_SLACK = 5


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
    profile = ranking_profile(db, person, engine.travel_area_km)
    result = engine.rank(
        profile, goals_text=person.preferences.goals, n=n + DUPLICATE_SLACK, kinds=kinds, exclude=exclude
    )
    shown = merge_duplicates(result.leads, card_facts(db.cursor(), result.leads, profile.home), n)
    audit = access_rows(
        user_id=user.id, action="leads", entity="participant", entity_ids=[person.id], detail=f"n={n}"
    )

    def record(cur: Any) -> list[str]:
        # The group writer already holds the writer lock and the transaction.
        ids = LeadStore(cur, nullcontext()).create_many(
            participant_id=person.id,
            leads=[lead for lead, _ in shown],
            model_version=result.model_version,
            actor=user.username,
        )
        insert_access(cur, audit)
        return ids

    ids = db.group_commit(record)
    return _served(
        person.id, result, [ServedLead(i, lead, card) for (lead, card), i in zip(shown, ids, strict=True)]
    )


def _served(participant_id: str, result: RankResult, leads: list[ServedLead]) -> ServedLeads:
    return ServedLeads(
        participant_id=participant_id,
        leads=leads,
        removed_by_constraints=result.removed,
        model_version=result.model_version,
        generated_at=datetime.now(UTC),
        person_notes=result.person_notes,
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
