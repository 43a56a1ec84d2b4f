"""`BatchStore`: the plan, per-person cap effects and done markers (no silent 'done')."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

import participants
from participants import NotFoundError
from participants.batches import BatchStore

BATCH = "00000000-0000-4000-8000-0000000000aa"
A, B = "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"
COUNTS = {
    "capped_participants": 0,
    "capped_leads": 0,
    "over_cap_participants": 1,
    "over_cap_leads": 1,
    "short_participants": 2,
}


@pytest.fixture
def store(tmp_path) -> Iterator[BatchStore]:  # type: ignore[no-untyped-def]
    con = duckdb.connect(str(tmp_path / "caseload.duckdb"))
    for script in sorted(participants.MIGRATIONS.glob("*.sql")):
        con.execute(script.read_text())
    yield BatchStore(con)
    con.close()


def test_a_person_without_candidates_is_done_with_a_recorded_reason(store: BatchStore) -> None:
    store.create(batch_id=BATCH, model_version="m", settings={}, settings_hash="h", actor="t")
    store.save_plan(
        batch_id=BATCH,
        plan={
            "participant_id": [A],
            "rank": [1],
            "item_id": ["x"],
            "score": [0.5],
            "over_cap": ["opening"],
            "shared_with": [3],
        },
        effects={
            "participant_id": [A, B],
            "candidates": [1, 0],
            "wanted": [1, 0],
            "within_caps": [0, 0],
            "over_caps": [1, 0],
            "lost_to_caps": [0, 0],
            "short_reason": ["1 item left after the person's own constraints", "0 items left (hours: 9)"],
        },
        counts=COUNTS,
        without_leads=[B],
    )
    record = store.get(batch_id=BATCH)
    assert (record.status, record.participants, record.participants_done) == ("writing", 2, 1)
    assert (record.over_cap_leads, record.short_participants) == (1, 2)
    assert store.pending(batch_id=BATCH, after=None, limit=10) == [A]
    nobody = store.effect(batch_id=BATCH, participant_id=B)
    assert nobody["short_reason"] == "0 items left (hours: 9)" and nobody["over_cap_leads"] == []
    shared = store.effect(batch_id=BATCH, participant_id=A)["over_cap_leads"]
    assert shared == [{"item_id": "x", "over_cap": "opening", "shared_with": 3}]
    assert store.shared(batch_id=BATCH, participant_ids=[A, B]) == {A: {"x": ("opening", 3)}}
    with pytest.raises(NotFoundError):
        store.effect(batch_id=BATCH, participant_id="00000000-0000-4000-8000-0000000000cc")
