"""`Constraint`: the base of the person's own constraints (`matching.ranking.constraints`)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matching.ranking.table import OpeningTable


class Constraint:
    """Base class: ``keep(table, rows)`` says which rows survive, ``describe()`` says why.

    ``per_row`` is False when the answer depends only on columns that define a row's group
    (`matching.ranking.groups`), so it can be evaluated once per group instead of once per row.
    """

    name: str = "constraint"

    @property
    def per_row(self) -> bool:
        """True when the answer depends on more than the group columns (the default: False)."""
        return False

    def keep(self, table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Return a (len(rows),) bool mask, True where the lead survives.

        Args:
            table: The fitted items.
            rows: (m,) int64 row indices to test.
        """
        raise NotImplementedError

    def describe(self) -> str:
        """One sentence a specialist can read, e.g. "refuses sectors G47"."""
        raise NotImplementedError
