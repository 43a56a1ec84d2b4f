"""The frame every participant-scoped use case shares: the person through the caller's units, one audit row.

Another unit's person is a NotFoundError, exactly like a missing one, and then nothing is read,
written or logged. Otherwise the use case does its one read or write and leaves one
``app_audit_log`` row on the person: ``entity`` "participant", its id, an ``action`` and a
``detail`` naming what was shown or changed (never field values).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from participants import ParticipantRecord, ParticipantStore
from service.access.audit import log_access
from service.access.auth import require_caseload_role
from service.access.users import User
from service.access.visibility import participant_scope
from service.runtime.database import Database

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Version(Protocol):
    """A saved version of a participant's document (a career profile, a plan)."""

    @property
    def version(self) -> int:
        """The version number, from 1."""
        ...


V = TypeVar("V", bound=Version)
V_co = TypeVar("V_co", bound=Version, covariant=True)


class ReadFor(Protocol[T_co]):
    """A store read of one participant's rows, e.g. a bound ``ProfileStore.versions``."""

    def __call__(self, *, participant_id: str) -> T_co:
        """What the store holds for ``participant_id``."""
        ...


class SaveFor(Protocol[V_co]):
    """A versioned store save, e.g. a bound ``ProfileStore.save`` with its ``trigger`` given."""

    def __call__(
        self, *, participant_id: str, values: Mapping[str, Any], actor: str, confirm_warnings: bool
    ) -> V_co:
        """Append a new version from ``values`` (the whole document) and return it."""
        ...


def visible_participant(*, store: ParticipantStore, user: User, participant_id: str) -> ParticipantRecord:
    """One participant the caller may see, not logged (the use case that follows logs the access)."""
    return store.get(participant_id=participant_id, **participant_scope(user))


def log_participant(db: Database, user: User, participant_id: str, action: str, detail: str = "") -> None:
    """One audit row: ``user`` did ``action`` on the participant (``detail`` says what)."""
    log_access(
        db, user_id=user.id, action=action, entity="participant", entity_ids=[participant_id], detail=detail
    )


def read_logged(
    store: ParticipantStore,
    db: Database,
    user: User,
    participant_id: str,
    read: ReadFor[T],
    *,
    action: str = "read",
    detail: str = "",
) -> T:
    """``read(participant_id=...)`` for a participant of the caller's unit, then one audit row."""
    person = visible_participant(store=store, user=user, participant_id=participant_id)
    found = read(participant_id=person.id)
    log_participant(db, user, person.id, action, detail)
    return found


def save_version(
    store: ParticipantStore,
    db: Database,
    user: User,
    participant_id: str,
    save: SaveFor[V],
    values: Callable[[ParticipantRecord], Mapping[str, Any]],
    *,
    label: str,
    confirm_warnings: bool,
) -> V:
    """A new version saved by the caller (a caseload role) for a participant of their unit.

    Args:
        store: The participant store (for the unit check).
        db: For the audit row, ``update`` with detail ``"{label} v{version}"``.
        user: The caller; the version's ``actor``.
        participant_id: The person.
        save: The store's save, given everything but the fields below.
        values: The person -> the document to save (checked or ESCO-linked for them).
        label: What the audit detail calls the document ("profile", "job_search plan").
        confirm_warnings: Passed to ``save``: the caller confirmed the screening warnings.

    Raises:
        ForbiddenError: No caseload role. NotFoundError: not a participant of the caller's unit.
    """
    require_caseload_role(user)
    person = visible_participant(store=store, user=user, participant_id=participant_id)
    saved = save(
        participant_id=person.id,
        values=values(person),
        actor=user.username,
        confirm_warnings=confirm_warnings,
    )
    log_participant(db, user, person.id, "update", f"{label} v{saved.version}")
    return saved
