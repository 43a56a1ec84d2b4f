"""Keys that must stay unique among live employers, checked inside the write transaction.

Live registry numbers are unique after normalising (``556677-8899`` = ``5566778899``). A deleted
employer frees its number: the check looks at live rows only, which is what a UNIQUE index over
(number, delete token) would give, without DuckDB rewriting the row on every update.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from employers.dedupe import Candidate, find_candidates
from employers.errors import ConflictError, DuplicateError
from employers.keys import registry_key
from storekit.connection import Connection

_MATCH_COLUMNS = "id, name, aliases, registry_number, website, phone, country"


def candidates(con: Connection) -> list[Candidate]:
    """Every live employer as the duplicate matcher sees it, by id."""
    rows = con.execute(
        f"SELECT {_MATCH_COLUMNS} FROM crm_employers WHERE deleted_at IS NULL ORDER BY id"
    ).fetchall()
    return [Candidate(str(i), n, tuple(a), r, w, p, c) for i, n, a, r, w, p, c in rows]


def check_registry_numbers(con: Connection, employers: Sequence[Mapping[str, Any]]) -> None:
    """ConflictError when a registry number is given twice, or belongs to another live employer.

    Args:
        con: The connection inside the write transaction.
        employers: Dicts with ``id`` and ``registry_number``.
    """
    wanted: dict[str, str] = {}
    for emp in employers:
        key = registry_key(emp.get("registry_number"))
        if key is None:
            continue
        if key in wanted:
            raise ConflictError("registry_number", f"{emp['registry_number']} appears twice")
        wanted[key] = str(emp["id"])
    if not wanted:
        return
    rows = con.execute(
        "SELECT id, registry_number FROM crm_employers "
        "WHERE deleted_at IS NULL AND registry_number IS NOT NULL"
    ).fetchall()
    for other_id, number in rows:
        key = registry_key(number)
        if key in wanted and wanted[key] != str(other_id):
            raise ConflictError(
                "registry_number", f"{number} belongs to live employer {other_id}", str(other_id)
            )


def refuse_duplicates(con: Connection, employers: Sequence[Mapping[str, Any]]) -> None:
    """DuplicateError listing the likely duplicates of the first new employer that has any.

    Called after the new rows are inserted in the same transaction, so two rows of one batch
    that look alike are caught too.
    """
    pool = candidates(con)
    names = {c.id: c.name for c in pool}
    for emp in employers:
        query = Candidate.of(emp)
        hits = find_candidates(query, [c for c in pool if c.id != query.id])
        if hits:
            raise DuplicateError(
                [{"id": m.b, "name": names[m.b], "score": m.score, "reasons": list(m.reasons)} for m in hits]
            )
