"""`ItemMatrix`: the ranker's items, their vectors and columns, changed in place.

All vectors live in one contiguous (capacity, d) float32 matrix. An id maps to a row; removing an
item frees its row for the next insert, and the matrix and columns grow by an eighth when full,
so adding or changing an opening costs the work for that opening, never a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from matching.ranking.groups import GroupIndex
from matching.ranking.table import OpeningTable
from matching.types import LEAD_KINDS, Opening


class ItemMatrix:
    """Rows of items: vectors, columns (`OpeningTable`), groups, and the items themselves.

    Args:
        dim: Vector dimension.
        capacity: Rows to allocate up front.

    Attributes:
        vectors: (capacity, dim) float32; unused rows are zero.
        table: The columns, row for row.
        groups: Row -> group and region cell.
        high: Rows below this index have been used at some point (the rest never were).
    """

    def __init__(self, dim: int, capacity: int = 0) -> None:
        self.dim = dim
        self.vectors = np.zeros((capacity, dim), np.float32)
        self.table = OpeningTable(capacity)
        self.groups = GroupIndex(self.table, dim)
        self.high = 0
        self._items: list[Opening | None] = [None] * capacity
        self._row_of: dict[str, int] = {}
        self._free: list[int] = []

    def __len__(self) -> int:
        return len(self._row_of)

    def upsert(self, openings: Sequence[Opening], vectors: npt.NDArray[np.float32]) -> None:
        """Write ``openings`` (with (len, dim) float32 ``vectors``), replacing items with the same id."""
        known = [self._row_of[o.id] for o in openings if o.id in self._row_of]
        self.groups.release(np.asarray(known, np.int64))
        rows = np.asarray([self._row_for(o.id) for o in openings], np.int64)
        self.vectors[rows] = vectors
        self.table.write(rows, openings)
        for row, item in zip(rows.tolist(), openings, strict=True):
            self._items[row] = item
        self.groups.assign(self.table, rows, self.vectors[rows])

    def remove(self, ids: Iterable[str]) -> int:
        """Free the rows of ``ids``; returns how many were known."""
        rows = np.asarray([self._row_of.pop(i) for i in set(ids) if i in self._row_of], np.int64)
        if len(rows) == 0:
            return 0
        self.groups.release(rows)
        self.table.clear(rows)
        self.vectors[rows] = 0.0
        for row in rows.tolist():
            self._items[row] = None
        self._free.extend(rows.tolist())
        return len(rows)

    def rows_of(self, ids: Iterable[str]) -> npt.NDArray[np.int64]:
        """(k,) int64 rows of the known ids, in the given order."""
        return np.asarray([self._row_of[i] for i in ids if i in self._row_of], np.int64)

    def items_at(self, rows: npt.NDArray[np.int64]) -> list[Opening]:
        """The items at ``rows`` (which must be live)."""
        return [self._items[r] for r in rows.tolist()]

    def items(self) -> tuple[Opening, ...]:
        """Live items in row order."""
        return tuple(item for item in self._items[: self.high] if item is not None)

    def live_rows(self) -> npt.NDArray[np.int64]:
        """(n,) int64 rows in use, ascending."""
        return np.flatnonzero(self.groups.group[: self.high] > 0)

    def kind_rows(self, kinds: set[str]) -> npt.NDArray[np.int64]:
        """(m,) int64 live rows of the given lead kinds, ascending."""
        rows = self.live_rows()
        return rows[self.kind_mask(self.table.is_employer[rows], kinds)]

    @staticmethod
    def kind_mask(is_employer: npt.NDArray[np.bool_], kinds: set[str]) -> npt.NDArray[np.bool_]:
        """(m,) bool: which entries of ``is_employer`` belong to ``kinds``; ValueError on unknown kinds."""
        unknown = kinds - set(LEAD_KINDS)
        if unknown:
            raise ValueError(f"unknown lead kinds {sorted(unknown)}")
        mask = np.zeros(len(is_employer), bool)
        if "opening" in kinds:
            mask |= ~is_employer
        if "employer" in kinds:
            mask |= is_employer
        return mask

    def nbytes(self) -> int:
        """Bytes held by the vectors, columns and group index (item objects not included)."""
        groups = self.groups.group.nbytes + self.groups.cell.nbytes + self.groups.reps.nbytes()
        return self.vectors.nbytes + self.table.nbytes() + groups

    def _row_for(self, item_id: str) -> int:
        row = self._row_of.get(item_id)
        if row is None:
            row = self._free.pop() if self._free else self._next_row()
            self._row_of[item_id] = row
        return row

    def _next_row(self) -> int:
        if self.high == len(self.vectors):
            self._grow(max(1024, len(self.vectors) + len(self.vectors) // 8))
        self.high += 1
        return self.high - 1

    def _grow(self, capacity: int) -> None:
        vectors = np.zeros((capacity, self.dim), np.float32)
        vectors[: len(self.vectors)] = self.vectors
        self.vectors = vectors
        self.table.grow(capacity)
        self.groups.grow(capacity)
        self._items.extend([None] * (capacity - len(self._items)))
