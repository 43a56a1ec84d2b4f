"""CSV/xlsx import (dry run, failed rows, revert) and import-compatible export."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response

from employers.imports import ImportRecord, ImportStore
from service.api.schemas import imports as schemas_io
from service.deps import DbDep, EngineDep, UserDep
from service.usecases.crm_files import run_export, run_import

router = APIRouter(tags=["import and export"])
_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def report(rec: ImportRecord) -> schemas_io.ImportReport:
    """An import run for the API."""
    rows = [
        schemas_io.ImportRowOut(
            row=r.row_number, action=r.action, id=r.entity_id, field=r.field, message=r.message
        )
        for r in rec.rows
    ]
    return schemas_io.ImportReport(
        id=rec.id,
        entity=rec.entity,
        mode=rec.mode,
        file_name=rec.file_name,
        status=rec.status,
        dry_run=rec.dry_run,
        skip_bad_rows=rec.skip_bad_rows,
        created=rec.created,
        updated=rec.updated,
        unchanged=rec.unchanged,
        skipped=rec.skipped,
        errors=rec.errors,
        created_at=rec.created_at,
        created_by=rec.created_by,
        reverted_at=rec.reverted_at,
        rows=rows,
        failed_rows_url=f"/imports/{rec.id}/failed-rows" if rec.errors else None,
    )


@router.post("/imports", status_code=201, response_model=schemas_io.ImportReport)
def create_import(
    user: UserDep,
    db: DbDep,
    engine: EngineDep,
    file: Annotated[
        UploadFile, File(description="CSV (, ; or tab) or xlsx; the first row names the columns")
    ],
    entity: Annotated[schemas_io.EntityIn, Form()],
    mode: Annotated[schemas_io.ModeIn, Form()] = "upsert",
    dry_run: Annotated[bool, Form()] = False,
    skip_bad_rows: Annotated[bool, Form()] = False,
    skip_duplicate_check: Annotated[bool, Form()] = False,
) -> schemas_io.ImportReport:
    """Import employers, people, contacts or openings.

    ``upsert`` matches rows by ``id``, then the natural key (registry number for employers, email
    for people), then ``external_id``. Every row is checked; unless ``skip_bad_rows``, one bad row
    means nothing is written (status ``rejected``). ``dry_run`` reports without writing.
    """
    data = file.file.read()
    rec = run_import(
        db,
        engine,
        user,
        entity=entity,
        mode=mode,
        file_name=file.filename or "upload",
        data=data,
        actor=user.username,
        dry_run=dry_run,
        skip_bad_rows=skip_bad_rows,
        skip_duplicate_check=skip_duplicate_check,
    )
    return report(rec)


@router.get("/imports/{import_id}", response_model=schemas_io.ImportReport)
def get_import(import_id: UUID, user: UserDep, db: DbDep) -> schemas_io.ImportReport:
    """An import run with every row's outcome."""
    return report(ImportStore(db.handle(), db.write_lock).get(import_id=str(import_id)))


@router.get("/imports/{import_id}/failed-rows", response_class=Response)
def failed_rows(import_id: UUID, user: UserDep, db: DbDep, format: schemas_io.FormatIn = "csv") -> Response:
    """The bad rows with their original columns plus ``error``: fix them and import the file again."""
    data = ImportStore(db.handle(), db.write_lock).failed_rows(import_id=str(import_id), fmt=format)
    name = f"import-{import_id}-failed.{format}"
    return Response(
        data, media_type=_MEDIA[format], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post("/imports/{import_id}/revert", response_model=schemas_io.ImportReport)
def revert_import(import_id: UUID, user: UserDep, db: DbDep, engine: EngineDep) -> schemas_io.ImportReport:
    """Undo an applied import: delete what it created, restore the old values of what it updated."""
    rec = ImportStore(db.handle(), db.write_lock).revert(import_id=str(import_id), actor=user.username)
    engine.invalidate()
    return report(rec)


@router.get("/exports/{entity}", response_class=Response)
def export(
    entity: schemas_io.EntityIn, user: UserDep, db: DbDep, format: schemas_io.FormatIn = "csv"
) -> Response:
    """All live records in the import format (audit-logged).

    Contacts naming a participant of another unit are left out.
    """
    data, _ = run_export(db, user, entity=entity, fmt=format, user_id=user.id)
    name = f"{entity}.{format}"
    return Response(
        data, media_type=_MEDIA[format], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
