"""Server-rendered pages for specialists: caseload, leads with explanations and feedback, employers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Cookie, Depends, Form, Header, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from matching.ranking.labels import DISCLOSURE_LABELS, label, sector_label
from service.access.auth import SESSION_COOKIE, resolve_user
from service.access.errors import AuthError
from service.access.users import User, authenticate, create_token, revoke_token
from service.deps import DbDep, EngineDep, ParticipantsDep, SettingsDep
from service.usecases.leads import serve_leads
from service.usecases.participants import get_participant, list_participants

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
TEMPLATES.env.filters["sector"] = sector_label
TEMPLATES.env.filters["disclosure"] = lambda code: label(DISCLOSURE_LABELS, code)
STATIC = Path(__file__).parent / "static"
router = APIRouter(prefix="/ui", include_in_schema=False)


class LoginRequired(Exception):
    """A page needs a signed-in user; answered with a redirect to the login page."""


def page_user(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
    session: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None,
) -> User:
    """The signed-in user of a page, or LoginRequired."""
    try:
        user = resolve_user(db, settings, authorization, session)
    except AuthError:
        raise LoginRequired from None
    request.state.user_id = user.id  # for the request audit of refusals
    return user


PageUser = Annotated[User, Depends(page_user)]


def render(request: Request, template: str, *, status_code: int = 200, **context: Any) -> Response:
    """The page ``template`` filled with ``context``."""
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


@router.get("", response_class=RedirectResponse)
def home() -> RedirectResponse:
    """Start at the caseload."""
    return RedirectResponse("/ui/participants", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    """The sign-in form."""
    return render(request, "login.html", error=None)


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request, db: DbDep, username: Annotated[str, Form()], password: Annotated[str, Form()]
) -> Response:
    """Check the password and start a session (an HttpOnly, SameSite=Strict cookie)."""
    user = authenticate(db, username=username, password=password)
    if user is None:
        return render(request, "login.html", status_code=401, error="Unknown user or wrong password.")
    response = RedirectResponse("/ui/participants", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        create_token(db, user_id=user.id, name="browser-session"),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return response


@router.post("/logout")
def logout(db: DbDep, session: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None) -> Response:
    """End the session."""
    if session:
        revoke_token(db, token=session)
    response = RedirectResponse("/ui/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/participants", response_class=HTMLResponse)
def caseload(request: Request, user: PageUser, store: ParticipantsDep, db: DbDep) -> Response:
    """The caller's unit's participants."""
    people = list_participants(store=store, db=db, user=user, status=None, limit=500, after=None)
    return render(request, "participants.html", user=user, people=people)


@router.get("/participants/{participant_id}", response_class=HTMLResponse)
def participant_leads(
    request: Request,
    participant_id: UUID,
    user: PageUser,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
    settings: SettingsDep,
    n: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    """A participant's stated preferences and their leads: the recorded set again while it is current."""
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    window = timedelta(hours=settings.lead_set_hours)
    leads = serve_leads(person=person, user=user, engine=engine, db=db, n=n, reuse_within=window)
    return render(request, "participant.html", user=user, person=person, result=leads, n=n)
