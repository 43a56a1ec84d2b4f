"""What a batch's exposure caps did: one person's effects (audit-logged) and the one-line summary."""

from __future__ import annotations

from typing import Any

from participants import ParticipantStore
from participants.batches import BatchRecord, BatchStore
from service.access.users import User
from service.runtime.database import Database
from service.usecases.participant_access import log_participant, visible_participant


def participant_effects(
    *, db: Database, people: ParticipantStore, user: User, batch_id: str, participant_id: str
) -> dict[str, Any]:
    """One participant's cap effects in a batch (NotFoundError outside the caller's unit); logged.

    Returns:
        ``batch_id``, ``participant_id``, the caseload_lead_batch_effects columns, and
        ``over_cap_leads``: [{item_id, over_cap, shared_with}].
    """
    person = visible_participant(store=people, user=user, participant_id=participant_id)
    effect = BatchStore(db.cursor()).effect(batch_id=batch_id, participant_id=person.id)
    log_participant(db, user, person.id, "read", batch_id)
    return {"batch_id": batch_id, "participant_id": person.id, **effect}


def cap_summary(record: BatchRecord) -> str:
    """One line: who lost top leads to caps, who got leads over a cap, who is short and why."""
    return (
        f"caps: {record.capped_participants} participants lost {record.capped_leads} top leads to caps; "
        f"{record.over_cap_participants} got {record.over_cap_leads} leads over a cap (flagged "
        f"shared_over_cap) so nobody is left short; {record.short_participants} have fewer leads than "
        f"asked, by their own constraints only"
    )
