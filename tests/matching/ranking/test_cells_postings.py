"""The per-cell distances and the skill posting lists give the answers of the plain per-row passes.

`travel_cells.ranking_distances` gives stand-in distances to rows whose region cell decides the
commute part and travel tier; `SetVocabulary.hits_per_set` counts skills from posting lists. Both
must leave every part, tier, lead and score bit-identical to the exact per-row computation.
"""

from __future__ import annotations

import numpy as np
import pytest

from matching import Ranker
from matching.ranking.codes import SetVocabulary
from matching.ranking.selection import select
from matching.ranking.travel import commute_values, distances, travel_tiers
from matching.ranking.travel_cells import ranking_distances
from matching.types import LEAD_KINDS, Concept, Opening, Place, Profile
from tests.matching.builders import unit_vectors

HOME = Place(59.5, 18.0, country="SE")


def _items(n: int, seed: int) -> list[Opening]:
    """n openings around HOME out to ~400 km, some exactly on a radius, some remote or unplaced."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        if i % 7 == 0:  # on the edge of a 30 km radius (due north: 1 degree = 111.2 km)
            place: Place | None = Place(HOME.lat + 30.0 / 111.195, HOME.lon, country="SE")
        else:
            place = Place(HOME.lat + rng.normal(0, 1.2), HOME.lon + rng.normal(0, 2.0), country="SE")
        occ = int(rng.integers(0, 8))
        out.append(
            Opening(
                id=f"o{i:05d}",
                employer_id=f"e{i % 40}",
                occupation=Concept(f"occ {occ}", f"occ:{occ}", str(5100 + occ)),
                place=None if i % 19 == 0 else place,
                remote=i % 29 == 0,
                essential_skills=tuple(Concept(f"s{k}", f"skill:{k}") for k in rng.choice(12, 3)),
            )
        )
    return out


PEOPLE = [
    Profile(id="near", home=HOME, max_commute_km=30, skills=(Concept("s1", "skill:1"),)),
    Profile(id="wide", home=HOME, max_commute_km=120, remote_ok=True),
    Profile(id="area", home=HOME, travel_area_km=10.0),
    Profile(id="no_area", home=HOME),
    Profile(id="no_home", max_commute_km=30),
    Profile(id="moves", home=HOME, max_commute_km=20, willing_to_relocate=True),
]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.id)
def test_cell_stand_ins_give_the_exact_parts_and_tiers(person: Profile, seed: int) -> None:
    items = _items(3000, seed)
    ranker = Ranker().fit(items, unit_vectors(len(items), dim=8, seed=seed))
    table, rows = ranker.table_, select(ranker.store_, person, LEAD_KINDS).rows
    exact = distances(table, rows, person)
    stand_in = ranking_distances(table, ranker.store_.groups, rows, person)
    np.testing.assert_array_equal(np.isnan(stand_in), np.isnan(exact))
    remote = table.remote[rows]
    np.testing.assert_array_equal(
        commute_values(stand_in, remote, person), commute_values(exact, remote, person)
    )
    np.testing.assert_array_equal(
        travel_tiers(table, rows, person, distance=stand_in),
        travel_tiers(table, rows, person, distance=exact),
    )


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.id)
def test_best_equals_plain_exact_scoring_with_ties(person: Profile) -> None:
    items = _items(2500, 3)
    vecs = unit_vectors(4, dim=8, seed=5)[np.arange(len(items)) % 4]  # many equal similarities
    ranker = Ranker().fit(items, vecs)
    goal = vecs[1]
    best, _ = ranker.best(person, goal, n=60)
    rows = select(ranker.store_, person, LEAD_KINDS).rows
    plain = ranker.score_ids(person, goal, [str(i) for i in ranker.table_.ids[rows]])  # exact km
    tiers = travel_tiers(ranker.table_, rows, person, distance=distances(ranker.table_, rows, person))
    order = sorted(range(len(rows)), key=lambda j: (tiers[j], -plain.scores[j], ranker.table_.ids[rows[j]]))[
        :60
    ]
    assert best.rows.tolist() == rows[order].tolist()
    assert best.scores.tolist() == plain.scores[order].tolist()
    np.testing.assert_array_equal(best.parts.distance_km, distances(ranker.table_, best.rows, person))
    np.testing.assert_array_equal(best.parts.values, plain.parts.values[:, order])


def test_posting_lists_count_like_sets_also_for_sets_added_after_them() -> None:
    rng = np.random.default_rng(7)
    sets, rows = SetVocabulary(), []
    for step in range(6):
        for _ in range(int(rng.integers(1, 400))):
            row = [f"m{k}" for k in rng.choice(30 + 10 * step, int(rng.integers(0, 6)))]
            sets.add(row)
            rows.append(row)
        for have in (
            frozenset(),
            frozenset({"m1", "m3", "nobody"}),
            frozenset(f"m{k}" for k in range(0, 80, 3)),
        ):
            got = sets.hits_per_set(have)  # builds the lists at times, counts newer sets directly
            for row in rows:
                code = sets.add(row)
                assert got[code] == len(set(row) & have)
            assert got[0] == 0
