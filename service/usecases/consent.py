"""The consent register through the service, and the check a national-register export must pass.

Recording and reading a person's consents is for their unit's caseload roles (404 for anyone
else's person, like every participant read); both are audit-logged. Withdrawing
``employer_disclosure`` takes effect in the caseload store itself (participants/consents.py), so
ranking, the contact log and imports all see the most private disclosure plan at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from participants import ParticipantStore
from participants.consents import ConsentRecord, ConsentStore
from service.access.users import User
from service.runtime.database import Database
from service.usecases.errors import ConflictError
from service.usecases.participant_access import log_participant, read_logged, visible_participant

NATIONAL_REGISTER = "national_register_export"


class ConsentMissingError(ConflictError):
    """A participant has not (or no longer) given the consent an action needs (answered 409)."""

    def __init__(self, purpose: str, participant_ids: Sequence[str]) -> None:
        super().__init__(f"no current consent to {purpose} for participant(s): {', '.join(participant_ids)}")
        self.purpose = purpose
        self.participant_ids = tuple(participant_ids)


def record_consent(
    *, db: Database, user: User, participant_id: str, purpose: str, state: str, effective_on: date | None
) -> ConsentRecord:
    """Append a consent entry for a participant of the caller's unit (NotFoundError otherwise)."""
    person = visible_participant(
        store=ParticipantStore(db.cursor()), user=user, participant_id=participant_id
    )
    rec = ConsentStore(db.cursor(), db.write_lock).record(
        participant_id=person.id, purpose=purpose, state=state, effective_on=effective_on, actor=user.username
    )
    log_participant(db, user, person.id, "consent", f"{purpose}={state}")
    return rec


def consent_history(*, db: Database, user: User, participant_id: str) -> list[ConsentRecord]:
    """Every consent entry of a participant of the caller's unit, oldest first (the read is logged)."""
    people, history = ParticipantStore(db.cursor()), ConsentStore(db.cursor()).history
    return read_logged(people, db, user, participant_id, history, action="read_consents")


def require_national_register_consent(db: Database, participant_ids: Sequence[str]) -> None:
    """The check every export to a national register calls first, with all the ids it would send.

    Raises:
        ConsentMissingError: Naming every participant whose latest ``national_register_export``
            entry is not ``given`` (opt-in: no entry refuses too).
    """
    allowed = ConsentStore(db.cursor()).allows(participant_ids=participant_ids, purpose=NATIONAL_REGISTER)
    missing = [p for p in participant_ids if not allowed[p]]
    if missing:
        raise ConsentMissingError(NATIONAL_REGISTER, missing)
