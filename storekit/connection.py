"""The slice of a DuckDB connection (or cursor) the stores use, as structural types.

``duckdb.DuckDBPyConnection`` satisfies `Connection` (and its ``execute`` result `Result`); so does
a cursor from ``con.cursor()`` and the service's per-thread cursor proxy.
"""

from __future__ import annotations

from typing import Any, Protocol

#: One result row: column values in SELECT order.
Row = tuple[Any, ...]


class Result(Protocol):
    """What ``execute`` returns: the rows of the statement just run."""

    def fetchone(self) -> Row | None:
        """The next row, or None when there is none."""
        ...

    def fetchall(self) -> list[Row]:
        """Every remaining row."""
        ...


class Connection(Protocol):
    """A DuckDB connection or cursor: runs parameterised SQL (``?`` or ``$n`` placeholders)."""

    def execute(self, query: str, parameters: object = None, /) -> Result:
        """Run one statement with its parameters (a list, or None for none)."""
        ...

    def executemany(self, query: str, parameters: object = None, /) -> Result:
        """Run one statement once per parameter row."""
        ...
