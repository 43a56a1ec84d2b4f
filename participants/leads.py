"""`LeadStore`: leads shown to specialists, and the feedback they gave on them."""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Literal, get_args

from matching.types import Lead
from participants.change_log import CHANGE_LOG
from participants.errors import InvalidError
from storekit.checks import first
from storekit.rows import clean, uuid_of
from storekit.store import Store
from storekit.transactions import now

#: What a specialist can say about a lead. The first four count as positive outcomes;
#: ``reconsider`` takes back an earlier "not relevant" or "person declined" (the lead returns).
Feedback = Literal[
    "pursued",
    "applied",
    "interview",
    "hired",
    "not_relevant",
    "person_declined",
    "employer_declined",
    "reconsider",
]
FEEDBACK: tuple[Feedback, ...] = get_args(Feedback)
POSITIVE_FEEDBACK = frozenset(FEEDBACK[:4])


@dataclass(frozen=True, slots=True)
class LeadRecord:
    """A lead as it was shown: ``parts`` maps part name -> value in [0, 1]."""

    id: str
    participant_id: str
    batch_id: str | None
    item_id: str
    kind: str
    employer_id: str
    title: str
    rank: int
    score: float
    parts: dict[str, float]
    flags: tuple[str, ...]
    model_version: str
    created_at: datetime
    created_by: str
    feedback: str | None = None


#: The ``caseload_leads`` columns in table order: the record's fields but the joined ``feedback``.
_COLUMNS = tuple(f.name for f in fields(LeadRecord) if f.name != "feedback")


class LeadStore(Store):
    """Recorded leads and feedback on an injected DuckDB connection."""

    def create_many(
        self,
        *,
        participant_id: str,
        leads: Sequence[Lead],
        model_version: str,
        actor: str,
        batch_id: str | None = None,
    ) -> builtins.list[str]:
        """Record leads shown for one participant in one transaction; returns their new ids."""
        rows = [_row(participant_id, lead, model_version, actor, batch_id) for lead in leads]
        if rows:  # one multi-row INSERT (one statement, one commit) is ~3x cheaper than executemany
            values = ", ".join([f"({', '.join('?' * len(_COLUMNS))})"] * len(rows))
            with self.lock:
                self.con.execute(f"INSERT INTO caseload_leads VALUES {values}", [v for r in rows for v in r])
        return [str(r[0]) for r in rows]

    def get(self, *, lead_id: str) -> LeadRecord:
        """One recorded lead with its latest feedback; NotFoundError when unknown."""
        return first(self._select("l.id = ?", [uuid_of("lead_id", lead_id)], limit=1), "lead", lead_id)

    def get_many(self, *, lead_ids: Sequence[str]) -> builtins.list[LeadRecord]:
        """These recorded leads with their latest feedback, in the order given (unknown ids skipped)."""
        if not lead_ids:
            return []
        ids = [uuid_of("lead_id", i) for i in lead_ids]
        found = {r.id: r for r in self._select(f"l.id IN ({', '.join('?' * len(ids))})", [*ids], limit=None)}
        return [found[str(i)] for i in ids if str(i) in found]

    def feedback_by_item(self, *, participant_id: str) -> dict[str, str]:
        """The latest feedback on each item (opening or employer) shown to a participant, by item id."""
        rows = self.con.execute(
            "SELECT l.item_id, arg_max(f.feedback, f.given_at) FROM caseload_lead_feedback f "
            "JOIN caseload_leads l ON l.id = f.lead_id WHERE f.participant_id = ? GROUP BY l.item_id",
            [uuid_of("participant_id", participant_id)],
        ).fetchall()
        return {str(item): str(feedback) for item, feedback in rows}

    def list(self, *, participant_id: str, limit: int = 50) -> builtins.list[LeadRecord]:
        """A participant's recorded leads, newest first."""
        return self._select("l.participant_id = ?", [uuid_of("participant_id", participant_id)], limit=limit)

    def add_feedback(self, *, lead_id: str, feedback: str, note: str = "", actor: str) -> LeadRecord:
        """Record the specialist's feedback on a lead (the latest one counts)."""
        if feedback not in FEEDBACK:
            raise InvalidError("feedback", f"must be one of {', '.join(FEEDBACK)}")
        lead = self.get(lead_id=lead_id)
        with self.transaction() as con:
            con.execute(
                "INSERT INTO caseload_lead_feedback VALUES (?, ?, ?, ?, ?, ?, ?)",
                [uuid.uuid4(), lead.id, lead.participant_id, feedback, note, now(), actor],
            )
            CHANGE_LOG.log_change(
                con,
                actor=actor,
                entity="lead",
                entity_id=lead.id,
                action="feedback",
                changes={"feedback": (lead.feedback, feedback)},
            )
        return self.get(lead_id=lead_id)

    def labelled(self) -> builtins.list[LeadRecord]:
        """Every lead that has feedback, with its latest feedback (training data for a re-ranker)."""
        return [r for r in self._select("TRUE", [], limit=None) if r.feedback is not None]

    def _select(
        self, where: str, args: builtins.list[Any], *, limit: int | None
    ) -> builtins.list[LeadRecord]:
        cols = ", ".join(f"l.{c}" for c in _COLUMNS)
        rows = self.con.execute(
            f"SELECT {cols}, f.feedback FROM caseload_leads l LEFT JOIN ("
            "  SELECT lead_id, arg_max(feedback, given_at) AS feedback"
            "  FROM caseload_lead_feedback GROUP BY lead_id"
            f") f ON f.lead_id = l.id WHERE {where} ORDER BY l.created_at DESC, l.rank LIMIT ?",
            [*args, limit],
        ).fetchall()
        out = []
        for row in rows:
            values = clean((*_COLUMNS, "feedback"), row)
            values["parts"] = json.loads(values["parts"])
            out.append(LeadRecord(**values))
        return out


def _row(
    participant_id: str, lead: Lead, model_version: str, actor: str, batch_id: str | None
) -> tuple[Any, ...]:
    uuid_of("participant_id", participant_id)
    if batch_id:
        uuid_of("batch_id", batch_id)
    return lead_row_values(participant_id, lead, model_version, actor, batch_id)


def lead_row_values(
    participant_id: str, lead: Lead, model_version: str, actor: str, batch_id: str | None
) -> tuple[Any, ...]:
    """One caseload_leads row (ids as strings), in column order."""
    parts = {p.name: p.value for p in lead.explanation.parts}
    return (
        str(uuid.uuid4()),
        str(participant_id),
        str(batch_id) if batch_id else None,
        lead.id,
        lead.kind,
        lead.employer_id,
        lead.title,
        lead.rank,
        lead.score,
        json.dumps(parts, sort_keys=True),
        [f.code for f in lead.explanation.flags],
        model_version,
        now(),
        actor,
    )
