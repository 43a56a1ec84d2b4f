"""One page of a filtered list: its rows, the total and where it is among the pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
#: Rows per page of the pages' lists.
PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class ListPage(Generic[T]):
    """Rows ``(number - 1) * size`` .. of a list of ``total`` rows (``number`` counts from 1)."""

    rows: list[T]
    total: int
    number: int
    size: int

    @property
    def pages(self) -> int:
        """How many pages the list has (1 for an empty list)."""
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        """Whether a page comes before this one."""
        return self.number > 1

    @property
    def has_next(self) -> bool:
        """Whether a page comes after this one."""
        return self.number < self.pages


def offset_of(number: int, size: int) -> int:
    """The first row of page ``number`` (from 1) of ``size`` rows."""
    return (max(1, number) - 1) * size
