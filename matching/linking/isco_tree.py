"""The ISCO-08 tree over the concepts a linker indexes (occupations and ISCO groups).

National titles often map to a *group* rather than to one ESCO occupation (in the Swedish MELO
set about 45% of gold concepts are ISCO groups: "Hovrättslagman" -> "Domare"). A group's own
labels rarely look like such a title, but its member occupations do, so a group takes evidence
from its descendants, and an occupation from its group and its siblings.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

LEVELS = 4  # ISCO-08: major (1 digit) ... unit group (4 digits)


class IscoTree:
    """Ancestor groups of every concept, as column indices into a concept score matrix.

    Args:
        codes: Per concept, its ISCO code: the 4-digit unit group of an occupation, or the
            group's own code (1-4 digits) for a group; "" when unknown.
        is_group: Per concept, True for ISCO groups.

    Attributes:
        ancestors: (LEVELS, n) int64; ``ancestors[L - 1, i]`` is the column of concept i's
            ancestor group at level L, or -1 (no such group indexed, or not an ancestor).
    """

    def __init__(self, codes: Sequence[str], is_group: Sequence[bool]) -> None:
        self.codes = list(codes)
        self.is_group = np.asarray(is_group, bool)
        column = {c: i for i, (c, g) in enumerate(zip(self.codes, self.is_group, strict=True)) if g}
        n = len(self.codes)
        self.ancestors = np.full((LEVELS, n), -1, np.int64)
        for i, code in enumerate(self.codes):
            own = len(code) if self.is_group[i] else LEVELS + 1  # a group is not its own ancestor
            for level in range(1, min(len(code), own - 1, LEVELS) + 1):
                self.ancestors[level - 1, i] = column.get(code[:level], -1)
        self._groups = [_grouping(self.ancestors[level]) for level in range(LEVELS)]

    def level(self) -> npt.NDArray[np.int64]:
        """(n,) int64: ISCO level of each group concept (1-4), 0 for occupations."""
        return np.array([len(c) if g else 0 for c, g in zip(self.codes, self.is_group, strict=True)])

    def child_max(self, scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Best score among each group's descendants.

        Args:
            scores: (q, n) float32 concept scores.

        Returns:
            (q, n) float32; -1 for concepts without indexed descendants.
        """
        out = np.full_like(scores, -1.0)
        for members, owners, starts in self._groups:
            if len(members):
                best = np.maximum.reduceat(scores[:, members], starts, axis=1)
                out[:, owners] = np.maximum(out[:, owners], best)
        return out

    def parent_score(self, scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Score of each concept's nearest indexed ancestor (unit group first), -1 when none.

        Args:
            scores: (q, n) float32 concept scores.

        Returns:
            (q, n) float32.
        """
        out = np.full_like(scores, -1.0)
        filled = np.zeros(scores.shape[1], bool)
        for level in range(LEVELS - 1, -1, -1):
            parent = self.ancestors[level]
            take = (parent >= 0) & ~filled
            out[:, take] = scores[:, parent[take]]
            filled |= take
        return out


def _grouping(
    parent: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Members sorted by parent, each parent's column, and where its run starts (for reduceat)."""
    members = np.flatnonzero(parent >= 0)
    members = members[np.argsort(parent[members], kind="stable")]
    sorted_parents = parent[members]
    starts = (
        np.flatnonzero(np.r_[True, sorted_parents[1:] != sorted_parents[:-1]]) if len(members) else members
    )
    return members, sorted_parents[starts] if len(members) else members, starts
