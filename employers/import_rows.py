"""Per-entity import of one row inside the import's transaction: find the record, create or update.

Every check runs before a row's first write, so a bad row leaves nothing behind even when the
import goes on with the other rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, cast

from employers import store as employer_store
from employers.changes import update_row
from employers.contacts import ContactStore
from employers.dedupe import Candidate, CandidateIndex
from employers.errors import ConflictError, InvalidError
from employers.import_keys import ImportKeys
from employers.io_specs import EMPLOYER_REFS, REQUIRED
from employers.openings import OpeningStore
from employers.people import PeopleStore
from employers.records import check_link
from employers.store import EmployerStore
from employers.uniqueness import candidates
from employers.values import OpeningValues
from storekit.connection import Connection
from storekit.rows import uuid_of

#: entity -> (table, change-log entity name)
TABLES = {
    "employers": ("crm_employers", "employer"),
    "people": ("crm_people", "person"),
    "contacts": ("crm_contacts", "contact"),
    "openings": ("crm_openings", "opening"),
}
_NATURAL_KEY = {"employers": "registry_number", "people": "email"}


@dataclass
class Hooks:
    """What the service adds to an import: ESCO linking of openings and participant checks.

    Attributes:
        normalise_opening: New opening values -> values with the ESCO occupation linked.
        participant_link: A participant id -> ``{participant_id, participant_unit}``, raising
            InvalidError("participant_id", ...) when the importer may not link that person.
        check_duplicates: Refuse new employers that look like live ones (row error on ``name``).
        may_change: A matched contact id -> whether the importer may change it (False: it names
            another unit's participant; the row is then treated as matching nothing).
        known_owner: A username -> whether it may own an employer (a user of the importer's
            unit); None: owners are not checked.
    """

    normalise_opening: Callable[[OpeningValues], OpeningValues] | None = None
    participant_link: Callable[[str], dict[str, str]] | None = None
    check_duplicates: bool = True
    may_change: Callable[[str], bool] | None = None
    known_owner: Callable[[str], bool] | None = None


@dataclass
class Outcome:
    """What one row did: ``changes`` is field -> (before, after) for an update."""

    entity_id: str
    link_id: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)


class RowImporter:
    """Finds, creates and updates records of one entity for an import run."""

    def __init__(
        self,
        con: Connection,
        lock: AbstractContextManager[object],
        entity: str,
        actor: str,
        hooks: Hooks,
        keys: ImportKeys | None = None,
    ) -> None:
        self.con, self.entity, self.actor, self.hooks = con, entity, actor, hooks
        self.keys = keys if keys is not None else ImportKeys(con, (TABLES[entity][0], "crm_employers"))
        self.stores: dict[str, Any] = {
            "employers": EmployerStore(con, lock),
            "people": PeopleStore(con, lock),
            "contacts": ContactStore(con, lock),
            "openings": OpeningStore(con, lock),
        }
        self._pool: CandidateIndex | None = None

    def find(self, values: Mapping[str, Any], mode: str = "upsert") -> str | None:
        """The live record this row is about (by id, then natural key, then external id).

        A contact the importer may not change (``Hooks.may_change``) is matched like no record
        at all; only a row that names its ``id`` and would create a record gets a row error.
        """
        found = self._find(values)
        may_change = self.hooks.may_change
        if found is None or self.entity != "contacts" or may_change is None or may_change(found):
            return found
        if values.get("id") and mode != "update":
            raise InvalidError("id", "is taken by a contact you may not change")
        return None

    def _find(self, values: Mapping[str, Any]) -> str | None:
        table, noun = TABLES[self.entity]
        if values.get("id"):
            row = self.con.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [values["id"]]).fetchone()
            if row is not None and row[0] is not None:
                raise InvalidError("id", f"belongs to a deleted {noun}; restore it first")
            return values["id"] if row is not None else None
        key = _NATURAL_KEY.get(self.entity)
        if key and values.get(key):
            found = self._by_natural_key(table, key, values[key])
            if found:
                return found
        if values.get("external_id"):
            return self.keys.lookup(table, "external_id", values["external_id"])
        return None

    def create(self, values: dict[str, Any]) -> Outcome:
        """Create a record from a row (checks first, then writes)."""
        missing = [c for c in REQUIRED[self.entity] if values.get(c) in (None, "")]
        if missing:
            raise InvalidError(missing[0], "is required to create a record")
        values = self._resolved(values, creating=True)
        return getattr(self, f"_create_{self.entity}")(values)

    def update(self, record_id: str, values: dict[str, Any]) -> Outcome:
        """Change the given fields of a live record; unchanged and empty cells change nothing."""
        values = self._resolved({k: v for k, v in values.items() if k != "id"}, creating=False)
        if self.entity == "people":
            return self._update_person(record_id, values)
        if self.entity == "employers":
            self._check_registry(values.get("registry_number"), record_id)
            done = self.stores["employers"].apply_update(
                self.con, record_id, values, self.actor, action="import", registry_checked=True
            )
        else:
            done = self.stores[self.entity].apply_update(self.con, record_id, values, self.actor)
        self.keys.put(TABLES[self.entity][0], record_id, values)
        return Outcome(record_id, changes=done)

    def _create_employers(self, values: dict[str, Any]) -> Outcome:
        emp, _ = employer_store.prepare(values)
        self._check_registry(emp.get("registry_number"), emp["id"])
        query = Candidate.of(emp)
        pool = self._candidates()
        if self.hooks.check_duplicates:
            hits = pool.find(query, limit=1)
            if hits:
                name = next(c.name for c in pool.records if c.id == hits[0].b)
                reasons = ", ".join(hits[0].reasons)
                raise InvalidError("name", f"likely duplicate of {name} ({hits[0].b}): {reasons}")
        self.stores["employers"].insert(self.con, [emp], [], self.actor, registry_checked=True)
        self.keys.put("crm_employers", emp["id"], emp)
        pool.add(query)  # later rows of the same file are checked against this one too
        return Outcome(emp["id"])

    def _check_registry(self, number: str | None, record_id: str) -> None:
        """ConflictError when another live employer has this registry number (key index lookup)."""
        others = sorted(self.keys.owners("crm_employers", "registry_number", number) - {str(record_id)})
        if others:
            raise ConflictError(
                "registry_number", f"{number} belongs to live employer {others[0]}", others[0]
            )

    def _create_people(self, values: dict[str, Any]) -> Outcome:
        link = _link_values(values)
        person = {
            k: v for k, v in values.items() if k not in ("employer_id", "role", "active_from", "left_on")
        }
        (pid,) = self.stores["people"].insert(
            self.con, [{**person, "employers": [link] if link else []}], self.actor
        )
        self.keys.put("crm_people", pid, person)
        link_id = self._link_of(pid, link["employer_id"]) if link else None
        return Outcome(pid, link_id=link_id)

    def _create_contacts(self, values: dict[str, Any]) -> Outcome:
        values.setdefault("specialist", self.actor)
        values.setdefault("status", "held")
        store = self.stores["contacts"]
        (cid,) = store.insert(self.con, [values], self.actor)
        self.keys.put("crm_contacts", cid, values)
        if values.get("next_step") and values.get("next_step_due"):  # else no task: spare the read
            store.insert_follow_ups(self.con, store.get_many([cid]), self.actor)
        return Outcome(cid)

    def _create_openings(self, values: dict[str, Any]) -> Outcome:
        if self.hooks.normalise_opening is not None:
            values = dict(self.hooks.normalise_opening(cast(OpeningValues, values)))
        (oid,) = self.stores["openings"].insert(self.con, [values], self.actor)
        self.keys.put("crm_openings", oid, values)
        return Outcome(oid)

    def _update_person(self, pid: str, values: dict[str, Any]) -> Outcome:
        link = _link_values(values)
        person = {
            k: v for k, v in values.items() if k not in ("employer_id", "role", "active_from", "left_on")
        }
        store = self.stores["people"]
        done = store.apply_update(self.con, pid, person, self.actor) if person else {}
        self.keys.put("crm_people", pid, person)
        if not link:
            return Outcome(pid, changes=done)
        link_id = self._link_of(pid, link["employer_id"])
        if link_id is None:
            (new_link,) = store.insert_links(self.con, [{**link, "person_id": pid}], self.actor)
            return Outcome(pid, link_id=new_link, changes=done | {"link.created": (None, new_link)})
        fields = {k: v for k, v in link.items() if k != "employer_id"}
        old = store.get_link(link_id=link_id)
        check = {"active_from": old.active_from, "left_on": old.left_on} | fields
        check_link(check)
        moved = update_row(
            self.con,
            table="crm_employer_people",
            entity="person_link",
            entity_id=link_id,
            values=fields,
            actor=self.actor,
        )
        return Outcome(pid, link_id=link_id, changes=done | {f"link.{k}": v for k, v in moved.items()})

    def _resolved(self, values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
        """Employer references turned into ``employer_id``; participant links checked."""
        out = {k: v for k, v in values.items() if k not in EMPLOYER_REFS}
        if self.entity != "employers":
            employer_id = self._employer(values)
            if employer_id:
                out["employer_id"] = employer_id
            elif creating and self.entity in ("contacts", "openings"):
                raise InvalidError(
                    "employer_id", "is required (or employer_registry_number / employer_external_id)"
                )
        if out.get("participant_id"):
            if self.hooks.participant_link is None:
                raise InvalidError(
                    "participant_id", "participant links need a signed-in user who may see the person"
                )
            out |= self.hooks.participant_link(out["participant_id"])
        return out

    def _employer(self, values: Mapping[str, Any]) -> str | None:
        for ref, key in zip(EMPLOYER_REFS, ("id", "registry_number", "external_id"), strict=True):
            if values.get(ref):
                found = (
                    self._live_employer(values[ref])
                    if key == "id"
                    else self._by_natural_key("crm_employers", key, values[ref])
                )
                if found is None:
                    raise InvalidError(ref, f"no live employer with {key} {values[ref]!r}")
                return found
        return None

    def _live_employer(self, employer_id: str) -> str | None:
        row = self.con.execute(
            "SELECT id FROM crm_employers WHERE id = ? AND deleted_at IS NULL",
            [uuid_of("employer_id", employer_id)],
        ).fetchone()
        return str(row[0]) if row else None

    def _by_natural_key(self, table: str, column: str, value: str) -> str | None:
        return self.keys.lookup(table, column, value)

    def _link_of(self, person_id: str, employer_id: str) -> str | None:
        row = self.con.execute(
            "SELECT id FROM crm_employer_people WHERE deleted_at IS NULL AND person_id = ? "
            "AND employer_id = ? "
            "ORDER BY id LIMIT 1",
            [uuid_of("person_id", person_id), uuid_of("employer_id", employer_id)],
        ).fetchone()
        return str(row[0]) if row else None

    def _candidates(self) -> CandidateIndex:
        if self._pool is None:
            self._pool = CandidateIndex(candidates(self.con))
        return self._pool


def _link_values(values: Mapping[str, Any]) -> dict[str, Any] | None:
    if not values.get("employer_id"):
        return None
    return {k: values[k] for k in ("employer_id", "role", "active_from", "left_on") if k in values}
