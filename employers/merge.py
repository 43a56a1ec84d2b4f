"""`MergeStore`: merge two employers field by field, and undo a merge.

A merge is one transaction: the loser is soft-deleted with ``merged_into_id``; every child row
(sites, people links with their roles and dates, contacts, openings, notes, tasks, stage history)
moves to the survivor; the survivor takes the chosen values and the loser's name as an alias; the
ids moved and the survivor's values before are kept in ``crm_merges``, so undo moves exactly
those rows back and restores the values nobody has changed since.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from employers import uniqueness
from employers.change_log import CHANGE_LOG
from employers.errors import ConflictError, InvalidError, NotFoundError
from employers.models import EmployerRecord
from employers.store import UPDATABLE, EmployerStore
from storekit.connection import Connection
from storekit.rows import new_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

#: Tables whose rows belong to an employer through ``employer_id``.
CHILD_TABLES = (
    "crm_sites",
    "crm_employer_people",
    "crm_contacts",
    "crm_openings",
    "crm_notes",
    "crm_tasks",
    "crm_stage_history",
)
#: Fields the caller may pick per merge ("survivor" or "loser"); aliases are always combined.
MERGE_FIELDS = tuple(f for f in UPDATABLE if f != "aliases")
_COLUMNS = (
    "id, survivor_id, loser_id, survivor_before, survivor_after, moved, merged_at, merged_by, "
    "undone_at, undone_by"
)
#: A merge with both employers' names (the loser's row is kept, soft-deleted, so it always joins).
_SELECT = (
    "SELECT " + ", ".join(f"m.{c}" for c in _COLUMNS.split(", ")) + ", s.name, l.name FROM crm_merges m "
    "JOIN crm_employers s ON s.id = m.survivor_id JOIN crm_employers l ON l.id = m.loser_id"
)
#: What a merge moves that the screen counts: kind -> table (live rows only).
COUNTED = {
    "people": "crm_employer_people",
    "contacts": "crm_contacts",
    "openings": "crm_openings",
    "tasks": "crm_tasks",
    "notes": "crm_notes",
}


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """A merge: what moved (table -> ids) and the survivor's changed fields (field -> (before, after))."""

    id: str
    survivor_id: str
    loser_id: str
    merged_at: datetime
    merged_by: str
    moved: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    undone_at: datetime | None = None
    undone_by: str | None = None
    survivor_name: str = ""
    loser_name: str = ""


class MergeStore(Store):
    """Merges in an injected DuckDB connection, serialised by the writer lock."""

    def __init__(self, con: Connection, lock: AbstractContextManager[object] | None = None) -> None:
        super().__init__(con, lock)
        self.employers = EmployerStore(con, self.lock)

    def create(
        self, *, survivor_id: str, loser_id: str, choices: Mapping[str, str] | None = None, actor: str
    ) -> MergeRecord:
        """Merge ``loser_id`` into ``survivor_id``.

        Args:
            survivor_id: The employer that stays.
            loser_id: The employer that becomes an alias of the survivor.
            choices: field -> "survivor" or "loser". Unchosen fields keep the survivor's value
                unless it is empty; ``do_not_contact`` stays set if either had it.
            actor: Who merges.
        """
        if survivor_id == loser_id:
            raise InvalidError("loser_id", "must differ from survivor_id")
        survivor = self.employers.get(employer_id=survivor_id)
        loser = self.employers.get(employer_id=loser_id)
        values = merged_values(survivor, loser, choices or {})
        merge_id = new_id("id", None)
        with self.transaction() as con:
            con.execute(
                "UPDATE crm_employers SET deleted_at = ?, deleted_by = ?, merged_into_id = ? WHERE id = ?",
                [now(), actor, uuid_of("survivor_id", survivor_id), uuid_of("loser_id", loser_id)],
            )
            CHANGE_LOG.log_change(
                con, actor=actor, entity="employer", entity_id=loser_id, action="merged_into",
                changes={"merged_into_id": (None, survivor_id)},
            )  # fmt: skip
            moved = _move(con, CHILD_TABLES, loser_id, survivor_id, ids=None)
            changed = self.employers.apply_update(con, survivor_id, values, actor, action="merge")
            con.execute(
                f"INSERT INTO crm_merges ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                [merge_id, survivor_id, loser_id, _dump({k: v[0] for k, v in changed.items()}),
                 _dump({k: v[1] for k, v in changed.items()}), json.dumps(moved), now(), actor],
            )  # fmt: skip
        return self.get(merge_id=merge_id)

    def undo(self, *, merge_id: str, actor: str) -> MergeRecord:
        """Move the merged rows back, restore the loser and the survivor's untouched fields.

        Raises:
            NotFoundError: No such merge.
            ConflictError: Already undone, or the survivor is gone.
        """
        merge = self.get(merge_id=merge_id)
        if merge.undone_at is not None:
            raise ConflictError("merge_id", "this merge was already undone")
        survivor = self.employers.get(employer_id=merge.survivor_id)
        with self.transaction() as con:
            untouched = {
                f: before
                for f, (before, after) in merge.changed.items()
                if _same(getattr(survivor, f), after)
            }
            if untouched:
                self.employers.apply_update(con, merge.survivor_id, untouched, actor, action="undo_merge")
            for table, ids in merge.moved.items():
                _move(con, (table,), merge.survivor_id, merge.loser_id, ids=ids)
            row = con.execute(
                "SELECT registry_number FROM crm_employers WHERE id = ?", [uuid_of("id", merge.loser_id)]
            ).fetchone()
            assert row is not None  # the merge record points at the loser's row, which is never removed
            uniqueness.check_registry_numbers(con, [{"id": merge.loser_id, "registry_number": row[0]}])
            con.execute(
                "UPDATE crm_employers SET deleted_at = NULL, deleted_by = NULL, merged_into_id = NULL "
                "WHERE id = ?",
                [uuid_of("id", merge.loser_id)],
            )
            CHANGE_LOG.log_change(
                con, actor=actor, entity="employer", entity_id=merge.loser_id, action="unmerged"
            )
            con.execute(
                "UPDATE crm_merges SET undone_at = ?, undone_by = ? WHERE id = ?",
                [now(), actor, uuid_of("merge_id", merge_id)],
            )
        return self.get(merge_id=merge_id)

    def get(self, *, merge_id: str) -> MergeRecord:
        """One merge; NotFoundError when unknown."""
        row = self.con.execute(f"{_SELECT} WHERE m.id = ?", [uuid_of("merge_id", merge_id)]).fetchone()
        if row is None:
            raise NotFoundError("merge", merge_id)
        return _record(row)

    def list(self, *, merged_by: Sequence[str] | None = None, limit: int = 100) -> list[MergeRecord]:
        """Merges, newest first; only those made by the ``merged_by`` usernames when given."""
        where = "" if merged_by is None else " WHERE list_contains(?, m.merged_by)"
        params: list[object] = [] if merged_by is None else [list(merged_by)]
        rows = self.con.execute(
            f"{_SELECT}{where} ORDER BY m.merged_at DESC, m.id LIMIT ?", [*params, limit]
        ).fetchall()
        return [_record(r) for r in rows]

    def count_moving(self, *, employer_id: str) -> dict[str, int]:
        """What merging this employer away would move: kind (`COUNTED`) -> its live rows."""
        key = uuid_of("employer_id", employer_id)
        counts = {}
        for kind, table in COUNTED.items():
            row = self.con.execute(
                f"SELECT count(*) FROM {table} WHERE employer_id = ? AND deleted_at IS NULL", [key]
            ).fetchone()
            counts[kind] = int(row[0]) if row else 0
        return counts


def _record(row: tuple[Any, ...]) -> MergeRecord:
    """A `_SELECT` row as a record."""
    mid, sid, lid, before, after, moved, at, by, undone_at, undone_by, survivor_name, loser_name = row
    before, after = json.loads(before), json.loads(after)
    return MergeRecord(
        id=str(mid),
        survivor_id=str(sid),
        loser_id=str(lid),
        merged_at=at,
        merged_by=by,
        moved=json.loads(moved),
        changed={k: (before[k], after[k]) for k in before},
        undone_at=undone_at,
        undone_by=undone_by,
        survivor_name=survivor_name,
        loser_name=loser_name,
    )


def merged_values(
    survivor: EmployerRecord, loser: EmployerRecord, choices: Mapping[str, str]
) -> dict[str, Any]:
    """The survivor's new field values: chosen side per field, else the survivor's if non-empty."""
    for name, side in choices.items():
        if name not in MERGE_FIELDS:
            raise InvalidError(f"choices.{name}", "is not a field that can be merged")
        if side not in ("survivor", "loser"):
            raise InvalidError(f"choices.{name}", "must be 'survivor' or 'loser'")
    values: dict[str, Any] = {}
    for name in MERGE_FIELDS:
        mine, theirs = getattr(survivor, name), getattr(loser, name)
        if name in choices:
            values[name] = theirs if choices[name] == "loser" else mine
        elif name == "do_not_contact":
            values[name] = mine or theirs  # an employer's objection is never lost in a merge
        else:
            values[name] = mine if mine not in (None, "", ()) else theirs
    # the survivor's own name too: when the loser's name is kept, the old one stays findable
    names = [*survivor.aliases, survivor.name, loser.name, *loser.aliases]
    kept = values["name"]
    values["aliases"] = [n for i, n in enumerate(names) if n != kept and n not in names[:i]]
    return values


def _move(
    con: Connection, tables: tuple[str, ...], src: str, dst: str, *, ids: list[str] | None
) -> dict[str, list[str]]:
    """Point rows of ``tables`` from employer ``src`` to ``dst`` (only ``ids`` if given)."""
    moved: dict[str, list[str]] = {}
    for table in tables:
        if ids is None:
            found = con.execute(
                f"SELECT id FROM {table} WHERE employer_id = ?", [uuid_of("id", src)]
            ).fetchall()
            ids_here = sorted(str(r[0]) for r in found)
        else:
            ids_here = ids
        if ids_here:
            con.execute(
                f"UPDATE {table} SET employer_id = ? WHERE list_contains(?, id)",
                [uuid_of("id", dst), [uuid_of("id", i) for i in ids_here]],
            )
        moved[table] = ids_here
    return moved


def _same(current: Any, stored: Any) -> bool:
    return bool(_plain(current) == _plain(stored))


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, list | tuple) else value


def _dump(values: Mapping[str, Any]) -> str:
    return json.dumps({k: _plain(v) for k, v in values.items()}, default=str)
