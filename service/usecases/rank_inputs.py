"""What a person is ranked with: one place for on-demand leads, the overnight batch and the travel check.

A caseload record becomes a `RankInput`: the ranking profile (`participants.to_profile`, with the
travel area and home country resolved by `TravelAreas`: the person's own limit, else their
unit's ``travel_area_km``, else the programme's default) and the free-text goals. Its goal
vectors come from the same cached encoder (`LeadRanking.goal_vectors_many`). Every path that
ranks a person goes through here, so a batch's leads and the API's leads cannot rank different
inputs (tests/service/test_batch_travel.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matching.types import Profile
from participants import ParticipantRecord
from service.runtime.database import Database
from service.usecases.ranking import LeadRanking
from service.usecases.travel import TravelAreas


@dataclass(frozen=True, slots=True)
class RankInput:
    """One person as the ranker sees them.

    Attributes:
        participant_id: Whose input.
        profile: The ranking profile with travel area (km) and home country filled in.
        goals_text: The person's goals in their own words ("" for none).
    """

    participant_id: str
    profile: Profile
    goals_text: str


class RankInputs:
    """Builds `RankInput`s with the units' travel areas read once (the batch ranks thousands).

    Args:
        areas: Every unit's travel area and country, and the programme default.
    """

    def __init__(self, areas: TravelAreas) -> None:
        self.areas = areas

    @classmethod
    def load(cls, db: Database, default_km: float) -> RankInputs:
        """The units of ``db`` with the programme's default travel area ``default_km`` (km)."""
        return cls(TravelAreas.load(db, default_km))

    def of(self, record: ParticipantRecord) -> RankInput:
        """What ``record`` is ranked with."""
        return RankInput(record.id, self.areas.profile(record), record.preferences.goals)

    def with_goals(
        self, records: Sequence[ParticipantRecord], ranking: LeadRanking
    ) -> list[tuple[RankInput, np.ndarray]]:
        """Each record's input with its (k, d) float32 goal vectors, encoded with one cache look-up."""
        inputs = [self.of(r) for r in records]
        goals = ranking.goal_vectors_many([(i.profile, i.goals_text) for i in inputs])
        return list(zip(inputs, goals, strict=True))


def rank_input(db: Database, record: ParticipantRecord, default_km: float) -> RankInput:
    """What one person is ranked with (see `RankInputs` for many)."""
    return RankInputs.load(db, default_km).of(record)
