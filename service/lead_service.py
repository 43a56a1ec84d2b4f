"""Serving leads for one participant: rank, record, audit. Shared by the API and the web page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from matching.types import LeadKind
from participants import LeadStore, ParticipantRecord, to_profile
from service import schemas
from service.audit import log_access
from service.db import Database
from service.engine import LeadEngine
from service.users import User
from service.views import lead_out


def serve_leads(
    *,
    person: ParticipantRecord,
    user: User,
    engine: LeadEngine,
    recorded: LeadStore,
    db: Database,
    n: int,
    kinds: Sequence[LeadKind] = ("opening", "employer"),
    exclude: Sequence[str] = (),
) -> schemas.LeadsResponse:
    """Rank leads for a participant the caller may see, record them and log the access."""
    result = engine.rank(
        to_profile(person), goals_text=person.preferences.goals, n=n, kinds=kinds, exclude=exclude
    )
    ids = recorded.create_many(
        participant_id=person.id, leads=result.leads, model_version=result.model_version, actor=user.username
    )
    log_access(
        db, user_id=user.id, action="leads", entity="participant", entity_ids=[person.id], detail=f"n={n}"
    )
    return schemas.LeadsResponse(
        participant_id=person.id,
        model_version=result.model_version,
        generated_at=datetime.now(UTC),
        leads=[lead_out(lead, lead_id) for lead, lead_id in zip(result.leads, ids, strict=True)],
        removed_by_constraints=result.removed,
    )
