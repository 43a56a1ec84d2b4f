"""Job-development views over the contact log: dormant employers and a specialist's week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from employers.contacts import ContactStore
from employers.records import ContactRecord, TaskRecord
from employers.tasks import TaskStore
from storekit.store import Store

#: IPS fidelity target (V6): face-to-face employer contacts per specialist per week.
FACE_TO_FACE_TARGET = 6
_EPOCH = datetime.fromisoformat("1970-01-01T00:00:00+00:00")
#: Each employer's last held contact, (employer_id, last): what "dormant" is measured from.
LAST_HELD = (
    "SELECT employer_id, max(occurred_at) AS last FROM crm_contacts "
    "WHERE deleted_at IS NULL AND status = 'held' GROUP BY employer_id"
)
#: Dormant, over ``crm_employers e`` joined with `LAST_HELD` as ``h``; one argument, the cutoff.
#: Do-not-contact employers are never dormant: nobody should contact them.
DORMANT = "NOT e.do_not_contact AND (h.last IS NULL OR h.last < ?)"


@dataclass(frozen=True, slots=True)
class DormantEmployer:
    """A live employer nobody has met or called since ``cutoff`` (``last_contact_at`` None: never)."""

    employer_id: str
    name: str
    owner: str | None
    stage: str
    last_contact_at: datetime | None


@dataclass(frozen=True, slots=True)
class Week:
    """One specialist's ISO week: contacts in it, and open follow-ups due in it or overdue."""

    contacts: tuple[ContactRecord, ...]
    due: tuple[TaskRecord, ...]
    overdue: tuple[TaskRecord, ...]

    @property
    def face_to_face_held(self) -> int:
        """Held face-to-face contacts, the number the fidelity scale counts."""
        return sum(c.status == "held" and c.mode == "face_to_face" for c in self.contacts)


class ActivityStore(Store):
    """Reads the contact log for the dormant list and the week view (no writes)."""

    def dormant(
        self,
        *,
        cutoff: datetime,
        owner: str | None = None,
        limit: int = 50,
        after: tuple[datetime | None, str] | None = None,
    ) -> list[DormantEmployer]:
        """Employers whose last held contact is before ``cutoff`` (or who were never contacted).

        Oldest first, never-contacted first of all; do-not-contact employers are left out because
        nobody should contact them. ``after`` is (last_contact_at, id) of the previous page's last.
        """
        last_at, last_id = after if after else (None, None)
        rows = self.con.execute(
            "SELECT id, name, owner, stage, last FROM (SELECT e.id, e.name, e.owner, e.stage, h.last "
            f"FROM crm_employers e LEFT JOIN ({LAST_HELD}) h ON h.employer_id = e.id "
            f"WHERE e.deleted_at IS NULL AND (?::VARCHAR IS NULL OR e.owner = ?) AND {DORMANT}) "
            "WHERE (?::VARCHAR IS NULL "
            "OR (coalesce(last, ?), id::VARCHAR) > (coalesce(?::TIMESTAMPTZ, ?), ?)) "
            "ORDER BY coalesce(last, ?), id::VARCHAR LIMIT ?",
            [owner, owner, cutoff, last_id, _EPOCH, last_at, _EPOCH, last_id, _EPOCH, limit],
        ).fetchall()
        return [DormantEmployer(str(i), n, o, s, at) for i, n, o, s, at in rows]

    def week(self, *, specialist: str, start: datetime, end: datetime, today: date) -> Week:
        """Contacts of ``specialist`` in [start, end) and their open tasks due before ``end``.

        Overdue means due before ``today``; due means due from ``today`` to the week's end.
        """
        contacts = ContactStore(self.con).list(
            filters={"specialist": specialist}, since=start, until=end, limit=10_000
        )
        open_tasks = TaskStore(self.con).list(
            filters={"assignee": specialist, "status": "open"}, limit=10_000
        )
        due = [t for t in open_tasks if t.due_on is not None and today <= t.due_on < end.date()]
        overdue = [t for t in open_tasks if t.due_on is not None and t.due_on < today]
        return Week(
            contacts=tuple(sorted(contacts, key=lambda c: (c.occurred_at, c.id))),
            due=tuple(sorted(due, key=lambda t: (t.due_on, t.id))),
            overdue=tuple(sorted(overdue, key=lambda t: (t.due_on, t.id))),
        )

    def overdue_counts(self, *, assignees: list[str], today: date) -> dict[str, int]:
        """Assignee -> their live open tasks due before ``today`` (the week view's "overdue"), one query.

        Assignees with none are left out (read them as 0).
        """
        rows = self.con.execute(
            "SELECT assignee, count(*) FROM crm_tasks WHERE deleted_at IS NULL AND status = 'open' "
            "AND due_on < ? AND list_contains(?::VARCHAR[], assignee) GROUP BY assignee",
            [today, assignees],
        ).fetchall()
        return {a: int(n) for a, n in rows}
