"""The employer board (/ui/employers/board): one column per relationship stage, cards moved between them.

Filtered like the employer list (country, the unit's by default; owner; sector: `list_filters`).
Each card has a "Move to" select and button: a plain POST form (it works without script; the
Origin check of every cookie write, `pages.browser_user`, guards it), answered with a 303 back to
the board showing the moved card. ``static/board.js`` adds drag and drop, which posts the same
form. A move calls the use case the employer page's stage form calls (`move_employer`); an
employer gone meanwhile (merged, deleted) shows the board again with a message and a 404.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from employers import InvalidError, NotFoundError
from matching.types import STAGES
from service.access.users import User
from service.deps import DbDep, EmployersDep, EngineDep
from service.runtime.database import Database
from service.usecases.employer_board import employer_board, move_employer
from service.usecases.employer_list import employer_choices, home_country
from service.web.forms import FORM, Posted, back_to, messages, posted
from service.web.labels import N_, SECTORS
from service.web.list_filters import employer_filter, query_form
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)
BOARD = "/ui/employers/board"
GONE = N_(
    "This employer is no longer in the network (merged or deleted meanwhile); "
    "the board shows the network as it is now."
)
_Id = Annotated[str | None, Query(max_length=36, pattern=r"^[0-9a-fA-F-]{32,36}$")]


@router.get("/employers/board", response_class=HTMLResponse)
def board(request: Request, user: PageUser, db: DbDep, moved: _Id = None) -> Response:
    """The board for the filters in the query; ``moved``: the card a move just put in its column."""
    try:
        pinned = str(UUID(moved)) if moved else None
    except ValueError:  # not an id: nothing to show as moved
        pinned = None
    return board_page(request, user, db, query_form(request), moved=pinned)


def board_page(
    request: Request,
    user: User,
    db: Database,
    form: Posted,
    *,
    moved: str | None = None,
    failed: Posted | None = None,
    status_code: int = 200,
) -> Response:
    """The board filtered by ``form`` (a bad filter: 422 with its message); ``failed``: a move's error."""
    countries, owners, _ = employer_choices(db, country=None)
    where = replace(
        employer_filter(form, countries=countries, owners=owners, home=home_country(db, user)), stage=None
    )
    columns = employer_board(db=db, where=where, pinned=moved) if form.ok else []
    kept = [(k, form.raw(k)) for k in ("country", "owner", "sector") if form.given(k)]
    here = BOARD + (f"?{urlencode(kept)}" if kept else "")
    return render(
        request,
        "board.html",
        status_code=status_code if form.ok else 422,
        user=user,
        form=form,
        errors=messages(request, form),
        move_errors=messages(request, failed) if failed is not None else {},
        columns=columns,
        moved=moved,
        back=here,
        # a full column's "and n more" opens the list with the same filters and the stage
        list_query=urlencode(
            [("country", where.country or ""), *((k, v) for k, v in kept if k != "country")]
        ),
        country=where.country or "",
        countries=countries,
        owners=owners,
        sectors=sorted(SECTORS),
        stages=STAGES,
        today=date.today(),
    )


PostedDep = Annotated[Posted, Depends(posted)]


@router.post("/employers/{employer_id}/move", response_class=HTMLResponse)
def move(
    request: Request,
    employer_id: UUID,
    user: PageUser,
    form: PostedDep,
    db: DbDep,
    store: EmployersDep,
    engine: EngineDep,
) -> Response:
    """Move the employer to the posted ``stage`` and go back to the board (``next``) showing it there."""
    back = back_to(form, BOARD)
    stage = form.choice("stage", STAGES)
    status_code = 422
    if form.ok:
        try:
            move_employer(
                store=store,
                engine=engine,
                employer_id=str(employer_id),
                stage=str(stage),
                actor=user.username,
            )
            return RedirectResponse(_showing(back, str(employer_id)), status_code=303)
        except NotFoundError:
            form.fail(FORM, GONE)
            status_code = 404
        except InvalidError as exc:
            form.store_error(exc, ("stage",))
    return board_page(request, user, db, _filters_of(back), failed=form, status_code=status_code)


def _showing(back: str, employer_id: str) -> str:
    """``back`` (a board address) with ``moved`` naming the card, scrolled to it."""
    parts = urlsplit(back)
    if parts.path != BOARD:
        return back
    kept = [
        (k, v) for k, vs in parse_qs(parts.query, keep_blank_values=True).items() for v in vs if k != "moved"
    ]
    return f"{BOARD}?{urlencode([*kept, ('moved', employer_id)])}#card-{employer_id}"


def _filters_of(back: str) -> Posted:
    """The board's filters in the address the form came from (to show that board again)."""
    fields: dict[str, Any] = parse_qs(urlsplit(back).query, keep_blank_values=True)
    return Posted({k: v for k, v in fields.items() if k in ("country", "owner", "sector")})
