"""A unit's settings: read by its team and admins, changed by its supervisor or an admin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from service.api.schemas.problems import error_responses
from service.api.schemas.units import UnitSettingsIn, UnitSettingsOut
from service.deps import DbDep, SettingsDep, UserDep
from service.usecases import unit_settings

router = APIRouter(prefix="/units", tags=["units"], responses=error_responses())
UnitId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")]
_ERRORS: dict[int | str, dict[str, str]] = {
    401: {"description": "No or bad credentials"},
    404: {"description": "No such unit, or not the caller's"},
}


@router.get("/{unit_id}/settings", response_model=UnitSettingsOut, responses=_ERRORS)
def read_settings(unit_id: UnitId, user: UserDep, db: DbDep, settings: SettingsDep) -> UnitSettingsOut:
    """The unit's settings (anyone of the unit, or an admin; audit-logged)."""
    found = unit_settings.read_unit_settings(
        db=db, user=user, unit_id=unit_id, default_km=settings.travel_area_km
    )
    return UnitSettingsOut.from_settings(found)


@router.put(
    "/{unit_id}/settings",
    response_model=UnitSettingsOut,
    responses={**_ERRORS, 403: {"description": "Not the unit's supervisor nor an admin"}},
)
def update_settings(
    unit_id: UnitId, body: UnitSettingsIn, user: UserDep, db: DbDep, settings: SettingsDep
) -> UnitSettingsOut:
    """Change the unit's default travel area; leads use it from the next request on (audit-logged)."""
    found = unit_settings.update_unit_settings(
        db=db,
        user=user,
        unit_id=unit_id,
        travel_area_km=body.travel_area_km,
        default_km=settings.travel_area_km,
    )
    return UnitSettingsOut.from_settings(found)
