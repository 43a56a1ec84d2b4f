"""The employer and openings lists the pages show: filtered, sorted and paged by the stores.

Employer data is shared by the programme, so nothing here is unit-bound; the country a list
starts on is the caller's unit's (`home_country`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from employers.listing import EmployerFilter, EmployerListing, EmployerRow
from employers.opening_listing import OpeningFilter, OpeningListing, OpeningRow
from service.access.units import get_unit
from service.access.users import User
from service.runtime.database import Database
from service.usecases.list_page import PAGE_SIZE, ListPage, offset_of
from storekit.errors import NotFoundError

#: The dormant page's default: no held contact in this many days.
DORMANT_DAYS = 30


def home_country(db: Database, user: User) -> str | None:
    """The country of the caller's unit (None: no unit, or a unit without a country)."""
    if user.unit_id is None:
        return None
    try:
        return get_unit(db, unit_id=user.unit_id).country or None
    except NotFoundError:  # a user whose unit was removed: every country
        return None


def dormant_cutoff(days: int = DORMANT_DAYS) -> datetime:
    """The moment before which an employer's last held contact makes it dormant."""
    return datetime.now(UTC) - timedelta(days=days)


def list_employers(
    *, db: Database, where: EmployerFilter, q: str, sort: str, number: int, size: int = PAGE_SIZE
) -> ListPage[EmployerRow]:
    """Page ``number`` of the employers matching ``where`` and the fuzzy search ``q`` ("": none).

    A search narrows to its hits (`EmployerListing.search`, with its relevance cut-off), so a
    nonsense query lists nothing; ``sort`` "relevance" keeps the hits' order.
    """
    listing = EmployerListing(db.handle())
    if q.strip():
        where = replace(where, ids=listing.search(q=q, where=where))
    rows, total = listing.page(where=where, sort=sort, offset=offset_of(number, size), limit=size)
    return ListPage(rows, total, number, size)


def list_openings(
    *, db: Database, where: OpeningFilter, sort: str, number: int, size: int = PAGE_SIZE
) -> ListPage[OpeningRow]:
    """Page ``number`` of the openings matching ``where`` in ``sort`` order."""
    rows, total = OpeningListing(db.handle()).page(
        where=where, sort=sort, offset=offset_of(number, size), limit=size
    )
    return ListPage(rows, total, number, size)


def employer_choices(
    db: Database, *, country: str | None
) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """What the filters offer: countries, owners, and (id, name) of the employers of ``country``."""
    listing = EmployerListing(db.handle())
    return listing.countries(), listing.owners(), listing.names(country=country)
