"""Education episodes and support contacts of a participant of the caller's unit (every access logged).

Both are plain records of the caseload store; the follow-along schedule they feed is in
`service.usecases.follow_along` and the week's view of it in `service.usecases.support_week`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from participants import (
    EducationRecord,
    EducationStore,
    JobStore,
    ParticipantRecord,
    ParticipantStore,
    SupportContactRecord,
    SupportContactStore,
)
from participants.episode_store import EpisodeStore
from service.access.users import User
from service.runtime.database import Database
from service.usecases.follow_along import Contact, DueContact, JobDates, schedule
from service.usecases.participant_access import log_participant, visible_participant
from service.usecases.programme_rules import Programme


def person(db: Database, user: User, participant_id: str) -> ParticipantRecord:
    """The participant if in the caller's unit (NotFoundError otherwise); not logged."""
    store = ParticipantStore(db.cursor(), db.write_lock)
    return visible_participant(store=store, user=user, participant_id=participant_id)


def list_records(
    *, db: Database, user: User, participant_id: str, kind: type[EpisodeStore[Any]]
) -> list[Any]:
    """The participant's education episodes or support contacts (``kind`` is the store class)."""
    who = person(db, user, participant_id)
    records = kind(db.cursor(), db.write_lock).list(participant_id=who.id)
    log_participant(db, user, who.id, f"read_{kind.entity}")
    return records


def add_record(
    *, db: Database, user: User, participant_id: str, kind: type[EpisodeStore[Any]], values: Mapping[str, Any]
) -> Any:
    """Add an education episode or a support contact; InvalidError names a bad field."""
    who = person(db, user, participant_id)
    store = kind(db.cursor(), db.write_lock)
    if kind is SupportContactStore and values.get("job_id"):
        JobStore(db.cursor()).get(participant_id=who.id, record_id=str(values["job_id"]))
    rec = store.create(participant_id=who.id, values=values, actor=user.username)
    log_participant(db, user, who.id, f"create_{kind.entity}")
    return rec


def change_record(
    *,
    db: Database,
    user: User,
    participant_id: str,
    record_id: str,
    kind: type[EpisodeStore[Any]],
    values: Mapping[str, Any],
) -> Any:
    """Change an education episode or a support contact of the participant."""
    who = person(db, user, participant_id)
    rec = kind(db.cursor(), db.write_lock).update(
        participant_id=who.id, record_id=record_id, values=values, actor=user.username
    )
    log_participant(db, user, who.id, f"update_{kind.entity}")
    return rec


def get_record(
    *, db: Database, user: User, participant_id: str, record_id: str, kind: type[EpisodeStore[Any]]
) -> Any:
    """One education episode or support contact of the participant; logged."""
    who = person(db, user, participant_id)
    rec = kind(db.cursor(), db.write_lock).get(participant_id=who.id, record_id=record_id)
    log_participant(db, user, who.id, f"read_{kind.entity}")
    return rec


def due_contacts(
    db: Database, participant_ids: list[str], *, today: Any, programme: Programme
) -> list[DueContact]:
    """The follow-along schedule of these participants' jobs, with each item's status today."""
    jobs = JobStore(db.cursor()).list_for(participant_ids=participant_ids)
    contacts = SupportContactStore(db.cursor()).list_for(participant_ids=participant_ids)
    return schedule(
        [JobDates(j.id, j.participant_id, j.start_date, j.end_date, j.end_learned_at) for j in jobs],
        [Contact(c.id, c.participant_id, c.contact_date, c.mode, c.with_whom) for c in contacts],
        today=today,
        months=programme.rules.follow_along_months,
        face_to_face_modes=programme.rules.face_to_face_modes,
    )


def follow_along_of(
    *, db: Database, user: User, participant_id: str, today: Any, programme: Programme
) -> list[DueContact]:
    """One participant's due support contacts (met, due, upcoming, missed); logged."""
    who = person(db, user, participant_id)
    items = due_contacts(db, [who.id], today=today, programme=programme)
    log_participant(db, user, who.id, "read_follow_along")
    return items


__all__ = ["EducationRecord", "EducationStore", "SupportContactRecord", "SupportContactStore"]
