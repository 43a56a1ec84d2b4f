"""Distances for the travel tiers and the commute part, decided per region cell where they can be.

The commute part and the travel tier of a row depend on its distance only through three
thresholds of the person's travel area ``a`` (`matching.ranking.travel`): the part is 1 up to
``a``, falls between ``a`` and ``2a`` and is 0 from ``2a`` on; the tier changes at ``a`` and at
``FAR_FACTOR * a``. A region cell (`matching.ranking.groups`) whose distance range from home lies
wholly inside one of the bands [0, a], [2a, FAR_FACTOR * a] or beyond ``FAR_FACTOR * a`` gives all
its rows the same part and tier, so they get a *stand-in* distance (a bound of the cell's range,
inside that band) instead of their own haversine; only rows of the other cells get the exact one.
With no travel area the part is neutral and every tier 0, so no row needs its exact distance.

The stand-ins are for ranking only: `Ranker.best` replaces them with the exact distances of the
rows it returns, which is what the explanations show.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matching.ranking.groups import GroupIndex
from matching.ranking.table import OpeningTable
from matching.ranking.travel import FAR_FACTOR, distances, travel_area
from matching.types import Profile


def ranking_distances(
    table: OpeningTable, groups: GroupIndex, rows: npt.NDArray[np.int64], profile: Profile
) -> npt.NDArray[np.float64]:
    """(m,) float64 km from home to each of ``rows``, exact or a stand-in in the same band.

    `travel.commute_values` and `travel.travel_tiers` give the same values from these as from
    `travel.distances`; NaN where the place (or home) is unknown, as there.
    """
    if profile.home is None or len(rows) == 0:
        return distances(table, rows, profile)
    stand_in, exact = _cell_stand_ins(groups, profile)
    cell = groups.cell[rows]
    out = stand_in[cell]
    need = np.flatnonzero(exact[cell])
    if len(need):
        out[need] = distances(table, rows[need], profile)
    return out


def _cell_stand_ins(
    groups: GroupIndex, profile: Profile
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """(n_cells,) float64 stand-in km per cell (NaN for cell 0) and (n_cells,) bool: rows need exact km."""
    assert profile.home is not None
    area = travel_area(profile)
    far_at = FAR_FACTOR * (area if area is not None else 0.0)
    low, high = groups.cell_range(profile.home.lat, profile.home.lon, far_at)
    stand_in = high.copy()  # cell 0's bounds are NaN: its rows' place is unknown
    if area is None:
        exact = np.zeros(len(low), bool)
    else:
        inside = high <= area
        zero_part_near = (low > 2.0 * area) & (high <= far_at)
        far = low > far_at
        stand_in[far] = low[far]
        exact = ~(inside | zero_part_near | far)
    exact[0] = False
    return stand_in, exact
