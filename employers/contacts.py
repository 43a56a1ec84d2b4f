"""`ContactStore`: the employer contact log (visits, calls, emails, video; planned or held)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar

from employers.base import RecordStore
from employers.errors import InvalidError
from employers.records import ContactRecord, check_contact
from employers.tasks import TaskStore
from employers.values import ContactValues
from storekit.connection import Connection
from storekit.transactions import now


class ContactStore(RecordStore[ContactRecord, ContactValues]):
    """Contacts in ``crm_contacts``. A contact with a next step and due date opens a follow-up task.

    ``participant_id`` must come with ``participant_unit``: only the service, which has checked
    the person's disclosure plan and unit, sets them.
    """

    table = "crm_contacts"
    entity = "contact"
    record = ContactRecord
    filters = ("employer_id", "person_id", "opening_id", "specialist", "mode", "status", "purpose")
    time_column = "occurred_at"
    defaults: ClassVar[Mapping[str, Any]] = {"learned": "", "next_step": ""}

    def check(self, values: Mapping[str, Any]) -> None:
        """Contact rules, plus: a participant link always names the participant's unit."""
        check_contact(values, now=now())
        if values.get("participant_id") and not values.get("participant_unit"):
            raise InvalidError("participant_unit", "is required with participant_id")

    def create_many(self, *, rows: Sequence[ContactValues], actor: str) -> list[ContactRecord]:
        """Log contacts (and their follow-up tasks) in one transaction."""
        with self.transaction() as con:
            ids = self.insert(con, rows, actor)
            self.insert_follow_ups(con, self.get_many(ids), actor)
        return self.get_many(ids)

    def insert_follow_ups(self, con: Connection, contacts: Sequence[ContactRecord], actor: str) -> None:
        """One open task per contact that has a next step with a due date, for its specialist."""
        tasks = [
            {
                "employer_id": c.employer_id,
                "person_id": c.person_id,
                "contact_id": c.id,
                "title": c.next_step,
                "due_on": c.next_step_due,
                "assignee": c.specialist,
            }
            for c in contacts
            if c.next_step and c.next_step_due is not None
        ]
        TaskStore(con, self.lock).insert(con, tasks, actor)

    def participant_units(self, *, ids: Sequence[str]) -> dict[str, str]:
        """Contact id -> the unit of the participant it names, for live and deleted contacts alike.

        Contacts naming nobody, and unknown ids, are left out.
        """
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, participant_unit FROM crm_contacts WHERE participant_unit IS NOT NULL "
            "AND list_contains(?::VARCHAR[], id::VARCHAR)",
            [list(ids)],
        ).fetchall()
        return {str(i): str(u) for i, u in rows}

    def last_held(self, *, employer_ids: Sequence[str]) -> dict[str, datetime]:
        """Employer id -> time of its latest held contact (employers never contacted left out)."""
        rows = self.con.execute(
            "SELECT employer_id, max(occurred_at) FROM crm_contacts WHERE deleted_at IS NULL "
            "AND status = 'held' AND list_contains(?::VARCHAR[], employer_id::VARCHAR) GROUP BY employer_id",
            [list(employer_ids)],
        ).fetchall()
        return {str(e): at for e, at in rows}
