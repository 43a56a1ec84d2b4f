"""`storekit.listing.Listing` on an in-memory DuckDB: the sort check, filter, order values and pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

import duckdb
import pytest

from storekit.connection import Row
from storekit.listing import Listing


class _Names(Listing[str | None, str]):
    """Names, optionally those starting with a prefix; ``first`` puts one name before the rest."""

    select = "name"
    orders: ClassVar[Mapping[str, str]] = {"name": "name", "first": "name <> ?, name"}

    def source(self, where: str | None) -> tuple[str, Sequence[object]]:
        return "FROM t WHERE (?::VARCHAR IS NULL OR starts_with(name, ?))", [where, where]

    def order(self, where: str | None, sort: str) -> tuple[str, Sequence[object]]:
        return self.orders[sort], ["cy"] if sort == "first" else []

    def row(self, row: Row) -> str:
        return str(row[0]).upper()


@pytest.fixture
def names() -> _Names:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (name VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?)", [["bo"], ["al"], ["cy"], ["ax"]])
    return _Names(con)


def test_a_page_is_filtered_sorted_cut_and_counted(names: _Names) -> None:
    assert names.page(where=None, sort="name", offset=1, limit=2) == (["AX", "BO"], 4)
    assert names.page(where="a", sort="name", offset=0, limit=10) == (["AL", "AX"], 2)
    assert names.page(where=None, sort="first", offset=0, limit=2) == (["CY", "AL"], 4)
    assert names.page(where="a", sort="name", offset=5, limit=2) == ([], 2)  # past the end: counted again


def test_an_unknown_sort_is_refused_before_any_query(names: _Names) -> None:
    names.con.execute("DROP TABLE t")  # a query would fail with a CatalogException instead
    with pytest.raises(ValueError, match="unknown sort 'name; DROP'"):
        names.page(where=None, sort="name; DROP", offset=0, limit=2)
