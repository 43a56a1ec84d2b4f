"""Precomputed groups of rows, so constraints and most score parts run once per group, not per row.

Items that agree on every column a constraint or a non-spatial score part reads (kind, route,
do-not-contact, sector, occupation, ISCO group, hours, licences, skills, contract, stage) fall in
one group. A person's constraints are evaluated on one representative row per group, and the
allowed rows are gathered with a single look-up (``keep[group_of_row]``) before any similarity
is computed: filtering first never loses a lead, unlike post-filtering a global top-k.

Similarity is per row too, but rows of one ESCO occupation point the same way. For each occupation
the index keeps a reference direction and the widest angle of any of its rows from it; a goal's
similarity to any row of that occupation is then at most the cosine of (angle from the goal to the
reference - that widest angle), which bounds the preference part of a whole group at once.

Distance is per row. Rows are also binned into region cells (``CELL_DEGREES`` squares); for a
commute constraint a cell lies wholly inside the radius, wholly outside, or on the edge, and only
rows in edge cells have their exact distance computed.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from matching.ranking.constraint_base import Constraint
from matching.ranking.constraints import MaxCommute
from matching.ranking.geo import EARTH_RADIUS_KM, haversine_km
from matching.ranking.table import OpeningTable

#: Region cell size in degrees (about 22 km north-south).
CELL_DEGREES = 0.2
_KEY_COLUMNS = ("is_employer", "route", "do_not_contact", "sector", "occupation", "isco", "contract", "stage")
_OUTSIDE, _INSIDE, _EDGE = 0, 1, 2


class GroupIndex:
    """Row -> group and row -> region cell, kept up to date as rows are written and freed.

    Group 0 and cell 0 are reserved: group 0 holds unused rows (never allowed), cell 0 holds rows
    whose place is unknown (always kept by a commute constraint, which only removes known places).

    Attributes:
        reps: One representative row per group, sharing the item table's vocabularies.
        group: (capacity,) int32 group of each row.
        sizes: (n_groups,) int64 rows currently in each group.
        cell: (capacity,) int32 region cell of each row.
    """

    def __init__(self, table: OpeningTable, dim: int) -> None:
        self.reps = OpeningTable(1, share=table)
        self.caps = SimilarityCaps(dim)
        self.sizes = np.zeros(1, np.int64)
        self.group = np.zeros(table.capacity, np.int32)
        self.cell = np.zeros(table.capacity, np.int32)
        self._groups: dict[tuple[int, ...], int] = {}
        self._cells: dict[tuple[int, int], int] = {(-(10**9), -(10**9)): 0}
        self._cell_corner = np.full((1, 2), np.nan)

    def __len__(self) -> int:
        return len(self.sizes)

    def grow(self, capacity: int) -> None:
        """Follow the item table to ``capacity`` rows."""
        extra = capacity - len(self.group)
        if extra > 0:
            self.group = np.concatenate([self.group, np.zeros(extra, np.int32)])
            self.cell = np.concatenate([self.cell, np.zeros(extra, np.int32)])

    def assign(
        self, table: OpeningTable, rows: npt.NDArray[np.int64], vectors: npt.NDArray[np.float32]
    ) -> None:
        """Put freshly written ``rows`` of ``table`` (with their (len(rows), d) ``vectors``) in place."""
        if len(rows) == 0:
            return
        self.caps.add(table.occupation[rows], vectors)
        keys = _group_keys(table, rows)
        unique, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        gids = np.empty(len(unique), np.int32)
        new_groups, sources = [], []
        for i, key in enumerate(map(tuple, unique.tolist())):
            gid = self._groups.get(key)
            if gid is None:
                gid = self._groups[key] = len(self._groups) + 1
                new_groups.append(gid)
                sources.append(rows[first[i]])
            gids[i] = gid
        if new_groups:
            total = len(self._groups) + 1
            self.sizes = np.concatenate([self.sizes, np.zeros(total - len(self.sizes), np.int64)])
            if self.reps.capacity < total:
                self.reps.grow(max(total, 2 * self.reps.capacity))
            # Every row of a group agrees on the key columns, so any one represents it.
            self.reps.copy_from(table, np.asarray(sources), np.asarray(new_groups))
        self.group[rows] = gids[inverse.ravel()]
        np.add.at(self.sizes, self.group[rows], 1)
        self.cell[rows] = self._cells_of(table.lat[rows], table.lon[rows])

    def release(self, rows: npt.NDArray[np.int64]) -> None:
        """Take ``rows`` out of their groups (they become unused)."""
        np.add.at(self.sizes, self.group[rows], -1)
        self.group[rows] = 0
        self.cell[rows] = 0

    def _cells_of(
        self, lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.int32]:
        known = ~(np.isnan(lats) | np.isnan(lons))
        out = np.zeros(len(lats), np.int32)
        if not known.any():
            return out
        ci = np.floor(lats[known] / CELL_DEGREES).astype(np.int64)
        cj = np.floor(lons[known] / CELL_DEGREES).astype(np.int64)
        ids = []
        for i, j in zip(ci.tolist(), cj.tolist(), strict=True):
            cell = self._cells.get((i, j))
            if cell is None:
                cell = self._cells[(i, j)] = len(self._cells)
                self._cell_corner = np.vstack([self._cell_corner, [[i * CELL_DEGREES, j * CELL_DEGREES]]])
            ids.append(cell)
        out[known] = ids
        return out

    def cell_range(
        self, lat: float, lon: float, reach_km: float
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """(n_cells,) float64 lower and upper bounds of the km from (lat, lon) to each cell's points.

        Valid for deciding thresholds up to ``reach_km``: the margin grows with it. Cell 0 (place
        unknown) gets NaN bounds, so no comparison decides it.
        """
        corner = self._cell_corner
        lat0, lon0 = corner[:, 0], corner[:, 1]
        lat1, lon1 = lat0 + CELL_DEGREES, lon0 + CELL_DEGREES
        far = np.max([haversine_km(lat, lon, la, lo) for la in (lat0, lat1) for lo in (lon0, lon1)], axis=0)
        near = haversine_km(lat, lon, np.clip(lat, lat0, lat1), np.clip(lon, lon0, lon1))
        # Margin for the sphere: cell sides are not great circles; generous, since cells that are
        # not decided are only checked exactly, never wrongly decided.
        margin = 1.0 + 0.01 * reach_km + CELL_DEGREES * math.pi / 180 * EARTH_RADIUS_KM * 0.05
        return near - margin, far + margin

    def cell_classes(self, commute: MaxCommute) -> npt.NDArray[np.int8]:
        """(n_cells,) int8: 1 inside the radius for sure, 0 outside for sure, 2 on the edge."""
        low, high = self.cell_range(commute.lat, commute.lon, commute.km)
        out = np.full(len(low), _EDGE, np.int8)
        out[high <= commute.km] = _INSIDE
        out[low > commute.km] = _OUTSIDE
        out[0] = _INSIDE  # unknown place: kept, as MaxCommute keeps NaN distances
        return out

    def filter_rows(
        self, table: OpeningTable, rows: npt.NDArray[np.int64], constraint: Constraint
    ) -> npt.NDArray[np.int64]:
        """The rows ``constraint`` (a per-row constraint) keeps, using region cells for commutes."""
        if not isinstance(constraint, MaxCommute):
            return rows[constraint.keep(table, rows)]
        cls = self.cell_classes(constraint)[self.cell[rows]]
        edge = rows[cls == _EDGE]
        keep = np.zeros(len(rows), bool)
        keep[cls == _INSIDE] = True
        keep[cls == _EDGE] = constraint.keep(table, edge)
        return rows[keep]


class SimilarityCaps:
    """Per occupation code: a unit reference direction and the widest angle of a row from it.

    References are set when an occupation is first seen (the mean direction of its rows then)
    and never move; angles only grow. Both keep the bound valid as rows come and go.
    """

    def __init__(self, dim: int) -> None:
        self.ref = np.zeros((0, dim), np.float32)
        self.angle = np.zeros(0, np.float64)

    def add(self, codes: npt.NDArray[np.int32], vectors: npt.NDArray[np.float32], chunk: int = 65536) -> None:
        """Widen the caps of ``codes`` (m,) to cover ``vectors`` (m, d) float32."""
        known = len(self.angle)
        top = int(codes.max()) + 1
        if top > known:  # new occupations: reference = their rows' mean direction
            sums = np.zeros((top - known, self.ref.shape[1]), np.float64)
            for start in range(0, len(codes), chunk):
                c, v = codes[start : start + chunk], vectors[start : start + chunk]
                new = c >= known
                np.add.at(sums, c[new] - known, v[new])
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            refs = np.where(norms > 0, sums / np.where(norms > 0, norms, 1.0), 0.0)
            refs[norms[:, 0] == 0, 0] = 1.0  # no row yet: any unit vector (its angle starts at 0)
            self.ref = np.vstack([self.ref, refs.astype(np.float32)])
            self.angle = np.concatenate([self.angle, np.zeros(top - known)])
        for start in range(0, len(codes), chunk):
            c, v = codes[start : start + chunk], vectors[start : start + chunk]
            cos = np.einsum("ij,ij->i", v, self.ref[c]).astype(np.float64)
            np.maximum.at(self.angle, c, np.arccos(np.clip(cos, -1.0, 1.0)))

    def bound(self, goals: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """(n_codes,) float64: the highest cosine any row of each occupation can have to a goal.

        Args:
            goals: (k, d) float32 unit goal vectors.
        """
        cos = np.clip((self.ref @ goals.T).astype(np.float64), -1.0, 1.0)
        gap = np.maximum(np.arccos(cos) - self.angle[:, None] - 1e-4, 0.0)  # 1e-4 rad: float32 slack
        caps: npt.NDArray[np.float64] = np.minimum(np.cos(gap).max(axis=1) + 1e-5, 1.0)
        return caps


def _group_keys(table: OpeningTable, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """(len(rows), n_keys) int64: the columns that define a group (floats by their bits)."""
    cols = [getattr(table, name)[rows].astype(np.int64) for name in _KEY_COLUMNS]
    for hours in (table.hours_min[rows], table.hours_max[rows]):
        cols.append(np.where(np.isnan(hours), np.nan, hours).view(np.int64))  # one NaN pattern
    cols.append(table.skills.row_set[rows].astype(np.int64))
    cols.append(table.licences.row_set[rows].astype(np.int64))
    return np.stack(cols, axis=1)
