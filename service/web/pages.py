"""Server-rendered pages for specialists: caseload, leads with explanations and feedback, employers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Cookie, Depends, Form, Header, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from participants.support_contacts import SUPPORT_MODES, WITH_WHOM
from service.access import auth
from service.access.auth import SESSION_COOKIE, UI_HEADER, check_same_origin
from service.access.errors import AuthError
from service.access.throttle import LoginThrottle, TooManyAttempts
from service.access.tokens import create_token, revoke_token
from service.access.users import User, authenticate
from service.deps import DbDep, EngineDep, ParticipantsDep, ProgrammeDep, SettingsDep, app_anonymous
from service.usecases.episodes import follow_along_of
from service.usecases.follow_along import OVERDUE_SHOWN_DAYS, DueContact
from service.usecases.jobs import list_jobs
from service.usecases.leads import serve_leads
from service.usecases.participants import get_participant
from service.web.forms import Posted
from service.web.i18n import LANG_COOKIE, LOCALES, gettext, rendering
from service.web.templating import TEMPLATES, render, request_locale

__all__ = ["TEMPLATES", "render"]  # the other page modules render through pages.render
STATIC = Path(__file__).parent / "static"
router = APIRouter(prefix="/ui", include_in_schema=False)
#: Upcoming support contacts the participant page lists (the rest of the schedule follows them).
_UPCOMING_SHOWN = 4


class LoginRequired(Exception):
    """A page needs a signed-in user; answered with a redirect to the login page."""


@dataclass(frozen=True)
class Credentials:
    """What a browser request may carry to sign in: a bearer ``Authorization`` header, a session cookie."""

    authorization: str | None
    session: str | None


def credentials(
    authorization: Annotated[str | None, Header()] = None,
    session: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None,
) -> Credentials:
    """The request's credentials (either may be missing)."""
    return Credentials(authorization, session)


CredentialsDep = Annotated[Credentials, Depends(credentials)]


def browser_user(request: Request, db: DbDep, creds: CredentialsDep) -> User:
    """The caller of a page or a page's action: AuthError, or ForbiddenError for a cross-site write.

    Writes with the cookie or anonymous must name this host as their Origin (or Referer); fetch()
    writes with the cookie must also carry the UI header (forms cannot set headers, scripts can).
    Urlencoded and multipart bodies (a file upload) are forms; the Origin check covers both.
    """
    user = auth.page_user(db, creds.authorization, creds.session, app_anonymous(request))
    if not creds.authorization:
        kind = request.headers.get("content-type", "")
        form = kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
        _same_origin(request, need_ui_header=bool(creds.session) and not form)
    return user


def _same_origin(request: Request, *, need_ui_header: bool = False) -> None:
    h = request.headers
    check_same_origin(
        request.method,
        h.get("host"),
        h.get("origin"),
        h.get("referer"),
        ui_header=h.get(UI_HEADER),
        need_ui_header=need_ui_header,
    )


def page_user(request: Request, db: DbDep, creds: CredentialsDep) -> User:
    """The signed-in user of a page, or LoginRequired (a redirect to the sign-in page)."""
    try:
        user = browser_user(request, db, creds)
    except AuthError:
        raise LoginRequired from None
    request.state.user_id = user.id  # for the request audit of refusals
    return user


PageUser = Annotated[User, Depends(page_user)]
#: For the pages' JSON actions: 401/403 as JSON, never a redirect a script would follow.
ActionUser = Annotated[User, Depends(browser_user)]


@router.get("", response_class=RedirectResponse)
def home() -> RedirectResponse:
    """Start at the caseload."""
    return RedirectResponse("/ui/participants", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    """The sign-in form."""
    return render(request, "login.html", error=None)


def login_throttle(request: Request) -> LoginThrottle:
    """The app's sign-in rate limit."""
    return request.app.state.login_throttle


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    throttle: Annotated[LoginThrottle, Depends(login_throttle)],
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1024)],
) -> Response:
    """Check the password and start a session (an HttpOnly, SameSite=Strict cookie).

    Too many failures for the username or the address: 429 with Retry-After, before hashing.
    """
    _same_origin(request)  # no sign-in forced on from another site (login CSRF)
    address = request.client.host if request.client else ""
    try:
        with throttle.attempt(username, address):
            user = authenticate(db, username=username, password=password)
    except TooManyAttempts as exc:
        with rendering(request_locale(request)):
            error = gettext("Too many sign-in attempts: try again in %(seconds)s s.") % {
                "seconds": exc.retry_after
            }
        response = render(request, "login.html", status_code=429, error=error)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    if user is None:
        throttle.failed(username, address)
        with rendering(request_locale(request)):
            error = gettext("Unknown user or wrong password.")
        return render(request, "login.html", status_code=401, error=error)
    throttle.succeeded(username)
    response = RedirectResponse("/ui/participants", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        create_token(db, user_id=user.id, name="browser-session", hours=settings.token_hours),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=int(settings.token_hours * 3600),
    )
    return response


@router.get("/lang", response_class=RedirectResponse)
def choose_language(
    lang: Annotated[str, Query(max_length=8)] = "",
    back: Annotated[str, Query(alias="next", max_length=2000)] = "/ui",
) -> RedirectResponse:
    """The header's language switcher: remember ``lang`` for a year and go back to the page.

    Only a path on this site under /ui is a place to go back to (no open redirect); an unknown
    language (or none) clears the choice, so the browser's Accept-Language decides again.
    """
    target = back if back.startswith("/ui") and not back.startswith("//") else "/ui"
    response = RedirectResponse(target, status_code=303)
    if lang in LOCALES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    else:
        response.delete_cookie(LANG_COOKIE)
    return response


@router.post("/logout")
def logout(
    request: Request, db: DbDep, session: Annotated[str | None, Cookie(alias=SESSION_COOKIE)] = None
) -> Response:
    """End the session."""
    _same_origin(request)
    if session:
        revoke_token(db, token=session)
    response = RedirectResponse("/ui/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/participants/{participant_id}", response_class=HTMLResponse)
def participant_leads(
    request: Request,
    participant_id: UUID,
    user: PageUser,
    store: ParticipantsDep,
    engine: EngineDep,
    db: DbDep,
    settings: SettingsDep,
    programme: ProgrammeDep,
    n: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    """A participant's stated preferences, jobs, follow-along support contacts due and leads.

    The leads are the recorded set again while it is current.
    """
    person = get_participant(store=store, db=db, user=user, participant_id=str(participant_id))
    window = timedelta(hours=settings.lead_set_hours)
    leads = serve_leads(person=person, user=user, engine=engine, db=db, n=n, reuse_within=window)
    jobs = list_jobs(db=db, user=user, participant_id=person.id, programme=programme)
    support = follow_along_of(
        db=db, user=user, participant_id=person.id, today=date.today(), programme=programme
    )
    open_support = _open_support(support, date.today())
    return render(
        request,
        "participant.html",
        user=user,
        person=person,
        result=leads,
        n=n,
        jobs=jobs,
        support=open_support,
        support_form=_support_blank(),
        support_modes=SUPPORT_MODES,
        with_whom=WITH_WHOM,
    )


def _support_blank() -> Posted:
    """The support contact form as first shown: today, face to face, with the person."""
    return Posted(
        {"contact_date": [date.today().isoformat()], "mode": ["face_to_face"], "with_whom": ["participant"]}
    )


def _open_support(items: list[DueContact], today: date) -> list[DueContact]:
    """What the page lists: due now, the next upcoming ones, and recently missed ones (by period)."""
    recent = today - timedelta(days=OVERDUE_SHOWN_DAYS)
    missed = [i for i in items if i.status == "missed" and i.last >= recent]
    upcoming = [i for i in items if i.status == "upcoming"][:_UPCOMING_SHOWN]
    return sorted([*missed, *(i for i in items if i.status == "due"), *upcoming], key=lambda i: i.first)
