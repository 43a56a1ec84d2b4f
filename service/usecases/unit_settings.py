"""A unit's settings over HTTP: who may read and change them, and the audit row of each.

- Read: any caseload role of the unit (specialist, job developer, supervisor) and admins.
- Change: the unit's supervisor and admins; the unit's other roles get 403.
- Another unit's user gets the same 404 as for a unit id that names nothing.

The travel area takes effect at once: every leads request and every batch reads the units when
it ranks (`service.usecases.rank_inputs`), and a lead set's fingerprint holds the profile's
travel area, so a set ranked with the old area is not shown again.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.access.audit import log_access
from service.access.auth import caseload_units
from service.access.errors import ForbiddenError
from service.access.units import UnitRecord, get_unit, set_travel_area
from service.access.users import User
from service.runtime.database import Database
from storekit.errors import NotFoundError


@dataclass(frozen=True, slots=True)
class UnitSettings:
    """A unit's settings as shown.

    Attributes:
        unit: The unit (its own ``travel_area_km``, None when unset).
        default_travel_area_km: The programme's default (IPSMATCH_TRAVEL_AREA_KM), km.
    """

    unit: UnitRecord
    default_travel_area_km: float

    @property
    def effective_travel_area_km(self) -> float:
        """What people of the unit without a limit of their own are ranked with, km."""
        return self.unit.travel_area_km or self.default_travel_area_km


def _visible_unit(db: Database, user: User, unit_id: str) -> UnitRecord:
    """The unit if ``user`` belongs to it (or is an admin); else the 404 of a missing unit."""
    if user.role != "admin" and unit_id not in caseload_units(user):
        raise NotFoundError("unit", unit_id)
    return get_unit(db, unit_id=unit_id)


def read_unit_settings(*, db: Database, user: User, unit_id: str, default_km: float) -> UnitSettings:
    """The settings of ``unit_id`` (its caseload roles and admins; the read is audit-logged)."""
    unit = _visible_unit(db, user, unit_id)
    log_access(db, user_id=user.id, action="read", entity="unit", entity_ids=[unit.id])
    return UnitSettings(unit, default_km)


def update_unit_settings(
    *, db: Database, user: User, unit_id: str, travel_area_km: float | None, default_km: float
) -> UnitSettings:
    """Set the unit's default travel area (None: back to the programme's); audit-logged with old and new.

    Raises:
        NotFoundError: Not the caller's unit (or no such unit).
        ForbiddenError: The caller is not the unit's supervisor nor an admin.
        InvalidError: The travel area is outside 1-500 km.
    """
    before = _visible_unit(db, user, unit_id)
    if user.role not in ("supervisor", "admin"):
        raise ForbiddenError("only the unit's supervisor or an admin may change its settings")
    after = set_travel_area(db, unit_id=before.id, km=travel_area_km)
    detail = f"travel_area_km: {before.travel_area_km} -> {after.travel_area_km}"
    log_access(db, user_id=user.id, action="update", entity="unit", entity_ids=[after.id], detail=detail)
    return UnitSettings(after, default_km)
