"""Unit lines: which participant-linked records, imports and batches a caller may see or change.

The employer store never reads the caseload; this module (in the composition root) asks the
participant store whether the caller may see the person and whether their disclosure plan lets
the specialist contact employers, and stamps the person's unit on the contact.

What a user of another unit sees of a contact naming a participant (the decision, also in
docs/security.md): the employer-side facts stay visible, because the employer network is shared
by the programme (employer, person met, opening, specialist, when, mode, status, purpose, next
step and its due date: the next step is the shared follow-up task). Hidden: the participant link
(``participant_id`` null, ``participant_hidden`` true) and ``learned``, the free text that may
say who was introduced. They may not change, delete or restore such a contact, nor re-link it
through an import: those answer exactly like a contact that does not exist.

Inside a unit, a participant whose latest ``team_sharing`` consent is withdrawn (or refused) is
seen only by their own specialist and the unit's supervisor (`participant_scope`); to anyone
else in the unit every participant read answers as for an id that names nothing, and a contact
naming them reads as another unit's (`redacted`). Admins keep what their own rules give them
(erasure of any unit; no caseload reads).

Imports belong to the unit of the user who ran them (their failed rows carry participant ids and
text); batches started by a unit's supervisor belong to that unit. Another unit gets the same
404 as for an id that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, TypedDict, TypeVar

import employers
import participants
from employers import ContactStore
from employers.imports import ImportRecord
from participants.batches import BatchRecord
from service.access.audit import log_access
from service.access.auth import CASELOAD_ROLES, caseload_units
from service.access.users import User, get_user
from service.runtime.database import Database

T = TypeVar("T")
NOT_ALLOWED = (
    "the participant's disclosure plan does not allow the employment specialist to contact "
    "this employer about them (es_may_contact_employers is false, or the plan names this employer "
    "as one not to contact)"
)
#: Fields of a participant-linked record blanked for readers outside the participant's unit.
PARTICIPANT_TEXT = ("learned", "detail")


class ParticipantScope(TypedDict):
    """The `participants.ParticipantStore` read filter for one caller (pass as ``**scope``)."""

    unit_ids: list[str]
    viewer: str | None


def participant_scope(user: User) -> ParticipantScope:
    """Which participants ``user`` may read: their unit's, less those withheld by ``team_sharing``.

    The unit's supervisor sees everyone of the unit; any other caseload role sees a person who
    withdrew team sharing only as that person's own specialist (``viewer``: their user id).
    """
    return {"unit_ids": caseload_units(user), "viewer": None if user.role == "supervisor" else user.id}


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
        rec = store.get(participant_id=str(participant_id), **participant_scope(user))
    except participants.NotFoundError:
        raise employers.InvalidError("participant_id", "no participant with this id in your unit") from None
    if not rec.disclosure.may_contact(str(employer_id) if employer_id else None):
        raise employers.InvalidError("participant_id", NOT_ALLOWED)
    return {"participant_id": rec.id, "participant_unit": rec.unit_id}


def hidden_from(user: User, participant_id: str | None, participant_unit: str | None) -> bool:
    """Whether a record naming ``participant_id`` (of ``participant_unit``) is another unit's."""
    return participant_id is not None and participant_unit not in caseload_units(user)


def redacted(db: Database, user: User, records: Iterable[T]) -> list[T]:
    """``records`` (contacts or timeline items) with the participant text ``user`` may not read blanked.

    Blanked: records naming another unit's participant, and records naming someone of the
    caller's unit whose ``team_sharing`` consent withholds them from the caller
    (`participant_scope`). The participant link itself stays on the record (the HTTP schemas
    null it, from the same unit test: a withheld person's record reads as another unit's, its
    ``participant_unit`` blank), so a caller can still count what they are not shown. Audit
    what this returns (`audit_participants`): withheld people are not shown, so not logged.
    """
    records = list(records)
    named = sorted({pid for r in records if (pid := getattr(r, "participant_id", None))})
    store = participants.ParticipantStore(db.cursor())
    withheld = store.withheld(participant_ids=named, viewer=participant_scope(user)["viewer"])
    out = []
    for rec in records:
        pid, unit = getattr(rec, "participant_id", None), getattr(rec, "participant_unit", None)
        if pid in withheld:
            rec = replace(rec, participant_unit="")  # type: ignore[type-var]
        if pid in withheld or hidden_from(user, pid, unit):
            rec = replace(rec, **{f: "" for f in PARTICIPANT_TEXT if hasattr(rec, f)})  # type: ignore[type-var]
        out.append(rec)
    return out


def check_contact_change(store: ContactStore, user: User, contact_id: str, *, deleted: bool = False) -> None:
    """NotFoundError, worded as for a missing contact, when it names another unit's participant.

    Args:
        store: The contact store.
        user: The caller.
        contact_id: The contact to change, delete (``deleted`` False) or restore (True).
        deleted: Whether the caller is after a soft-deleted contact (restore): the wording of
            the store's own "not found" for that case.
    """
    unit = store.participant_units(ids=[contact_id]).get(contact_id)
    if unit is not None and unit not in caseload_units(user):
        raise employers.NotFoundError("deleted contact" if deleted else "contact", contact_id)


def contact_changeable(store: ContactStore, user: User | None) -> Callable[[str], bool]:
    """For imports: contact id -> whether ``user`` may change it (False: another unit's participant)."""
    units = caseload_units(user) if user is not None else []

    def may_change(contact_id: str) -> bool:
        unit = store.participant_units(ids=[contact_id]).get(contact_id)
        return unit is None or unit in units

    return may_change


def check_import(db: Database, user: User, record: ImportRecord) -> ImportRecord:
    """``record`` if ``user`` may see it, else NotFoundError worded as for an unknown import.

    An import belongs to whoever ran it and to their unit; an import run by a user without a unit
    (an admin, the CLI) to admins.
    """
    if record.created_by == user.username:
        return record
    creator = get_user(db, username=record.created_by)
    unit = creator.unit_id if creator is not None else None
    if unit is not None and user.role in CASELOAD_ROLES and user.unit_id == unit:
        return record
    if unit is None and user.role == "admin":
        return record
    raise employers.NotFoundError("import", record.id)


def batch_units(record: BatchRecord) -> list[str]:
    """The units a batch ranked; empty: every unit (an admin's or the CLI's batch)."""
    try:
        units = json.loads(record.settings or "{}").get("units") or []
    except (ValueError, AttributeError):
        return []
    return [str(u) for u in units]


def batch_scope(user: User) -> tuple[str, ...]:
    """The units a batch started by ``user`` ranks: a supervisor's own; () (all) for admins."""
    return () if user.role == "admin" else tuple(caseload_units(user))


def check_batch(user: User, record: BatchRecord) -> BatchRecord:
    """``record`` if ``user`` may see it, else NotFoundError worded as for an unknown batch."""
    units = batch_units(record)
    if user.role == "admin" or not units or set(units) & set(caseload_units(user)):
        return record
    raise participants.NotFoundError("batch", record.id)


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


def audit_import(db: Database, user: User, record: ImportRecord, *, action: str, detail: str = "") -> None:
    """Audit an import run, revert or failed-rows download (one row on the import).

    A contacts import that created or updated rows also logs the participants those contacts
    name in the caller's unit (imports can link participants).
    """
    counts = (
        f"{record.entity} {record.mode} {record.status} created={record.created} updated={record.updated}"
    )
    log_access(
        db,
        user_id=user.id,
        action=action,
        entity="import",
        entity_ids=[record.id],
        detail=f"{counts} {detail}".strip(),
    )
    if record.entity == "contacts" and record.status in ("applied", "reverted"):
        ids = [r.entity_id for r in record.rows if r.entity_id and r.action in ("created", "updated")]
        contacts = ContactStore(db.handle()).get_many(_unique(ids))
        audit_participants(db, user, contacts, action=action, detail=f"import {record.id}")


def _unique(ids: Sequence[str | None]) -> list[str]:
    return sorted({i for i in ids if i})
