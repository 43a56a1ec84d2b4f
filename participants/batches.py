"""`BatchStore`: overnight lead batches, their plan, and per-participant done markers.

Bulk rows go to DuckDB as Arrow tables (one INSERT ... SELECT per chunk), which is two orders of
magnitude faster than row-by-row inserts for the half a million leads of a nightly run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, TypedDict, Unpack

import pyarrow as pa

from matching.types import Lead
from participants.errors import NotFoundError
from participants.leads import lead_row_values
from storekit.connection import Connection
from storekit.rows import clean, row_by_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

_LEAD_CASTS = (
    "id::UUID, participant_id::UUID, batch_id::UUID, item_id, kind, employer_id, title, rank, score, "
    "parts, flags, model_version, created_at, created_by"
)


@dataclass(frozen=True, slots=True)
class BatchRecord:
    """A lead batch and how far it got."""

    id: str
    model_version: str
    settings_hash: str
    settings: str
    status: str
    participants: int
    participants_done: int
    leads_written: int
    capped_participants: int
    capped_leads: int
    error: str
    started_at: datetime
    finished_at: datetime | None
    created_by: str
    over_cap_participants: int = 0  # got at least one lead over a cap (the zero-exclusion fallback)
    over_cap_leads: int = 0
    short_participants: int = 0  # fewer than `leads`: their own constraints left fewer candidates


_COLUMNS = tuple(f.name for f in fields(BatchRecord))
_COUNTS = (
    "capped_participants",
    "capped_leads",
    "over_cap_participants",
    "over_cap_leads",
    "short_participants",
)
_PLAN_SCHEMA = pa.schema(
    [("participant_id", pa.string()), ("rank", pa.int32()), ("item_id", pa.string()), ("score", pa.float64()),
     ("over_cap", pa.string()), ("shared_with", pa.int32())]
)  # fmt: skip
_EFFECTS_SCHEMA = pa.schema(
    [("participant_id", pa.string()), ("candidates", pa.int32()), ("wanted", pa.int32()),
     ("within_caps", pa.int32()), ("over_caps", pa.int32()), ("lost_to_caps", pa.int32()),
     ("short_reason", pa.string())]
)  # fmt: skip


class BatchChanges(TypedDict, total=False):
    """What the batch runner sets with `BatchStore.update` (the counts move with the plan and chunks).

    ``update`` also accepts the other BatchRecord fields after ``settings``, as it always has.
    """

    status: str
    error: str
    finished_at: datetime | None


class BatchStore(Store):
    """Lead batches on an injected DuckDB connection."""

    def create(
        self, *, batch_id: str, model_version: str, settings: dict[str, Any], settings_hash: str, actor: str
    ) -> BatchRecord:
        """Start a batch in status ``ranking``."""
        with self.transaction() as con:
            con.execute(
                "INSERT INTO caseload_lead_batches (id, model_version, settings_hash, settings, status, "
                "started_at, created_by) VALUES (?, ?, ?, ?, 'ranking', ?, ?)",
                [
                    uuid_of("batch_id", batch_id),
                    model_version,
                    settings_hash,
                    json.dumps(settings),
                    now(),
                    actor,
                ],
            )
        return self.get(batch_id=batch_id)

    def get(self, *, batch_id: str) -> BatchRecord:
        """One batch; NotFoundError when unknown."""
        row = row_by_id(self.con, "caseload_lead_batches", _COLUMNS, "batch", batch_id, id_field="batch_id")
        return BatchRecord(**clean(_COLUMNS, row))

    def update(self, *, batch_id: str, **values: Unpack[BatchChanges]) -> None:
        """Set status, counts, error or finished_at."""
        unknown = set(values) - set(_COLUMNS[4:])
        if unknown:
            raise ValueError(f"not batch fields: {sorted(unknown)}")
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.transaction() as con:
            con.execute(
                f"UPDATE caseload_lead_batches SET {sets} WHERE id = ?",
                [*values.values(), uuid_of("b", batch_id)],
            )

    def save_plan(
        self,
        *,
        batch_id: str,
        plan: Mapping[str, Sequence[Any]],
        effects: Mapping[str, Sequence[Any]],
        counts: Mapping[str, int],
        without_leads: Sequence[str] = (),
    ) -> None:
        """Store the assignment and each person's cap effects, and move to ``writing``, in one transaction.

        Args:
            batch_id: The batch.
            plan: Columns ``participant_id, rank, item_id, score, over_cap, shared_with``.
            effects: Columns of caseload_lead_batch_effects after ``batch_id``, a row per participant.
            counts: ``capped_participants, capped_leads, over_cap_participants, over_cap_leads,
                short_participants``.
            without_leads: Participants with no candidate at all (their own constraints left
                nothing; the reason is in ``effects``): marked done at once.
        """
        frame = pa.table(dict(plan), schema=_PLAN_SCHEMA)  # noqa: F841  (read by name in the SQL below)
        people = pa.table(dict(effects), schema=_EFFECTS_SCHEMA)
        with self.transaction() as con:
            for table, source, schema in (
                ("plan", "frame", _PLAN_SCHEMA),
                ("effects", "people", _EFFECTS_SCHEMA),
            ):
                rest = ", ".join(schema.names[1:])
                con.execute(
                    f"INSERT INTO caseload_lead_batch_{table} (batch_id, participant_id, {rest}) "
                    f"SELECT ?::UUID, participant_id::UUID, {rest} FROM {source}",
                    [batch_id],
                )
            _to_writing(con, batch_id, len(people), without_leads, counts)

    def effect(self, *, batch_id: str, participant_id: str) -> dict[str, Any]:
        """One participant's cap effects in a batch and their leads over a cap; NotFoundError if none."""
        names = _EFFECTS_SCHEMA.names[1:]
        row = self.con.execute(
            f"SELECT {', '.join(names)} FROM caseload_lead_batch_effects "
            "WHERE batch_id = ? AND participant_id = ?",
            [uuid_of("batch_id", batch_id), uuid_of("participant_id", participant_id)],
        ).fetchone()
        if row is None:
            raise NotFoundError("batch participant", participant_id)
        shared = self.shared(batch_id=batch_id, participant_ids=[participant_id]).get(participant_id, {})
        over = [{"item_id": i, "over_cap": cap, "shared_with": n} for i, (cap, n) in sorted(shared.items())]
        return {**dict(zip(names, row, strict=True)), "over_cap_leads": over}

    def shared(
        self, *, batch_id: str, participant_ids: Sequence[str]
    ) -> dict[str, dict[str, tuple[str, int]]]:
        """Participant id -> {item id: (cap, others holding it)} for their leads given over a cap."""
        rows = self.con.execute(
            "SELECT participant_id, item_id, over_cap, shared_with FROM caseload_lead_batch_plan "
            "WHERE batch_id = ? AND over_cap <> '' AND participant_id IN (SELECT unnest(?::UUID[]))",
            [uuid_of("batch_id", batch_id), list(participant_ids)],
        ).fetchall()
        out: dict[str, dict[str, tuple[str, int]]] = {}
        for pid, item, cap, n in rows:
            out.setdefault(str(pid), {})[item] = (cap, n)
        return out

    def has_plan_rows(self, *, batch_id: str) -> bool:
        """Whether the ranking phase of this batch stored its plan."""
        row = self.con.execute(
            "SELECT count(*) FROM caseload_lead_batch_plan WHERE batch_id = ?",
            [uuid_of("batch_id", batch_id)],
        ).fetchone()
        return bool(row and row[0])

    def plan(self, *, batch_id: str, participant_ids: Sequence[str]) -> dict[str, list[tuple[str, float]]]:
        """Participant id -> [(item id, score)] in rank order, for these participants."""
        rows = self.con.execute(
            "SELECT participant_id, item_id, score FROM caseload_lead_batch_plan WHERE batch_id = ? "
            "AND participant_id IN (SELECT unnest(?::UUID[])) ORDER BY participant_id, rank",
            [uuid_of("batch_id", batch_id), list(participant_ids)],
        ).fetchall()
        out: dict[str, list[tuple[str, float]]] = {}
        for pid, item, score in rows:
            out.setdefault(str(pid), []).append((item, score))
        return out

    def pending(self, *, batch_id: str, after: str | None, limit: int) -> list[str]:
        """Planned participants without a done marker, by id, after cursor ``after``."""
        rows = self.con.execute(
            "SELECT DISTINCT p.participant_id FROM caseload_lead_batch_plan p WHERE p.batch_id = ? "
            "AND (?::UUID IS NULL OR p.participant_id > ?::UUID) AND NOT EXISTS (SELECT 1 FROM "
            "caseload_lead_batch_done d "
            "WHERE d.batch_id = p.batch_id AND d.participant_id = p.participant_id) "
            "ORDER BY p.participant_id LIMIT ?",
            [uuid_of("batch_id", batch_id), after, after, limit],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def write_chunk(
        self, *, batch_id: str, leads: dict[str, list[Lead]], model_version: str, actor: str
    ) -> int:
        """Record the leads of a chunk of participants and mark them done, in one transaction.

        Participants already marked done (a rerun or a resume) are skipped, so no lead is
        written twice. Returns how many leads were written.
        """
        with self.transaction() as con:
            done = {
                str(r[0])
                for r in con.execute(
                    "SELECT participant_id FROM caseload_lead_batch_done WHERE batch_id = ? "
                    "AND participant_id IN (SELECT unnest(?::UUID[]))",
                    [uuid_of("batch_id", batch_id), list(leads)],
                ).fetchall()
            }
            todo = {pid: found for pid, found in leads.items() if pid not in done}
            rows = [
                lead_row_values(pid, lead, model_version, actor, batch_id)
                for pid, ls in todo.items()
                for lead in ls
            ]
            if rows:
                frame = pa.table(dict(zip(_lead_names(), map(list, zip(*rows, strict=True)), strict=True)))  # noqa: F841
                con.execute(f"INSERT INTO caseload_leads SELECT {_LEAD_CASTS} FROM frame")
            at = now()
            markers = [(batch_id, pid, len(found), at) for pid, found in todo.items()]
            if markers:
                con.executemany("INSERT INTO caseload_lead_batch_done VALUES (?, ?, ?, ?)", markers)
                con.execute(
                    "UPDATE caseload_lead_batches SET participants_done = participants_done + ?, "
                    "leads_written = leads_written + ? WHERE id = ?",
                    [len(markers), len(rows), uuid_of("batch_id", batch_id)],
                )
        return len(rows)


def _to_writing(
    con: Connection, batch_id: str, participants: int, without_leads: Sequence[str], counts: Mapping[str, int]
) -> None:
    """Mark the people without candidates done (their reason is in the effects) and set the counts."""
    if without_leads:
        at = now()
        con.executemany(
            "INSERT INTO caseload_lead_batch_done VALUES (?, ?, 0, ?)",
            [(batch_id, pid, at) for pid in without_leads],
        )
    con.execute(
        "UPDATE caseload_lead_batches SET status = 'writing', participants = ?, "
        f"participants_done = ?, {', '.join(f'{k} = ?' for k in _COUNTS)} WHERE id = ?",
        [participants, len(without_leads), *(counts[k] for k in _COUNTS), uuid_of("batch_id", batch_id)],
    )


def _lead_names() -> tuple[str, ...]:
    return (
        "id", "participant_id", "batch_id", "item_id", "kind", "employer_id", "title", "rank", "score",
        "parts", "flags", "model_version", "created_at", "created_by",
    )  # fmt: skip
