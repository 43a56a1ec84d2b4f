"""Running an import's rows: a rehearsal without the writer lock, then the writes in short chunks.

An import used to hold the one writer lock for all of its rows (parsing, ESCO linking, checks,
writes): every other write, and every read that writes an audit row, waited for it. Now:

1. **Rehearsal** (no lock): every row runs exactly as it would be applied, in transactions of
   `CHUNK_ROWS` rows that are always rolled back. Appends (inserts, change-log rows) go into
   those transactions; UPDATE statements are not run (`_NoUpdates`), so the rehearsal locks no
   row another writer may want (DuckDB's optimistic concurrency would fail that writer). The
   outcome of every row is known before anything is written: a dry run ends here, and so does a
   run with bad rows that were not to be skipped (nothing changes). The ESCO linking of each
   row is kept for step 2.
2. **Apply** (`CHUNK_ROWS` rows per transaction, each under the lock): the rows are run again
   against the current data (the key index picks up what others changed in between), each chunk
   recording its rows' outcomes (with the values before) in the same transaction, so the run can
   be reverted at any point. The run is marked ``applying`` until the last chunk; a row that has
   become bad in between (someone else took its registry number) is an error when bad rows are
   skipped, otherwise the chunks written so far are reverted and the run is ``rejected``; a run
   left ``applying`` by a crash is reverted by `employers.imports.ImportStore.recover`.

Measured in docs/performance.md: the lock is held for one chunk at a time (a small write waited
at most 4.8 s, p50 0.27 s, during a 50k-row import on a loaded machine), where one transaction
for the writes of that import would hold it for a large part of its 18 minutes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from typing import Any

from employers.errors import ConflictError, EmployerError, InvalidError
from employers.import_checks import RowProblems, missing, parsed, value_problems
from employers.import_keys import ImportKeys
from employers.import_rows import TABLES, Hooks, RowImporter
from employers.values import OpeningValues
from storekit.connection import Connection, Result
from storekit.transactions import write_transaction

#: Rows per transaction: the commit is paid once per chunk, and another writer waits for at most
#: one chunk (docs/performance.md: p50 0.27 s, worst 4.8 s on 2 cores shared with other work).
CHUNK_ROWS = 100
#: Pause between chunks so a writer waiting for the lock gets it (threading.Lock is not fair).
_YIELD_S = 0.002


class _Late(Exception):
    """Rows that turned bad between the rehearsal and their chunk."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(rows)} rows")
        self.rows = rows


class _NoUpdates:
    """A connection that runs everything but UPDATE statements (the rehearsal's)."""

    def __init__(self, con: Connection) -> None:
        self._con = con

    def execute(self, query: str, parameters: object = None, /) -> Result:
        if query.lstrip()[:6].upper() == "UPDATE":
            return self._con.execute("SELECT 1")
        return self._con.execute(query, parameters)

    def executemany(self, query: str, parameters: object = None, /) -> Result:
        if query.lstrip()[:6].upper() == "UPDATE":
            return self._con.execute("SELECT 1")
        return self._con.executemany(query, parameters)


def remembered(hooks: Hooks) -> Hooks:
    """``hooks`` whose ESCO linking is computed once per distinct row (rehearsal and apply share it)."""
    link = hooks.normalise_opening
    if link is None:
        return hooks
    memo: dict[str, OpeningValues] = {}

    def normalise(values: OpeningValues) -> OpeningValues:
        key = json.dumps(values, sort_keys=True, default=str)
        if key not in memo:
            memo[key] = link(values)
        return dict(memo[key])  # type: ignore[return-value]  # a copy of the same TypedDict

    return replace(hooks, normalise_opening=normalise)  # every other hook (may_change, ...) kept


def rehearse(
    con: Connection, entity: str, mode: str, rows: Sequence[dict[str, str]], actor: str, hooks: Hooks
) -> list[dict[str, Any]]:
    """Every row's outcome as applying it now would give, with nothing written (no lock taken).

    In chunks too, each rolled back: DuckDB looks rows up in a transaction's own uncommitted
    rows by scanning them, so one transaction over the whole file made every row's queries slower
    than the last. What a later chunk needs of an earlier one is kept in memory: the keys and
    the duplicate pool (`RowImporter`), and the ids it created (``phantoms``).
    """
    proxy = _NoUpdates(con)
    importer = RowImporter(proxy, nullcontext(), entity, actor, hooks, _keys(proxy, entity))
    numbered = list(enumerate(rows, start=2))
    out: list[dict[str, Any]] = []
    phantoms: set[str] = set()
    for start in range(0, len(numbered), CHUNK_ROWS):
        with _rolled_back(con):
            out += [
                run_row(importer, entity, mode, n, c, phantoms)
                for n, c in numbered[start : start + CHUNK_ROWS]
            ]
        phantoms |= {str(r["entity_id"]) for r in out[start:] if r["action"] == "created"}
    return out


def apply_chunks(
    con: Connection,
    lock: AbstractContextManager[object],
    todo: Sequence[tuple[int, dict[str, str]]],
    *,
    entity: str,
    mode: str,
    actor: str,
    hooks: Hooks,
    record: Callable[[Connection, list[dict[str, Any]]], None],
    skip_bad_rows: bool,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Apply ``todo`` (row number, cells) in chunks; ``record(con, outcomes)`` runs in each chunk.

    Returns:
        (outcomes recorded, late errors). With ``skip_bad_rows`` a late error is one more
        outcome; without it, nothing of that chunk is written, no further chunk runs and the
        late errors are returned for the caller to undo the chunks before.
    """
    keys = _keys(con, entity)
    importer = RowImporter(con, lock, entity, actor, hooks, keys)
    done: list[dict[str, Any]] = []
    for start in range(0, len(todo), CHUNK_ROWS):
        try:
            with write_transaction(con, lock) as tx:
                keys.refresh(tx)
                chunk = todo[start : start + CHUNK_ROWS]
                out = [run_row(importer, entity, mode, n, cells) for n, cells in chunk]
                late = [r for r in out if r["action"] == "error"]
                if late and not skip_bad_rows:
                    raise _Late(late)  # rolls the chunk back
                record(tx, out)
        except _Late as stop:
            return done, stop.rows
        done += out
        time.sleep(_YIELD_S)
    return done, []


def run_row(
    importer: RowImporter,
    entity: str,
    mode: str,
    number: int,
    cells: dict[str, str],
    phantoms: set[str] | frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """One row: find its record, then skip, update or create it; errors become the row's outcome.

    ``phantoms``: ids an earlier rehearsal chunk created (rolled back since); a row updating one
    is reported as an update and checked when applied.
    """
    result: dict[str, Any] = {"row_number": number, "cells": cells, "entity_id": None, "link_id": None}
    try:
        values, found = _checked(importer, entity, mode, cells, phantoms)
        if (found and mode == "create") or (not found and mode == "update"):
            why = "exists (mode create)" if found else "no matching record (mode update)"
            result |= {"action": "skipped", "entity_id": found, "message": why}
        elif found in phantoms:
            why = "updates the record an earlier row creates (checked when applied)"
            result |= {"action": "updated", "entity_id": found, "message": why}
        elif found:
            out = importer.update(found, values)
            result |= {"action": "updated" if out.changes else "unchanged", "entity_id": found}
            result |= {"link_id": out.link_id, **_images(out.changes)}
        else:
            out = importer.create(values)
            result |= {"action": "created", "entity_id": out.entity_id, "link_id": out.link_id}
    except EmployerError as exc:
        result |= {"action": "error", **_error(exc)}
    return result


def _checked(
    importer: RowImporter, entity: str, mode: str, cells: dict[str, str], phantoms: set[str] | frozenset[str]
) -> tuple[dict[str, Any], str | None]:
    """(values, the record the row is about); RowProblems with every problem the row has."""
    values, problems = parsed(entity, cells)
    problems += value_problems(entity, values, importer.hooks.known_owner)
    given = str(values.get("id") or "")
    try:
        found = given if given in phantoms else importer.find(values, mode)
    except InvalidError as exc:
        raise RowProblems([*problems, (exc.field, exc.message)]) from None
    if not found and mode != "update":  # a cell that did not parse is reported once, not as missing too
        problems += [p for p in missing(entity, values) if p[0] not in {f for f, _ in problems}]
    if problems:
        raise RowProblems(problems)
    return values, found


def _keys(con: Connection, entity: str) -> ImportKeys:
    return ImportKeys(con, (TABLES[entity][0], "crm_employers"))


@contextmanager
def _rolled_back(con: Connection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    finally:
        con.execute("ROLLBACK")


def _images(done: dict[str, tuple[Any, Any]]) -> dict[str, str]:
    return {
        "before": json.dumps({k: _plain(v[0]) for k, v in done.items()}, default=str),
        "after": json.dumps({k: _plain(v[1]) for k, v in done.items()}, default=str),
    }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _error(exc: EmployerError) -> dict[str, Any]:
    """A bad row's first problem as field/message, and every problem (as dicts) as ``problems``."""
    if isinstance(exc, RowProblems):
        listed = exc.problems
    elif isinstance(exc, InvalidError | ConflictError):
        listed = [(exc.field, exc.message)]
    else:
        listed = [(None, str(exc))]
    first_field, first_message = listed[0]
    problems = [{"field": f, "message": m} for f, m in listed]
    return {"field": first_field, "message": first_message, "problems": problems}
