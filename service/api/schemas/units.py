"""A unit's settings: the default travel area for people who stated no limit of their own."""

from __future__ import annotations

from typing import Self

from pydantic import Field

from service.access.units import MAX_TRAVEL_AREA_KM, MIN_TRAVEL_AREA_KM
from service.api.schemas.common import Out, Strict, strict_with_examples
from service.usecases.unit_settings import UnitSettings


class UnitSettingsIn(Strict):
    """The unit's settings as a whole (PUT): ``travel_area_km`` null goes back to the programme's default."""

    model_config = strict_with_examples({"travel_area_km": 30}, {"travel_area_km": None})

    travel_area_km: float | None = Field(
        ...,
        ge=MIN_TRAVEL_AREA_KM,
        le=MAX_TRAVEL_AREA_KM,
        description="Default travel area of the unit's participants, km from home (straight line); "
        "null: the programme's default",
    )


class UnitSettingsOut(Out):
    """A unit and the travel area its participants are ranked with."""

    unit_id: str
    name: str
    country: str = Field(description="ISO 3166 alpha-2, empty when not recorded")
    language: str
    travel_area_km: float | None = Field(description="The unit's own setting, km; null when unset")
    default_travel_area_km: float = Field(description="The programme's default (IPSMATCH_TRAVEL_AREA_KM), km")
    effective_travel_area_km: float = Field(
        description="What people without a limit of their own are ranked with, km"
    )

    @classmethod
    def from_settings(cls, settings: UnitSettings) -> Self:
        """The answer for ``settings``: the unit's fields, then the programme's and the effective area."""
        return cls.from_fields(settings.unit, settings, unit_id=settings.unit.id)
