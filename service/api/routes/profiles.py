"""Career profiles of participants: save a version, read the current one, list every version."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from participants import NotFoundError
from service.api.schemas.problems import error_responses
from service.api.schemas.profiles import ProfileIn, ProfileVersionOut, ProfileVersions
from service.deps import DbDep, EngineDep, ParticipantsDep, UserDep
from service.usecases import profiles as cases

router = APIRouter(prefix="/participants", tags=["profiles"], responses=error_responses())


@router.put("/{participant_id}/profile", response_model=ProfileVersionOut)
def save_profile(
    participant_id: UUID, body: ProfileIn, user: UserDep, store: ParticipantsDep, engine: EngineDep, db: DbDep
) -> ProfileVersionOut:
    """Save the whole career profile as a new version (with its trigger); the ranking uses it from now on.

    Conditions for success that name a diagnosis, medication, hospital stay, benefit or criminal
    record give a 422 of type ``needs_confirmation`` unless ``confirm_warnings`` is true.
    """
    saved = cases.save_profile(
        store=store,
        engine=engine,
        db=db,
        user=user,
        participant_id=str(participant_id),
        values=body.profile_values(),
        trigger=body.trigger,
        confirm_warnings=body.confirm_warnings,
    )
    return ProfileVersionOut.from_version(saved)


@router.get("/{participant_id}/profile", response_model=ProfileVersionOut)
def current_profile(
    participant_id: UUID, user: UserDep, store: ParticipantsDep, db: DbDep
) -> ProfileVersionOut:
    """The current career profile (404 when it was never saved as a version)."""
    found = cases.profile_versions(store=store, db=db, user=user, participant_id=str(participant_id))
    if not found:
        raise NotFoundError("profile of participant", str(participant_id))
    return ProfileVersionOut.from_version(found[0])


@router.get("/{participant_id}/profile/versions", response_model=ProfileVersions)
def profile_versions(
    participant_id: UUID, user: UserDep, store: ParticipantsDep, db: DbDep
) -> ProfileVersions:
    """Every saved version of the career profile, newest first, each with its date and trigger."""
    found = cases.profile_versions(store=store, db=db, user=user, participant_id=str(participant_id))
    return ProfileVersions(items=[ProfileVersionOut.from_version(v) for v in found])
