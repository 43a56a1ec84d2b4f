"""`EpisodeStore`: create, get, list and update one participant-linked ``caseload_*`` table.

Jobs, education episodes and support contacts differ only in their table, record type, rules
and order; this class holds what they share. Every record belongs to one participant: a read or
write names the participant, and a record of someone else is a NotFoundError (the service checks
that the caller may see that participant first). Table and column names are class constants,
never caller input; values are always parameters.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from participants.change_log import CHANGE_LOG
from participants.errors import InvalidError, NotFoundError
from storekit.checks import refuse_nulls, refuse_unknown, refuse_unsafe
from storekit.connection import Connection
from storekit.records import table_columns
from storekit.rows import data_columns, insert_sql, new_id, select_records, uuid_of
from storekit.store import Store
from storekit.transactions import now

R = TypeVar("R")
#: Columns holding ids of other records (checked to be UUIDs; stored as UUID).
ID_COLUMNS = frozenset({"participant_id", "employer_id", "opening_id", "lead_id", "job_id"})


class EpisodeStore(Store, Generic[R]):
    """One participant-linked table in an injected DuckDB connection."""

    table: ClassVar[str]
    entity: ClassVar[str]
    record: ClassVar[type]
    #: ORDER BY of a participant's list (a constant).
    order: ClassVar[str] = "created_at"
    defaults: ClassVar[Mapping[str, Any]] = {}
    #: Columns a caller must give at creation and may never set to null.
    required: ClassVar[frozenset[str]] = frozenset()
    #: Columns that may not change after creation.
    fixed: ClassVar[frozenset[str]] = frozenset({"participant_id"})

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        """The record's table columns, ``id`` first and the audit columns last."""
        return table_columns(cls.record)

    @classmethod
    def data(cls) -> tuple[str, ...]:
        """Columns a caller may set (``id`` and ``participant_id`` included)."""
        return data_columns(cls.columns())

    def check(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """The full row with values normalised, or InvalidError naming the field (subclasses)."""
        return dict(row)

    def create(self, *, participant_id: str, values: Mapping[str, Any], actor: str) -> R:
        """Create one record for ``participant_id`` and return it as stored.

        Raises:
            InvalidError: A field is unknown, missing or breaks a rule.
        """
        refuse_unknown(values, set(self.data()) - {"participant_id"}, f"is not a {self.entity} field")
        refuse_unsafe(values)  # control characters, lone surrogates, dates outside 1900-2200, NaN
        row = {c: values.get(c) for c in self.data()}
        for name, default in self.defaults.items():
            row[name] = row[name] if row[name] is not None else default
        missing = sorted(c for c in self.required if row.get(c) in (None, ""))
        if missing:
            raise InvalidError(missing[0], "is required")
        row["id"] = new_id("id", values.get("id"))
        row["participant_id"] = str(uuid_of("participant_id", participant_id))
        row = self.check(_ids(row))
        at = now()
        cols = self.data()
        with self.transaction() as con:
            con.execute(insert_sql(self.table, cols), [*(_param(row[c]) for c in cols), at, actor, at, actor])
            CHANGE_LOG.log_change(con, actor=actor, entity=self.entity, entity_id=row["id"], action="create")
        return self.get(participant_id=participant_id, record_id=row["id"])

    def get(self, *, participant_id: str, record_id: str) -> R:
        """The live record of this participant; NotFoundError for a missing one or someone else's."""
        found = self._select(
            "id = ? AND participant_id = ?", [uuid_of("id", record_id), _pid(participant_id)]
        )
        if not found:
            raise NotFoundError(self.entity, record_id)
        return found[0]

    def list(self, *, participant_id: str) -> builtins.list[R]:
        """The participant's live records, in the store's order."""
        return self._select("participant_id = ?", [_pid(participant_id)])

    def list_for(self, *, participant_ids: Sequence[str] | None) -> builtins.list[R]:
        """Live records of these participants (None: everyone's), in the store's order."""
        if participant_ids is None:
            return self._select("TRUE", [])
        return self._select("list_contains(?, participant_id)", [[_pid(p) for p in participant_ids]])

    def update(self, *, participant_id: str, record_id: str, values: Mapping[str, Any], actor: str) -> R:
        """Change fields of a live record; one change-log row per changed field.

        Raises:
            NotFoundError: No live record with that id for this participant.
            InvalidError: A field is unknown, fixed, null where required, or breaks a rule.
        """
        refuse_unknown(
            values, set(self.data()) - {"id"} - self.fixed, f"is not an updatable {self.entity} field"
        )
        refuse_nulls(values, self.required)
        refuse_unsafe(values)
        old = self.get(participant_id=participant_id, record_id=record_id)
        before = {c: getattr(old, c) for c in self.data()}
        merged = self.check(_ids({**before, **values}))
        changed = {c: (before[c], merged[c]) for c in values if _norm(before[c]) != _norm(merged[c])}
        if changed:
            with self.transaction() as con:
                self._write_update(con, record_id, changed, actor)
        return self.get(participant_id=participant_id, record_id=record_id)

    def _write_update(self, con: Connection, record_id: str, changed: Mapping[str, Any], actor: str) -> None:
        sets = ", ".join(f"{c} = ?" for c in changed)
        con.execute(
            f"UPDATE {self.table} SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
            [*(_param(new) for _, new in changed.values()), now(), actor, uuid_of("id", record_id)],
        )
        CHANGE_LOG.log_change(
            con, actor=actor, entity=self.entity, entity_id=record_id, action="update", changes=changed
        )

    def _select(self, where: str, args: builtins.list[Any]) -> builtins.list[R]:
        live = f"deleted_at IS NULL AND {where}"
        order = f"{self.order}, created_at, id"
        return select_records(self.con, self.record, self.table, self.columns(), live, args, order=order)


def _pid(participant_id: str) -> Any:
    return uuid_of("participant_id", participant_id)


def _ids(row: Mapping[str, Any]) -> dict[str, Any]:
    """The row with id columns checked and as text (None stays None)."""
    return {k: (str(uuid_of(k, v)) if k in ID_COLUMNS and v else v) for k, v in row.items()}


def _param(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _norm(value: Any) -> Any:
    return list(value) if isinstance(value, tuple | list) else value


def day(field: str, value: Any) -> dt.date | None:
    """A calendar day from a date or ISO text; None stays None; InvalidError naming ``field``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidError(field, f"is not a date (YYYY-MM-DD): {value!r}") from None


def not_before(row: Mapping[str, Any], later: str, earlier: str) -> None:
    """InvalidError on ``later`` when both days are set and it comes before ``earlier``."""
    if row.get(later) is not None and row.get(earlier) is not None and row[later] < row[earlier]:
        raise InvalidError(later, f"must not be before {earlier}")
