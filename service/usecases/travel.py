"""The travel area a person is ranked with, resolved the same way for the API and the batch.

A person's own ``max_commute_km`` comes first (`matching.ranking.travel.travel_area`); where they
stated none, their unit's ``travel_area_km`` applies, else the programme's default
(``Settings.travel_area_km``). A home without a recorded country takes the unit's country.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from matching.types import Profile
from participants import ParticipantRecord, to_profile
from service.access.users import list_units
from service.runtime.database import Database

#: The programme default when no setting is given (km from home, straight line).
DEFAULT_TRAVEL_AREA_KM = 25.0


@dataclass(frozen=True, slots=True)
class TravelAreas:
    """Every unit's travel area and country, read once (the batch ranks thousands of people).

    Attributes:
        default_km: The programme's default travel area, km.
        units: Unit id -> (its travel area in km or None, its ISO 3166 alpha-2 country or "").
    """

    default_km: float
    units: Mapping[str, tuple[float | None, str]]

    @classmethod
    def load(cls, db: Database, default_km: float) -> TravelAreas:
        """Read the units of ``db``."""
        units = {u["id"]: (u["travel_area_km"], (u["country"] or "").upper()) for u in list_units(db)}
        return cls(default_km, units)

    def profile(self, record: ParticipantRecord) -> Profile:
        """The ranking profile of ``record`` with its travel area and home country filled in."""
        profile = to_profile(record)
        area, country = self.units.get(record.unit_id, (None, ""))
        home = profile.home
        if home is not None and not home.country and country:
            home = dataclasses.replace(home, country=country)
        return dataclasses.replace(profile, home=home, travel_area_km=area or self.default_km)
