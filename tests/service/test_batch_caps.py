"""Exposure caps never leave a person short: properties of `assign` over random caseloads."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.types import Explanation, Flag, Lead
from service.usecases.batch.caps import SHARED_FLAG, Assignment, Candidates, assign, mark_shared, short_reason
from service.usecases.batch.options import BatchOptions


@st.composite
def caseloads(draw: Any) -> tuple[list[Candidates], BatchOptions]:
    """Random people x items x scores (ties included) x caps; each person's candidates best first."""
    n_items = draw(st.integers(1, 12))
    employer = [f"e{draw(st.integers(0, 3))}" for _ in range(n_items)]
    people = []
    for p in range(draw(st.integers(0, 9))):
        items = draw(st.lists(st.integers(0, n_items - 1), unique=True, max_size=n_items))
        scores = sorted((draw(st.sampled_from([0.1, 0.3, 0.5, 0.7, 0.9])) for _ in items), reverse=True)
        removed = draw(st.sampled_from([(), (("hours", 2),), (("commute", 0),)]))
        people.append(
            Candidates(
                f"p{p}", [f"i{i}" for i in items], [employer[i] for i in items], np.array(scores), removed
            )
        )
    options = BatchOptions(
        leads=draw(st.integers(1, 6)),
        max_per_opening=draw(st.integers(1, 4)),
        max_per_employer=draw(st.integers(1, 8)),
    )
    return people, options


@settings(max_examples=300, deadline=None)
@given(caseloads())
def test_everyone_gets_their_own_share_and_caps_bind_only_inside_them(
    case: tuple[list[Candidates], BatchOptions],
) -> None:
    people, options = case
    out = assign(people, options)
    assert set(out.plan) == set(out.effects) == {c.participant_id for c in people}
    within_item: Counter[str] = Counter()
    within_emp: Counter[str] = Counter()
    holders: dict[str, set[str]] = {}
    for c in people:
        given_ = out.plan[c.participant_id]
        wanted = min(options.leads, len(c.item_ids))
        assert len(given_) == wanted  # zero exclusion: only the person's own candidates limit them
        ranks = [c.item_ids.index(p.item_id) for p in given_]
        assert ranks == sorted(set(ranks))  # their own items, no repeats, in rank order
        for p, r in zip(given_, ranks, strict=True):
            assert p.score == c.scores[r]
            holders.setdefault(p.item_id, set()).add(c.participant_id)
            holders.setdefault(c.employer_ids[r], set()).add(c.participant_id)
            if not p.over_cap:
                within_item[p.item_id] += 1
                within_emp[c.employer_ids[r]] += 1
        over = [r for p, r in zip(given_, ranks, strict=True) if p.over_cap]
        left_out = set(range(len(c.item_ids))) - set(ranks)
        assert all(r < k for r in over for k in left_out)  # over a cap: their best remaining ones
        e = out.effects[c.participant_id]
        assert (e.candidates, e.wanted, e.within_caps + e.over_caps) == (len(c.item_ids), wanted, wanted)
        assert e.over_caps == len(over) and e.lost_to_caps == sum(r not in ranks for r in range(wanted))
        assert bool(e.short_reason) == (len(c.item_ids) < options.leads)
    assert all(n <= options.max_per_opening for n in within_item.values())
    assert all(n <= options.max_per_employer for n in within_emp.values())
    _check_over_cap_marks(people, out, options, (within_item, within_emp), holders)
    counts = out.counts()
    assert counts["over_cap_leads"] == sum(e.over_caps for e in out.effects.values())
    assert assign(people, options) == out  # deterministic


def _check_over_cap_marks(
    people: list[Candidates],
    out: Assignment,
    options: BatchOptions,
    within: tuple[Counter[str], Counter[str]],
    holders: dict[str, set[str]],
) -> None:
    """Each over-cap lead: its cap really is full inside the caps, and who shares it."""
    for c in people:
        for p in out.plan[c.participant_id]:
            emp = c.employer_ids[c.item_ids.index(p.item_id)]
            if p.over_cap == "opening":
                assert within[0][p.item_id] >= options.max_per_opening
                assert p.shared_with == len(holders[p.item_id] - {c.participant_id}) >= 1
            elif p.over_cap == "employer":
                assert within[1][emp] >= options.max_per_employer
                assert p.shared_with == len(holders[emp] - {c.participant_id})
            else:
                assert p.over_cap == "" and p.shared_with == 0


@settings(max_examples=100, deadline=None)
@given(caseloads())
def test_without_binding_caps_everyone_gets_their_top_leads(
    case: tuple[list[Candidates], BatchOptions],
) -> None:
    people, options = case
    roomy = BatchOptions(leads=options.leads, max_per_opening=10**6, max_per_employer=10**6)
    out = assign(people, roomy)
    for c in people:
        assert [p.item_id for p in out.plan[c.participant_id]] == c.item_ids[: roomy.leads]
        assert not any(p.over_cap for p in out.plan[c.participant_id])
    assert out.counts()["capped_leads"] == out.counts()["over_cap_leads"] == 0


def test_a_person_whose_candidates_the_caps_took_still_gets_them_flagged() -> None:
    strong = Candidates("a", ["x", "y"], ["e", "e"], np.array([0.9, 0.8]))
    weak = Candidates("b", ["x", "y"], ["e", "e"], np.array([0.5, 0.4]))
    out = assign([weak, strong], BatchOptions(leads=2, max_per_opening=1, max_per_employer=10))
    assert [(p.item_id, p.over_cap, p.shared_with) for p in out.plan["a"]] == [("x", "", 0), ("y", "", 0)]
    assert [(p.item_id, p.over_cap, p.shared_with) for p in out.plan["b"]] == [
        ("x", "opening", 1),
        ("y", "opening", 1),
    ]
    assert (out.effects["b"].within_caps, out.effects["b"].over_caps) == (0, 2)
    by_employer = assign([weak, strong], BatchOptions(leads=2, max_per_opening=5, max_per_employer=2))
    assert [p.over_cap for p in by_employer.plan["b"]] == ["employer", "employer"]


def test_short_reason_names_only_the_persons_own_constraints() -> None:
    assert short_reason(5, 5, [("hours", 3)]) == ""
    assert "hours: 3" in short_reason(2, 5, [("hours", 3), ("commute", 0)])
    assert "commute" not in short_reason(2, 5, [("hours", 3), ("commute", 0)])
    assert "catalogue" in short_reason(0, 5, [])


def test_mark_shared_adds_the_flag_to_over_cap_leads_only() -> None:
    explanation = Explanation((), (), (), (Flag("hours_unknown", "?"),), "")
    leads = [Lead(i, "opening", "e", "E", "t", 0.5, r, explanation) for r, i in enumerate(["x", "y"], 1)]
    marked = mark_shared({"p": leads}, {"p": {"y": ("opening", 3)}})["p"]
    assert marked[0] == leads[0]
    codes = [f.code for f in marked[1].explanation.flags]
    assert (
        codes == ["hours_unknown", SHARED_FLAG]
        and "shared with 3 others" in marked[1].explanation.flags[1].message
    )
