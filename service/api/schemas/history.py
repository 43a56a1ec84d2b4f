"""A participant's status (phase) and specialist histories."""

from __future__ import annotations

from datetime import date, datetime

from participants import HistoryRow
from service.api.schemas.common import Out


class HistoryItemOut(Out):
    """A change: ``value`` from ``effective_on`` on."""

    value: str | None
    previous: str | None
    effective_on: date
    recorded_at: datetime
    recorded_by: str
    note: str


class HistoryOut(Out):
    """A participant's phases and specialists, oldest first."""

    statuses: list[HistoryItemOut]
    assignments: list[HistoryItemOut]

    @classmethod
    def from_rows(cls, statuses: list[HistoryRow], assignments: list[HistoryRow]) -> HistoryOut:
        """Both histories for the API."""
        return cls(
            statuses=[HistoryItemOut.from_fields(r) for r in statuses],
            assignments=[HistoryItemOut.from_fields(r) for r in assignments],
        )
