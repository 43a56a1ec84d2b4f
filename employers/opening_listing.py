"""The openings list: filtered, sorted and paged in one DuckDB query.

An opening's country and sector are its employer's (openings carry neither); its source is
``feed`` when a job-board pull brought it (``feed_source`` set), else ``manual``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storekit.pages import counted_page
from storekit.rows import uuid_of
from storekit.store import Store

#: Sort keys: soonest closing first (no closing date last), or newest posted first.
OPENING_SORTS = ("closes", "posted")
OPENING_SOURCES = ("manual", "feed")
_ORDER = {
    "closes": "o.closes_at ASC NULLS LAST, o.posted_at DESC NULLS LAST, o.id",
    "posted": "o.posted_at DESC NULLS LAST, o.id",
}
_FROM = (
    "FROM crm_openings o JOIN crm_employers e ON e.id = o.employer_id AND e.deleted_at IS NULL "
    "WHERE o.deleted_at IS NULL AND (?::VARCHAR IS NULL OR e.country = ?) "
    "AND (?::UUID IS NULL OR o.employer_id = ?) AND (?::VARCHAR IS NULL OR o.status = ?) "
    "AND (?::VARCHAR IS NULL OR (o.feed_source IS NOT NULL) = (? = 'feed')) "
    "AND (?::VARCHAR IS NULL OR upper(left(e.sector_nace, 1)) = ?)"
)


@dataclass(frozen=True, slots=True)
class OpeningFilter:
    """What the list is narrowed to; None means any (``section``: a NACE section letter)."""

    country: str | None = None
    employer_id: str | None = None
    status: str | None = None
    source: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class OpeningRow:
    """One line of the openings list."""

    id: str
    title: str
    employer_id: str
    employer_name: str
    country: str | None
    sector_nace: str | None
    status: str
    source: str
    city: str
    posted_at: datetime | None
    closes_at: datetime | None


class OpeningListing(Store):
    """Reads the openings list (no writes)."""

    def page(
        self, *, where: OpeningFilter, sort: str, offset: int, limit: int
    ) -> tuple[list[OpeningRow], int]:
        """Rows ``offset`` .. ``offset + limit`` of the filtered list in ``sort`` order, and the total.

        Raises:
            ValueError: ``sort`` is not one of `OPENING_SORTS`.
        """
        if sort not in _ORDER:
            raise ValueError(f"unknown sort {sort!r}")
        rows, total = counted_page(
            self.con,
            select="o.id, o.title, o.employer_id, e.name, e.country, e.sector_nace, o.status, "
            "CASE WHEN o.feed_source IS NULL THEN 'manual' ELSE 'feed' END, o.city, o.posted_at, o.closes_at",
            source=_FROM,
            parameters=_args(where),
            order=_ORDER[sort],
            limit=limit,
            offset=offset,
        )
        return [OpeningRow(str(r[0]), r[1], str(r[2]), *r[3:11]) for r in rows], total


def _args(where: OpeningFilter) -> list[Any]:
    employer = uuid_of("employer_id", where.employer_id) if where.employer_id else None
    pairs = (where.country, employer, where.status, where.source, where.section)
    return [v for value in pairs for v in (value, value)]
