"""The employer list: filtered, sorted and paged in one DuckDB query (no full list in Python).

Filters are a country, an owner, a stage, a NACE section (the code's letter), dormant (no held
contact since a cutoff: `activity.DORMANT`, the dormant page's rule) and an optional set of ids
(the fuzzy search's hits, in relevance order). Each row carries the employer's last held contact
and its open openings, so the list can sort by them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from employers.activity import DORMANT, LAST_HELD
from employers.search import rank_by_name
from matching.types import STAGES
from storekit.connection import Row
from storekit.listing import Listing
from storekit.rows import uuid_of

#: Sort keys the list understands; ``relevance`` is the search's order (name without a search).
EMPLOYER_SORTS = ("name", "stage", "last_contact", "openings", "relevance")
_ORDER = {
    "name": "lower(e.name), e.id",
    # the stages in their pipeline order, not alphabetically
    "stage": "list_position(?::VARCHAR[], e.stage), lower(e.name), e.id",
    # never met first, then the longest ago: who to visit next
    "last_contact": "h.last ASC NULLS FIRST, lower(e.name), e.id",
    "openings": "coalesce(o.n, 0) DESC, lower(e.name), e.id",
    "relevance": "list_position(?::UUID[], e.id), e.id",
}
_FROM = f"FROM crm_employers e LEFT JOIN ({LAST_HELD}) h ON h.employer_id = e.id"
_COLUMNS = (
    "e.id, e.name, e.country, e.sector_nace, e.stage, e.owner, e.do_not_contact, "
    "(SELECT list(s.city ORDER BY s.name, s.id) FROM crm_sites s WHERE s.employer_id = e.id "
    "AND s.deleted_at IS NULL AND s.city <> ''), h.last, coalesce(o.n, 0)"
)
_OPEN_OPENINGS = (
    "SELECT employer_id, count(*) AS n FROM crm_openings "
    "WHERE deleted_at IS NULL AND status = 'open' GROUP BY employer_id"
)


@dataclass(frozen=True, slots=True)
class EmployerFilter:
    """What the list is narrowed to; None means any.

    ``section`` is a NACE section letter ("I"); ``dormant_before`` the cutoff of "no held contact
    since"; ``ids`` the only employers to show (a search's hits, best first).
    """

    country: str | None = None
    owner: str | None = None
    stage: str | None = None
    section: str | None = None
    dormant_before: datetime | None = None
    ids: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class EmployerRow:
    """One line of the list (``last_contact_at`` None: never met; ``openings``: open ones)."""

    id: str
    name: str
    country: str | None
    sector_nace: str | None
    stage: str
    owner: str | None
    do_not_contact: bool
    cities: tuple[str, ...]
    last_contact_at: datetime | None
    openings: int


class EmployerListing(Listing[EmployerFilter, EmployerRow]):
    """Reads the employer list (no writes); `Listing.page` takes a sort of `EMPLOYER_SORTS`."""

    select = _COLUMNS
    orders = _ORDER

    def source(self, where: EmployerFilter) -> tuple[str, list[Any]]:
        """Employers joined to their last held contact and open openings, narrowed to ``where``."""
        conditions, args = _conditions(where)
        return f"{_FROM} LEFT JOIN ({_OPEN_OPENINGS}) o ON o.employer_id = e.id WHERE {conditions}", args

    def order(self, where: EmployerFilter, sort: str) -> tuple[str, list[Any]]:
        """``sort``'s ORDER BY (``relevance`` without a search is by name) and its values."""
        sort = "name" if sort == "relevance" and where.ids is None else sort
        return _ORDER[sort], {"stage": [list(STAGES)], "relevance": [_uuids(where.ids)]}.get(sort, [])

    def row(self, row: Row) -> EmployerRow:
        """One line of the list from a row of `_COLUMNS`."""
        return EmployerRow(
            id=str(row[0]),
            name=row[1],
            country=row[2],
            sector_nace=row[3],
            stage=row[4],
            owner=row[5],
            do_not_contact=bool(row[6]),
            cities=tuple(row[7] or ()),
            last_contact_at=row[8],
            openings=int(row[9]),
        )

    def search(self, *, q: str, where: EmployerFilter) -> tuple[str, ...]:
        """Ids of the filtered employers whose name or an alias resembles ``q``, best first.

        The fuzzy match and its relevance cut-off are `search.rank_by_name`'s: nonsense finds none.
        """
        conditions, args = _conditions(where)
        rows = self.con.execute(
            f"SELECT e.id, e.name, e.aliases {_FROM} WHERE {conditions}",
            args,
        ).fetchall()
        return tuple(i for i, _ in rank_by_name(q, [(str(i), n, tuple(a)) for i, n, a in rows]))

    def owners(self) -> list[str]:
        """Every owner (job developer's username) of a live employer, sorted."""
        return self._distinct("owner")

    def countries(self) -> list[str]:
        """Every country code of a live employer, sorted."""
        return self._distinct("country")

    def names(self, *, country: str | None) -> list[tuple[str, str]]:
        """(id, name) of every live employer (of ``country``, None: any), by name."""
        rows = self.con.execute(
            "SELECT id, name FROM crm_employers WHERE deleted_at IS NULL "
            "AND (?::VARCHAR IS NULL OR country = ?) ORDER BY lower(name), id",
            [country, country],
        ).fetchall()
        return [(str(i), str(n)) for i, n in rows]

    def _distinct(self, column: str) -> list[str]:
        """The distinct set values of ``column`` (a constant) over live employers, sorted."""
        rows = self.con.execute(
            f"SELECT DISTINCT {column} FROM crm_employers WHERE deleted_at IS NULL AND {column} IS NOT NULL "
            f"ORDER BY {column}"
        ).fetchall()
        return [str(r[0]) for r in rows]


def _conditions(where: EmployerFilter) -> tuple[str, list[Any]]:
    parts = [
        "e.deleted_at IS NULL",
        "(?::VARCHAR IS NULL OR e.country = ?)",
        "(?::VARCHAR IS NULL OR e.owner = ?)",
        "(?::VARCHAR IS NULL OR e.stage = ?)",
        "(?::VARCHAR IS NULL OR upper(left(e.sector_nace, 1)) = ?)",
    ]
    args: list[Any] = [where.country, where.country, where.owner, where.owner, where.stage, where.stage]
    args += [where.section, where.section]
    if where.dormant_before is not None:
        parts.append(DORMANT)
        args.append(where.dormant_before)
    if where.ids is not None:
        parts.append("list_contains(?::UUID[], e.id)")
        args.append(_uuids(where.ids))
    return " AND ".join(parts), args


def _uuids(ids: tuple[str, ...] | None) -> list[Any]:
    return [uuid_of("id", i) for i in ids or ()]
