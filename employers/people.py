"""`PeopleStore`: people at employers, linked many-to-many with a role and active/left dates."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, ClassVar

from employers import changes
from employers.base import RecordStore
from employers.change_log import insert_records
from employers.errors import InvalidError
from employers.records import PersonLinkRecord, PersonRecord, check_link, check_person
from employers.values import PersonLinkValues, PersonValues
from storekit.checks import refuse_unknown, refuse_unsafe
from storekit.connection import Connection
from storekit.rows import clean, new_id, row_by_id, uuid_of

LINK_COLUMNS = ("id", "employer_id", "person_id", "role", "active_from", "left_on")


class PeopleStore(RecordStore[PersonRecord, PersonValues]):
    """People in ``crm_people`` and their links in ``crm_employer_people``.

    Creating a person may carry ``employers``: a list of ``{employer_id, role, active_from,
    left_on}``. A link is never removed when someone leaves: set ``left_on``.
    """

    table = "crm_people"
    entity = "person"
    record = PersonRecord
    defaults: ClassVar[Mapping[str, Any]] = {"title": "", "notes": ""}

    def check(self, values: Mapping[str, Any]) -> None:
        """Person rules."""
        check_person(values)

    def insert(
        self, con: Connection, rows: Sequence[Mapping[str, Any]], actor: str, *, internal_ok: bool = False
    ) -> builtins.list[str]:
        """Insert people and the links they carry inside the caller's transaction.

        Everything is checked before the first write, so a bad link leaves no person behind.
        """
        people = [
            self.prepare({k: v for k, v in row.items() if k != "employers"}, internal_ok=internal_ok)
            for row in rows
        ]
        links = [
            _prepare_link({**link, "person_id": person["id"]})
            for person, row in zip(people, rows, strict=True)
            for link in row.get("employers") or ()
        ]
        changes.require_live(
            con, table="crm_employers", entity="employer", ids=[k["employer_id"] for k in links]
        )
        ids = self.write(con, people, actor)
        self.write_links(con, links, actor)
        return ids

    def insert_links(
        self, con: Connection, links: Sequence[Mapping[str, Any]], actor: str
    ) -> builtins.list[str]:
        """Check and insert person-employer links (inside the caller's transaction); returns their ids."""
        prepared = [_prepare_link(link) for link in links]
        changes.require_live(
            con, table="crm_employers", entity="employer", ids=[p["employer_id"] for p in prepared]
        )
        changes.require_live(con, table="crm_people", entity="person", ids=[p["person_id"] for p in prepared])
        return self.write_links(con, prepared, actor)

    def write_links(
        self, con: Connection, prepared: Sequence[Mapping[str, Any]], actor: str
    ) -> builtins.list[str]:
        """Insert links made by ``_prepare_link`` and log their creation."""
        return insert_records(
            con,
            table="crm_employer_people",
            columns=LINK_COLUMNS,
            records=prepared,
            actor=actor,
            entity="person_link",
        )

    def add_link(self, *, person_id: str, values: PersonLinkValues, actor: str) -> PersonRecord:
        """Link a live person to a live employer (with role and dates)."""
        with self.transaction() as con:
            self.insert_links(con, [{**values, "person_id": person_id}], actor)
        return self.get(record_id=person_id)

    def update_link(self, *, link_id: str, values: PersonLinkValues, actor: str) -> PersonLinkRecord:
        """Change a link's role or dates (e.g. set ``left_on`` when the person leaves)."""
        self._check_link_update(link_id, values)
        with self.transaction() as con:
            self._apply_link_update(con, link_id, values, actor)
        return self.get_link(link_id=link_id)

    def update_with_link(
        self, *, record_id: str, values: PersonValues, link_id: str, link: PersonLinkValues, actor: str
    ) -> PersonRecord:
        """Change a person's fields and one of their links (role, dates) in one transaction."""
        self._check_link_update(link_id, link)
        with self.transaction() as con:
            self.apply_update(con, record_id, values, actor)
            self._apply_link_update(con, link_id, link, actor)
        return self.get(record_id=record_id)

    def _check_link_update(self, link_id: str, values: Mapping[str, Any]) -> None:
        refuse_unknown(values, {"role", "active_from", "left_on"}, "is not an updatable link field")
        refuse_unsafe(values)
        link = self.get_link(link_id=link_id)
        check_link({"active_from": link.active_from, "left_on": link.left_on, **values})

    def _apply_link_update(
        self, con: Connection, link_id: str, values: Mapping[str, Any], actor: str
    ) -> None:
        changes.update_row(
            con,
            table="crm_employer_people",
            entity="person_link",
            entity_id=link_id,
            values=values,
            actor=actor,
        )

    def delete_link(self, *, link_id: str, actor: str) -> None:
        """Soft-delete a link entered by mistake (someone who left keeps theirs, with ``left_on``)."""
        with self.transaction() as con:
            changes.soft_delete(
                con, table="crm_employer_people", entity="person_link", entity_id=link_id, actor=actor
            )

    def get_link(self, *, link_id: str) -> PersonLinkRecord:
        """One live link; NotFoundError when missing."""
        row = row_by_id(
            self.con,
            "crm_employer_people",
            LINK_COLUMNS,
            "person link",
            link_id,
            id_field="link_id",
            live=True,
        )
        return PersonLinkRecord(**clean(LINK_COLUMNS, row))

    def get_many(self, ids: Sequence[str]) -> builtins.list[PersonRecord]:
        """Live people with their live links."""
        people = super().get_many(ids)
        if not people:
            return []
        rows = self.con.execute(
            f"SELECT {', '.join(LINK_COLUMNS)} FROM crm_employer_people WHERE deleted_at IS NULL "
            "AND list_contains(?, person_id) ORDER BY active_from NULLS FIRST, id",
            [[uuid_of("id", p.id) for p in people]],
        ).fetchall()
        links: dict[str, list[PersonLinkRecord]] = {}
        for row in rows:
            link = PersonLinkRecord(**clean(LINK_COLUMNS, row))
            links.setdefault(link.person_id, []).append(link)
        return [_with_links(p, tuple(links.get(p.id, ()))) for p in people]

    def list_conditions(
        self, filters: Mapping[str, Any], since: datetime | None, until: datetime | None
    ) -> tuple[builtins.list[str], builtins.list[Any]]:
        """``filters={"employer_id": ...}`` keeps the people linked to that employer (a live link)."""
        filters = dict(filters)
        employer_id = filters.pop("employer_id", None)
        refuse_unknown(filters, (), "is not a filter of persons")
        emp = str(uuid_of("employer_id", employer_id)) if employer_id else None
        linked = (
            "(?::UUID IS NULL OR EXISTS (SELECT 1 FROM crm_employer_people l "
            "WHERE l.person_id = crm_people.id AND l.employer_id = ?::UUID AND l.deleted_at IS NULL))"
        )
        return [linked], [emp, emp]

    def employers_with_people(self, *, on: date) -> set[str]:
        """Ids of live employers with a live person still there on day ``on`` (not left before it)."""
        rows = self.con.execute(
            "SELECT DISTINCT l.employer_id FROM crm_employer_people l "
            "JOIN crm_people p ON p.id = l.person_id "
            "WHERE l.deleted_at IS NULL AND p.deleted_at IS NULL AND (l.left_on IS NULL OR l.left_on >= ?)",
            [on],
        ).fetchall()
        return {str(r[0]) for r in rows}

    def ids_at(self, *, employer_id: str) -> builtins.list[str]:
        """Ids of people ever linked to an employer (live links), for its timeline."""
        rows = self.con.execute(
            "SELECT DISTINCT person_id FROM crm_employer_people WHERE deleted_at IS NULL AND employer_id = ?",
            [uuid_of("employer_id", employer_id)],
        ).fetchall()
        return sorted(str(r[0]) for r in rows)


def _prepare_link(values: Mapping[str, Any]) -> dict[str, Any]:
    refuse_unknown(values, LINK_COLUMNS, "is not a link field", prefix="employers.")
    refuse_unsafe(values, prefix="employers.")
    if not values.get("employer_id"):
        raise InvalidError("employers.employer_id", "is required")
    check_link(values)
    row = {c: values.get(c) for c in LINK_COLUMNS}
    row.update(
        id=new_id("id", values.get("id")),
        employer_id=str(uuid_of("employer_id", values["employer_id"])),
        person_id=str(uuid_of("person_id", values["person_id"])),
        role=values.get("role") or "",
    )
    return row


def _with_links(person: PersonRecord, links: tuple[PersonLinkRecord, ...]) -> PersonRecord:
    return replace(person, employers=links)
