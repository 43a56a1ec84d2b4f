"""Great-circle distances, vectorised."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088


def haversine_km(
    lat: float, lon: float, lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Distance from one point to many, in kilometres along the great circle.

    Args:
        lat: Latitude of the origin, degrees.
        lon: Longitude of the origin, degrees.
        lats: (n,) float64 latitudes, degrees; NaN where unknown.
        lons: (n,) float64 longitudes, degrees; NaN where unknown.

    Returns:
        (n,) float64 distances in km; NaN where the destination is unknown.

    Example:
        >>> round(float(haversine_km(59.33, 18.06, np.array([59.86]), np.array([17.64]))[0]))
        63
    """
    phis = np.radians(lats)
    return haversine_radians(lat, lon, phis, np.radians(lons), np.cos(phis))


def haversine_radians(
    lat: float,
    lon: float,
    phis: npt.NDArray[np.float64],
    lams: npt.NDArray[np.float64],
    cos_phis: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """`haversine_km` to points given in radians with their latitudes' cosines (kept per row).

    The same operations in the same order as `haversine_km`, so the distances are bit-identical;
    only the per-row ``radians`` and ``cos`` are done once, when the rows are written.

    Args:
        lat: Latitude of the origin, degrees.
        lon: Longitude of the origin, degrees.
        phis: (n,) float64 latitudes, radians; NaN where unknown.
        lams: (n,) float64 longitudes, radians; NaN where unknown.
        cos_phis: (n,) float64 ``cos(phis)``.

    Returns:
        (n,) float64 distances in km; NaN where the destination is unknown.
    """
    phi1 = np.radians(lat)
    dphi = phis - phi1
    dlmb = lams - np.radians(lon)
    a = np.sin(dphi / 2.0) ** 2 + np.cos(phi1) * cos_phis * np.sin(dlmb / 2.0) ** 2
    km: npt.NDArray[np.float64] = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return km
