"""The openings list: filtered, sorted and paged in one DuckDB query.

An opening's country and sector are its employer's (openings carry neither); its source is
``feed`` when a job-board pull brought it (``feed_source`` set), else ``manual``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storekit.connection import Row
from storekit.listing import Listing
from storekit.rows import uuid_of

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


class OpeningListing(Listing[OpeningFilter, OpeningRow]):
    """Reads the openings list (no writes); `Listing.page` takes a sort of `OPENING_SORTS`."""

    select = (
        "o.id, o.title, o.employer_id, e.name, e.country, e.sector_nace, o.status, "
        "CASE WHEN o.feed_source IS NULL THEN 'manual' ELSE 'feed' END, o.city, o.posted_at, o.closes_at"
    )
    orders = _ORDER

    def source(self, where: OpeningFilter) -> tuple[str, list[Any]]:
        """Live openings of live employers, narrowed to ``where`` (each filter fills two ``?``)."""
        employer = uuid_of("employer_id", where.employer_id) if where.employer_id else None
        pairs = (where.country, employer, where.status, where.source, where.section)
        return _FROM, [v for value in pairs for v in (value, value)]

    def row(self, row: Row) -> OpeningRow:
        """One line of the list from a row of `select`."""
        return OpeningRow(str(row[0]), row[1], str(row[2]), *row[3:11])
