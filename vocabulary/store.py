"""`AliasStore`: create, read, list, change, soft-delete and restore programme aliases.

One live alias per (kind, language, folded text): the store checks it inside the write
transaction, so two writers cannot both add "Undersköterska" for Swedish.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, Unpack

from storekit.change_log import ChangeLog
from storekit.checks import first, refuse_nulls, refuse_unknown
from storekit.connection import Connection
from storekit.errors import ConflictError
from storekit.pages import page_rows
from storekit.records import table_columns
from storekit.rows import clean, data_columns, insert_sql, new_id, row_by_id, select_records, uuid_of
from storekit.store import Store
from storekit.transactions import now
from vocabulary.records import AliasFilters, AliasRecord, AliasValues, check_alias

TABLE = "vocab_aliases"
ENTITY = "alias"
CHANGE_LOG = ChangeLog("vocab_change_log")
COLUMNS = table_columns(AliasRecord)
#: What a caller sets (audit columns and deleted_at are the store's).
DATA = tuple(c for c in data_columns(COLUMNS) if c != "deleted_at")
UPDATABLE = frozenset(DATA) - {"id"}


class AliasStore(Store):
    """Aliases in ``vocab_aliases``, every write change-logged in ``vocab_change_log``."""

    def create(self, *, values: AliasValues, actor: str) -> AliasRecord:
        """Add one alias and return it as stored (see `create_many`)."""
        return self.create_many(rows=[values], actor=actor)[0]

    def create_many(self, *, rows: Sequence[AliasValues], actor: str) -> builtins.list[AliasRecord]:
        """Add aliases in one transaction; nothing is written if any row is invalid.

        Raises:
            InvalidError: A field breaks a rule.
            ConflictError: A live alias (or an earlier row) has the same kind, language and text.
        """
        prepared = [_prepare(row) for row in rows]
        seen: dict[tuple[str, str, str], str] = {}
        at = now()
        with self.transaction() as con:
            for row in prepared:
                key = (row["kind"], row["language"], row["folded"])
                if key in seen:
                    raise ConflictError("text", f"{row['text']!r} is given twice", seen[key])
                seen[key] = row["id"]
                self._refuse_taken(con, row)
            con.executemany(
                insert_sql(TABLE, DATA), [[*(r[c] for c in DATA), at, actor, at, actor] for r in prepared]
            )
            CHANGE_LOG.log_creates(con, actor=actor, entity=ENTITY, entity_ids=[r["id"] for r in prepared])
        return [self.get(record_id=r["id"]) for r in prepared]

    def get(self, *, record_id: str) -> AliasRecord:
        """The live alias; NotFoundError when missing or deleted."""
        row = row_by_id(self.con, TABLE, COLUMNS, ENTITY, record_id, live=True)
        return AliasRecord(**clean(COLUMNS, row))

    def list(
        self, *, limit: int = 50, after: str | None = None, **filters: Unpack[AliasFilters]
    ) -> builtins.list[AliasRecord]:
        """Live aliases by id after ``after``, optionally of one kind and language."""
        rows = page_rows(
            self.con, TABLE, COLUMNS, where="deleted_at IS NULL", equal=filters, after=after, limit=limit
        )
        return [AliasRecord(**clean(COLUMNS, r)) for r in rows]

    def installed(self) -> bool:
        """True once the vocabulary migration has run on this database."""
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [TABLE]
        ).fetchone()
        return bool(row and row[0])

    def live(self) -> builtins.list[AliasRecord]:
        """Every live alias, oldest first (what the service's alias map is built from)."""
        return select_records(
            self.con, AliasRecord, TABLE, COLUMNS, "deleted_at IS NULL", order="created_at, id"
        )

    def update(self, *, record_id: str, values: AliasValues, actor: str) -> AliasRecord:
        """Change fields of a live alias; one change-log row per changed field."""
        refuse_unknown(values, UPDATABLE, "is not an updatable alias field")
        refuse_nulls(values, UPDATABLE)
        with self.transaction() as con:
            old = self.get(record_id=record_id)
            merged = {c: getattr(old, c) for c in DATA} | dict(values)
            check_alias(merged)
            self._refuse_taken(con, merged)
            changed = {k: (getattr(old, k), v) for k, v in values.items() if getattr(old, k) != v}
            if changed:
                sets = ", ".join(f"{k} = ?" for k in changed)
                con.execute(
                    f"UPDATE {TABLE} SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
                    [*(new for _, new in changed.values()), now(), actor, uuid_of("id", record_id)],
                )
                CHANGE_LOG.log_change(
                    con, actor=actor, entity=ENTITY, entity_id=record_id, action="update", changes=changed
                )
        return self.get(record_id=record_id)

    def delete(self, *, record_id: str, actor: str) -> AliasRecord:
        """Soft-delete a live alias (restorable); returns it as it was."""
        with self.transaction() as con:
            old = self.get(record_id=record_id)
            con.execute(
                f"UPDATE {TABLE} SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                [now(), actor, uuid_of("id", record_id)],
            )
            CHANGE_LOG.log_change(con, actor=actor, entity=ENTITY, entity_id=record_id, action="delete")
        return old

    def restore(self, *, record_id: str, actor: str) -> AliasRecord:
        """Undelete a soft-deleted alias (unless a live one now has its words) and return it."""
        with self.transaction() as con:
            row = row_by_id(con, TABLE, COLUMNS, ENTITY, record_id, live=False)
            self._refuse_taken(con, clean(COLUMNS, row))
            con.execute(
                f"UPDATE {TABLE} SET deleted_at = NULL, deleted_by = NULL, updated_at = ?, updated_by = ?"
                " WHERE id = ?",
                [now(), actor, uuid_of("id", record_id)],
            )
            CHANGE_LOG.log_change(con, actor=actor, entity=ENTITY, entity_id=record_id, action="restore")
        return self.get(record_id=record_id)

    def _refuse_taken(self, con: Connection, row: Mapping[str, Any]) -> None:
        """ConflictError when another live alias has the row's kind, language and folded text."""
        found = con.execute(
            f"SELECT id, esco_uri FROM {TABLE} WHERE deleted_at IS NULL AND kind = ? AND language = ?"
            " AND folded = ? AND id <> ?",
            [row["kind"], row["language"], row["folded"], uuid_of("id", row["id"])],
        ).fetchall()
        if found:
            existing = first(found, ENTITY, "")
            raise ConflictError(
                "text", f"{row['text']!r} is already an alias for {existing[1]}", str(existing[0])
            )


def _prepare(values: Mapping[str, Any]) -> dict[str, Any]:
    """A full row from caller values: id made, text trimmed, rules checked."""
    refuse_unknown(values, DATA, "is not an alias field")
    row = {c: values.get(c) for c in DATA}
    row["id"] = new_id("id", values.get("id"))
    row["note"] = row["note"] or ""
    row["text"] = str(row["text"] or "").strip()
    row["esco_uri"] = str(row["esco_uri"] or "").strip()
    check_alias(row)
    return row
