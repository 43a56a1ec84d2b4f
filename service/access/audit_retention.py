"""Retention of the audit log: rows older than the configured years are deleted, and only here.

No route changes the audit log; ``ipsmatch retention --apply`` (an operator's command on the
database file) is the one way rows leave it, and it logs that it did.
"""

from __future__ import annotations

from datetime import datetime

from service.runtime.database import Database


def audit_rows_before(db: Database, *, cutoff: datetime) -> int:
    """How many audit rows were logged before ``cutoff``."""
    # fetchall, not fetchone: an unfinished result keeps its transaction open, and the delete
    # that may follow on the writer's cursor would then block the final CHECKPOINT
    rows = db.cursor().execute("SELECT count(*) FROM app_audit_log WHERE logged_at < ?", [cutoff]).fetchall()
    return int(rows[0][0])


def delete_audit_rows_before(db: Database, *, cutoff: datetime) -> int:
    """Delete audit rows logged before ``cutoff`` (one transaction); how many went."""
    return db.group_commit(
        lambda cur: len(
            cur.execute("DELETE FROM app_audit_log WHERE logged_at < ? RETURNING id", [cutoff]).fetchall()
        )
    )
