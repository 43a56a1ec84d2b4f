"""The slice of a DuckDB connection (or cursor) the stores use, as a structural type.

``duckdb.DuckDBPyConnection`` satisfies `Connection`; so does a cursor from ``con.cursor()``.
"""

from __future__ import annotations

from typing import Any, Protocol

#: One result row: column values in SELECT order.
Row = tuple[Any, ...]


class Connection(Protocol):
    """A DuckDB connection or cursor: run parameterised SQL, then fetch the result."""

    def execute(self, query: str, parameters: object = None, /) -> Connection:
        """Run one statement with ``?`` or ``$n`` parameters; returns the connection to fetch from."""
        ...

    def executemany(self, query: str, parameters: object = None, /) -> Connection:
        """Run one statement once per parameter row."""
        ...

    def fetchone(self) -> Row | None:
        """The next row of the last result, or None when there is none."""
        ...

    def fetchall(self) -> list[Row]:
        """Every remaining row of the last result."""
        ...
