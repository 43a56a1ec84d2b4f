"""Place as part of fit: the person's travel area, the commute part and the travel tiers.

A person's *travel area* is their own ``max_commute_km`` when they stated one, else the default
their programme or unit gives (``Profile.travel_area_km``). Inside it the commute part is 1; it
falls to 0 at twice the area. Separately from the score, every item gets a *travel tier*, and
leads are ordered by (tier, score, id):

- tier 0: inside the area, place unknown, remote work, or nothing known about home or area;
  also work beyond the area when no allowed lead of the same kind of work (ISCO minor group)
  lies inside it;
- tier 1 (``TIER_OUTSIDE``): beyond the area but within ``FAR_FACTOR`` times it, while an allowed
  lead of the same ISCO minor group lies inside the area;
- tier 2 (``TIER_FAR``): in another country than home (both known and different) or beyond
  ``FAR_FACTOR`` times the area.

A person who said they would move (``willing_to_relocate``) has every item in tier 0. Remote
openings have no commute and are never far. Tiers order leads; they never remove one (only the
person's own ``commute_is_constraint`` does).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matching.ranking.geo import haversine_radians
from matching.ranking.parts import NEUTRAL
from matching.ranking.table import OpeningTable
from matching.types import Opening, Profile

#: Beyond this many times the travel area, work counts as far from home.
FAR_FACTOR = 3.0
TIER_LOCAL, TIER_OUTSIDE, TIER_FAR = 0, 1, 2


def travel_area(profile: Profile) -> float | None:
    """The person's travel area in km: their stated limit, else the default; None for none."""
    if profile.max_commute_km is not None and profile.max_commute_km > 0:
        return float(profile.max_commute_km)
    if profile.travel_area_km is not None and profile.travel_area_km > 0:
        return float(profile.travel_area_km)
    return None


def commute_values(
    distance: npt.NDArray[np.float64], remote: npt.NDArray[np.bool_], profile: Profile
) -> npt.NDArray[np.float64]:
    """(m,) float64 commute part: 1 inside the area, falling to 0 at twice it.

    Args:
        distance: (m,) float64 km from home, NaN when unknown.
        remote: (m,) bool, True for remote work: 1 when the person is remote_ok, else neutral.
        profile: The person.
    """
    area = travel_area(profile)
    if area is None:
        value = np.full(len(distance), NEUTRAL)
    else:
        over = np.clip(1.0 - (distance - area) / area, 0.0, 1.0)
        value = np.where(np.isnan(distance), NEUTRAL, np.where(distance <= area, 1.0, over))
    return np.where(remote, 1.0 if profile.remote_ok else NEUTRAL, value)


def commute_bound(profile: Profile) -> float:
    """The largest commute part any item can have for ``profile``."""
    known = profile.home is not None and travel_area(profile) is not None
    return 1.0 if known or profile.remote_ok else NEUTRAL


def distances(table: OpeningTable, rows: npt.NDArray[np.int64], profile: Profile) -> npt.NDArray[np.float64]:
    """(m,) float64 km from the person's home to each row, NaN where either is unknown."""
    if profile.home is None:
        return np.full(len(rows), np.nan)
    home = profile.home
    return haversine_radians(home.lat, home.lon, table.phi[rows], table.lam[rows], table.cos_phi[rows])


def travel_tiers(
    table: OpeningTable,
    rows: npt.NDArray[np.int64],
    profile: Profile,
    *,
    distance: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.int8]:
    """(m,) int8 travel tier of each of ``rows`` (see the module docstring).

    Args:
        table: Columns of the items.
        rows: (m,) int64 the allowed rows being ranked (the "same kind of work" test looks only here).
        profile: The person.
        distance: (m,) float64 `distances` of ``rows`` when the caller has them already.
    """
    tiers = np.zeros(len(rows), np.int8)
    area = travel_area(profile)
    if profile.home is None or area is None or profile.willing_to_relocate or len(rows) == 0:
        return tiers
    if distance is None:
        distance = distances(table, rows, profile)
    on_site = ~table.remote[rows]
    home_code = table.countries.codes.get(profile.home.country, -1) if profile.home.country else 0
    country = table.country[rows]
    other = (home_code != 0) & (country != 0) & (country != home_code)
    far = on_site & (other | (distance > FAR_FACTOR * area))
    inside = on_site & ~far & (distance <= area)
    outside = on_site & ~far & (distance > area)
    isco = table.isco[rows]
    minor = np.where(isco >= 0, isco // 10, -1)
    tiers[outside & np.isin(minor, np.unique(minor[inside]))] = TIER_OUTSIDE
    tiers[far] = TIER_FAR
    return tiers


def is_other_country(opening: Opening, profile: Profile) -> bool:
    """Work on site in another country than the person's home (both known and different)."""
    home, place = profile.home, opening.place
    return (
        not opening.remote
        and home is not None
        and place is not None
        and bool(home.country)
        and bool(place.country)
        and home.country != place.country
    )
