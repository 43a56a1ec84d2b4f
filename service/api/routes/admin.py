"""Administration: backups of the running service (admin only)."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.schemas.problems import error_responses
from service.api.schemas.rights import BackupOut
from service.deps import DbDep, SettingsDep, UserDep
from service.usecases.backups import backup_now

router = APIRouter(prefix="/admin", tags=["admin"], responses=error_responses())


@router.post(
    "/backup",
    status_code=201,
    response_model=BackupOut,
    responses={
        401: {"description": "No or bad credentials"},
        403: {"description": "Not an admin"},
        409: {"description": "The backup could not be written (in-memory database, folder exists)"},
    },
)
def backup(user: UserDep, db: DbDep, settings: SettingsDep) -> BackupOut:
    """Export the database to Parquet in the backup folder, while requests go on; name and checksums."""
    return BackupOut.from_fields(backup_now(db=db, settings=settings, user=user))
