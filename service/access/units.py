"""A unit's settings (``app_units``): read one unit, change its default travel area.

The unit row itself is made by the CLI or the demo seeder (`service.access.users.create_units`);
this module holds the one setting a unit changes while the service runs. Who may read or change
it is the use case's job (`service.usecases.unit_settings`).
"""

from __future__ import annotations

from dataclasses import dataclass

from service.runtime.database import Database
from storekit.checks import refuse_unsafe
from storekit.errors import InvalidError, NotFoundError

#: The travel areas a unit may set, km from home (straight line).
MIN_TRAVEL_AREA_KM = 1.0
MAX_TRAVEL_AREA_KM = 500.0


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """One unit.

    Attributes:
        id: The unit's id (e.g. ``"unit-a"``).
        name: Its name.
        country: ISO 3166 alpha-2, "" when not recorded.
        language: The unit's language (en, sv, da, fr).
        travel_area_km: The unit's default travel area in km; None: the programme's default applies.
    """

    id: str
    name: str
    country: str
    language: str
    travel_area_km: float | None


def get_unit(db: Database, *, unit_id: str) -> UnitRecord:
    """The unit ``unit_id``; NotFoundError when there is none."""
    row = (
        db.cursor()
        .execute("SELECT id, name, country, language, travel_area_km FROM app_units WHERE id = ?", [unit_id])
        .fetchone()
    )
    if row is None:
        raise NotFoundError("unit", unit_id)
    uid, name, country, language, km = row
    return UnitRecord(uid, name, (country or "").upper(), language or "en", km)


def set_travel_area(db: Database, *, unit_id: str, km: float | None) -> UnitRecord:
    """Set (or with None, clear) the unit's default travel area; the unit as stored after.

    Raises:
        NotFoundError: No such unit.
        InvalidError: ``km`` outside 1-500 or not finite (``travel_area_km``).
    """
    refuse_unsafe({"travel_area_km": km})
    if km is not None and not MIN_TRAVEL_AREA_KM <= km <= MAX_TRAVEL_AREA_KM:
        raise InvalidError(
            "travel_area_km", f"must be from {MIN_TRAVEL_AREA_KM:g} to {MAX_TRAVEL_AREA_KM:g} km; got {km:g}"
        )
    get_unit(db, unit_id=unit_id)
    with db.write_lock:
        db.cursor().execute("UPDATE app_units SET travel_area_km = ? WHERE id = ?", [km, unit_id])
    return get_unit(db, unit_id=unit_id)
