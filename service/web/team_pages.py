"""The supervisor's team view page: per specialist, the week against the IPS target and 8 weeks of bars.

It calls the same use case as ``GET /reports/team`` (same scope, same audit row). The bars are inline
SVG drawn from coordinates computed here: no script, no style attribute (the CSP forbids both), no
library.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from service.access.users import list_units
from service.deps import ActivityDep, DbDep, ProgrammeDep
from service.usecases.team_view import SpecialistFigures, TeamView, team_view, week_label
from service.web.pages import PageUser, render

router = APIRouter(prefix="/ui", include_in_schema=False)
#: Bar chart geometry, in SVG user units: plot height, bar width, gap between bars.
HEIGHT, BAR, GAP = 48, 14, 4


def bars(row: SpecialistFigures, target: int) -> dict[str, Any]:
    """One specialist's weekly bars and the target line, as coordinates.

    The scale tops at the larger of target + 2 and the busiest week, so the target line always
    shows and no bar is cut off. ``met`` marks the weeks at or over the target.
    """
    top = max(target + 2, *(w.face_to_face for w in row.weeks))
    out = []
    for i, w in enumerate(row.weeks):
        h = round(HEIGHT * w.face_to_face / top)
        x = GAP + i * (BAR + GAP)
        out.append({"x": x, "y": HEIGHT - h, "h": h, "w": BAR, "week": w.week, "count": w.face_to_face,
                    "met": w.face_to_face >= target})  # fmt: skip
    width = GAP + len(row.weeks) * (BAR + GAP)
    return {"bars": out, "target_y": round(HEIGHT * (1 - target / top)), "width": width, "height": HEIGHT}


def _previous_next(view: TeamView) -> tuple[str, str]:
    """The ISO weeks before and after the view's (``2026-W47``, ``2026-W49``)."""
    return week_label(view.starts_on - timedelta(days=7)), week_label(view.starts_on + timedelta(days=7))


@router.get("/team", response_class=HTMLResponse)
def team_page(
    request: Request,
    user: PageUser,
    db: DbDep,
    activity: ActivityDep,
    programme: ProgrammeDep,
    week: Annotated[str | None, Query(pattern=r"^\d{4}-W\d{2}$")] = None,
    unit: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    """Supervisors: each specialist's week against the target, the last 8 weeks, caseload, follow-ups."""
    view = team_view(db=db, activity=activity, user=user, rules=programme.rules, week=week, unit=unit)
    names = {u["id"]: u["name"] for u in list_units(db)}
    previous, following = _previous_next(view)
    return render(
        request,
        "team.html",
        user=user,
        view=view,
        unit_names=names,
        charts={s.username: bars(s, view.target) for s in view.specialists},
        previous=previous,
        following=following,
    )
