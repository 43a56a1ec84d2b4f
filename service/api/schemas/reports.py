"""Answers of the supervisor's reports: fidelity items with evidence, outcome rows, key dates, IPS Grow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
from pydantic import BaseModel

from reports.results import ItemResult
from reports.self_assessment import ITEMS
from service.api.schemas.common import Out

#: item id -> its name on the IPS-25 scale.
ITEM_NAMES = {item: name for item, _, name in ITEMS}


class EvidenceOut(Out):
    """One row behind a figure: a participant, contact, job, job check, employer or specialist."""

    kind: str
    id: str
    met: bool
    value: float | None
    note: str


class FidelityItemOut(Out):
    """One computed IPS-25 item: figure = numerator / denominator (null with nothing to count)."""

    id: str
    name: str
    figure: float | None
    numerator: float
    denominator: float
    unit: str
    band: int | None
    proxy: bool
    source: str
    extra: dict[str, float]
    evidence: list[EvidenceOut]

    @classmethod
    def from_result(cls, r: ItemResult) -> FidelityItemOut:
        """The item as served, named from the scale."""
        return cls.from_fields(
            r,
            id=r.item,
            name=ITEM_NAMES.get(r.item, r.item),
            extra=dict(r.extra),
            evidence=[EvidenceOut.from_fields(e) for e in r.evidence],
        )


class FidelityOut(BaseModel):
    """The computable items over ``since`` .. ``until`` (both included) for ``units`` (null: all)."""

    since: dt.date
    until: dt.date
    units: list[str] | None
    items: list[FidelityItemOut]


class TableOut(BaseModel):
    """A report table: one object per row, columns as `docs/reports.md` lists them (dates ISO)."""

    since: dt.date
    until: dt.date
    units: list[str] | None
    columns: list[str]
    rows: list[dict[str, Any]]

    @classmethod
    def from_frame(
        cls, table: pl.DataFrame, since: dt.date, until: dt.date, units: list[str] | None
    ) -> TableOut:
        """The frame's rows as objects."""
        return cls(since=since, until=until, units=units, columns=table.columns, rows=table.to_dicts())


class IpsGrowOut(BaseModel):
    """The IPS Grow caseload sheet (one row per person) and the quarter's counts (one row)."""

    quarter: str
    units: list[str] | None
    caseload: TableOut
    counts: TableOut
