"""The supervisor's report page: IPS-25 items with their evidence, and outcome rates per quarter.

It computes what ``GET /reports/fidelity`` and ``/reports/outcomes`` do (same scope) from one read
of the caseload, logged once per participant (`service.usecases.reports.report_page`). The items
no function computes are listed with the reviewer's 1–5 rating and evidence: for one unit the form
posts to ``POST /ui/reports/hand-ratings`` (`service.usecases.hand_ratings`, the twin of
``PUT /reports/hand-ratings``) and the total uses the stored ratings; a rating in the address
(``?S2=4``) overrides one for a what-if, and is all an admin viewing every unit has. With all 12
the page shows the IPS-25 total and its band (`reports.self_assessment.assess`). The chart is
inline SVG drawn from numbers computed here: no script, no style attribute (the CSP forbids both), no library.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reports.bands import COMPETITIVE_RATE_BENCHMARKS, JOB_OUTCOME_BENCHMARK, SUSTAINED_BENCHMARK
from reports.self_assessment import HAND_ITEMS, HandRating, assess
from service.access.users import User, list_units
from service.deps import DbDep, ProgrammeDep
from service.usecases import hand_ratings as stored
from service.usecases import reports as uc
from service.web.forms import FORM, Posted, messages, posted
from service.web.hand_rating_form import rating_fields, read_ratings
from service.web.pages import PageUser, render
from storekit.errors import InvalidError

router = APIRouter(prefix="/ui", include_in_schema=False)
#: Chart geometry, in SVG user units: plot height, bar width and gap, left margin for the labels.
HEIGHT, BAR, GAP, LEFT = 160, 36, 24, 40


def chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars of the competitive employment rate per quarter and the benchmark lines, as coordinates.

    Rates stay numbers (``rate``, ``floor`` in [0, 1]): the template formats them in the page's locale.
    """
    bars = []
    for i, row in enumerate(rows):
        rate = row["competitive_rate"]
        h = round(HEIGHT * (rate or 0.0))
        x = LEFT + GAP + i * (BAR + GAP)
        bars.append({"x": x, "y": HEIGHT - h, "h": h, "w": BAR, "quarter": row["quarter"], "rate": rate})
    lines = [
        {"y": round(HEIGHT * (1 - floor)), "name": name, "floor": floor}
        for name, floor in COMPETITIVE_RATE_BENCHMARKS
    ]
    return {"bars": bars, "lines": lines, "width": LEFT + GAP + len(rows) * (BAR + GAP), "height": HEIGHT}


def hand_ratings(request: Request) -> dict[str, HandRating]:
    """The reviewer's ratings in the query (``S2=4``): item -> rating; empty fields are not rated yet.

    Raises InvalidError (``query.<item>``) for anything but a whole number 1..5.
    """
    out = {}
    for item in HAND_ITEMS:
        raw = request.query_params.get(item, "").strip()
        if not raw:
            continue
        if not (raw.isdigit() and 1 <= int(raw) <= 5):
            raise InvalidError(f"query.{item}", "a rating is a whole number from 1 to 5")
        out[item] = HandRating(item, int(raw), rater="page")
    return out


@router.get("/reports", response_class=HTMLResponse)
def reports_page(
    request: Request,
    user: PageUser,
    db: DbDep,
    programme: ProgrammeDep,
    since: Annotated[dt.date | None, Query()] = None,
    until: Annotated[dt.date | None, Query()] = None,
    unit: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    """Fidelity items (band, figure, denominator, evidence) and the outcomes per quarter with a chart."""
    scope = uc.scope_for(user, unit=unit, since=since, until=until)
    ratings = _stored(db, user, scope) | hand_ratings(request)
    return _page(request, user, db, programme, scope, ratings, Posted(rating_fields(ratings)), 200)


@router.post("/reports/hand-ratings", response_class=HTMLResponse)
def save_ratings(
    request: Request,
    user: PageUser,
    db: DbDep,
    programme: ProgrammeDep,
    form: Annotated[Posted, Depends(posted)],
) -> Response:
    """Store the reviewer's ratings and evidence for the page's unit, then show the page again."""
    since, until = form.day("since"), form.day("until")
    scope = uc.scope_for(user, unit=form.raw("unit") or None, since=since, until=until)
    given = read_ratings(form)
    if form.ok:
        try:
            stored.save_hand_ratings(db, user, _one_unit(scope), given)
            query = f"since={scope.window.start}&until={scope.window.end}&unit={_one_unit(scope) or ''}"
            return RedirectResponse(f"/ui/reports?{query}#hand-rated", status_code=303)
        except InvalidError as exc:
            # a field of the row it names (ratings.<i>.rating -> that item), else above the form
            form.fail(_field_of(exc.field, given), exc.message)
    return _page(request, user, db, programme, scope, _stored(db, user, scope), form, 422)


def _one_unit(scope: uc.Scope) -> str | None:
    return scope.units[0] if scope.units and len(scope.units) == 1 else None


def _field_of(name: str, given: list[tuple[str, int, str]]) -> str:
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "ratings" and parts[1].isdigit() and int(parts[1]) < len(given):
        item = given[int(parts[1])][0]
        return item if parts[2] == "rating" else f"evidence-{item}"
    return FORM


def _stored(db: DbDep, user: User, scope: uc.Scope) -> dict[str, HandRating]:
    """The unit's stored ratings when the page shows one unit; none across units."""
    unit = _one_unit(scope)
    return {} if unit is None else stored.as_hand(stored.hand_ratings(db, user, unit)[1])


def _page(
    request: Request,
    user: User,
    db: DbDep,
    programme: ProgrammeDep,
    scope: uc.Scope,
    ratings: dict[str, HandRating],
    form: Posted,
    status_code: int,
) -> Response:
    items, table = uc.report_page(db=db, user=user, rules=programme.rules, scope=scope)
    rows = table.to_dicts()
    return render(
        request,
        "reports.html",
        status_code=status_code,
        user=user,
        scope=scope,
        items=items,
        outcomes=rows,
        chart=chart(rows),
        benchmarks={"job_outcome": JOB_OUTCOME_BENCHMARK, "sustained": SUSTAINED_BENCHMARK},
        unit_names={u["id"]: u["name"] for u in list_units(db)},
        hand_items=HAND_ITEMS,
        ratings=ratings,
        rating_unit=_one_unit(scope),
        form=form,
        errors=messages(request, form),
        assessment=assess(items, ratings.values()),
    )
