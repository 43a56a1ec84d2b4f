"""The fast path (groups, region cells, score bounds, in-place updates) against the plain rules."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Ranker
from matching.ranking import topn
from matching.ranking.oracle import allowed, reference_rank
from matching.types import Concept, Disclosure, Opening, Place, Profile
from tests.matching.builders import openings, profiles, unit_vectors

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECTORS = ("G47", "I56", "Q87", "N81", "")


def _many(n: int, seed: int = 0) -> list[Opening]:
    """n items in few groups, spread over ~150 km, so bounds and cells both matter."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        occ = int(rng.integers(0, 12))
        lo = float(rng.choice([8, 16, 20, 30]))
        out.append(
            Opening(
                id=f"id{rng.integers(1 << 40):012d}-{i}",
                employer_id=f"e{i % 50}",
                kind="employer" if i % 17 == 0 else "opening",
                occupation=Concept(f"occ {occ}", f"occ:{occ}", str(5100 + occ * 7)),
                sector=SECTORS[occ % len(SECTORS)],
                hours_min=lo,
                hours_max=lo + 10,
                place=None if i % 23 == 0 else Place(59 + rng.random(), 17 + 2 * rng.random()),
                essential_skills=tuple(Concept(f"s{k}", f"skill:{k}") for k in range(occ % 5)),
                application_route=("either", "self_apply", "via_specialist")[i % 3],
            )
        )
    return out


PERSON = Profile(
    id="p",
    preferred_occupations=(Concept("occ 3", "occ:3", "5121"), Concept("occ 7", "occ:7", "5149")),
    refused_sectors=("Q87",),
    hours_min=10,
    hours_max=25,
    hours_is_constraint=True,
    home=Place(59.5, 18.0),
    max_commute_km=30,
    commute_is_constraint=True,
    skills=(Concept("s1", "skill:1"),),
    disclosure=Disclosure("partial", es_may_contact_employers=True),
)


@pytest.mark.parametrize("person", [PERSON, dataclasses.replace(PERSON, commute_is_constraint=False)])
def test_bounded_search_equals_scoring_every_row(person: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    items = _many(6000)
    centres = unit_vectors(12, dim=16, seed=4)  # titles of one occupation point the same way
    occ = np.array([int(o.occupation.uri.split(":")[1]) for o in items])
    noisy = centres[occ] + 0.25 * unit_vectors(len(items), dim=16)
    vecs = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    goals = centres[[3, 7]] + 0.05 * unit_vectors(2, dim=16, seed=3)
    goals = (goals / np.linalg.norm(goals, axis=1, keepdims=True)).astype(np.float32)
    ranker = Ranker(similarity_floor=0.1).fit(items, vecs)
    monkeypatch.setattr(topn, "SMALL", 64)  # bound even the smaller allowed sets
    fast, _ = ranker.best(person, goals, n=50)
    if not person.commute_is_constraint:
        assert fast.scored < fast.allowed / 2  # the bound did prune
    monkeypatch.setattr(topn, "SMALL", 10**9)  # score every allowed row
    full, _ = ranker.best(person, goals, n=50)
    assert fast.scored <= full.scored <= full.allowed  # tiers after the first may not be needed
    assert fast.rows.tolist() == full.rows.tolist()
    assert fast.scores.tolist() == full.scores.tolist()
    expected = reference_rank(items, vecs.tolist(), person, goals.tolist(), n=50, similarity_floor=0.1)
    assert [s for _, s in expected] == pytest.approx(fast.scores.tolist(), abs=1e-5)
    ranker.prune = False  # the benchmarks' baseline: no bounds at all, whatever SMALL says
    monkeypatch.setattr(topn, "SMALL", 64)
    unpruned, _ = ranker.best(person, goals, n=50)
    assert unpruned.scored == full.scored  # every row of each tier it needed, as with no bound
    assert unpruned.rows.tolist() == fast.rows.tolist()
    assert unpruned.scores.tolist() == fast.scores.tolist()


def test_region_cells_keep_exactly_the_rows_within_reach() -> None:
    items = _many(4000, seed=2)
    vecs = unit_vectors(len(items), dim=8)
    ranker = Ranker().fit(items, vecs)
    for km in (1.0, 12.5, 40.0, 400.0):
        person = dataclasses.replace(PERSON, max_commute_km=km)
        kept = {lead.id for lead in ranker.rank(person, vecs[0], n=len(items))}
        assert kept == {o.id for o in items if allowed(o, person)}


@FAST
@given(items=openings(n_max=60), profile=profiles())
def test_removal_counts_agree_with_removals(items: list[Opening], profile: Profile) -> None:
    ranker = Ranker().fit(items, unit_vectors(len(items)))
    by_reason = Counter(r.reason for r in ranker.removals(profile))
    assert ranker.removal_counts(profile) == dict(by_reason)


@FAST
@given(items=openings(n_max=60), profile=profiles(), data=st.data())
def test_updates_in_place_equal_a_fresh_fit(
    items: list[Opening], profile: Profile, data: st.DataObject
) -> None:
    vecs = unit_vectors(len(items))
    cut = data.draw(st.integers(0, len(items)))
    gone = data.draw(st.lists(st.sampled_from([o.id for o in items]), max_size=10))
    changed = [dataclasses.replace(o, sector="G47", hours_min=None) for o in items[: cut // 2]]
    back = [o for o in items if o.id in set(gone)][:3]
    steps: list[tuple[str, list[Opening], np.ndarray]] = [
        ("upsert", items[cut:], vecs[cut:]),
        ("remove", [o for o in items if o.id in set(gone)], vecs[:0]),
        ("upsert", changed, vecs[: cut // 2][::-1].copy()),
        ("upsert", back, unit_vectors(len(back), seed=5)),
    ]
    ranker = Ranker().fit(items[:cut], vecs[:cut])
    state = {o.id: (o, v) for o, v in zip(items[:cut], vecs[:cut], strict=True)}
    for op, some, some_vecs in steps:
        if op == "remove":
            ranker.remove(o.id for o in some)
            for o in some:
                state.pop(o.id, None)
        else:
            ranker.upsert(some, some_vecs)
            state.update({o.id: (o, v) for o, v in zip(some, some_vecs, strict=True)})
    fresh = Ranker().fit([o for o, _ in state.values()], np.array([v for _, v in state.values()], np.float32))
    goals = unit_vectors(2, seed=1)
    assert len(ranker) == len(fresh) == len(state)
    got = [(lead.id, lead.score) for lead in ranker.rank(profile, goals, n=len(items))]
    want = [(lead.id, lead.score) for lead in fresh.rank(profile, goals, n=len(items))]
    assert got == want
    assert ranker.removal_counts(profile) == fresh.removal_counts(profile)


def test_rows_are_reused_and_the_matrix_stays_contiguous() -> None:
    items = [Opening(id=f"o{i}", employer_id="e") for i in range(10)]
    ranker = Ranker().fit(items, unit_vectors(10))
    ranker.remove(["o3", "o4"])
    ranker.upsert([Opening(id="n1", employer_id="e")], unit_vectors(1, seed=9))
    store = ranker.store_
    assert store.vectors.flags.c_contiguous and store.high == 10  # a freed row was reused
    assert {o.id for o in ranker.openings_} == {f"o{i}" for i in range(10)} - {"o3", "o4"} | {"n1"}
    assert ranker.vectors_.shape == (9, 8)


def test_bounds_with_one_group_per_row_rank_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every row its own group (distinct hours), as in diverse networks: the group bounds, used
    # whenever the ranker uses them (forced here), must never cut a true top-50 row.
    from matching.ranking import ranker as ranker_module

    rng = np.random.default_rng(7)
    items = [
        dataclasses.replace(o, hours_min=8 + i / 1000, hours_max=30 + i / 1000)
        for i, o in enumerate(_many(3000, seed=5))
    ]
    centres = unit_vectors(12, dim=16, seed=4)
    occ = np.array([int(o.occupation.uri.split(":")[1]) for o in items])
    noisy = centres[occ] + 0.25 * unit_vectors(len(items), dim=16, seed=9)
    vecs = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
    vecs *= rng.uniform(1 - 9e-4, 1 + 9e-4, (len(items), 1))
    ranker = Ranker(similarity_floor=0.1).fit(items, vecs.astype(np.float32))
    person = dataclasses.replace(PERSON, commute_is_constraint=False, hours_is_constraint=False)
    monkeypatch.setattr(ranker_module, "GROUP_SHARING", 0)  # bound this 3,000-group set
    monkeypatch.setattr(topn, "SMALL", 64)
    for seed in range(10):
        goals = centres[[3, 7]] + 0.05 * unit_vectors(2, dim=16, seed=100 + seed)
        goals = (goals / np.linalg.norm(goals, axis=1, keepdims=True)).astype(np.float32)
        fast, _ = ranker.best(person, goals, n=50)
        assert fast.scored < fast.allowed  # the bounds were used
        monkeypatch.setattr(topn, "SMALL", 10**9)
        full, _ = ranker.best(person, goals, n=50)
        monkeypatch.setattr(topn, "SMALL", 64)
        assert fast.rows.tolist() == full.rows.tolist(), seed


def test_nearly_unit_vectors_are_stored_exactly_unit() -> None:
    # fit() accepts lengths within 1e-3 of 1, but the score bounds allow only 1e-5 of slack.
    items = _many(50)
    vecs = unit_vectors(50, dim=16) * np.linspace(1 - 9e-4, 1 + 9e-4, 50)[:, None].astype(np.float32)
    ranker = Ranker().fit(items, vecs)
    stored = ranker.store_.vectors[ranker.store_.rows_of([o.id for o in items])]
    assert np.abs(np.linalg.norm(stored, axis=1) - 1).max() < 1e-6
    assert stored.dtype == np.float32
