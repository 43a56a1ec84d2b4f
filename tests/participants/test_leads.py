from __future__ import annotations

import duckdb
import pytest

import participants
from matching.types import Explanation, Flag, Lead, ScorePart
from participants import InvalidError, LeadStore, NotFoundError


def _lead(i: int) -> Lead:
    parts = (ScorePart("preference", 0.5, 0.8, 0.4, "x"), ScorePart("skills", 0.5, 0.2, 0.1, "y"))
    return Lead(
        f"item{i}",
        "opening",
        "emp",
        "Emp",
        f"title {i}",
        0.5,
        i,
        Explanation(parts, (), (), (Flag("hours_unknown", "m"),), "note"),
    )


def test_recorded_leads_keep_parts_and_latest_feedback() -> None:
    con = duckdb.connect()
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    store = LeadStore(con)
    pid = "00000000-0000-4000-8000-000000000001"
    ids = store.create_many(participant_id=pid, leads=[_lead(1), _lead(2)], model_version="m1", actor="a")
    rec = store.get(lead_id=ids[0])
    assert rec.parts == {"preference": 0.8, "skills": 0.2} and rec.flags == ("hours_unknown",)
    assert rec.feedback is None and store.labelled() == []
    store.add_feedback(lead_id=ids[0], feedback="not_relevant", actor="a")
    assert store.add_feedback(lead_id=ids[0], feedback="applied", actor="a").feedback == "applied"
    assert [r.id for r in store.labelled()] == [ids[0]]
    with pytest.raises(InvalidError):
        store.add_feedback(lead_id=ids[1], feedback="meh", actor="a")
    with pytest.raises(NotFoundError):
        store.get(lead_id="00000000-0000-4000-8000-000000000009")
