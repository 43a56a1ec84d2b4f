"""One employer's timeline, newest first.

Its contacts, notes, tasks, openings, stage changes and field changes, and those of its people:
a query over the tables, not a separate store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from employers.changes import current
from storekit.rows import clean, uuid_of
from storekit.store import Store

COLUMNS = (
    "occurred_at",
    "kind",
    "id",
    "entity",
    "entity_id",
    "actor",
    "summary",
    "detail",
    "participant_id",
    "participant_unit",
)
# Each arm selects the COLUMNS for rows of the employer ($emp), its people and its openings.
# A task sits at its done or due date, an opening at its posting date, when they have one.
_OF_EMPLOYER = "deleted_at IS NULL AND (employer_id = $emp OR list_contains($people::UUID[], person_id))"
_ARMS = f"""
SELECT occurred_at, 'contact', id, 'contact', id, specialist,
       purpose || ' (' || mode || ', ' || status || ')', learned, participant_id, participant_unit
  FROM crm_contacts WHERE {_OF_EMPLOYER}
UNION ALL
SELECT created_at, 'note', id, 'note', id, created_by, body, '', NULL, NULL
  FROM crm_notes WHERE {_OF_EMPLOYER}
UNION ALL
SELECT coalesce(done_at, due_on::TIMESTAMPTZ, created_at), 'task', id, 'task', id, created_by, title,
       coalesce('due ' || due_on::VARCHAR, '') || ' ' || status, NULL, NULL
  FROM crm_tasks WHERE {_OF_EMPLOYER}
UNION ALL
SELECT coalesce(posted_at, created_at), 'opening', id, 'opening', id, created_by,
       title || ' (' || status || ')', '', NULL, NULL
  FROM crm_openings WHERE deleted_at IS NULL AND employer_id = $emp
UNION ALL
SELECT changed_at, 'stage_change', id, 'employer', employer_id, changed_by,
       coalesce(from_stage, 'new') || ' -> ' || to_stage, '', NULL, NULL
  FROM crm_stage_history WHERE employer_id = $emp
UNION ALL
SELECT changed_at, 'field_change', id, entity, entity_id, actor, entity || '.' || field,
       coalesce(old_value, '') || ' -> ' || coalesce(new_value, ''), NULL, NULL
  FROM crm_change_log
 WHERE field IS NOT NULL AND field <> 'stage' AND entity IN ('employer', 'person', 'opening')
   AND (entity_id = $emp OR list_contains($people::UUID[], entity_id)
        OR list_contains($openings::UUID[], entity_id))
"""


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One event: ``kind`` is contact, note, task, opening, stage_change or field_change.

    ``participant_id``/``participant_unit`` are set on contacts that name a participant; the
    service hides them from readers outside that unit.
    """

    occurred_at: datetime
    kind: str
    id: str
    entity: str
    entity_id: str
    actor: str
    summary: str
    detail: str
    participant_id: str | None = None
    participant_unit: str | None = None


class TimelineStore(Store):
    """Reads timelines from an injected DuckDB connection (no writes, no lock)."""

    def list(
        self, *, employer_id: str, limit: int = 50, before: tuple[datetime, str] | None = None
    ) -> list[TimelineItem]:
        """Events newest first (ties by id, descending), ``limit`` of them after the cursor.

        Args:
            employer_id: A live employer (NotFoundError otherwise).
            limit: Page size.
            before: (at, id) of the last item of the previous page.
        """
        current(self.con, table="crm_employers", entity="employer", entity_id=employer_id, columns=["id"])
        emp = uuid_of("employer_id", employer_id)
        people = [
            r[0]
            for r in self.con.execute(
                "SELECT DISTINCT person_id FROM crm_employer_people "
                "WHERE employer_id = ? AND deleted_at IS NULL",
                [emp],
            ).fetchall()
        ]
        openings = [
            r[0]
            for r in self.con.execute("SELECT id FROM crm_openings WHERE employer_id = ?", [emp]).fetchall()
        ]
        at, last = before if before else (None, None)
        rows = self.con.execute(
            f"SELECT * FROM ({_ARMS}) t ({', '.join(COLUMNS)}) "
            "WHERE $at::TIMESTAMPTZ IS NULL OR occurred_at < $at "
            "OR (occurred_at = $at AND id::VARCHAR < $last) "
            "ORDER BY occurred_at DESC, id::VARCHAR DESC LIMIT $limit",
            {
                "emp": emp,
                "people": people,
                "openings": openings,
                "at": at,
                "last": last,
                "limit": limit,
            },
        ).fetchall()
        return [TimelineItem(**clean(COLUMNS, r)) for r in rows]
