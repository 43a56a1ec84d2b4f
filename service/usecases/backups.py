"""Backups through the running service: admin only, into the configured backup folder."""

from __future__ import annotations

from pathlib import Path

from service.access.audit import log_access
from service.access.errors import ForbiddenError
from service.access.users import User
from service.config import Settings
from service.runtime.backup import Backup, BackupError, write_backup
from service.runtime.database import Database
from service.usecases.errors import ConflictError


def backup_folder(settings: Settings) -> Path:
    """``settings.backup_dir``, else ``<db_path>.backups`` next to the database file."""
    return settings.backup_dir or Path(f"{settings.db_path}.backups")


def backup_now(*, db: Database, settings: Settings, user: User) -> Backup:
    """Write a backup of the whole database while requests go on (admin only; audit-logged).

    Raises:
        ForbiddenError: The caller is not an admin.
        ConflictError: The database is in memory, or the backup could not be written.
    """
    if user.role != "admin":
        raise ForbiddenError("only an admin may take a backup")
    if db.path == ":memory:":
        raise ConflictError("an in-memory database has no backup folder")
    try:
        backup = write_backup(db, backup_folder(settings))
    except (BackupError, OSError) as exc:
        raise ConflictError(str(exc)) from None
    log_access(db, user_id=user.id, action="backup", entity="database", entity_ids=[backup.name])
    return backup
