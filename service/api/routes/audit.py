"""The audit log over HTTP (read only), and the request audit that records refusals and deletes.

``GET /audit`` is for supervisors (their unit's users, and anything done to their unit's
participants) and admins (everything). Nothing here or anywhere else updates or deletes a row.

`install` adds a middleware that writes one audit row for every request answered 401, 403, or
404 on a route with an id in its path (a refusal: "not yours" and "not there" look the same to
the caller, so both are recorded), and for every successful delete or restore, whichever route
serves it, so a route added later is covered without remembering to.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from service.access.audit import log_access, query_audit
from service.access.errors import ForbiddenError
from service.api import pagination
from service.api.pagination import Limit
from service.api.schemas.audit import AuditEntryOut, AuditPage
from service.api.schemas.problems import error_responses
from service.deps import DbDep, UserDep

router = APIRouter(tags=["audit"], responses=error_responses())
DENIED = frozenset({401, 403, 404})


@router.get("/audit", response_model=AuditPage)
def list_audit(
    user: UserDep,
    db: DbDep,
    participant_id: Annotated[
        str | None, Query(max_length=100, description="Rows about this participant")
    ] = None,
    user_filter: Annotated[
        str | None, Query(alias="user", max_length=100, description="User id or username")
    ] = None,
    since: Annotated[datetime | None, Query(description="From this time (inclusive)")] = None,
    until: Annotated[datetime | None, Query(description="Before this time (exclusive)")] = None,
    limit: Limit = 50,
    after: Annotated[
        str | None, Query(max_length=200, description="next_cursor of the previous page")
    ] = None,
) -> AuditPage:
    """Audit rows newest first: supervisors see their unit's, admins every unit's; others 403."""
    if user.role == "admin":
        units = None
    elif user.role == "supervisor" and user.unit_id:
        units = [user.unit_id]
    else:
        raise ForbiddenError("only supervisors and admins read the audit log")
    rows = query_audit(
        db,
        units=units,
        participant_id=participant_id,
        user=user_filter,
        since=since,
        until=until,
        limit=limit,
        before=pagination.decode_dated(after),
    )
    return pagination.page(
        AuditPage, rows, limit, AuditEntryOut.from_fields, lambda r: pagination.encode(r.logged_at, r.id)
    )


def install(app: FastAPI) -> None:
    """Add the request audit middleware to ``app`` (see the module docstring)."""

    @app.middleware("http")
    async def audit_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        row = _row(request, response.status_code)
        if row is not None:
            await run_in_threadpool(lambda: log_access(request.app.state.db, **row))
        return response


def _row(request: Request, status: int) -> dict[str, Any] | None:
    """The audit row for a finished request, or None when it needs none."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    params: dict[str, str] = dict(request.scope.get("path_params") or {})
    name = getattr(route, "name", "") or ""
    if status in DENIED and (status != 404 or (path is not None and params)):
        action = "denied"
    elif status < 300 and (request.method == "DELETE" or name.startswith("restore_")):
        action = "restore" if name.startswith("restore_") else "delete"
    else:
        return None
    pid = params.get("participant_id")
    shown = " ".join(f"{k}={v}" for k, v in params.items())
    return {
        "user_id": getattr(request.state, "user_id", ""),
        "action": action,
        "entity": "participant"
        if pid
        else (name.removeprefix(f"{action}_") if action != "denied" else "request"),
        "entity_ids": [pid or (list(params.values())[-1] if params else None)],
        "detail": f"{status} {request.method} {path or request.url.path} {shown}".strip(),
    }
