"""Safe merge from the browser: side-by-side screen, merges history with undo, "not a duplicate" undo.

Plain HTML forms (they work without script), Origin-checked like every cookie write
(`pages.browser_user`), each calling the use case its JSON twin calls: ``POST /employers/merges``
(`duplicates.merge_employers`), ``POST /employers/merges/{id}/undo`` (`duplicates.undo_merge`),
``DELETE /employers/duplicates/not-duplicate/{a}/{b}`` (`duplicates.undo_not_duplicate`). Another
unit's merge or decision is a 404, like one that does not exist (see `usecases.duplicates`).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import MERGE_FIELDS, ConflictError, EmployerStore, InvalidError, MergeStore
from employers.merge import COUNTED
from service.access.users import User
from service.deps import DbDep, EmployersDep, EngineDep, MergesDep
from service.runtime.database import Database
from service.usecases import duplicates as workflows
from service.usecases.merge_preview import SIDES, merge_choices, preview_merge
from service.web.column_labels import COLUMN_LABELS
from service.web.crm_pages import DuplicatesPageDep, duplicates_page
from service.web.forms import FORM, Posted, messages, posted
from service.web.labels import N_
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)
PostedDep = Annotated[Posted, Depends(posted)]
HISTORY = "/ui/employers/merges"
#: The words for each field the screen compares (translated when shown).
FIELD_LABELS = COLUMN_LABELS

#: Registry kinds (`employers.models.REGISTRY_KINDS`) in words.
REGISTRY_LABELS = {
    "org_nr": N_("Organisation number (SE)"),
    "cvr": N_("CVR number (DK)"),
    "siren": N_("SIREN (FR)"),
    "companies_house": N_("Companies House number (UK)"),
    "other": N_("Other registry"),
}


@router.get("/employers/merge", response_class=HTMLResponse)
def merge_screen(
    request: Request, user: PageUser, employers: EmployersDep, merges: MergesDep, a: UUID, b: UUID
) -> Response:
    """Two employers side by side: which stays, whose value per differing field, what moves."""
    return _screen(request, user, employers, merges, str(a), str(b), Posted({}), status_code=200)


@router.post("/employers/merge", response_class=HTMLResponse)
def confirm_merge(
    request: Request,
    user: PageUser,
    form: PostedDep,
    employers: EmployersDep,
    merges: MergesDep,
    engine: EngineDep,
    db: DbDep,
) -> Response:
    """Merge as chosen (the other record becomes an alias of the one that stays), then the history."""
    a, b = form.record_id("a", required=True), form.record_id("b", required=True)
    if a is None or b is None or a == b:  # the screen again, saying why (never a 500)
        return _screen(request, user, employers, merges, a or "", b or "", form, status_code=422)
    preview = preview_merge(employers=employers, merges=merges, a_id=a, b_id=b)  # 404 before any field
    survivor = form.choice("survivor", SIDES)
    picks = {f: side for f in preview.differing if (side := form.choice(f"pick_{f}", SIDES, required=False))}
    if form.ok and survivor is not None:
        ids = {"a": a, "b": b}
        try:
            workflows.merge_employers(
                store=merges, employers=employers, engine=engine, db=db, user=user,
                survivor_id=ids[survivor], loser_id=ids["b" if survivor == "a" else "a"],
                choices=merge_choices(survivor, picks),
            )  # fmt: skip
            return RedirectResponse(HISTORY, status_code=303)
        except (InvalidError, ConflictError) as exc:
            form.fail(FORM, str(exc))
    return _screen(request, user, employers, merges, a, b, form, status_code=422)


def _screen(
    request: Request,
    user: User,
    employers: EmployerStore,
    merges: MergeStore,
    a: str,
    b: str,
    form: Posted,
    *,
    status_code: int,
) -> Response:
    try:
        preview = preview_merge(employers=employers, merges=merges, a_id=a, b_id=b)
    except InvalidError as exc:  # the same record twice, or an id that is no id
        form.fail(FORM, exc.message)
        preview, status_code = None, 422
    if preview is not None and not form.fields:  # first shown: the suggested choices
        picks = {f"pick_{f}": [side] for f, side in preview.picks.items()}
        form = Posted({"survivor": [preview.survivor], **picks})
    return render(request, "merge.html", status_code=status_code, user=user, preview=preview, form=form,
                  errors=messages(request, form), labels=FIELD_LABELS, registries=REGISTRY_LABELS,
                  fields=MERGE_FIELDS)  # fmt: skip


@router.get("/employers/merges", response_class=HTMLResponse)
def merge_history(request: Request, user: PageUser, merges: MergesDep, db: DbDep) -> Response:
    """The merges your unit made, newest first, each with its undo (or when it was undone)."""
    rows = workflows.list_merges(store=merges, db=db, user=user)
    return render(request, "merges.html", user=user, merges=rows)


@router.get("/employers/merges/{merge_id}/undo", response_class=HTMLResponse)
def undo_screen(
    request: Request, merge_id: UUID, user: PageUser, merges: MergesDep, employers: EmployersDep, db: DbDep
) -> Response:
    """Ask before undoing: which record comes back and how many of its rows move back to it."""
    return _undo_page(request, user, merges, employers, db, str(merge_id), error=None)


@router.post("/employers/merges/{merge_id}/undo", response_class=HTMLResponse)
def undo_merge(
    request: Request,
    merge_id: UUID,
    user: PageUser,
    form: PostedDep,
    merges: MergesDep,
    employers: EmployersDep,
    engine: EngineDep,
    db: DbDep,
) -> Response:
    """Undo the merge (the merged record back, exactly the moved rows with it), then the history.

    Only the confirmation page's button (``confirm=yes``) undoes; anything else shows that page.
    """
    workflows.get_merge(
        store=merges, employers=employers, merge_id=str(merge_id), db=db, user=user
    )  # 404 first
    if form.choice("confirm", ("yes",)) is None:
        return _undo_page(request, user, merges, employers, db, str(merge_id), error=None, status_code=422)
    try:
        workflows.undo_merge(
            store=merges, employers=employers, engine=engine, merge_id=str(merge_id), db=db, user=user
        )
    except ConflictError as exc:  # undone already, or the registry number taken meanwhile: say so
        return _undo_page(
            request, user, merges, employers, db, str(merge_id), error=str(exc), status_code=409
        )
    return RedirectResponse(HISTORY, status_code=303)


def _undo_page(
    request: Request,
    user: User,
    merges: MergeStore,
    employers: EmployerStore,
    db: Database,
    merge_id: str,
    *,
    error: str | None,
    status_code: int = 200,
) -> Response:
    merge, survivor = workflows.get_merge(
        store=merges, employers=employers, merge_id=merge_id, db=db, user=user
    )
    moving = {kind: len(merge.moved.get(table, [])) for kind, table in COUNTED.items()}
    return render(request, "merge_undo.html", status_code=status_code, user=user, merge=merge,
                  survivor=survivor, moving=moving, error=error)  # fmt: skip


@router.post("/employers/duplicates/not-duplicate/undo", response_class=HTMLResponse)
def undo_not_duplicate(
    request: Request, user: PageUser, form: PostedDep, pages: DuplicatesPageDep
) -> Response:
    """Forget a "not a duplicate" decision: the pair is back in the queue if it still looks alike."""
    a, b = form.record_id("a_id", required=True), form.record_id("b_id", required=True)
    if a is None or b is None:
        return duplicates_page(request, user, pages, status_code=422, errors=messages(request, form))
    workflows.undo_not_duplicate(store=pages.duplicates, db=pages.db, user=user, a_id=a, b_id=b)
    return RedirectResponse("/ui/employers/duplicates", status_code=303)
