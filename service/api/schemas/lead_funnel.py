"""A participant's lead funnel: how far their leads got, why they closed, per month, and each lead."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from service.api.schemas.common import Out
from service.usecases.lead_funnel import Funnel, LeadPath


class FeedbackEventOut(Out):
    """One status a specialist gave the lead."""

    feedback: str
    reason: str
    note: str
    given_at: datetime
    given_by: str


class LeadPathOut(Out):
    """One lead: its latest status, how far it got in the funnel, and its history."""

    lead_id: str
    item_id: str
    kind: str
    employer_id: str
    title: str
    shown_at: datetime
    latest: str | None
    reason: str
    furthest: str
    history: list[FeedbackEventOut]

    @classmethod
    def from_path(cls, path: LeadPath) -> LeadPathOut:
        """A lead's path for the API: the lead's own fields, then the path's (its ``reason`` wins)."""
        lead = path.lead
        return cls.from_fields(
            lead,
            path,
            lead_id=lead.id,
            shown_at=lead.created_at,
            history=[FeedbackEventOut.from_fields(e) for e in path.history],
        )


class FunnelOut(BaseModel):
    """Leads that reached each stage, closings with reasons, events per month, and every lead."""

    participant_id: str
    reached: dict[str, int] = Field(
        description="shown, discussed, ... hired: leads that got at least that far"
    )
    closed: dict[str, int] = Field(description="Leads whose latest status closes them")
    reasons: dict[str, dict[str, int]] = Field(description="Closing status -> reason ('' none) -> leads")
    reason_choices: dict[str, list[str]] = Field(description="The reasons each closing status takes")
    months: dict[str, dict[str, int]] = Field(description="YYYY-MM -> status (or shown) -> events")
    leads: list[LeadPathOut]

    @classmethod
    def from_funnel(cls, funnel: Funnel, choices: dict[str, list[str]]) -> FunnelOut:
        """The funnel for the API."""
        return cls(
            participant_id=funnel.participant_id,
            reached=funnel.reached,
            closed=funnel.closed,
            reasons=funnel.reasons,
            reason_choices=choices,
            months=funnel.months,
            leads=[LeadPathOut.from_path(p) for p in funnel.leads],
        )
