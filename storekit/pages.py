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
