"""The supervisor's reports: fidelity items, outcomes, key dates and the IPS Grow sheet, scoped and logged.

Who may: a supervisor (their own unit) or an admin (every unit, or the one named); other roles
get ForbiddenError. Every report lists participants in its evidence or rows, so each read writes
one audit row per participant in scope (action ``read_report``, detail the report's name).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

import polars as pl

from reports.fidelity import fidelity_items
from reports.frames import Caseload
from reports.ips_grow import caseload_sheet, quarterly_counts
from reports.key_dates import key_dates
from reports.outcomes import outcomes
from reports.periods import Window, quarter_of
from reports.results import ItemResult
from reports.rules import MissingMinimumWageError, ProgrammeRules
from service.access.audit import log_access
from service.access.errors import ForbiddenError
from service.access.users import User
from service.runtime.database import Database
from service.usecases.errors import ConflictError
from service.usecases.report_frames import build_caseload
from storekit.errors import InvalidError

Grouping = Literal["programme", "unit", "specialist"]
#: The default window: the last 365 days up to today.
DEFAULT_DAYS = 365
#: The longest window served (10 years): outcomes are computed per quarter, so the work grows with it.
MAX_DAYS = 3653
#: Days a window may start or end on: a guard against typos such as 0202-01-01.
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Scope:
    """The units a report covers (None: all) and the window (inclusive UTC days)."""

    units: list[str] | None
    window: Window


def scope_for(user: User, *, unit: str | None, since: dt.date | None, until: dt.date | None) -> Scope:
    """The caller's scope; ForbiddenError for non-supervisors, InvalidError for a bad window."""
    if user.role == "admin":
        units = None if unit is None else [unit]
    elif user.role == "supervisor" and user.unit_id:
        if unit is not None and unit != user.unit_id:
            raise ForbiddenError("a supervisor sees the reports of their own unit only")
        units = [user.unit_id]
    else:
        raise ForbiddenError(f"role {user.role} has no access to the reports")
    for name, day in (("since", since), ("until", until)):
        if day is not None and not EARLIEST <= day <= LATEST:
            raise InvalidError(f"query.{name}", f"must lie between {EARLIEST} and {LATEST}")
    end = until or dt.datetime.now(dt.UTC).date()
    start = since or max(EARLIEST, end - dt.timedelta(days=DEFAULT_DAYS - 1))
    if end < start:
        raise InvalidError("query.until", f"until ({end}) is before since ({start})")
    if (end - start).days >= MAX_DAYS:
        raise InvalidError("query.since", f"a window spans at most {MAX_DAYS} days (10 years)")
    return Scope(units, Window(start, end, f"{start}..{end}"))


def quarter_window(label: str) -> Window:
    """``2026-Q3`` (or ``2026Q3``) as its calendar quarter; InvalidError otherwise."""
    found = re.fullmatch(r"([0-9]{4})-?[Qq]([1-4])", label)
    if found is None or not EARLIEST.year <= int(found[1]) <= LATEST.year:
        raise InvalidError(
            "query.quarter", f"expected a quarter like 2026-Q3, {EARLIEST.year}..{LATEST.year}"
        )
    return quarter_of(dt.date(int(found[1]), 3 * int(found[2]) - 2, 1))


def current_quarter() -> Window:
    """The calendar quarter holding today (UTC)."""
    return quarter_of(dt.datetime.now(dt.UTC).date())


def _log(db: Database, user: User, ids: list[str], report: str) -> None:
    log_access(db, user_id=user.id, action="read_report", entity="participant", entity_ids=ids, detail=report)


def _run(
    db: Database, user: User, rules: ProgrammeRules, scope: Scope, report: str, fn: Callable[[Caseload], T]
) -> T:
    """Build the caseload in scope, log the read, and run ``fn(caseload)``; a missing wage is a 409."""
    caseload = build_caseload(db, rules, scope.units)
    _log(db, user, caseload.participants["participant_id"].to_list(), report)
    try:
        return fn(caseload)
    except MissingMinimumWageError as exc:
        raise ConflictError(
            f"{exc.args[0]} (setting IPSMATCH_PROGRAMME_MINIMUM_WAGE, e.g. {_EXAMPLE})"
        ) from None


_EXAMPLE = '{"GB-2027": 13.0}'


def fidelity_report(*, db: Database, user: User, rules: ProgrammeRules, scope: Scope) -> list[ItemResult]:
    """Every computable IPS-25 item over the scope's window, in scale order."""
    return _run(db, user, rules, scope, "fidelity", lambda c: fidelity_items(c, rules, scope.window))


def report_page(
    *, db: Database, user: User, rules: ProgrammeRules, scope: Scope
) -> tuple[list[ItemResult], pl.DataFrame]:
    """The report page's fidelity items and outcomes per quarter, from one caseload read logged once."""
    return _run(
        db,
        user,
        rules,
        scope,
        "fidelity and outcomes",
        lambda c: (fidelity_items(c, rules, scope.window), outcomes(c, rules, scope.window, "programme")),
    )


def outcomes_report(
    *, db: Database, user: User, rules: ProgrammeRules, scope: Scope, by: Grouping
) -> pl.DataFrame:
    """One row per quarter of the window and group (`reports.outcomes.outcomes`)."""
    return _run(db, user, rules, scope, f"outcomes by {by}", lambda c: outcomes(c, rules, scope.window, by))


def key_dates_report(*, db: Database, user: User, rules: ProgrammeRules, scope: Scope) -> pl.DataFrame:
    """One row per participant in scope with the chart-review dates."""
    return _run(db, user, rules, scope, "key dates", lambda c: key_dates(c, rules))


def ips_grow_report(
    *, db: Database, user: User, rules: ProgrammeRules, scope: Scope, quarter: Window
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The IPS Grow caseload sheet (one row per person) and the quarter's counts (one row)."""
    return _run(
        db,
        user,
        rules,
        scope,
        f"ips grow {quarter.label}",
        lambda c: (caseload_sheet(c, rules), quarterly_counts(c, rules, quarter)),
    )
