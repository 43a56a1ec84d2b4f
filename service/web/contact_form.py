"""The "log a contact" form: its fields pre-filled from where it is opened, its choices, its values.

Opened from an employer page the employer is fixed and the purpose follows the relationship stage;
from the week view the employer is chosen (the caller's own employers first); from a follow-up or
a lead card the link names the employer, the purpose and the participant. Mode ``face_to_face``,
status ``held`` and the time now (UTC, to the minute) are filled in, so the usual contact takes
three interactions: open the form, (choose the employer,) save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from employers import CONTACT_MODES, CONTACT_PURPOSES, CONTACT_STATUSES, EmployerRecord, EmployerStore
from employers.values import ContactValues
from participants import ParticipantRecord, ParticipantStore
from service.access.users import User
from service.runtime.database import Database
from service.usecases.employers import find_employers
from service.usecases.participants import list_participants
from service.web.forms import Posted

FIELDS = (
    *("employer_id", "mode", "status", "purpose", "occurred_at"),
    *("learned", "next_step", "next_step_due", "participant_id"),
)
#: The purpose a contact with an employer at this stage most likely has.
_PURPOSE_AT_STAGE = {"prospect": "introduction", "introduced": "learn_business", "learning": "learn_business"}
_CHOICES = 200


@dataclass(frozen=True)
class ContactForm:
    """What the template needs: the fields (as typed or pre-filled) and the select options.

    ``employers`` is empty when the employer is fixed (``employer``); ``people`` are the caller's
    caseload participants as (id, name).
    """

    form: Posted
    back: str
    employer: EmployerRecord | None
    employers: tuple[tuple[str, str, bool], ...]  # id, name, one of the caller's own
    people: tuple[tuple[str, str], ...]
    modes: tuple[str, ...] = CONTACT_MODES
    statuses: tuple[str, ...] = CONTACT_STATUSES
    purposes: tuple[str, ...] = CONTACT_PURPOSES


def prefilled(
    *,
    employer: EmployerRecord | None = None,
    purpose: str | None = None,
    participant_id: str | None = None,
    next_step: str = "",
) -> Posted:
    """The form as first shown: face to face, held, now; purpose from ``purpose`` or the stage."""
    stage_purpose = _PURPOSE_AT_STAGE.get(employer.stage, "follow_up") if employer else "follow_up"
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")
    fields = {
        "employer_id": employer.id if employer else "",
        "mode": "face_to_face",
        "status": "held",
        "purpose": purpose if purpose in CONTACT_PURPOSES else stage_purpose,
        "occurred_at": now,
        "participant_id": participant_id or "",
        "next_step": next_step,
    }
    return Posted({k: [v] for k, v in fields.items()})


def contact_form(
    *,
    form: Posted,
    back: str,
    employers: EmployerStore,
    caseload: ParticipantStore,
    db: Database,
    user: User,
    employer: EmployerRecord | None = None,
) -> ContactForm:
    """The form with its options: the caller's participants and (no fixed employer) employers."""
    people = list_participants(store=caseload, db=db, user=user, status=None, limit=500, after=None)
    return ContactForm(
        form=form,
        back=back,
        employer=employer,
        employers=() if employer else employer_choices(employers, user),
        people=tuple((p.id, p.display_name) for p in _by_name(people)),
    )


def _by_name(people: list[ParticipantRecord]) -> list[ParticipantRecord]:
    return sorted(people, key=lambda p: p.display_name.casefold())


def employer_choices(store: EmployerStore, user: User) -> tuple[tuple[str, str, bool], ...]:
    """The caller's own employers, then others (up to ``_CHOICES`` each), by name."""
    mine = [
        rec for rec, _ in find_employers(store=store, q=None, limit=_CHOICES, after=None, owner=user.username)
    ]
    own = {rec.id for rec in mine}
    rest = [
        rec for rec, _ in find_employers(store=store, q=None, limit=_CHOICES, after=None) if rec.id not in own
    ]
    ordered = sorted(mine, key=_name) + sorted(rest, key=_name)
    return tuple((rec.id, rec.name, rec.id in own) for rec in ordered)


def _name(rec: EmployerRecord) -> str:
    return rec.name.casefold()


def contact_values(form: Posted) -> tuple[ContactValues, str | None]:
    """The store values of a posted form and the participant it names (None: nobody).

    Failed fields are noted on ``form``; the values are only meant to be used when ``form.ok``.
    """
    values: dict[str, Any] = {
        "employer_id": form.record_id("employer_id", required=True),
        "mode": form.choice("mode", CONTACT_MODES),
        "status": form.choice("status", CONTACT_STATUSES),
        "purpose": form.choice("purpose", CONTACT_PURPOSES),
        "occurred_at": form.moment("occurred_at", required=True),
        "learned": form.text("learned", max_length=4000),
        "next_step": form.text("next_step", max_length=500),
        "next_step_due": form.day("next_step_due"),
    }
    return cast(ContactValues, values), form.record_id("participant_id")
