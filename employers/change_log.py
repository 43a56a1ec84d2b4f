"""The CRM's change log (``crm_change_log``), and inserts that log their creates in it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from storekit.change_log import ChangeLog
from storekit.connection import Connection
from storekit.rows import AUDIT_COLUMNS, insert_many
from storekit.transactions import now

CHANGE_LOG = ChangeLog("crm_change_log")


def insert_records(
    con: Connection,
    *,
    table: str,
    columns: Sequence[str],
    records: Sequence[Mapping[str, Any]],
    actor: str,
    entity: str | None,
) -> list[str]:
    """Insert records (their ``columns`` plus created/updated stamps) and log each creation.

    Returns:
        The records' ids. ``entity`` None writes no change-log rows (e.g. stage history).
    """
    stamp = [now(), actor, now(), actor]
    insert_many(con, table, [*columns, *AUDIT_COLUMNS], [[r[c] for c in columns] + stamp for r in records])
    ids = [str(r["id"]) for r in records]
    if entity is not None:
        CHANGE_LOG.log_creates(con, actor=actor, entity=entity, entity_ids=ids)
    return ids


#: Change-log entities that change what the lead index holds (contacts, tasks and notes do not).
INDEXED_ENTITIES = ("employer", "opening", "site", "import")


def index_version(con: Connection) -> tuple[int, datetime | None]:
    """How many changes the lead index has seen and when the last was: ``(count, changed_at)``.

    Read from the change log, so it survives restarts and is the same for every process.
    """
    marks = ", ".join("?" * len(INDEXED_ENTITIES))
    row = con.execute(
        f"SELECT count(*), max(changed_at) FROM crm_change_log WHERE entity IN ({marks})",
        list(INDEXED_ENTITIES),
    ).fetchone()
    return (int(row[0]), row[1]) if row is not None else (0, None)
