"""Participant data inside the CRM: linking a participant to a contact, and who may see the link.

The employer store never reads the caseload; this module (in the composition root) asks the
participant store whether the caller may see the person and whether their disclosure plan lets
the specialist contact employers, and stamps the person's unit on the contact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import employers
import participants
from service.access.audit import log_access
from service.access.auth import caseload_units
from service.access.users import User
from service.runtime.database import Database

NOT_ALLOWED = (
    "the participant's disclosure plan does not allow the employment specialist to contact "
    "this employer about them (es_may_contact_employers is false, or the plan names this employer "
    "as one not to contact)"
)


def participant_link(
    store: participants.ParticipantStore, user: User, participant_id: Any, employer_id: Any = None
) -> dict[str, str]:
    """``participant_id`` and ``participant_unit`` for a contact, or InvalidError on that field.

    With ``employer_id``, the plan's per-employer exceptions count (`Disclosure.may_contact`).

    Raises:
        employers.InvalidError: The caller cannot see the participant (unknown, or in another
            unit: the message does not tell which), or the disclosure plan does not allow it.
    """
    try:
        rec = store.get(participant_id=str(participant_id), unit_ids=caseload_units(user))
    except participants.NotFoundError:
        raise employers.InvalidError("participant_id", "no participant with this id in your unit") from None
    if not rec.disclosure.may_contact(str(employer_id) if employer_id else None):
        raise employers.InvalidError("participant_id", NOT_ALLOWED)
    return {"participant_id": rec.id, "participant_unit": rec.unit_id}


def audit_participants(
    db: Database, user: User, records: Iterable[Any], *, action: str = "read", detail: str = ""
) -> None:
    """Audit-log every participant named by ``records`` that the caller is shown.

    Records are contacts or timeline items (anything with ``participant_id``/``participant_unit``).
    """
    units = caseload_units(user)
    shown = sorted({r.participant_id for r in records if r.participant_id and r.participant_unit in units})
    if shown:
        log_access(db, user_id=user.id, action=action, entity="participant", entity_ids=shown, detail=detail)
