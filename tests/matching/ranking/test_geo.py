"""Distances from the table's kept radians are the distances `haversine_km` gives, to the bit.

The ranker keeps each row's latitude and longitude in radians and the latitude's cosine
(`OpeningTable.phi`, ``lam``, ``cos_phi``) and computes one distance per allowed row per query,
shared by the travel tiers and the commute part. The lead order depends on those distances
(tiers, the commute part, the ``max_commute`` constraint), so they must not move by a rounding.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.ranking.geo import haversine_km, haversine_radians
from matching.ranking.table import OpeningTable
from matching.ranking.travel import distances
from matching.types import Opening, Place, Profile

lat = st.floats(-90, 90, allow_nan=False)
lon = st.floats(-180, 180, allow_nan=False)
maybe = st.one_of(st.none(), st.tuples(lat, lon))


@settings(max_examples=60, deadline=None)
@given(origin=st.tuples(lat, lon), points=st.lists(maybe, min_size=1, max_size=40))
def test_kept_radians_give_the_same_bits(origin: tuple[float, float], points: list) -> None:
    lats = np.array([p[0] if p else np.nan for p in points])
    lons = np.array([p[1] if p else np.nan for p in points])
    phis = np.radians(lats)
    expected = haversine_km(*origin, lats, lons)
    got = haversine_radians(*origin, phis, np.radians(lons), np.cos(phis))
    np.testing.assert_array_equal(got, expected)  # NaN where unknown, equal bits elsewhere


def _opening(i: int, place: tuple[float, float] | None) -> Opening:
    where = Place(lat=place[0], lon=place[1], country="SE") if place else None
    return Opening(id=f"o{i}", employer_id="e", place=where)


def test_table_rows_keep_their_radians_through_writes_growth_and_copies() -> None:
    places = [(59.33, 18.07), None, (55.60, 13.00), (67.86, 20.23)]
    table = OpeningTable.build([_opening(i, p) for i, p in enumerate(places)])
    table.grow(8)
    table.copy_from(table, np.array([0, 2]), np.array([5, 6]))
    table.clear(np.array([3]))
    home = Profile(id="p", home=Place(lat=57.71, lon=11.97, country="SE"))
    rows = np.array([0, 1, 2, 3, 5, 6])
    expected = haversine_km(57.71, 11.97, table.lat[rows], table.lon[rows])
    np.testing.assert_array_equal(distances(table, rows, home), expected)
    assert np.isnan(distances(table, np.array([1, 3, 7]), home)).all()  # unknown, cleared, unused
    assert distances(table, np.array([5]), home)[0] == distances(table, np.array([0]), home)[0] > 0
