"""`ImportStore`: CSV/xlsx imports with dry run, all-or-nothing apply, failed rows and revert.

Every row is first rehearsed without the writer lock (`employers.import_run`): a dry run, or a
run with bad rows that were not to be skipped, stops there: exactly what would happen is
reported, nothing changes. Otherwise the rows are written in short transactions of a few hundred
rows each, so other writers wait for one chunk, never for the whole file. Each run and each
row's outcome are recorded (updated rows with their values before), so a run can be reverted:
what it created is soft-deleted, what it updated gets its old values back where nobody has
changed them since.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from employers.change_log import CHANGE_LOG
from employers.errors import ConflictError, InvalidError
from employers.import_failed import failed_rows_file
from employers.import_mappings import ImportMappings, map_rows, plan_columns
from employers.import_records import ImportRecord, ImportRow, import_row, run_record
from employers.import_revert import delete_created, restore_updated
from employers.import_rows import Hooks
from employers.import_run import apply_chunks, rehearse, remembered
from employers.io_specs import ENTITIES, MODES, check_columns
from employers.tabular import csv_dialect, read_table
from storekit.connection import Connection
from storekit.rows import insert_many, new_id, row_by_id, uuid_of
from storekit.store import Store
from storekit.transactions import now

_RUN = (
    "id, entity, mode, file_name, file_sha256, columns, dry_run, skip_bad_rows, status, created, updated, "
    "skipped, errors, created_at, created_by, mapping, delimiter, encoding, reverted_at, reverted_by"
)
#: The columns a new run is inserted with (the revert columns stay NULL).
_NEW_RUN = _RUN.split(", ")[:18]
_ROW = "import_id, row_number, action, entity_id, link_id, before, after, cells, field, message, problems"
__all__ = ["ImportRecord", "ImportRow", "ImportStore"]


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
        mapping: Mapping[str, str] | None = None,
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
            mapping: File column -> field ("" to ignore), saved for files of this shape
                (`employers.import_mappings`); columns it leaves out are read by their headers.

        Raises:
            InvalidError: On ``entity``, ``mode``, ``mapping`` or ``file`` (unreadable, unknown column).
        """
        if entity not in ENTITIES:
            raise InvalidError("entity", f"must be one of {', '.join(ENTITIES)}")
        if mode not in MODES:
            raise InvalidError("mode", f"must be one of {', '.join(MODES)}")
        plan, rows = self._read(entity, file_name, data, mapping, actor)
        run = _run_row(entity, mode, file_name, data, plan, dry_run=dry_run, skip_bad_rows=skip_bad_rows)
        hooks = remembered(hooks or Hooks())
        results = rehearse(self.con, entity, mode, rows, actor, hooks)
        errors = [r for r in results if r["action"] == "error"]
        run["status"] = "dry_run" if dry_run else "rejected" if errors and not skip_bad_rows else "applying"
        if run["status"] != "applying":
            with self.transaction() as con:
                self._record_run(con, run, results, actor)
                self._record_rows(con, run["id"], [_no_images(r) for r in results])
            return self.get(import_id=run["id"])
        return self._apply(run, results, entity, actor, hooks)

    def _read(
        self, entity: str, file_name: str, data: bytes, mapping: Mapping[str, str] | None, actor: str
    ) -> tuple[dict[str, str], list[dict[str, str]]]:
        """The file's column plan (file column -> field, "" ignored) and its rows as fields.

        A given ``mapping`` is saved for files of this shape (`employers.import_mappings`).
        """
        headers, source = read_table(data, file_name)
        plan = plan_columns(entity, headers, mapping)
        check_columns(entity, [f for f in plan.values() if f])
        rows = map_rows(entity, plan, source)
        if mapping is not None:
            ImportMappings(self.con, self.lock).save(entity=entity, plan=plan, actor=actor)
        return plan, rows

    def _apply(
        self, run: dict[str, Any], results: list[dict[str, Any]], entity: str, actor: str, hooks: Hooks
    ) -> ImportRecord:
        """Write the rehearsed good rows in chunks; undo them if one has turned bad meanwhile."""
        errors = [r for r in results if r["action"] == "error"]
        with self.transaction() as con:
            self._record_run(con, run, [], actor)
        todo = [(r["row_number"], r["cells"]) for r in results if r["action"] != "error"]
        done, late = apply_chunks(
            self.con,
            self.lock,
            todo,
            entity=entity,
            mode=run["mode"],
            actor=actor,
            hooks=hooks,
            record=lambda con, out: self._record_rows(con, run["id"], out),
            skip_bad_rows=run["skip_bad_rows"],
        )
        if late:  # rows that turned bad after the rehearsal: undo the chunks written, as a rejection
            self._undo(run["id"], entity, actor)
            turned = {
                r["row_number"]: r for r in late
            }  # report what the run would have done, as a rejection does
            final = [turned.get(r["row_number"], r) for r in results]
            with self.transaction() as con:
                con.execute("DELETE FROM crm_import_rows WHERE import_id = ?", [run["id"]])
                self._record_rows(con, run["id"], [_no_images(r) for r in final])
                self._finish(con, run["id"], "rejected", final)
            return self.get(import_id=run["id"])
        with self.transaction() as con:
            self._record_rows(con, run["id"], errors)
            self._finish(con, run["id"], "applied", errors + done)
        return self.get(import_id=run["id"])

    def _record_run(
        self, con: Connection, run: dict[str, Any], results: list[dict[str, Any]], actor: str
    ) -> None:
        row = run | _counts(results) | {"created_at": now(), "created_by": actor}
        con.execute(
            f"INSERT INTO crm_imports ({', '.join(_NEW_RUN)}) VALUES ({', '.join('?' * len(_NEW_RUN))})",
            [row[c] for c in _NEW_RUN],
        )

    @staticmethod
    def _finish(con: Connection, import_id: str, status: str, results: list[dict[str, Any]]) -> None:
        counts = _counts(results)
        con.execute(
            "UPDATE crm_imports SET status = ?, created = ?, updated = ?, skipped = ?, errors = ? "
            "WHERE id = ?",
            [status, counts["created"], counts["updated"], counts["skipped"], counts["errors"], import_id],
        )

    @staticmethod
    def _record_rows(con: Connection, import_id: str, results: list[dict[str, Any]]) -> None:
        keys = _ROW.split(", ")[1:]
        insert_many(
            con,
            "crm_import_rows",
            _ROW.split(", "),
            [[import_id] + [_row_cell(r, k) for k in keys] for r in results],
        )

    def get(self, *, import_id: str) -> ImportRecord:
        """A run with its row outcomes; NotFoundError when unknown."""
        row = row_by_id(self.con, "crm_imports", _RUN.split(", "), "import", import_id, id_field="import_id")
        outcomes = self.con.execute(
            "SELECT row_number, action, entity_id, field, message, problems FROM crm_import_rows "
            "WHERE import_id = ? ORDER BY row_number",
            [row[0]],
        ).fetchall()
        return run_record(row, tuple(import_row(*outcome) for outcome in outcomes))

    def recent(self, *, created_by: Sequence[str], limit: int = 20) -> list[ImportRecord]:
        """The newest runs of these users, newest first, without their rows (a list page's)."""
        found = self.con.execute(
            f"SELECT {_RUN} FROM crm_imports WHERE list_contains(?, created_by) "
            "ORDER BY created_at DESC, id LIMIT ?",
            [list(created_by), limit],
        ).fetchall()
        return [run_record(row, ()) for row in found]

    def failed_rows(self, *, import_id: str, fmt: str = "csv") -> bytes:
        """The bad rows in the file's own columns and CSV dialect, plus ``error`` (`import_failed`)."""
        return failed_rows_file(self.con, self.get(import_id=import_id), fmt)

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
        self._undo(run.id, run.entity, actor, status="reverted")
        return self.get(import_id=import_id)

    def recover(self, *, actor: str) -> list[str]:
        """Revert every run a crash left ``applying`` (status ``failed``); returns their ids.

        Call it when the database is opened, before any import can run (DuckDB has one writing
        process per file, so an ``applying`` run found then belongs to a dead process).
        """
        stale = self.con.execute("SELECT id, entity FROM crm_imports WHERE status = 'applying' ORDER BY id")
        runs = [(str(i), e) for i, e in stale.fetchall()]
        for rid, entity in runs:
            self._undo(rid, entity, actor, status="failed")
        return [rid for rid, _ in runs]

    def _undo(self, import_id: str, entity: str, actor: str, status: str | None = None) -> None:
        """Revert the run's recorded rows in one transaction, setting ``status`` when given."""
        rows = self.con.execute(
            "SELECT action, entity_id, link_id, before, after FROM crm_import_rows WHERE import_id = ? "
            "AND action IN ('created', 'updated') ORDER BY row_number DESC",
            [uuid_of("import_id", import_id)],
        ).fetchall()
        with self.transaction() as con:
            for action, entity_id, link_id, before, after in rows:
                if action == "created":
                    delete_created(con, entity, str(entity_id), link_id, actor)
                else:
                    restore_updated(
                        con, entity, str(entity_id), link_id, json.loads(before), json.loads(after), actor
                    )
            if status is not None:
                con.execute(
                    "UPDATE crm_imports SET status = ?, reverted_at = ?, reverted_by = ? WHERE id = ?",
                    [status, now(), actor, uuid_of("import_id", import_id)],
                )
            CHANGE_LOG.log_change(con, actor=actor, entity="import", entity_id=import_id, action="revert")


def _run_row(
    entity: str,
    mode: str,
    file_name: str,
    data: bytes,
    plan: dict[str, str],
    *,
    dry_run: bool,
    skip_bad_rows: bool,
) -> dict[str, Any]:
    is_csv = not (file_name.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04")
    delimiter, encoding = csv_dialect(data) if is_csv else (None, None)
    return {
        "id": new_id("id", None),
        "entity": entity,
        "mode": mode,
        "file_name": file_name[:300],
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "columns": json.dumps(list(plan)),
        "dry_run": dry_run,
        "skip_bad_rows": skip_bad_rows,
        "mapping": json.dumps(plan, ensure_ascii=False),
        "delimiter": delimiter,
        "encoding": encoding,
    }


def _row_cell(result: dict[str, Any], key: str) -> Any:
    if key in ("cells", "problems"):
        value = result.get(key)
        return json.dumps(value, ensure_ascii=False) if value is not None else None
    return result.get(key)


def _counts(results: list[dict[str, Any]]) -> dict[str, int]:
    counts = {a: sum(r["action"] == a for r in results) for a in ("created", "updated", "skipped", "error")}
    return counts | {"errors": counts["error"]}


def _no_images(result: dict[str, Any]) -> dict[str, Any]:
    return {**result, "before": None, "after": None}
