"""`LeadSetStore`: the leads shown together for a participant, and the fingerprint they came from."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storekit.rows import uuid_of
from storekit.store import Store
from storekit.transactions import now

_COLUMNS = (
    "id", "participant_id", "fingerprint", "batch_id", "lead_ids", "removed", "merged", "created_at",
    "created_by",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LeadSetRecord:
    """A lead set: recorded lead ids in rank order, what the constraints removed, duplicates merged."""

    id: str
    participant_id: str
    fingerprint: str
    batch_id: str | None
    lead_ids: tuple[str, ...]
    removed: dict[str, int]
    merged: dict[str, list[str]]
    created_at: datetime
    created_by: str


@dataclass(frozen=True, slots=True)
class BatchLeads:
    """A finished overnight batch's leads for one participant (recorded ids in rank order)."""

    batch_id: str
    model_version: str
    started_at: datetime
    lead_ids: tuple[str, ...]


class LeadSetStore(Store):
    """Lead sets on an injected DuckDB connection."""

    def create(
        self,
        *,
        participant_id: str,
        fingerprint: str,
        lead_ids: Sequence[str],
        removed: dict[str, int],
        merged: dict[str, list[str]],
        actor: str,
        batch_id: str | None = None,
    ) -> str:
        """Record a lead set (inside the caller's transaction when the lock is a no-op); its id."""
        set_id = str(uuid.uuid4())
        row = [
            set_id,
            str(uuid_of("participant_id", participant_id)),
            fingerprint,
            str(uuid_of("batch_id", batch_id)) if batch_id else None,
            [str(uuid_of("lead_id", i)) for i in lead_ids],
            json.dumps(removed, sort_keys=True),
            json.dumps(merged, sort_keys=True),
            now(),
            actor,
        ]
        with self.lock:
            self.con.execute(f"INSERT INTO caseload_lead_sets VALUES ({', '.join('?' * len(row))})", row)
        return set_id

    def recent(self, *, participant_id: str, limit: int = 2) -> list[LeadSetRecord]:
        """A participant's newest lead sets, newest first."""
        rows = self.con.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM caseload_lead_sets WHERE participant_id = ? "
            "ORDER BY created_at DESC LIMIT ?",
            [uuid_of("participant_id", participant_id), limit],
        ).fetchall()
        return [
            LeadSetRecord(
                id=str(r[0]),
                participant_id=str(r[1]),
                fingerprint=r[2],
                batch_id=str(r[3]) if r[3] else None,
                lead_ids=tuple(str(i) for i in r[4]),
                removed=json.loads(r[5]),
                merged=json.loads(r[6]),
                created_at=r[7],
                created_by=r[8],
            )
            for r in rows
        ]

    def latest_batch(self, *, participant_id: str) -> BatchLeads | None:
        """The newest finished batch's leads for a participant, None when no batch gave them any."""
        row = self.con.execute(
            "SELECT b.id, b.model_version, b.started_at, list(l.id ORDER BY l.rank) "
            "FROM caseload_lead_batches b JOIN caseload_leads l ON l.batch_id = b.id "
            "WHERE b.status = 'finished' AND l.participant_id = ? "
            "GROUP BY b.id, b.model_version, b.started_at ORDER BY b.started_at DESC LIMIT 1",
            [uuid_of("participant_id", participant_id)],
        ).fetchone()
        if row is None:
            return None
        return BatchLeads(str(row[0]), row[1], row[2], tuple(str(i) for i in row[3]))
