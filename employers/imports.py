"""`ImportStore`: CSV/xlsx imports with dry run, all-or-nothing apply, failed rows and revert.

A run goes through every row inside one write transaction. A dry run, or a run with bad rows
that were not to be skipped, is rolled back: exactly what would happen is reported, nothing
changes. Each run and each row's outcome are recorded (updated rows with their values before), so
a run can be reverted: what it created is soft-deleted, what it updated gets its old values back
where nobody has changed them since.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from employers.change_log import CHANGE_LOG
from employers.errors import ConflictError, EmployerError, InvalidError
from employers.import_records import ImportRecord, ImportRow
from employers.import_revert import delete_created, restore_updated
from employers.import_rows import Hooks, RowImporter
from employers.io_specs import ENTITIES, MODES, check_columns, parse_row
from employers.tabular import read_table, write_table
from storekit.connection import Connection
from storekit.rows import insert_many, new_id, row_by_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

_RUN = (
    "id, entity, mode, file_name, file_sha256, columns, dry_run, skip_bad_rows, status, created, updated, "
    "skipped, errors, created_at, created_by, reverted_at, reverted_by"
)
_ROW = "import_id, row_number, action, entity_id, link_id, before, after, cells, field, message"
__all__ = ["ImportRecord", "ImportRow", "ImportStore"]


class _Rollback(Exception):
    """Raised inside the run's transaction to leave it without writing."""


class ImportStore(Store):
    """Import runs in an injected DuckDB connection, serialised by the writer lock."""

    def create(
        self,
        *,
        entity: str,
        mode: str,
        file_name: str,
        data: bytes,
        actor: str,
        dry_run: bool = False,
        skip_bad_rows: bool = False,
        hooks: Hooks | None = None,
    ) -> ImportRecord:
        """Run an import of ``data`` (CSV or xlsx) and return its report.

        Args:
            entity: employers, people, contacts or openings.
            mode: create (matched rows are skipped), upsert (update matched, create the rest) or
                update (unmatched rows are skipped).
            file_name: For the record, and to tell xlsx from CSV.
            data: The file.
            actor: Who imports.
            dry_run: Report only.
            skip_bad_rows: Apply the good rows even if some are bad (else a bad row changes nothing).
            hooks: ESCO linking, participant checks and the duplicate check (service-provided).

        Raises:
            InvalidError: On ``entity``, ``mode`` or ``file`` (unreadable, unknown column).
        """
        if entity not in ENTITIES:
            raise InvalidError("entity", f"must be one of {', '.join(ENTITIES)}")
        if mode not in MODES:
            raise InvalidError("mode", f"must be one of {', '.join(MODES)}")
        columns, rows = read_table(data, file_name)
        check_columns(entity, columns)
        run = _run_row(entity, mode, file_name, data, columns, dry_run=dry_run, skip_bad_rows=skip_bad_rows)
        try:
            with self.transaction() as con:
                results = self._run(con, entity, mode, rows, actor, hooks or Hooks())
                errors = sum(r["action"] == "error" for r in results)
                run["status"] = (
                    "dry_run" if dry_run else "rejected" if errors and not skip_bad_rows else "applied"
                )
                if run["status"] != "applied":
                    raise _Rollback
                self._record(con, run, results, actor)
        except _Rollback:
            with self.transaction() as con:
                self._record(con, run, [{**r, "before": None, "after": None} for r in results], actor)
        return self.get(import_id=run["id"])

    def _run(
        self,
        con: Connection,
        entity: str,
        mode: str,
        rows: Sequence[dict[str, str]],
        actor: str,
        hooks: Hooks,
    ) -> list[dict[str, Any]]:
        importer = RowImporter(con, self.lock, entity, actor, hooks)
        results = []
        for number, cells in enumerate(rows, start=2):
            result: dict[str, Any] = {
                "row_number": number,
                "cells": cells,
                "entity_id": None,
                "link_id": None,
            }
            try:
                values = parse_row(entity, cells)
                found = importer.find(values, mode)
                if (found and mode == "create") or (not found and mode == "update"):
                    why = "exists (mode create)" if found else "no matching record (mode update)"
                    result |= {"action": "skipped", "entity_id": found, "message": why}
                elif found:
                    out = importer.update(found, values)
                    result |= {"action": "updated" if out.changes else "unchanged", "entity_id": found}
                    result |= {"link_id": out.link_id, **_images(out.changes)}
                else:
                    out = importer.create(values)
                    result |= {"action": "created", "entity_id": out.entity_id, "link_id": out.link_id}
            except EmployerError as exc:
                result |= {"action": "error", **_error(exc)}
            results.append(result)
        return results

    def _record(
        self, con: Connection, run: dict[str, Any], results: list[dict[str, Any]], actor: str
    ) -> None:
        counts = {
            a: sum(r["action"] == a for r in results) for a in ("created", "updated", "skipped", "error")
        }
        row = run | counts | {"errors": counts["error"], "created_at": now(), "created_by": actor}
        con.execute(
            f"INSERT INTO crm_imports ({_RUN}) VALUES ({', '.join('?' * 15)}, NULL, NULL)",
            [row[c] for c in _RUN.split(", ")[:15]],
        )
        keys = _ROW.split(", ")[1:]
        insert_many(
            con,
            "crm_import_rows",
            _ROW.split(", "),
            [
                [run["id"]]
                + [json.dumps(r["cells"], ensure_ascii=False) if k == "cells" else r.get(k) for k in keys]
                for r in results
            ],
        )

    def get(self, *, import_id: str) -> ImportRecord:
        """A run with its row outcomes; NotFoundError when unknown."""
        row = row_by_id(self.con, "crm_imports", _RUN.split(", "), "import", import_id, id_field="import_id")
        rid, entity, mode, name, _, cols, dry, skip, status, c, u, s, e, at, by, rev_at, _ = row
        outcomes = self.con.execute(
            "SELECT row_number, action, entity_id, field, message FROM crm_import_rows WHERE import_id = ? "
            "ORDER BY row_number",
            [rid],
        ).fetchall()
        return ImportRecord(
            id=str(rid),
            entity=entity,
            mode=mode,
            file_name=name,
            status=status,
            created=c,
            updated=u,
            skipped=s,
            errors=e,
            created_at=at,
            created_by=by,
            columns=tuple(json.loads(cols)),
            dry_run=dry,
            skip_bad_rows=skip,
            reverted_at=rev_at,
            rows=tuple(ImportRow(n, a, str(i) if i else None, f, m) for n, a, i, f, m in outcomes),
        )

    def failed_rows(self, *, import_id: str, fmt: str = "csv") -> bytes:
        """The bad rows with their original columns plus ``error``, to fix and import again."""
        run = self.get(import_id=import_id)
        rows = self.con.execute(
            "SELECT row_number, cells, field, message FROM crm_import_rows "
            "WHERE import_id = ? AND action = 'error' "
            "ORDER BY row_number",
            [uuid_of("import_id", import_id)],
        ).fetchall()
        columns = [c for c in run.columns if c != "error"] + ["error"]
        table = [
            json.loads(cells) | {"error": f"row {n}: {f}: {m}" if f else f"row {n}: {m}"}
            for n, cells, f, m in rows
        ]
        return write_table(columns, table, fmt)

    def revert(self, *, import_id: str, actor: str) -> ImportRecord:
        """Undo an applied run: soft-delete what it created, restore what it updated.

        Raises:
            ConflictError: The run was not applied, or was already reverted.
        """
        run = self.get(import_id=import_id)
        if run.status != "applied":
            raise ConflictError(
                "import_id", f"only an applied import can be reverted (this one is {run.status})"
            )
        rows = self.con.execute(
            "SELECT action, entity_id, link_id, before, after FROM crm_import_rows WHERE import_id = ? "
            "AND action IN ('created', 'updated') ORDER BY row_number DESC",
            [uuid_of("import_id", import_id)],
        ).fetchall()
        with self.transaction() as con:
            for action, entity_id, link_id, before, after in rows:
                if action == "created":
                    delete_created(con, run.entity, str(entity_id), link_id, actor)
                else:
                    restore_updated(
                        con, run.entity, str(entity_id), link_id, json.loads(before), json.loads(after), actor
                    )
            con.execute(
                "UPDATE crm_imports SET status = 'reverted', reverted_at = ?, reverted_by = ? WHERE id = ?",
                [now(), actor, uuid_of("import_id", import_id)],
            )
            CHANGE_LOG.log_change(con, actor=actor, entity="import", entity_id=run.id, action="revert")
        return self.get(import_id=import_id)


def _run_row(
    entity: str,
    mode: str,
    file_name: str,
    data: bytes,
    columns: list[str],
    *,
    dry_run: bool,
    skip_bad_rows: bool,
) -> dict[str, Any]:
    return {
        "id": new_id("id", None),
        "entity": entity,
        "mode": mode,
        "file_name": file_name[:300],
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "columns": json.dumps(columns),
        "dry_run": dry_run,
        "skip_bad_rows": skip_bad_rows,
    }


def _images(done: dict[str, tuple[Any, Any]]) -> dict[str, str]:
    return {
        "before": json.dumps({k: _plain(v[0]) for k, v in done.items()}, default=str),
        "after": json.dumps({k: _plain(v[1]) for k, v in done.items()}, default=str),
    }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _error(exc: EmployerError) -> dict[str, str | None]:
    if isinstance(exc, InvalidError | ConflictError):
        return {"field": exc.field, "message": exc.message}
    return {"field": None, "message": str(exc)}
