"""The rows a person's constraints allow, and the reason attributed to each removal.

Constraints that read only group columns run once per group, on its representative row; from the
first per-row constraint on they run row by row. Either way each removal is attributed to the
first constraint (in `constraints_for` order) that removes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from matching.ranking.constraint_base import Constraint
from matching.ranking.constraints import constraints_for
from matching.ranking.item_matrix import ItemMatrix
from matching.types import LeadKind, Profile, Removal


@dataclass(frozen=True, slots=True)
class Selection:
    """What the constraints of one person allow.

    Attributes:
        rows: (m,) int64 allowed item rows, ascending.
        removed: Rows each constraint removed first, by constraint.
        groups: (n_groups,) bool, True for groups the group-level constraints kept.
    """

    rows: npt.NDArray[np.int64]
    removed: dict[Constraint, int]
    groups: npt.NDArray[np.bool_]

    def removal_counts(self) -> dict[str, int]:
        """How many items each constraint removed, keyed by its description (zeros left out)."""
        return {c.describe(): k for c, k in self.removed.items() if k}


def select(store: ItemMatrix, profile: Profile, kinds: tuple[LeadKind, ...]) -> Selection:
    """The live rows of ``kinds`` that every constraint of ``profile`` keeps.

    Raises:
        ValueError: On an unknown lead kind.
    """
    groups, reps = store.groups, store.groups.reps
    keep = (groups.sizes > 0) & store.kind_mask(reps.is_employer[: len(groups)], set(kinds))
    constraints = constraints_for(profile)
    removed: dict[Constraint, int] = {}
    at = 0
    while at < len(constraints) and not constraints[at].per_row:  # group by group
        alive = np.flatnonzero(keep)
        gone = alive[~constraints[at].keep(reps, alive)]
        removed[constraints[at]] = int(groups.sizes[gone].sum())
        keep[gone] = False
        at += 1
    rows = np.flatnonzero(keep[groups.group[: store.high]])
    for constraint in constraints[at:]:  # row by row once a per-row constraint is reached
        if constraint.per_row:
            kept = groups.filter_rows(store.table, rows, constraint)
        else:
            alive = np.flatnonzero(keep)
            keep[alive[~constraint.keep(reps, alive)]] = False
            kept = rows[keep[groups.group[rows]]]
        removed[constraint] = len(rows) - len(kept)
        rows = kept
    return Selection(rows, removed, keep)


def removals(store: ItemMatrix, profile: Profile, kinds: tuple[LeadKind, ...]) -> list[Removal]:
    """Items the constraints of ``profile`` remove, each attributed to the first constraint.

    Row by row, without groups: this is the plain statement of the rules (and is slower).
    """
    table = store.table
    rows = store.kind_rows(set(kinds))
    out: list[Removal] = []
    for constraint in constraints_for(profile):
        keep = constraint.keep(table, rows)
        why = constraint.describe()
        out.extend(Removal(str(table.ids[r]), constraint.name, why) for r in rows[~keep])
        rows = rows[keep]
    return out
