"""The CRM's change log (``crm_change_log``), and inserts that log their creates in it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
