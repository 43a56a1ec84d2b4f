"""Measure the travel rule over a caseload: top leads outside the travel area while a local one waits.

For every active person whose home is known, rank every allowed item (the same `Ranker.best`
as the API, re-ranker off) and count the top ``n`` leads that lie beyond their travel area
(`matching.ranking.travel.travel_area`; remote work never does) while an allowed item of the same
ISCO minor group inside the area is *not* in the top ``n``. The rule in `matching.ranking.travel`
keeps this at 0; the check proves it on real data. Top-5 leads in another country are counted too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matching.ranking.ranker import Ranker
from matching.ranking.travel import is_other_country, travel_area
from matching.types import Profile
from participants import ParticipantRecord, ParticipantStore
from service.runtime.database import Database
from service.usecases.lead_engine import LeadEngine
from service.usecases.rank_inputs import RankInputs


@dataclass(frozen=True, slots=True)
class TravelCheck:
    """What the check found.

    Attributes:
        people: Active people with a known home and travel area that were ranked.
        leads: Top-n leads looked at.
        outside_with_local: Of those, leads beyond the area while a local lead of their ISCO
            minor group is not in the top n (the rule says 0).
        people_affected: People with at least one such lead.
        top5_other_country: Top-5 leads in another country than the person's home.
    """

    people: int
    leads: int
    outside_with_local: int
    people_affected: int
    top5_other_country: int

    @property
    def share(self) -> float:
        """outside_with_local / leads (0 when no lead was looked at)."""
        return self.outside_with_local / self.leads if self.leads else 0.0


def check_travel(db: Database, engine: LeadEngine, *, n: int = 10) -> TravelCheck:
    """Run the check over every active participant of ``db``."""
    inputs = RankInputs.load(db, engine.travel_area_km)  # what the API and the batch rank with
    counts = np.zeros(5, np.int64)
    for record in _active(db):
        person = inputs.of(record)
        profile = person.profile
        if profile.home is None or travel_area(profile) is None:
            continue
        goals = engine.ranking.goal_vectors(profile, person.goals_text)
        with engine.index.reading() as ranker:
            counts += _one(ranker, profile, goals, n)
    people, leads, bad, affected, abroad = (int(c) for c in counts)
    return TravelCheck(people, leads, bad, affected, abroad)


def _one(ranker: Ranker, profile: Profile, goals: np.ndarray, n: int) -> np.ndarray:
    """(people=1, leads, outside_with_local, affected, top5_other_country) for one person."""
    ranked, _ = ranker.best(profile, goals, n=len(ranker))
    table, rows, area = ranker.table_, ranked.rows, travel_area(profile)
    assert area is not None
    distance = ranked.parts.distance_km
    on_site = ~table.remote[rows]
    isco = table.isco[rows]
    minor = np.where(isco >= 0, isco // 10, -1)
    inside = on_site & (distance <= area) & (minor >= 0)
    waiting = set(minor[n:][inside[n:]].tolist())  # local leads of a group, not in the top n
    outside = on_site[:n] & (distance[:n] > area)
    bad = int((outside & np.isin(minor[:n], list(waiting))).sum())
    top5 = ranker.store_.items_at(rows[:5])
    abroad = sum(is_other_country(item, profile) for item in top5)
    return np.array([1, min(n, len(rows)), bad, int(bad > 0), abroad], np.int64)


def _active(db: Database) -> list[ParticipantRecord]:
    store, out, after = ParticipantStore(db.cursor()), [], None
    while batch := store.list(status="active", limit=500, after=after):
        out += batch
        after = batch[-1].id
    return out
