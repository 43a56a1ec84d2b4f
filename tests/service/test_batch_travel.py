"""The batch ranks with exactly the inputs of on-demand leads: travel area, tiers, order (issue 12.1).

A batch ranks more candidates than it gives leads (so caps can be spread); it must still give
each person the leads the API gives them, in the API's order: local work before work beyond
the travel area, and work abroad or beyond 3x the area last, whatever its score.
"""

from __future__ import annotations

import numpy as np

from participants import ParticipantStore
from service.usecases.batch.options import BatchOptions
from service.usecases.batch.runner import run_batch
from service.usecases.rank_inputs import RankInputs
from tests.conftest import Api
from tests.service.test_batch import _batch_rows, seeded  # noqa: F401 (the demo world fixture)

LEADS = 5
#: No caps, but many more candidates than leads: the batch must pick by the API's order.
DEEP = BatchOptions(leads=LEADS, candidates=40, max_per_opening=10**6, max_per_employer=10**6, chunk=7)


def test_a_batchs_leads_for_a_person_are_the_on_demand_leads_in_order(seeded: Api) -> None:  # noqa: F811
    state = seeded.client.app.state  # type: ignore[attr-defined]
    db, engine = state.db, state.engine
    record = run_batch(db, engine, DEEP)
    batch = _batch_rows(db, record.id)
    people = ParticipantStore(db.cursor()).list(status="active", limit=1000)
    inputs, ranker = RankInputs.load(db, engine.travel_area_km), engine.ranker()
    score_alone_differs = 0
    for person, (inp, goals) in zip(people, inputs.with_goals(people, engine.ranking), strict=True):
        on_demand = engine.rank(inp.profile, goals_text=inp.goals_text, n=LEADS).leads
        assert [row[0] for row in batch.get(person.id, [])] == [lead.id for lead in on_demand]
        assert [row[2] for row in batch.get(person.id, [])] == [lead.score for lead in on_demand]
        # The premise: by score alone, a deep candidate list would give some people other leads.
        ranked, _ = ranker.best(inp.profile, goals, n=DEEP.candidates)
        by_score = np.lexsort((np.arange(len(ranked.rows)), -ranked.scores))[:LEADS]
        score_alone_differs += sorted(by_score.tolist()) != list(range(min(LEADS, len(ranked.rows))))
    assert score_alone_differs > 0
    # The route itself: its leads (repeats of an opening folded into one) begin with the batch's.
    for person in people:
        r = seeded.call("POST", f"/participants/{person.id}/leads", user="sup.a", json={"n": LEADS})
        assert r.status_code == 200, r.text
        served = r.json()["leads"]
        folded = {i for lead in served for i in lead["card"]["also_posted"]}
        mine = [row[0] for row in batch.get(person.id, []) if row[0] not in folded]
        assert mine == [lead["id"] for lead in served][: len(mine)]
