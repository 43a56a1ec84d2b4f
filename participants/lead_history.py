"""`LeadHistoryStore`: every feedback a participant's leads got, in order (the funnel's input)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storekit.rows import select_records, uuid_of
from storekit.store import Store


@dataclass(frozen=True, slots=True)
class FeedbackEvent:
    """One status a specialist gave a lead; ``reason`` "" when none was recorded."""

    lead_id: str
    feedback: str
    reason: str
    note: str
    given_at: dt.datetime
    given_by: str


_COLUMNS = ("lead_id", "feedback", "reason", "note", "given_at", "given_by")


class LeadHistoryStore(Store):
    """Reads ``caseload_lead_feedback`` (writes go through `participants.LeadStore.add_feedback`)."""

    def events(self, *, participant_id: str) -> list[FeedbackEvent]:
        """All feedback on the participant's leads, oldest first (ties by lead id)."""
        pid = uuid_of("participant_id", participant_id)
        return select_records(
            self.con,
            FeedbackEvent,
            "caseload_lead_feedback",
            _COLUMNS,
            "participant_id = ?",
            [pid],
            order="given_at, lead_id",
        )
