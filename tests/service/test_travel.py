"""Place is part of fit, measured on the whole demo programme (hashing encoder, so it is quick)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from participants import ParticipantStore
from service.demo import seed
from service.runtime.database import Database
from service.runtime.resources import Resources
from service.usecases.lead_engine import LeadEngine
from service.usecases.travel import TravelAreas
from service.usecases.travel_check import check_travel
from tests.conftest import ROOT


def test_no_top_lead_lies_beyond_the_travel_area_while_a_local_one_waits(
    resources: Resources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matching.ranking import ranker as ranker_module

    db = Database(str(tmp_path / "demo.duckdb"))
    db.migrate()
    engine = LeadEngine(db, resources.encoder, resources.catalog, resources.linker)
    seed.seed_demo(db, engine, ROOT / "data" / "demo")
    found = check_travel(db, engine, n=10)
    assert found.people >= 50 and found.leads == 10 * found.people  # the check looked
    assert found.outside_with_local == 0 and found.share == 0.0
    assert found.top5_other_country == 0
    # Without the travel tiers the score alone lets far leads in: the check can fail.
    monkeypatch.setattr(
        ranker_module, "travel_tiers", lambda table, rows, profile, **_: np.zeros(len(rows), np.int8)
    )
    assert check_travel(db, engine, n=10).outside_with_local > 0
    # Both paths resolve the area and country the same way: the unit's country fills the home's.
    person = ParticipantStore(db.cursor()).list(limit=1)[0]
    profile = TravelAreas.load(db, 25.0).profile(person)
    assert profile.travel_area_km == 25.0 and profile.home is not None and len(profile.home.country) == 2
    db.close()
