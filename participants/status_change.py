"""`StatusChangeStore`: set a participant's ``status`` column when an episode moves them on.

TODO(merge-status-history): another branch adds a participant status *with history* to
`participants.store`; at merge, `set_status` should call that API (recording the date) and this
module should go. Until then it writes the existing ``caseload_participants.status`` column and
one change-log row, as `ParticipantStore` would.
"""

from __future__ import annotations

from participants.change_log import CHANGE_LOG
from participants.errors import NotFoundError
from storekit.rows import uuid_of
from storekit.store import Store
from storekit.transactions import now


class StatusChangeStore(Store):
    """Writes ``caseload_participants.status`` only."""

    def set_status(self, *, participant_id: str, status: str, actor: str) -> str | None:
        """Set the status of a live participant; returns the old one (unchanged: nothing written).

        Raises:
            NotFoundError: No live participant with this id.
        """
        pid = uuid_of("participant_id", participant_id)
        with self.transaction() as con:
            row = con.execute(
                "SELECT status FROM caseload_participants WHERE id = ? AND deleted_at IS NULL", [pid]
            ).fetchone()
            if row is None:
                raise NotFoundError("participant", participant_id)
            old = str(row[0])
            if old != status:
                con.execute(
                    "UPDATE caseload_participants SET status = ?, updated_at = ?, updated_by = ? "
                    "WHERE id = ?",
                    [status, now(), actor, pid],
                )
                CHANGE_LOG.log_change(
                    con,
                    actor=actor,
                    entity="participant",
                    entity_id=str(pid),
                    action="update",
                    changes={"status": (old, status)},
                )
        return old
