"""CSV/xlsx import (dry run, failed rows, revert) and import-compatible export."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response

from service.api.schemas.imports import EntityIn, FormatIn, ImportReport, ModeIn
from service.api.schemas.problems import error_responses
from service.deps import DbDep, EngineDep, UserDep
from service.usecases import import_access
from service.usecases import imports as workflows

router = APIRouter(tags=["import and export"], responses=error_responses())
_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.post("/imports", status_code=201, response_model=ImportReport)
def create_import(
    user: UserDep,
    db: DbDep,
    engine: EngineDep,
    file: Annotated[
        UploadFile, File(description="CSV (, ; or tab) or xlsx; the first row names the columns")
    ],
    entity: Annotated[EntityIn, Form()],
    mode: Annotated[ModeIn, Form()] = "upsert",
    dry_run: Annotated[bool, Form()] = False,
    skip_bad_rows: Annotated[bool, Form()] = False,
    skip_duplicate_check: Annotated[bool, Form()] = False,
    mapping: Annotated[
        str | None,
        Form(
            description='JSON {"file column": "field", "ignored column": ""}; saved for files with the '
            "same headers. Columns it leaves out are read by their headers (sv/da/fr/en synonyms too)",
            examples=['{"Namn": "name", "Orgnr": "registry_number", "Anteckning": ""}'],
        ),
    ] = None,
) -> ImportReport:
    """Import employers, people, contacts or openings.

    ``upsert`` matches rows by ``id``, then the natural key (registry number for employers, email
    for people), then ``external_id``. Every row is checked; unless ``skip_bad_rows``, one bad row
    means nothing is written (status ``rejected``). ``dry_run`` reports without writing.
    """
    rec = import_access.run(
        db,
        engine,
        user,
        entity=entity,
        mode=mode,
        file_name=file.filename or "upload",
        data=file.file.read(),
        actor=user.username,
        dry_run=dry_run,
        skip_bad_rows=skip_bad_rows,
        skip_duplicate_check=skip_duplicate_check,
        mapping=workflows.parse_mapping(mapping),
    )
    return ImportReport.from_record(rec)


@router.get("/imports/{import_id}", response_model=ImportReport)
def get_import(import_id: UUID, user: UserDep, db: DbDep) -> ImportReport:
    """An import run with every row's outcome (yours, or your unit's)."""
    return ImportReport.from_record(import_access.get(db, user, import_id=str(import_id)))


@router.get("/imports/{import_id}/failed-rows", response_class=Response)
def failed_rows(import_id: UUID, user: UserDep, db: DbDep, format: FormatIn = "csv") -> Response:
    """The bad rows with their original columns plus ``error``: fix them and import the file again."""
    data = import_access.failed_rows(db, user, import_id=str(import_id), fmt=format)
    return _attachment(data, format, f"import-{import_id}-failed.{format}")


@router.post("/imports/{import_id}/revert", response_model=ImportReport)
def revert_import(import_id: UUID, user: UserDep, db: DbDep, engine: EngineDep) -> ImportReport:
    """Undo an applied import: delete what it created, restore the old values of what it updated."""
    return ImportReport.from_record(import_access.revert(db, engine, user, import_id=str(import_id)))


@router.get("/exports/{entity}", response_class=Response)
def export(entity: EntityIn, user: UserDep, db: DbDep, format: FormatIn = "csv") -> Response:
    """All live records in the import format (audit-logged).

    Contacts naming a participant of another unit are left out.
    """
    data, _ = workflows.run_export(db, user, entity=entity, fmt=format, user_id=user.id)
    return _attachment(data, format, f"{entity}.{format}")


def _attachment(data: bytes, fmt: str, name: str) -> Response:
    return Response(
        data, media_type=_MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
