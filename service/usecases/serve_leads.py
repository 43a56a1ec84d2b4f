"""Serving leads for one participant: rank, record, audit. Shared by the API and the web page."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from datetime import UTC, datetime
from typing import Any

from matching.types import LeadKind
from participants import LeadStore, ParticipantRecord, to_profile
from service.access.audit import access_rows, insert_access
from service.access.users import User
from service.api.mappers import lead_out
from service.api.schemas import core as schemas
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine


def serve_leads(
    *,
    person: ParticipantRecord,
    user: User,
    engine: LeadEngine,
    db: Database,
    n: int,
    kinds: Sequence[LeadKind] = ("opening", "employer"),
    exclude: Sequence[str] = (),
) -> schemas.LeadsResponse:
    """Rank leads for a participant the caller may see, record them and log the access.

    The recorded leads and the audit row are one write, committed (grouped with other requests'
    writes) before the answer goes out.
    """
    result = engine.rank(
        to_profile(person), goals_text=person.preferences.goals, n=n, kinds=kinds, exclude=exclude
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
    return schemas.LeadsResponse(
        participant_id=person.id,
        model_version=result.model_version,
        generated_at=datetime.now(UTC),
        leads=[lead_out(lead, lead_id) for lead, lead_id in zip(result.leads, ids, strict=True)],
        removed_by_constraints=result.removed,
    )
