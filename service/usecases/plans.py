"""Plan use cases: versioned job search, disclosure and benefits plans, discussions, histories.

Also the participant's status and specialist histories.

Every call reads the participant through the caller's units first (another unit's person is a
404) and audit-logs what it showed or changed. Employers named by a plan (per-employer
disclosure overrides, employer targets) must exist in the CRM: the stores never read each other,
so the check is here.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

import employers
from participants import (
    Discussion,
    HistoryRow,
    HistoryStore,
    InvalidError,
    ParticipantRecord,
    ParticipantStore,
    PlanStore,
    PlanVersion,
)
from service.access.auth import require_caseload_role
from service.access.users import User
from service.runtime.database import Database
from service.usecases.participant_access import (
    log_participant,
    read_logged,
    save_version,
    visible_participant,
)


def save_plan(
    *,
    store: ParticipantStore,
    crm: employers.EmployerStore,
    db: Database,
    user: User,
    participant_id: str,
    kind: str,
    values: Mapping[str, Any],
    confirm_warnings: bool,
) -> PlanVersion:
    """Save a new version of a participant's ``kind`` plan (job_search, disclosure, benefits).

    Raises:
        NotFoundError: Not a participant of the caller's unit.
        InvalidError: A bad field, or an employer id the CRM does not hold (named).
        NeedsConfirmationError: Unconfirmed screening warnings on approved statements.
    """
    save = partial(PlanStore(store.con, store.lock).save, kind=kind)
    checked = partial(_checked, crm, values)
    label = f"{kind} plan"
    return save_version(
        store, db, user, participant_id, save, checked, label=label, confirm_warnings=confirm_warnings
    )


def plan_versions(
    *, store: ParticipantStore, db: Database, user: User, participant_id: str, kind: str
) -> list[PlanVersion]:
    """Every version of one plan of a participant of the caller's unit, newest first (logged)."""
    versions = partial(PlanStore(store.con, store.lock).versions, kind=kind)
    return read_logged(store, db, user, participant_id, versions, detail=f"{kind} plans")


def add_discussion(
    *, store: ParticipantStore, db: Database, user: User, participant_id: str, values: Mapping[str, Any]
) -> Discussion:
    """Record that the disclosure plan was discussed with the person (day and topics)."""
    require_caseload_role(user)
    person = visible_participant(store=store, user=user, participant_id=participant_id)
    found = PlanStore(store.con, store.lock).add_discussion(
        participant_id=person.id, values=values, actor=user.username
    )
    log_participant(db, user, person.id, "update", "disclosure discussion")
    return found


def discussions(
    *, store: ParticipantStore, db: Database, user: User, participant_id: str
) -> list[Discussion]:
    """The disclosure discussions of a participant of the caller's unit, newest first (logged)."""
    listed = PlanStore(store.con, store.lock).discussions
    return read_logged(store, db, user, participant_id, listed, detail="disclosure discussions")


def histories(
    *, store: ParticipantStore, db: Database, user: User, participant_id: str
) -> tuple[list[HistoryRow], list[HistoryRow]]:
    """(status history, specialist history) of a participant of the caller's unit, oldest first."""
    history = HistoryStore(store.con, store.lock)

    def both(*, participant_id: str) -> tuple[list[HistoryRow], list[HistoryRow]]:
        statuses = history.statuses(participant_id=participant_id)
        return statuses, history.assignments(participant_id=participant_id)

    return read_logged(store, db, user, participant_id, both, detail="history")


def _checked(
    crm: employers.EmployerStore, values: Mapping[str, Any], _person: ParticipantRecord
) -> Mapping[str, Any]:
    """``values`` once every employer the plan names is in the CRM (InvalidError naming the field)."""
    named = [
        (f"employer_overrides.{i}.employer_id", o.get("employer_id"))
        for i, o in enumerate(values.get("employer_overrides") or ())
    ]
    named += [
        (f"targets.{i}.employer_id", t.get("employer_id"))
        for i, t in enumerate(values.get("targets") or ())
        if t.get("employer_id")
    ]
    for field, employer_id in named:
        try:
            crm.get(employer_id=str(employer_id))
        except (employers.NotFoundError, employers.InvalidError):
            raise InvalidError(field, f"no employer {employer_id} in the network") from None
    return values
