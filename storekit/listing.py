"""`Listing`: a store's list for the pages, filtered, sorted and paged in one query (`counted_page`).

Every such list reads the same way: check the sort key, narrow the rows by a filter, sort them by
the key's ORDER BY, count and cut one page. A subclass says only what differs: its columns, its
sort keys, how a filter narrows the rows and how a row becomes a record.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import ClassVar, Generic, TypeVar

from storekit.connection import Row
from storekit.pages import counted_page
from storekit.store import Store

F = TypeVar("F")
R = TypeVar("R")


class Listing(Store, ABC, Generic[F, R]):
    """Reads a list of ``R`` narrowed by a filter ``F`` (no writes).

    Attributes:
        select: The columns of a row, e.g. ``"e.id, e.name"`` (a constant, never caller input).
        orders: Sort key -> ORDER BY expressions (constants; a final unique key makes pages
            disjoint); their ``?`` placeholders are filled by `order`.
    """

    select: ClassVar[str]
    orders: ClassVar[Mapping[str, str]]

    def page(self, *, where: F, sort: str, offset: int, limit: int) -> tuple[list[R], int]:
        """Rows ``offset`` .. ``offset + limit`` of the filtered list in ``sort`` order, and the total.

        Raises:
            ValueError: ``sort`` is not one of `orders`' keys.
        """
        if sort not in self.orders:
            raise ValueError(f"unknown sort {sort!r}")
        source, parameters = self.source(where)
        order, order_parameters = self.order(where, sort)
        rows, total = counted_page(
            self.con,
            select=self.select,
            source=source,
            parameters=parameters,
            order=order,
            order_parameters=order_parameters,
            limit=limit,
            offset=offset,
        )
        return [self.row(r) for r in rows], total

    @abstractmethod
    def source(self, where: F) -> tuple[str, Sequence[object]]:
        """The ``FROM ... WHERE ...`` part narrowed to ``where``, and its placeholders' values."""

    def order(self, where: F, sort: str) -> tuple[str, Sequence[object]]:
        """The ORDER BY of the (known) sort key ``sort``, and its placeholders' values (none here)."""
        return self.orders[sort], ()

    @abstractmethod
    def row(self, row: Row) -> R:
        """One row of the `select` columns as a record."""
