"""The supervisor's reports: IPS-25 fidelity items, outcomes per quarter, key dates, IPS Grow, team view.

A supervisor sees their unit, an admin every unit (or the one in ``unit``); other roles get 403.
The hand-rated IPS-25 items are stored per unit (``/reports/hand-ratings``, `service.usecases.hand_ratings`).
Every report read is audit-logged per participant in scope (`service.usecases.reports`); the team
view, which shows no participant, once per unit (`service.usecases.team_view`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from reports.self_assessment import HAND_ITEMS
from service.api.schemas.hand_ratings import HandRatingsIn, HandRatingsOut
from service.api.schemas.problems import error_responses
from service.api.schemas.reports import FidelityItemOut, FidelityOut, IpsGrowOut, TableOut
from service.api.schemas.team import TeamOut
from service.deps import ActivityDep, DbDep, ProgrammeDep, UserDep
from service.usecases import hand_ratings as hand
from service.usecases import reports as uc
from service.usecases.report_csv import to_csv
from service.usecases.team_view import team_view

router = APIRouter(prefix="/reports", tags=["reports"], responses=error_responses())

Since = Annotated[dt.date | None, Query(description="first day (default: 364 days before until)")]
Until = Annotated[dt.date | None, Query(description="last day, included (default: today, UTC)")]
Unit = Annotated[str | None, Query(max_length=100, description="admins: one unit (default all)")]


def window_scope(user: UserDep, since: Since = None, until: Until = None, unit: Unit = None) -> uc.Scope:
    """The units the caller may report on and the window asked for (403 for roles without reports)."""
    return uc.scope_for(user, unit=unit, since=since, until=until)


WindowScope = Annotated[uc.Scope, Depends(window_scope)]


@router.get("/fidelity", response_model=FidelityOut)
def fidelity(user: UserDep, db: DbDep, programme: ProgrammeDep, scope: WindowScope) -> FidelityOut:
    """Every computable IPS-25 item: figure, numerator, denominator, band, proxy flag and evidence rows."""
    items = uc.fidelity_report(db=db, user=user, rules=programme.rules, scope=scope)
    w = scope.window
    return FidelityOut(
        since=w.start, until=w.end, units=scope.units, items=[FidelityItemOut.from_result(i) for i in items]
    )


@router.get("/outcomes", response_model=TableOut)
def outcomes(
    user: UserDep,
    db: DbDep,
    programme: ProgrammeDep,
    since: Since = None,
    until: Until = None,
    unit: Unit = None,
    by: Literal["programme", "unit", "specialist"] = "programme",
) -> TableOut:
    """Outcome rates per quarter of the window and per group, with the ids behind each count."""
    # not WindowScope: a dependency's query parameters come after the route's own, and ``by`` is
    # documented last (clients generated from the spec keep their argument order)
    scope = window_scope(user, since, until, unit)
    table = uc.outcomes_report(db=db, user=user, rules=programme.rules, scope=scope, by=by)
    return TableOut.from_frame(table, scope.window.start, scope.window.end, scope.units)


@router.get("/key-dates", response_model=TableOut)
def key_dates(user: UserDep, db: DbDep, programme: ProgrammeDep, unit: Unit = None) -> TableOut:
    """One row per participant with the dates a fidelity chart review checks."""
    scope = uc.scope_for(user, unit=unit, since=None, until=None)
    table = uc.key_dates_report(db=db, user=user, rules=programme.rules, scope=scope)
    return TableOut.from_frame(table, scope.window.start, scope.window.end, scope.units)


@router.get(
    "/ips-grow",
    response_model=IpsGrowOut,
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}},
)
def ips_grow(
    user: UserDep,
    db: DbDep,
    programme: ProgrammeDep,
    quarter: Annotated[str | None, Query(max_length=7, description="e.g. 2026-Q3; default: this one")] = None,
    unit: Unit = None,
    format: Literal["json", "csv"] = "json",
    sheet: Literal["caseload", "counts"] = "caseload",
) -> IpsGrowOut | Response:
    """The IPS Grow caseload sheet and quarterly counts; ``format=csv`` gives ``sheet`` as CSV."""
    units = uc.scope_for(user, unit=unit, since=None, until=None).units  # the role is checked first
    q = uc.quarter_window(quarter) if quarter else uc.current_quarter()
    scope = uc.Scope(units, q)
    people, counts = uc.ips_grow_report(db=db, user=user, rules=programme.rules, scope=scope, quarter=q)
    if format == "csv":
        name = f"ips-grow-{q.label}-{sheet}.csv"
        return Response(
            to_csv(people if sheet == "caseload" else counts),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return IpsGrowOut(
        quarter=q.label,
        units=scope.units,
        caseload=TableOut.from_frame(people, q.start, q.end, scope.units),
        counts=TableOut.from_frame(counts, q.start, q.end, scope.units),
    )


@router.get("/team", response_model=TeamOut)
def team(
    user: UserDep,
    db: DbDep,
    activity: ActivityDep,
    programme: ProgrammeDep,
    week: Annotated[
        str | None, Query(pattern=r"^\d{4}-W\d{2}$", description="ISO week, e.g. 2026-W48; default: this one")
    ] = None,
    unit: Unit = None,
) -> TeamOut:
    """The team view: per specialist of the caller's unit, the week's figures a supervisor checks.

    Face-to-face employer contacts held in the ISO week against the IPS target of 6 and in each of
    the 8 weeks ending with it, caseload size, follow-ups overdue, and the median days from entry
    to the first face-to-face employer contact. One audit row per unit (no participant is shown).
    """
    view = team_view(db=db, activity=activity, user=user, rules=programme.rules, week=week, unit=unit)
    return TeamOut.from_view(view)


@router.get("/hand-ratings", response_model=HandRatingsOut)
def get_hand_ratings(user: UserDep, db: DbDep, unit: Unit = None) -> HandRatingsOut:
    """The unit's latest rating of each item rated by hand (S2, S3, O1–O8, V11, V13), with evidence.

    A supervisor's own unit (another unit is 404); an admin names the unit.
    """
    unit_id, latest = hand.hand_ratings(db, user, unit)
    return HandRatingsOut.of(unit_id, latest, HAND_ITEMS)


@router.put("/hand-ratings", response_model=HandRatingsOut)
def put_hand_ratings(user: UserDep, db: DbDep, body: HandRatingsIn, unit: Unit = None) -> HandRatingsOut:
    """Store ratings (1–5 with evidence) of hand-rated items; each changed one adds a history row.

    422 for an item not rated by hand, one given twice, or a rating outside 1–5. Answers the
    unit's latest ratings after the save.
    """
    given = [(r.item, r.rating, r.evidence) for r in body.ratings]
    unit_id, latest = hand.save_hand_ratings(db, user, unit, given)
    return HandRatingsOut.of(unit_id, latest, HAND_ITEMS)
