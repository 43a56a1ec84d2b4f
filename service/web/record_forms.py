"""What the pages' forms share: the posted form as a dependency, the form page, the path's employer.

A form page is rendered with the form as typed and each field's message (`forms.messages`); a
first showing is a 200, a failed post a 422 (or a 409 for a likely duplicate or a taken key). The
path's employer (`PathEmployer`), the caller's unit and the owner check serve the employer, person
and opening forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, Request
from fastapi.responses import Response

from employers import EmployerRecord
from service.access.units import UnitRecord, get_unit
from service.access.users import User, get_user
from service.deps import EmployersDep
from service.runtime.database import Database
from service.web.forms import Posted, messages, posted
from service.web.pages import render
from storekit.errors import NotFoundError

PostedDep = Annotated[Posted, Depends(posted)]


def path_employer(employer_id: UUID, employers: EmployersDep) -> EmployerRecord:
    """The employer the path names (``/employers/{employer_id}/...``); a missing one is a 404 first."""
    return employers.get(employer_id=str(employer_id))


#: The employer of a person or opening form's path, read before any field is looked at.
PathEmployer = Annotated[EmployerRecord, Depends(path_employer)]


def home_unit(db: Database, user: User) -> UnitRecord | None:
    """The caller's unit (its country and language pre-fill a new record), None for an admin."""
    if not user.unit_id:
        return None
    try:
        return get_unit(db, unit_id=user.unit_id)
    except NotFoundError:
        return None


def known_user(db: Database) -> Callable[[str], bool]:
    """A check that a username names a user (an employer's owner must be one)."""
    return lambda username: get_user(db, username=username) is not None


def form_page(
    request: Request, template: str, *, user: User, form: Posted, status_code: int, **context: Any
) -> Response:
    """``template`` with ``form`` as typed and its fields' messages in the page's language."""
    return render(
        request,
        template,
        status_code=status_code,
        user=user,
        form=form,
        errors=messages(request, form),
        **context,
    )
