"""The import wizard: upload a CSV/xlsx file, map its columns, preview every bad row, apply, revert.

Plain HTML forms under ``/ui/imports`` (they work without script), each step calling the use cases
``POST /imports`` and its twins call (`service.usecases.import_access`, the same unit line and
audit). Step 1 keeps the uploaded file on the server (`service.usecases.import_uploads`); step 2
maps each column to a field (pre-filled from the file shape's saved mapping, else the header
synonyms); step 3 is a dry run listing every problem of every bad row, with "apply" and "apply,
skipping bad rows"; the result page offers the failed rows (in the file's own delimiter and
encoding) and a revert.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import ConflictError, InvalidError
from employers.io_specs import COLUMNS, ENTITIES, MODES
from service.deps import DbDep, EngineDep
from service.usecases import import_access
from service.usecases.import_uploads import Upload, UploadShelf
from service.usecases.imports import propose_mapping
from service.web.column_labels import COLUMN_LABELS
from service.web.forms import FORM, Posted, messages
from service.web.labels import N_
from service.web.pages import PageUser, render
from service.web.record_forms import PostedDep, form_page

router = APIRouter(prefix="/ui", include_in_schema=False)
NO_FILE = N_("Please choose a CSV or xlsx file.")
GONE = N_("The uploaded file is no longer kept; please upload it again.")
#: Words for the wizard's codes (entity, mode, run status, row action), shown through ``label``.
WORDS = {
    "employers": N_("Employers"), "people": N_("People at employers"), "contacts": N_("Contacts"),
    "openings": N_("Openings"), "create": N_("Only create new records"),
    "upsert": N_("Update matching records, create the rest"), "update": N_("Only update matching records"),
    "dry_run": N_("Preview"), "applied": N_("Imported"), "rejected": N_("Rejected (nothing changed)"),
    "reverted": N_("Reverted"), "failed": N_("Failed (undone)"), "applying": N_("Applying"),
    "created": N_("Created"), "updated": N_("Updated"), "unchanged": N_("Unchanged"),
    "skipped": N_("Skipped"), "error": N_("Error"),
}  # fmt: skip


def shelf(request: Request) -> UploadShelf:
    """The app's kept uploads (made on first use)."""
    state = request.app.state
    if not hasattr(state, "import_uploads"):
        state.import_uploads = UploadShelf()
    kept: UploadShelf = state.import_uploads
    return kept


async def uploaded(request: Request) -> tuple[str, bytes] | None:
    """(file name, bytes) of a multipart form's ``file``; None when none was sent."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return None
    form = await request.form()
    file = form.get("file")
    if file is None or isinstance(file, str):
        return None
    return file.filename or "upload", await file.read()


ShelfDep = Annotated[UploadShelf, Depends(shelf)]
FileDep = Annotated[tuple[str, bytes] | None, Depends(uploaded)]


@router.get("/imports", response_class=HTMLResponse)
def imports_page(request: Request, user: PageUser, db: DbDep) -> Response:
    """Step 1 (choose a file, what it holds and how to match) and the unit's recent imports."""
    return _start(request, user, db, Posted({}), status_code=200)


@router.post("/imports/upload", response_class=HTMLResponse)
def upload(
    request: Request, user: PageUser, db: DbDep, form: PostedDep, file: FileDep, kept: ShelfDep
) -> Response:
    """Keep the file and show step 2: a field for each of its columns."""
    entity, mode = form.choice("entity", ENTITIES), form.choice("mode", MODES)
    if file is None or not file[1]:
        form.fail("file", NO_FILE)
    if not form.ok or entity is None or mode is None or file is None:
        return _start(request, user, db, form)
    try:
        upload = kept.keep(username=user.username, file_name=file[0], data=file[1])
    except InvalidError as exc:
        form.fail("file", exc.message)
        return _start(request, user, db, form)
    return _mapping_page(request, user, db, upload, entity, mode, form)


@router.post("/imports/preview", response_class=HTMLResponse)
def preview(
    request: Request, user: PageUser, db: DbDep, engine: EngineDep, form: PostedDep, kept: ShelfDep
) -> Response:
    """Step 3: a dry run with the chosen mapping, every problem of every bad row listed."""
    return _run(request, user, db, engine, form, kept, dry_run=True)


@router.post("/imports/apply", response_class=HTMLResponse)
def apply(
    request: Request, user: PageUser, db: DbDep, engine: EngineDep, form: PostedDep, kept: ShelfDep
) -> Response:
    """Apply the previewed import (bad rows skipped when asked) and show its result."""
    return _run(request, user, db, engine, form, kept, dry_run=False)


@router.get("/imports/{import_id}", response_class=HTMLResponse)
def result(request: Request, import_id: UUID, user: PageUser, db: DbDep) -> Response:
    """A run: its counts, every bad row with all its problems, failed rows and revert."""
    record = import_access.get(db, user, import_id=str(import_id))
    return render(request, "import_result.html", user=user, run=record, words=WORDS, error=None)


@router.get("/imports/{import_id}/failed-rows", response_class=Response)
def failed_rows(import_id: UUID, user: PageUser, db: DbDep) -> Response:
    """The bad rows in the file's own columns, delimiter and encoding, plus ``error`` (audit-logged)."""
    record = import_access.get(db, user, import_id=str(import_id))
    data = import_access.failed_rows(db, user, import_id=record.id, fmt="csv")
    charset = "windows-1252" if record.dialect and record.dialect[1] == "cp1252" else "utf-8"
    return Response(
        data,
        media_type=f"text/csv; charset={charset}",
        headers={"Content-Disposition": f'attachment; filename="import-{record.id}-failed.csv"'},
    )


@router.post("/imports/{import_id}/revert", response_class=HTMLResponse)
def revert(request: Request, import_id: UUID, user: PageUser, db: DbDep, engine: EngineDep) -> Response:
    """Undo an applied run; a run that cannot be reverted shows why (409)."""
    try:
        import_access.revert(db, engine, user, import_id=str(import_id))
    except ConflictError as exc:
        record = import_access.get(db, user, import_id=str(import_id))
        page = "import_result.html"
        return render(request, page, status_code=409, user=user, run=record, words=WORDS, error=exc.message)
    return RedirectResponse(f"/ui/imports/{import_id}", status_code=303)


def _start(request: Request, user: PageUser, db: DbDep, form: Posted, status_code: int = 422) -> Response:
    runs = import_access.recent(db, user)
    return form_page(
        request,
        "imports.html",
        user=user,
        form=form,
        status_code=status_code,
        runs=runs,
        words=WORDS,
        entities=ENTITIES,
        modes=MODES,
    )


def _mapping_page(
    request: Request, user: PageUser, db: DbDep, upload: Upload, entity: str, mode: str, form: Posted
) -> Response:
    proposed, saved = propose_mapping(db, entity=entity, headers=list(upload.headers))
    chosen = {
        h: form.raw(f"map-{i}") if form.given(f"map-{i}") else proposed[h]
        for i, h in enumerate(upload.headers)
    }
    return render(
        request,
        "import_mapping.html",
        status_code=200 if form.ok else 422,
        user=user,
        upload=upload,
        entity=entity,
        mode=mode,
        chosen=chosen,
        saved=saved,
        fields=list(COLUMNS[entity]),
        labels=COLUMN_LABELS,
        words=WORDS,
        errors=messages(request, form),
    )


def _run(
    request: Request,
    user: PageUser,
    db: DbDep,
    engine: EngineDep,
    form: Posted,
    kept: UploadShelf,
    *,
    dry_run: bool,
) -> Response:
    entity, mode = form.choice("entity", ENTITIES), form.choice("mode", MODES)
    token = form.text("upload", max_length=100, required=True)
    if not form.ok or entity is None or mode is None:
        return _start(request, user, db, form)
    try:
        upload = kept.get(username=user.username, token=token)
    except LookupError:
        form.fail("file", GONE)
        return _start(request, user, db, form)
    mapping = {h: form.raw(f"map-{i}") for i, h in enumerate(upload.headers) if form.given(f"map-{i}")}
    try:
        record = import_access.run(
            db, engine, user, entity=entity, mode=mode, file_name=upload.file_name, data=upload.data,
            actor=user.username, dry_run=dry_run, skip_bad_rows=form.raw("skip_bad_rows") == "true",
            mapping=mapping,
        )  # fmt: skip
    except InvalidError as exc:
        form.fail(FORM, exc.message)
        return _mapping_page(request, user, db, upload, entity, mode, form)
    if not dry_run:
        return RedirectResponse(f"/ui/imports/{record.id}", status_code=303)
    return render(
        request, "import_preview.html", user=user, run=record, upload=upload, entity=entity, mode=mode,
        mapping=mapping, words=WORDS,
    )  # fmt: skip
