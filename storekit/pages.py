"""Keyset pages of a store table: rows in id order after the last id of the previous page.

Every store lists this way (the API's cursors are the last id shown), so a page stays stable
while rows are added before it, and no OFFSET has to be scanned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storekit.connection import Connection, Row


def page_rows(
    con: Connection,
    table: str,
    columns: Sequence[str],
    *,
    where: str,
    parameters: Sequence[object] = (),
    equal: Mapping[str, object] | None = None,
    after: str | None,
    limit: int,
) -> list[Row]:
    """The ``columns`` of at most ``limit`` rows of ``table`` by id, those after the id ``after``.

    Args:
        con: The connection to read with.
        table: A store's table (a constant, never caller input).
        columns: The columns to return, in order.
        where: The store's SQL condition (a constant, ``?`` placeholders).
        parameters: The values of ``where``'s placeholders, in order.
        equal: Optional filters, column -> value: a value that is not None must equal its column.
        after: The last id of the previous page; None for the first page.
        limit: The most rows to return.
    """
    conditions, args = [where], list(parameters)
    for column, value in (equal or {}).items():
        if value is not None:
            conditions.append(f"{column} = ?")
            args.append(value)
    return con.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE {' AND '.join(conditions)} "
        "AND (?::UUID IS NULL OR id > ?::UUID) ORDER BY id LIMIT ?",
        [*args, after, after, limit],
    ).fetchall()


def counted_page(
    con: Connection,
    *,
    select: str,
    source: str,
    parameters: Sequence[object],
    order: str,
    order_parameters: Sequence[object] = (),
    limit: int,
    offset: int,
) -> tuple[list[Row], int]:
    """Rows ``offset`` .. ``offset + limit`` of a filtered, sorted list, and how many it holds.

    For the pages' lists (a page number, any sort order); the API pages by keyset (`page_rows`).

    Args:
        con: The connection to read with.
        select: The columns, e.g. ``"e.id, e.name"`` (constants, never caller input).
        source: The ``FROM ... WHERE ...`` part, its values as ``?`` placeholders.
        parameters: The values of ``source``'s placeholders, in order.
        order: The ``ORDER BY`` expressions (a final unique key makes pages disjoint).
        order_parameters: The values of ``order``'s placeholders.
        limit: Page size.
        offset: Rows to skip.

    Returns:
        (rows with the ``select`` columns, total): one query, the total riding on each row as a
        window count; only a page past the end counts again.
    """
    rows = con.execute(
        f"SELECT {select}, count(*) OVER () {source} ORDER BY {order} LIMIT ? OFFSET ?",
        [*parameters, *order_parameters, limit, offset],
    ).fetchall()
    if rows:
        return [r[:-1] for r in rows], int(rows[0][-1])
    found = con.execute(f"SELECT count(*) {source}", list(parameters)).fetchone()
    return [], int(found[0]) if found else 0
