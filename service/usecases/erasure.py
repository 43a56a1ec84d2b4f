"""GDPR right to erasure: erase or pseudonymise one participant, in one transaction.

Who may: the participant's unit's supervisor, or an admin (any unit: admins see no participant
data, but erasure is a records-management act). The caseload rows (participants/erasure.py),
the CRM texts naming the person (employers/participant_mentions.py) and the audit row are
written together, so a failure leaves nothing half-erased. The audit log itself is kept: its
rows name the person only by id, a pseudonymous key (docs/privacy.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from employers.participant_mentions import redact_mentions
from participants import InvalidError, ParticipantStore
from participants.erasure import MODES, erase_participant
from service.access.audit import access_rows, insert_access
from service.access.auth import caseload_units
from service.access.errors import ForbiddenError
from service.access.users import User
from service.runtime.database import Database


@dataclass(frozen=True, slots=True)
class Erasure:
    """What an erasure changed: ``caseload`` and ``crm`` map table/kind -> rows changed or deleted."""

    participant_id: str
    mode: str
    caseload: dict[str, int]
    crm: dict[str, int]


def erase(*, db: Database, user: User, participant_id: str, mode: str) -> Erasure:
    """Erase (``erase``) or pseudonymise (``pseudonymise``) a live participant.

    Raises:
        ForbiddenError: The caller is neither a supervisor nor an admin.
        participants.NotFoundError: Not a live participant (of the caller's unit, for a supervisor).
        participants.InvalidError: Unknown mode.
    """
    if user.role not in ("supervisor", "admin"):
        raise ForbiddenError("only a supervisor (own unit) or an admin may erase participant data")
    units = None if user.role == "admin" else caseload_units(user)
    person = ParticipantStore(db.cursor()).get(participant_id=participant_id, unit_ids=units)
    return apply_erasure(db, participant_id=person.id, mode=mode, actor=user.username, user_id=user.id)


def apply_erasure(db: Database, *, participant_id: str, mode: str, actor: str, user_id: str) -> Erasure:
    """Erase one participant (no access checks: the caller made them) with its audit row."""
    if mode not in MODES:  # the store checks it too; here it fails before queueing a write
        raise InvalidError("mode", f"must be one of {', '.join(MODES)}; got {mode!r}")
    audit = access_rows(user_id=user_id, action=mode, entity="participant", entity_ids=[participant_id])

    def job(cur: Any) -> Erasure:
        caseload = erase_participant(cur, participant_id=participant_id, mode=mode, actor=actor)
        crm = redact_mentions(cur, participant_id)
        insert_access(cur, audit)
        return Erasure(participant_id, mode, caseload, crm)

    return db.group_commit(job)
