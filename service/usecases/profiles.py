"""Career profile use cases: save a version (occupations and skills linked to ESCO), list versions.

Every call first reads the participant through the caller's units (another unit's person is a
404, like a missing one) and audit-logs what it showed or changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any, cast

from participants import ParticipantRecord, ParticipantStore, ProfileStore, ProfileVersion
from participants.values import ParticipantValues
from service.access.users import User
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine
from service.usecases.participant_access import read_logged, save_version


def save_profile(
    *,
    store: ParticipantStore,
    engine: LeadEngine,
    db: Database,
    user: User,
    participant_id: str,
    values: Mapping[str, Any],
    trigger: str,
    confirm_warnings: bool,
) -> ProfileVersion:
    """Save a new career profile version for a participant of the caller's unit.

    Raises:
        NotFoundError: Not a participant of the caller's unit.
        InvalidError, NeedsConfirmationError: From `ProfileStore.save`.
    """
    save = partial(ProfileStore(store.con, store.lock).save, trigger=trigger)
    linked = partial(_linked, engine, values)
    return save_version(
        store, db, user, participant_id, save, linked, label="profile", confirm_warnings=confirm_warnings
    )


def profile_versions(
    *, store: ParticipantStore, db: Database, user: User, participant_id: str
) -> list[ProfileVersion]:
    """Every profile version of a participant of the caller's unit, newest first (logged)."""
    versions = ProfileStore(store.con, store.lock).versions
    return read_logged(store, db, user, participant_id, versions, detail="profile versions")


def _linked(engine: LeadEngine, values: Mapping[str, Any], person: ParticipantRecord) -> dict[str, Any]:
    """``values`` with occupations and skills linked to ESCO (in the person's language) where unlinked."""
    language = person.language
    occupations = list(values.get("occupations") or ())
    skills = list(values.get("skills") or ())
    asked = cast(
        ParticipantValues,
        {"language": language, "preferences": {"preferred_occupations": occupations}, "skills": skills},
    )
    out = engine.normalise_participant(asked)
    found: list[Any] = list((out.get("preferences") or {}).get("preferred_occupations") or [])
    linked_occ = [{**o, **dict(c)} for o, c in zip(occupations, found, strict=True)]
    again: list[Any] = list(out.get("skills") or skills)
    linked_skills = [
        {**s, "uri": dict(ls).get("uri") or s.get("uri") or ""} for s, ls in zip(skills, again, strict=True)
    ]
    return {**values, "occupations": linked_occ, "skills": linked_skills}
