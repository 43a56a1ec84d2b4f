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
    phi1 = np.radians(lat)
    phi2 = np.radians(lats)
    dphi = phi2 - phi1
    dlmb = np.radians(lons) - np.radians(lon)
    a = np.sin(dphi / 2.0) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2.0) ** 2
    km: npt.NDArray[np.float64] = 2.0 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return km
