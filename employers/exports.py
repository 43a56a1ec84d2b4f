"""Exports in the import format: what an export writes, an import reads back to the same data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from employers.contacts import ContactStore
from employers.errors import InvalidError
from employers.io_specs import COLUMNS, ENTITIES, to_cell
from employers.openings import OpeningStore
from employers.people import PeopleStore
from employers.store import EmployerStore
from employers.tabular import FORMATS, write_table
from storekit.connection import Connection

_PAGE = 1000


def export_rows(con: Connection, entity: str, *, units: Sequence[str]) -> list[dict[str, str]]:
    """Every live record of ``entity`` as text cells in its import columns, by id.

    Args:
        con: A DuckDB connection or cursor.
        entity: employers, people (one row per employer link), contacts or openings.
        units: The caller's caseload units: contacts naming a participant of another unit are
            left out (participant data never leaves its unit).
    """
    columns = COLUMNS[entity]
    rows: list[dict[str, Any]] = []
    for record in _records(con, entity):
        if entity == "contacts" and record.participant_id and record.participant_unit not in units:
            continue
        values = {c: getattr(record, c) for c in columns if hasattr(record, c)}
        if entity == "people":
            links = record.employers or (None,)
            rows += [values | _link(link) for link in links]
        else:
            rows.append(values)
    return [{c: to_cell(row.get(c)) for c in columns} for row in rows]


def export_file(con: Connection, entity: str, fmt: str, *, units: Sequence[str]) -> tuple[bytes, int]:
    """The export as CSV or xlsx bytes, and its row count."""
    if entity not in ENTITIES:
        raise InvalidError("entity", f"must be one of {', '.join(ENTITIES)}")
    if fmt not in FORMATS:
        raise InvalidError("format", f"must be one of {', '.join(FORMATS)}")
    rows = export_rows(con, entity, units=units)
    return write_table(list(COLUMNS[entity]), rows, fmt), len(rows)


def _records(con: Connection, entity: str) -> list[Any]:
    out: list[Any] = []
    after = None
    while True:
        page: list[Any]
        if entity == "employers":
            page = EmployerStore(con).list(limit=_PAGE, after=after)
        elif entity == "openings":
            page = OpeningStore(con).list(limit=_PAGE, after=after)
        elif entity == "people":
            page = PeopleStore(con).list(limit=_PAGE, after=after)
        else:
            page = ContactStore(con).list(limit=_PAGE, after=after)
        out += page
        if len(page) < _PAGE:
            return out
        after = page[-1].id


def _link(link: Any) -> dict[str, Any]:
    if link is None:
        return {}
    return {
        "employer_id": link.employer_id,
        "role": link.role,
        "active_from": link.active_from,
        "left_on": link.left_on,
    }
